package store

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph"
)

// MaxBatch bounds the ids one batched read takes, so that a query stays small.
const MaxBatch = 1000

// EntitiesByID returns the entities with the given ids; ids not in the graph are absent from the map.
func (s *Store) EntitiesByID(ctx context.Context, ids []string) (map[string]Entity, error) {
	out := make(map[string]Entity, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	if len(ids) > MaxBatch {
		return nil, diplograph.Errorf(diplograph.EINVALID, "too many ids in one read: %d (at most %d)", len(ids), MaxBatch)
	}
	recs, err := s.read(ctx, `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN `+entityProjection, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	for _, m := range firstMaps(recs) {
		e := entityOf(m)
		out[e.ID] = e
	}
	return out, nil
}
