package store

import (
	"context"
	"fmt"
)

// Version returns a fingerprint of the graph's content that changes whenever articles are stored,
// replaced or removed: the number of articles and the newest ingest time. Every write path stores or
// deletes articles (a replaced article's facts go with it and its replacement is newer), so servers
// caching responses compare fingerprints to notice what other processes wrote. Both parts are cheap:
// the count comes from Neo4j's count store, the newest time from the article_ingested index.
func (s *Store) Version(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, `
CALL () { MATCH (a:Article) RETURN count(a) AS n }
CALL () {
  OPTIONAL MATCH (a:Article) WHERE a.ingestedAt IS NOT NULL
  WITH a ORDER BY a.ingestedAt DESC LIMIT 1
  RETURN toString(a.ingestedAt) AS newest
}
RETURN n, newest`, nil)
	if err != nil {
		return "", fmt.Errorf("read the graph version: %w", err)
	}
	if len(recs) == 0 {
		return "", nil
	}
	n, _ := recs[0].Get("n")
	newest, _ := recs[0].Get("newest")
	return fmt.Sprintf("%v|%v", n, newest), nil
}
