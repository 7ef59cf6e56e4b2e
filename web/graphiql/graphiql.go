// Package graphiql serves the GraphiQL IDE from assets embedded in the binary,
// so the page works on machines without internet access.
//
// The assets are built from the npm package graphiql into dist/ by
// `make graphiql` (npm ci and npm run build in this directory; see build.mjs).
// dist/ is git-ignored except for its README.md, so on a clean clone nothing
// is built: Handler then serves a short page at "/" that says how to build
// GraphiQL, and go build and go test still work without Node.js.
package graphiql

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"strings"
	"time"
)

//go:embed dist
var embedded embed.FS

// dist is the embedded dist/ directory.
var dist = mustSub(embedded, "dist")

func mustSub(fsys fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// Built reports whether the GraphiQL assets were built into this binary.
func Built() bool { return built(dist) }

func built(fsys fs.FS) bool {
	_, err := fs.Stat(fsys, "index.html")
	return err == nil
}

// Handler serves GraphiQL: index.html at "/" and the files it loads next to
// it. index.html is sent with Cache-Control: no-cache; the other files have a
// content hash in their names and are cached for a year. When the assets were
// not built, "/" serves a page that says so. Paths are relative to where the
// handler is mounted (strip any prefix with http.StripPrefix); the page sends
// its GraphQL requests to /graphql on the same host.
func Handler() http.Handler { return newHandler(dist) }

// hashed matches the names esbuild gives with entryNames "[name]-[hash]".
var hashed = regexp.MustCompile(`-[A-Z2-7]{8}\.[a-z0-9]+$`)

var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".svg":   "image/svg+xml",
	".txt":   "text/plain; charset=utf-8",
	".ttf":   "font/ttf",
	".woff":  "font/woff",
	".woff2": "font/woff2",
}

type asset struct {
	contentType  string
	cacheControl string
	etag         string
}

type handler struct {
	fsys   fs.FS
	assets map[string]asset // by file name; "/" serves "index.html"
}

func newHandler(fsys fs.FS) http.Handler {
	h := &handler{fsys: fsys, assets: map[string]asset{}}
	if !built(fsys) {
		return h
	}
	_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || name == "README.md" {
			return err
		}
		a := asset{contentType: contentTypes[path.Ext(name)], cacheControl: "no-cache"}
		if a.contentType == "" {
			a.contentType = mime.TypeByExtension(path.Ext(name))
		}
		if a.contentType == "" {
			a.contentType = "application/octet-stream"
		}
		if hashed.MatchString(name) {
			a.cacheControl = "public, max-age=31536000, immutable"
		}
		if a.etag, err = etag(fsys, name); err != nil {
			return err
		}
		h.assets[name] = a
		return nil
	})
	return h
}

func etag(fsys fs.FS, name string) (string, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sum := sha256.New()
	if _, err := io.Copy(sum, f); err != nil {
		return "", err
	}
	return `"` + base64.RawURLEncoding.EncodeToString(sum.Sum(nil)[:12]) + `"`, nil
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	a, ok := h.assets[name]
	if !ok {
		if name == "index.html" && len(h.assets) == 0 {
			serveNotBuilt(w, r)
			return
		}
		http.NotFound(w, r)
		return
	}
	f, err := h.fsys.Open(name)
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	content, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", a.contentType)
	hdr.Set("Cache-Control", a.cacheControl)
	hdr.Set("ETag", a.etag)
	hdr.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, name, time.Time{}, content)
}

const notBuiltPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Diplograph GraphQL</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42em;margin:3em auto;padding:0 1em}code,pre{background:#f3f3f3;padding:.1em .3em}pre{padding:.6em}</style>
</head>
<body>
<h1>Diplograph GraphQL</h1>
<p>GraphiQL was not built into this binary. To include it, build it (needs Node.js and npm) and then rebuild diplograph:</p>
<pre>make graphiql</pre>
<p>The GraphQL endpoint <code>/graphql</code> works without it, for example:</p>
<pre>curl -H 'Content-Type: application/json' -d '{"query":"{ __typename }"}' http://HOST/graphql</pre>
</body>
</html>
`

func serveNotBuilt(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("Cache-Control", "no-cache")
	hdr.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.WriteString(w, notBuiltPage)
	}
}
