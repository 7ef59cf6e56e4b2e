package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph"
)

// PositionQuery selects positions. Its Cypher is assembled from constant fragments; every value is a
// parameter.
type PositionQuery struct {
	// Holder holds the position, itself or through any of its officials.
	Holder string
	Target string
	Topic  diplograph.Topic
	Stance diplograph.Stance
	// Window keeps positions whose date span overlaps it.
	Window     Window
	MinSources int
	// Modalities defaults to ASSERTED.
	Modalities []diplograph.Modality
	Desc       bool
	Offset     int
	Limit      int
	Count      bool
}

// Positions returns a page of the positions the query selects, oldest first (newest first with Desc);
// positions without a date come last.
func (s *Store) Positions(ctx context.Context, q PositionQuery) (Page[Position], error) {
	params := map[string]any{}
	match := q.match(params)
	order := "ORDER BY p.dateStart IS NULL, p.dateStart, p.id"
	if q.Desc {
		order = "ORDER BY p.dateStart IS NULL, p.dateStart DESC, p.id DESC"
	}
	page, err := s.page(ctx, match, "p", order, positionProjection, q.Offset, q.Limit, q.Count, params)
	if err != nil {
		return Page[Position]{}, fmt.Errorf("read positions: %w", err)
	}
	out := Page[Position]{Total: page.Total, HasMore: page.HasMore, Items: make([]Position, len(page.Items))}
	for i, m := range page.Items {
		out.Items[i] = positionOf(m)
	}
	return out, nil
}

// match returns the MATCH … WHERE of the query, binding p, and adds its parameters.
func (q *PositionQuery) match(params map[string]any) string {
	var b strings.Builder
	var conds []string
	switch {
	case q.Holder != "":
		params["holder"] = q.Holder
		b.WriteString(`
MATCH (x:Entity {id: $holder})
OPTIONAL MATCH (o:Person)-[r:HOLDS_ROLE]->(x) WHERE NOT r.former
WITH x, collect(o) AS os
UNWIND [x] + os AS h
MATCH (p:Position)-[:HELD_BY]->(h)
WITH DISTINCT p`)
		if q.Target != "" {
			params["target"] = q.Target
			conds = append(conds, "p.target = $target")
		}
	case q.Target != "":
		params["target"] = q.Target
		b.WriteString("\nMATCH (p:Position)-[:ABOUT]->(:Entity {id: $target})")
	default:
		b.WriteString("\nMATCH (p:Position)")
	}
	conds = append(conds, "p.modality IN $modalities")
	params["modalities"] = modalityParams(q.Modalities)
	if q.Topic != "" {
		params["topic"] = string(q.Topic)
		conds = append(conds, "p.topic = $topic")
	}
	if q.Stance != "" {
		params["stance"] = string(q.Stance)
		conds = append(conds, "p.stance = $stance")
	}
	conds = append(conds, windowConds("p", q.Window, params)...)
	if q.MinSources > 1 {
		params["minSources"] = q.MinSources
		conds = append(conds, "COUNT { MATCH (p)-[:REPORTED_IN]->(src:Article) RETURN DISTINCT src } >= $minSources")
	}
	b.WriteString("\nWHERE " + strings.Join(conds, "\n  AND "))
	return b.String()
}

// PositionsByID returns the positions with the given ids; ids not in the graph are absent.
func (s *Store) PositionsByID(ctx context.Context, ids []string) (map[string]Position, error) {
	out := make(map[string]Position, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "UNWIND $ids AS id\nMATCH (p:Position {id: id})\nRETURN "+positionProjection, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read positions: %w", err)
	}
	for _, m := range firstMaps(recs) {
		p := positionOf(m)
		out[p.ID] = p
	}
	return out, nil
}

// PositionsByArticle returns the positions each article reports, oldest first (at most MaxPerArticle).
func (s *Store) PositionsByArticle(ctx context.Context, articleIDs []string) (map[string][]Position, error) {
	recs, err := s.read(ctx, `
UNWIND $ids AS id
MATCH (:Article {id: id})<-[:REPORTED_IN]-(p:Position)
WITH DISTINCT id, p ORDER BY p.dateStart IS NULL, p.dateStart, p.id
WITH id, collect(`+positionProjection+`)[..$max] AS positions
RETURN id, positions`, map[string]any{"ids": articleIDs, "max": MaxPerArticle})
	if err != nil {
		return nil, fmt.Errorf("read the positions of articles: %w", err)
	}
	out := make(map[string][]Position, len(articleIDs))
	for _, id := range articleIDs {
		out[id] = []Position{}
	}
	for _, r := range recs {
		m := r.AsMap()
		id := getStr(m, "id")
		for _, p := range getMaps(m, "positions") {
			out[id] = append(out[id], positionOf(p))
		}
	}
	return out, nil
}
