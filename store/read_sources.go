package store

import (
	"context"
	"fmt"
	"sort"
)

// sourcesQuery is the query of SourcesByEvent and SourcesByPosition with the fact's label.
func sourcesQuery(label string) string {
	return `
UNWIND $ids AS id
MATCH (:` + label + ` {id: id})-[s:REPORTED_IN]->(a:Article)
RETURN id, s {.quote, .start, .end, .confidence, .rule, .published} AS source, ` + articleProjection + ` AS article`
}

var (
	eventSourcesQuery    = sourcesQuery("Event")
	positionSourcesQuery = sourcesQuery("Position")
)

// SourcesByEvent returns the sources of each event, oldest report first, and their articles (without
// bodies), so that a caller can cache them.
func (s *Store) SourcesByEvent(ctx context.Context, eventIDs []string) (map[string][]Source, map[string]Article, error) {
	return s.sources(ctx, eventSourcesQuery, eventIDs)
}

// SourcesByPosition returns the sources of each position, oldest report first, and their articles.
func (s *Store) SourcesByPosition(ctx context.Context, positionIDs []string) (map[string][]Source, map[string]Article, error) {
	return s.sources(ctx, positionSourcesQuery, positionIDs)
}

func (s *Store) sources(ctx context.Context, cypher string, ids []string) (map[string][]Source, map[string]Article, error) {
	recs, err := s.read(ctx, cypher, map[string]any{"ids": ids})
	if err != nil {
		return nil, nil, fmt.Errorf("read sources: %w", err)
	}
	out := make(map[string][]Source, len(ids))
	for _, id := range ids {
		out[id] = []Source{}
	}
	arts := map[string]Article{}
	for _, r := range recs {
		m := r.AsMap()
		a := articleOf(getMap(m, "article"))
		arts[a.ID] = a
		src := getMap(m, "source")
		id := getStr(m, "id")
		out[id] = append(out[id], Source{ArticleID: a.ID, Quote: getStr(src, "quote"), Start: getInt(src, "start"),
			End: getInt(src, "end"), Confidence: getOptFloat(src, "confidence"), Rule: getOptStr(src, "rule"),
			Published: getDate(src, "published")})
	}
	for _, l := range out {
		sort.Slice(l, func(i, j int) bool {
			a, b := l[i], l[j]
			if c := compareDates(a.Published, b.Published); c != 0 {
				return c < 0
			}
			if a.ArticleID != b.ArticleID {
				return a.ArticleID < b.ArticleID
			}
			return a.Start < b.Start
		})
	}
	return out, arts, nil
}

// ArticlesByID returns the articles with the given ids (without bodies).
func (s *Store) ArticlesByID(ctx context.Context, ids []string) (map[string]Article, error) {
	recs, err := s.read(ctx, "UNWIND $ids AS id\nMATCH (a:Article {id: id})\nRETURN "+articleProjection, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read articles: %w", err)
	}
	out := make(map[string]Article, len(recs))
	for _, m := range firstMaps(recs) {
		a := articleOf(m)
		out[a.ID] = a
	}
	return out, nil
}

// ArticleByURL returns the id of the article stored under a URL, or "" when there is none.
func (s *Store) ArticleByURL(ctx context.Context, url string) (string, error) {
	recs, err := s.read(ctx, "MATCH (a:Article {url: $url}) RETURN a.id AS id ORDER BY a.id LIMIT 1", map[string]any{"url": url})
	if err != nil {
		return "", fmt.Errorf("read article by URL: %w", err)
	}
	if len(recs) == 0 {
		return "", nil
	}
	id, _ := recs[0].Values[0].(string)
	return id, nil
}

// ArticleBodies returns the bodies of the articles with the given ids.
func (s *Store) ArticleBodies(ctx context.Context, ids []string) (map[string]string, error) {
	recs, err := s.read(ctx, "UNWIND $ids AS id\nMATCH (a:Article {id: id})\nRETURN a.id AS id, coalesce(a.body, '') AS body",
		map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read article bodies: %w", err)
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		out[getStr(m, "id")] = getStr(m, "body")
	}
	return out, nil
}
