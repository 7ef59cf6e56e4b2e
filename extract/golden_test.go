package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
)

var update = flag.Bool("update", false, "rewrite the golden Extraction files of testdata/golden (only for an intended change)")

// TestGoldenExtractions extracts every article of testdata/articles and compares the document with
// its golden file testdata/golden/NAME.json. A difference is either a regression or an intended
// change; run "go test ./extract -run TestGoldenExtractions -update" for the latter and review the
// diff of testdata/golden.
func TestGoldenExtractions(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(lex)
	x.KeepBody = false
	paths, _ := filepath.Glob("../testdata/articles/*")
	n := 0
	for _, path := range paths {
		ext := filepath.Ext(path)
		if ext != ".json" && ext != ".txt" {
			continue // the README, and JSON Lines files of several articles
		}
		name := strings.TrimSuffix(filepath.Base(path), ext)
		var doc *diplograph.Extraction
		err := loader.ReadFile(context.Background(), path, loader.ReadOptions{}, func(it loader.Item) error {
			if it.Err != nil {
				return it.Err
			}
			doc = x.Extract(it.Article)
			return nil
		})
		if err != nil || doc == nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		n++
		got, _ := json.MarshalIndent(doc, "", "  ")
		got = append(got, '\n')
		golden := filepath.Join("..", "testdata", "golden", name+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (create it with -update)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the extraction differs from %s:\n%s", name, golden, firstDiff(string(want), string(got)))
		}
	}
	if n < 50 {
		t.Errorf("only %d articles with golden extractions, want at least 50", n)
	}
}

// firstDiff shows the first differing line of two texts with its neighbours.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines, different bytes)"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
