package graphiql

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func get(t *testing.T, h http.Handler, method, target string, header http.Header) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func wantHeader(t *testing.T, res *http.Response, key, want string) {
	t.Helper()
	if got := res.Header.Get(key); got != want {
		t.Errorf("%s = %q, want %q", key, got, want)
	}
}

// TestHandlerIndex checks the page at "/" of the embedded assets, whether
// they were built (GraphiQL) or not (the fallback page).
func TestHandlerIndex(t *testing.T) {
	res, body := get(t, Handler(), http.MethodGet, "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / status %d", res.StatusCode)
	}
	wantHeader(t, res, "Content-Type", "text/html; charset=utf-8")
	wantHeader(t, res, "Cache-Control", "no-cache")
	if !strings.Contains(body, "<title>Diplograph GraphQL</title>") {
		t.Errorf("GET / has no Diplograph title:\n%s", body)
	}
	if Built() {
		if !strings.Contains(body, `<div id="graphiql">`) {
			t.Errorf("GET / is not the GraphiQL page:\n%s", body)
		}
	} else if !strings.Contains(body, "make graphiql") || !strings.Contains(body, "/graphql") {
		t.Errorf("fallback page does not say how to build or where /graphql is:\n%s", body)
	}
}

var (
	htmlRef   = regexp.MustCompile(`\b(?:src|href)\s*=\s*"([^"]*)"`)
	jsRef     = regexp.MustCompile(`["'](\./[A-Za-z0-9._-]+\.js)["']`)
	absoluteU = regexp.MustCompile(`^(?i:[a-z][a-z0-9+.-]*:|//)`)
)

// TestBuiltAssets checks, when GraphiQL was built, that index.html loads only
// local files, that each of them (and the Monaco workers the bundle names) is
// served with 200, the right content type and long caching, and that every
// built file is served.
func TestBuiltAssets(t *testing.T) {
	if !Built() {
		t.Skip("GraphiQL not built (run make graphiql)")
	}
	h := Handler()
	_, index := get(t, h, http.MethodGet, "/", nil)

	var refs []string
	for _, m := range htmlRef.FindAllStringSubmatch(index, -1) {
		ref := m[1]
		if ref == "data:," { // empty favicon, so the browser asks for none
			continue
		}
		if absoluteU.MatchString(ref) || !strings.HasPrefix(ref, "./") {
			t.Errorf("index.html references a non-local URL %q", ref)
			continue
		}
		refs = append(refs, ref)
	}
	var js, css int
	for _, ref := range refs {
		switch {
		case strings.HasSuffix(ref, ".js"):
			js++
		case strings.HasSuffix(ref, ".css"):
			css++
		}
	}
	if js != 1 || css != 1 {
		t.Errorf("index.html loads %d scripts and %d style sheets, want 1 and 1: %q", js, css, refs)
	}

	served := map[string]bool{}
	check := func(ref string) string {
		t.Helper()
		name := strings.TrimPrefix(ref, "./")
		if served[name] {
			return ""
		}
		served[name] = true
		res, body := get(t, h, http.MethodGet, "/"+name, nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET /%s status %d", name, res.StatusCode)
			return ""
		}
		want := map[string]string{
			".js":  "text/javascript; charset=utf-8",
			".css": "text/css; charset=utf-8",
		}[name[strings.LastIndex(name, "."):]]
		if want != "" {
			wantHeader(t, res, "Content-Type", want)
		}
		wantHeader(t, res, "Cache-Control", "public, max-age=31536000, immutable")
		if len(body) == 0 {
			t.Errorf("GET /%s is empty", name)
		}
		return body
	}
	workers := 0
	for _, ref := range refs {
		body := check(ref)
		if strings.HasSuffix(ref, ".js") {
			for _, m := range jsRef.FindAllStringSubmatch(body, -1) {
				if strings.Contains(m[1], ".worker-") {
					workers++
				}
				check(m[1])
			}
		}
	}
	if workers != 3 {
		t.Errorf("the bundle names %d Monaco worker files, want 3 (editor, json, graphql)", workers)
	}

	// Every built file is served.
	err := fs.WalkDir(dist, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == "README.md" || name == "index.html" {
			return err
		}
		check(name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestHandlerFallback uses a dist/ with only README.md, as on a clean clone.
func TestHandlerFallback(t *testing.T) {
	h := newHandler(fstest.MapFS{"README.md": {Data: []byte("built by make graphiql")}})
	res, body := get(t, h, http.MethodGet, "/", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET / status %d", res.StatusCode)
	}
	wantHeader(t, res, "Content-Type", "text/html; charset=utf-8")
	wantHeader(t, res, "Cache-Control", "no-cache")
	for _, s := range []string{"not built", "make graphiql", "/graphql"} {
		if !strings.Contains(body, s) {
			t.Errorf("fallback page lacks %q", s)
		}
	}
	res, body = get(t, h, http.MethodHead, "/", nil)
	if res.StatusCode != http.StatusOK || body != "" {
		t.Errorf("HEAD / status %d, body %q", res.StatusCode, body)
	}
	for _, p := range []string{"/README.md", "/index.html.x", "/graphiql.js"} {
		if res, _ := get(t, h, http.MethodGet, p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s status %d, want 404", p, res.StatusCode)
		}
	}
}

// TestHandlerBuilt uses a small fake build to check headers and status codes.
func TestHandlerBuilt(t *testing.T) {
	h := newHandler(fstest.MapFS{
		"README.md":               {Data: []byte("built by make graphiql")},
		"index.html":              {Data: []byte(`<!doctype html><title>x</title><script type="module" src="./graphiql-ABCDEFGH.js"></script>`)},
		"graphiql-ABCDEFGH.js":    {Data: []byte("console.log(1)")},
		"graphiql-ABCDEFGH.css":   {Data: []byte("body{}")},
		"json.worker-Z2345677.js": {Data: []byte("self.onmessage=null")},
		"notes.txt":               {Data: []byte("no hash in the name")},
	})
	cases := []struct {
		path, contentType, cache string
	}{
		{"/", "text/html; charset=utf-8", "no-cache"},
		{"/index.html", "text/html; charset=utf-8", "no-cache"},
		{"/graphiql-ABCDEFGH.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/graphiql-ABCDEFGH.css", "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/json.worker-Z2345677.js", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"},
		{"/notes.txt", "text/plain; charset=utf-8", "no-cache"},
	}
	for _, c := range cases {
		res, _ := get(t, h, http.MethodGet, c.path, nil)
		if res.StatusCode != http.StatusOK {
			t.Errorf("GET %s status %d", c.path, res.StatusCode)
			continue
		}
		wantHeader(t, res, "Content-Type", c.contentType)
		wantHeader(t, res, "Cache-Control", c.cache)
		wantHeader(t, res, "X-Content-Type-Options", "nosniff")

		etag := res.Header.Get("ETag")
		if etag == "" {
			t.Errorf("GET %s has no ETag", c.path)
			continue
		}
		res, _ = get(t, h, http.MethodGet, c.path, http.Header{"If-None-Match": {etag}})
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("GET %s with If-None-Match status %d, want 304", c.path, res.StatusCode)
		}
	}
	for _, p := range []string{"/README.md", "/missing.js", "/graphiql-ABCDEFGH.js/x"} {
		if res, _ := get(t, h, http.MethodGet, p, nil); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s status %d, want 404", p, res.StatusCode)
		}
	}
	res, _ := get(t, h, http.MethodPost, "/", nil)
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST / status %d, want 405", res.StatusCode)
	}
	wantHeader(t, res, "Allow", "GET, HEAD")
}
