package graph_test

import (
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// testMutation stores an article over HTTP with the write token, then finds its event.
func (e *env) testMutation(t *testing.T) {
	u := e.serve(t, graph.Config{Auth: graph.Auth{WriteToken: "w-secret"}}) + "/graphql"
	article := map[string]any{
		"title": "Fidan and Araghchi discuss Syria by phone",
		"body": "ANKARA - Turkish Foreign Minister Hakan Fidan held a phone call with Iranian Foreign Minister Abbas Araghchi " +
			"on Tuesday to discuss the situation in Syria and regional security, the Turkish foreign ministry said.",
		"url": "https://test-wire.example.net/2026/12/01/fidan-araghchi-call", "source": "Test Wire", "published": "2026-12-01",
	}
	vars := map[string]any{"articles": []any{article, map[string]any{"body": "   "}}}

	_, resp := post(t, u, ingestMutation, vars, bearer("w-secret"))
	res, ok := dig(resp, "data", "ingestArticles").(map[string]any)
	if !ok {
		t.Fatalf("ingestArticles: %v", resp)
	}
	arts := res["articles"].([]any)
	first, second := arts[0].(map[string]any), arts[1].(map[string]any)
	if res["received"] != 2.0 || res["new"] != 1.0 || res["failed"] != 1.0 || first["status"] != "NEW" || first["events"].(float64) < 1 ||
		second["status"] != "FAILED" || second["error"] == nil {
		t.Fatalf("first ingest: %s", jsonString(res))
	}

	_, resp = post(t, u, ingestMutation, map[string]any{"articles": []any{article}}, bearer("w-secret"))
	if dig(resp, "data", "ingestArticles", "unchanged") != 1.0 {
		t.Fatalf("second ingest of the same article: %s", jsonString(resp))
	}

	_, resp = post(t, u, `{ events(filter: {participants: ["person:hakan-fidan", "country:IR"], from: "2026-12-01", to: "2026-12-01"}) {
	  nodes { type date sources { article { url } } } } }`, nil, nil)
	nodes, _ := dig(resp, "data", "events", "nodes").([]any)
	if len(nodes) != 1 || dig(nodes[0], "type") != "PHONE_CALL" {
		t.Fatalf("the stored call: %s", jsonString(resp))
	}
}

// dig follows keys and indexes into decoded JSON; nil when a step is missing.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}
