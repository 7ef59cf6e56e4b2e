package store

import (
	"context"
	"fmt"
)

// Loaded returns which of the given file content hashes the loader has recorded (diplograph.Checkpoints).
func (s *Store) Loaded(ctx context.Context, hashes []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(hashes) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, `
UNWIND $keys AS k
MATCH (c:LoadCheckpoint {key: k})
RETURN c.key AS key`, map[string]any{"keys": hashes})
	if err != nil {
		return nil, fmt.Errorf("read load checkpoints: %w", err)
	}
	for _, r := range recs {
		if k, ok := r.Get("key"); ok {
			out[k.(string)] = true
		}
	}
	return out, nil
}

// Record records that a file with the given content hash has been loaded.
func (s *Store) Record(ctx context.Context, hash, path string, size int64, articles int) error {
	_, err := s.exec(ctx, `
MERGE (c:LoadCheckpoint {key: $key})
ON CREATE SET c.loadedAt = datetime()
SET c.path = $path, c.size = $size, c.articles = $articles`,
		map[string]any{"key": hash, "path": path, "size": size, "articles": articles})
	if err != nil {
		return fmt.Errorf("record load checkpoint of %s: %w", path, err)
	}
	return nil
}
