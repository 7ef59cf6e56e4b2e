package graph_test

import (
	"context"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/loader"
)

func mustDate(t *testing.T, s string) diplograph.Date {
	t.Helper()
	d, err := diplograph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const countQuery = `{ events(first: 1) { totalCount } }`

// testCache checks the response cache: a repeated query costs no Cypher round trip; an error is never
// kept; a write by another process shows within a poll interval, a write through the mutation at once;
// the cache can be turned off.
func (e *env) testCache(t *testing.T) {
	total := func(url string) float64 {
		t.Helper()
		_, resp := post(t, url, countQuery, nil, nil)
		n, ok := dig(resp, "data", "events", "totalCount").(float64)
		if !ok {
			t.Fatalf("count: %s", jsonString(resp))
		}
		return n
	}
	trips := func(f func()) int64 {
		before := e.store.QueryCount()
		f()
		return e.store.QueryCount() - before
	}

	polled := e.serve(t, graph.Config{PollInterval: 100 * time.Millisecond}) + "/graphql"
	n0 := total(polled)
	// The version poller also sends queries; count only the window of one request, several times.
	hit := false
	for i := 0; i < 5 && !hit; i++ {
		hit = trips(func() { total(polled) }) == 0
	}
	if !hit {
		t.Errorf("a repeated query went to Neo4j every time")
	}
	if n := trips(func() {
		for i := 0; i < 3; i++ {
			post(t, polled, `{ events(filter: {participants: ["person:nobody-at-all"]}) { totalCount } }`, nil, nil)
		}
	}); n < 3 {
		t.Errorf("a query answered with an error was kept: %d round trips for 3 requests", n)
	}

	// Another process stores an article: the poller notices within its interval.
	x := extract.New(e.lex)
	body := "AMMAN - Jordanian Foreign Minister Ayman Safadi met Egyptian Foreign Minister Badr Abdelatty in Amman " +
		"on Monday, and the two ministers discussed the situation in Gaza, the Jordanian foreign ministry said."
	a := &diplograph.Article{ID: loader.ArticleID(body), Body: body, Title: "Safadi meets Abdelatty in Amman",
		URL: "https://test-wire.example.net/2026/12/07/safadi-abdelatty", Source: "Test Wire", Language: loader.English,
		Published: mustDate(t, "2026-12-07")}
	if _, err := e.store.Write(context.Background(), []*diplograph.Extraction{x.Extract(a)}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for total(polled) == n0 {
		if time.Now().After(deadline) {
			t.Fatalf("the count stayed %v after another process stored an event", n0)
		}
		time.Sleep(50 * time.Millisecond)
	}

	// Through the mutation, the next query sees the article at once, even without polling.
	slow := e.serve(t, graph.Config{PollInterval: time.Hour, Auth: graph.Auth{WriteToken: "w"}}) + "/graphql"
	n1 := total(slow)
	// Wait until the count is answered from the cache, so that a stale answer would show below.
	for i := 0; trips(func() { total(slow) }) != 0; i++ {
		if i == 10 {
			t.Fatal("the count never came from the cache")
		}
		time.Sleep(20 * time.Millisecond)
	}
	body2 := "RIYADH - Saudi Foreign Minister Prince Faisal bin Farhan received Omani Foreign Minister Badr Albusaidi " +
		"in Riyadh on Tuesday, and the two sides discussed bilateral relations, the Saudi Press Agency reported."
	_, resp := post(t, slow, ingestMutation, map[string]any{"articles": []any{map[string]any{"body": body2,
		"url": "https://test-wire.example.net/2026/12/08/faisal-albusaidi", "source": "Test Wire", "published": "2026-12-08"}}}, bearer("w"))
	if dig(resp, "data", "ingestArticles", "new") != 1.0 {
		t.Fatalf("ingest: %s", jsonString(resp))
	}
	if n := total(slow); n <= n1 {
		t.Errorf("after the mutation the count is %v, was %v: a stale response was served", n, n1)
	}

	// Turned off, every query goes to Neo4j.
	off := e.serve(t, graph.Config{ResponseCache: -1, PollInterval: time.Hour}) + "/graphql"
	total(off)
	if n := trips(func() { total(off) }); n == 0 {
		t.Errorf("with the cache off a repeated query made no round trip")
	}
}
