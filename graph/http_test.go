package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

// testHTTP checks the endpoints around GraphQL: health, readiness, metrics, GraphiQL, GET queries,
// persisted queries and the body limit.
func (e *env) testHTTP(t *testing.T) {
	base := strings.TrimSuffix(e.url, "/graphql")
	get := func(path string) (int, string) {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if st, body := get("/healthz"); st != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/healthz: %d %q", st, body)
	}
	if st, body := get("/readyz"); st != 200 || !strings.Contains(body, "ready") {
		t.Errorf("/readyz: %d %q", st, body)
	}
	if st, body := get("/"); st != 200 || !strings.Contains(strings.ToLower(body), "<html") {
		t.Errorf("/: %d, want the GraphiQL page", st)
	}
	st, body := get("/graphql?query=" + url.QueryEscape(`{ country(code: "RU") { name } }`))
	if st != 200 || !strings.Contains(body, `"Russia"`) {
		t.Errorf("GET /graphql: %d %s", st, body)
	}
	if st, body := get("/metrics"); st != 200 ||
		!strings.Contains(body, "diplograph_cypher_round_trips_total") ||
		!strings.Contains(body, `diplograph_graphql_operations_total{type="query"}`) ||
		!strings.Contains(body, "diplograph_graphql_operation_duration_seconds_bucket") ||
		!strings.Contains(body, `diplograph_http_requests_total{code="200",handler="graphql",method="GET"}`) ||
		!strings.Contains(body, "diplograph_subscriptions_active") {
		t.Errorf("/metrics: %d, missing metrics:\n%s", st, body)
	}

	t.Run("persisted query", func(t *testing.T) {
		q := `{ country(code: "SY") { code } }`
		sum := sha256.Sum256([]byte(q))
		ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
		_, resp := postExt(t, e.url, "", ext)
		if code := errorCode(resp); code != "PERSISTED_QUERY_NOT_FOUND" {
			t.Fatalf("hash alone, before the query: %v", resp)
		}
		if _, resp := postExt(t, e.url, q, ext); resp["errors"] != nil {
			t.Fatalf("hash with the query: %v", resp)
		}
		if _, resp := postExt(t, e.url, "", ext); resp["errors"] != nil || !strings.Contains(jsonString(resp), `"SY"`) {
			t.Fatalf("hash alone, after the query: %v", resp)
		}
	})

	t.Run("cors", func(t *testing.T) {
		u := e.serve(t, graph.Config{CORSOrigins: []string{"https://app.example.org"}}) + "/graphql"
		preflight := func(origin string) string {
			req, _ := http.NewRequest(http.MethodOptions, u, nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "authorization,content-type") // sorted, as browsers send it
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.Header.Get("Access-Control-Allow-Origin")
		}
		if got := preflight("https://app.example.org"); got != "https://app.example.org" {
			t.Errorf("allowed origin: Access-Control-Allow-Origin %q", got)
		}
		if got := preflight("https://elsewhere.example.com"); got != "" {
			t.Errorf("other origin: Access-Control-Allow-Origin %q", got)
		}
	})

	t.Run("body limit", func(t *testing.T) {
		big := `{ search(query: "` + strings.Repeat("a", 5<<20) + `") { id } }`
		resp, err := http.Post(e.url, "application/json", strings.NewReader(`{"query": "`+strings.ReplaceAll(big, `"`, `\"`)+`"}`))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode == 200 && !strings.Contains(string(b), "errors") {
			t.Errorf("a 5 MiB body was accepted: %d", resp.StatusCode)
		}
	})
}
