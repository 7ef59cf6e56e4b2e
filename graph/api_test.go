package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/internal/neo4jtest"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store"
)

var update = flag.Bool("update", false, "rewrite the golden responses of testdata/queries")

// env is a server on the test Neo4j loaded with testdata/corpus.
type env struct {
	store *store.Store
	lex   *lexicon.Lexicon
	url   string // the /graphql endpoint of the default server (no tokens)
}

// TestAPI runs every end-to-end test on one graph loaded with the sample corpus: the golden queries
// first (they need the corpus as it is), then the tests that write.
func TestAPI(t *testing.T) {
	s := neo4jtest.Open(t)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	l := &loader.Loader{Writer: s, Extractor: extract.New(lex), Opts: loader.Options{Workers: 2, Check: store.Check,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))}}
	sum, err := l.Load(ctx, []string{filepath.Join("..", "testdata", "corpus")})
	if err != nil || sum.Failed > 0 || sum.Read != 65 {
		t.Fatalf("load the corpus: %+v, %v", sum, err)
	}
	e := &env{store: s, lex: lex}
	e.url = e.serve(t, graph.Config{PollInterval: 200 * time.Millisecond}) + "/graphql"

	t.Run("golden", e.testGolden)
	t.Run("roundtrips", e.testRoundTrips)
	t.Run("http", e.testHTTP)
	t.Run("auth", e.testAuth)
	t.Run("subscription", e.testSubscription)
	t.Run("mutation", e.testMutation)
	t.Run("cache", e.testCache)
}

// serve starts a server with cfg and returns its base URL.
func (e *env) serve(t *testing.T, cfg graph.Config) string {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	ingest := &graph.Ingester{Writer: e.store, Extractor: extract.New(e.lex)}
	srv := graph.NewServer(e.store, ingest, func(c string) bool { return e.lex.Countries[c] != nil }, cfg)
	ctx, cancel := context.WithCancel(context.Background())
	go srv.Run(ctx)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { cancel(); hs.Close() })
	return hs.URL
}

// post sends a GraphQL request and returns the status and the decoded body.
func post(t *testing.T, url, query string, vars map[string]any, header http.Header) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode the response (status %d): %v", resp.StatusCode, err)
	}
	return resp.StatusCode, out
}

// testGolden runs every testdata/queries/NAME.graphql and compares the response with NAME.json
// (-update rewrites them).
func (e *env) testGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "queries", "*.graphql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no queries in testdata/queries: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		t.Run(name, func(t *testing.T) {
			q, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := postRaw(t, e.url, string(q))
			golden := strings.TrimSuffix(f, ".graphql") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./graph -run TestAPI/golden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: the response differs from %s (run with -update if the change is intended):\n%s",
					name, golden, diff(string(want), string(got)))
			}
		})
	}
}

// diff shows the first lines where two texts differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			lo := max(0, i-3)
			hiW, hiG := min(len(w), i+5), min(len(g), i+5)
			return "want:\n" + strings.Join(w[lo:hiW], "\n") + "\ngot:\n" + strings.Join(g[lo:hiG], "\n")
		}
	}
	return ""
}

// postExt sends a GraphQL request with extensions (persisted queries).
func postExt(t *testing.T, url, query string, ext map[string]any) (int, map[string]any) {
	t.Helper()
	req := map[string]any{"extensions": ext}
	if query != "" {
		req["query"] = query
	}
	body, _ := json.Marshal(req)
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decode the response (status %d): %v", resp.StatusCode, err)
	}
	return resp.StatusCode, out
}

// errorCode returns extensions.code of the first error of a response, "" when there is none.
func errorCode(resp map[string]any) string {
	errs, _ := resp["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// postRaw sends a query and returns its response indented, the fields of data in the order of the query
// and the errors sorted by path and message (fields resolve concurrently, so errors come in any order).
func postRaw(t *testing.T, url, query string) []byte {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Errors     []json.RawMessage `json:"errors,omitempty"`
		Data       json.RawMessage   `json:"data,omitempty"`
		Extensions json.RawMessage   `json:"extensions,omitempty"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatalf("decode the response (status %d): %v", resp.StatusCode, err)
	}
	key := func(e json.RawMessage) string {
		var x struct {
			Path    []any
			Message string
		}
		json.Unmarshal(e, &x)
		return jsonString(x.Path) + x.Message
	}
	sort.SliceStable(r.Errors, func(i, j int) bool { return key(r.Errors[i]) < key(r.Errors[j]) })
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(r)
	return out.Bytes()
}
