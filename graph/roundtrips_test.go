package graph_test

import (
	"testing"
)

// roundTripQuery lists events with their participants, their sources and the sources' articles.
const roundTripQuery = `query Trips($n: Int) {
  events(first: $n) {
    totalCount
    edges { node { type date
      participants { role entity { id name nameAr type } }
      sources { quote start end article { id title url source published } } } }
  }
}`

// MaxRoundTrips bounds the Cypher round trips of roundTripQuery whatever the number of events: the page
// with its count, the participants with their entities, the sources with their articles.
const MaxRoundTrips = 4

// testRoundTrips checks that the round trips of a list do not grow with its length: the dataloaders
// batch every participant, source and article of the page.
func (e *env) testRoundTrips(t *testing.T) {
	trips := func(n int) int64 {
		before := e.store.QueryCount()
		status, resp := post(t, e.url, roundTripQuery, map[string]any{"n": n}, nil)
		if status != 200 || resp["errors"] != nil {
			t.Fatalf("status %d: %v", status, resp["errors"])
		}
		edges := resp["data"].(map[string]any)["events"].(map[string]any)["edges"].([]any)
		if len(edges) != n {
			t.Fatalf("%d events, want %d", len(edges), n)
		}
		return e.store.QueryCount() - before
	}
	one, five, twenty := trips(1), trips(5), trips(20)
	t.Logf("Cypher round trips: 1 event %d, 5 events %d, 20 events %d", one, five, twenty)
	for _, n := range []int64{one, five, twenty} {
		if n > MaxRoundTrips {
			t.Errorf("%d round trips, want at most %d whatever the number of events", n, MaxRoundTrips)
		}
	}
}
