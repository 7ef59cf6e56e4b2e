package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// checkArticle fails unless a looks like what a reader returns.
func checkArticle(t *testing.T, a *diplograph.Article) {
	t.Helper()
	if a.Body == "" || strings.TrimSpace(a.Body) != a.Body {
		t.Fatalf("body %q is empty or not trimmed", a.Body)
	}
	if !utf8.ValidString(a.Body) || !utf8.ValidString(a.Title) {
		t.Fatalf("body or title is not valid UTF-8")
	}
	if a.Language != Arabic && a.Language != English {
		t.Fatalf("language %q", a.Language)
	}
	if a.ID != ArticleID(a.Body) {
		t.Fatalf("id %s is not the body's", a.ID)
	}
	if !a.Published.Valid() {
		t.Fatalf("published %+v is not a valid date", a.Published)
	}
}

// FuzzReadText reads any text as a plain-text article.
func FuzzReadText(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	files = append(files, seedPath)
	for _, p := range files {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add(seedLike)
	for _, s := range []string{"", "\n", "\ufeff", "T\n\n\n", "T\nسياسة", "a", "هذا الخبر بعنوان بتاريخ",
		"T\nThis article was first published by", "T\nThis article was first published on 5 May 2024 by X.",
		"T\nنشر أولاً على موقع", "T\nنشر أولاً على موقع x-", "\r\n\r\nT\r\nB\r", "T\nB\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseText(text)
		if err != nil {
			if a != nil {
				t.Fatalf("an article and an error")
			}
			return
		}
		if !utf8.ValidString(text) {
			return // readers check UTF-8 before ParseText
		}
		checkArticle(t, a)
		if strings.ContainsAny(a.Title, "\n\r") || strings.Contains(a.Body, "\r") {
			t.Fatalf("title %q or body has a line break it should not", a.Title)
		}
		// Every line of the body is a line of the text.
		lines := map[string]bool{}
		for _, l := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
			lines[strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))] = true
		}
		for _, l := range strings.Split(a.Body, "\n") {
			if !lines[l] {
				t.Fatalf("body line %q is not a line of the text", l)
			}
		}
	})
}

// FuzzReadJSONLines reads any bytes as a JSON Lines file (and, for the second argument, as a .json
// file), through ReadBytes.
func FuzzReadJSONLines(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.json*"))
	corpus, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.jsonl"))
	for _, p := range append(files, corpus...) {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		if len(data) > 20000 {
			// The first lines only: the fuzzer mutates small inputs better.
			data = data[:20000]
		}
		f.Add(data, false)
		f.Add(data, true)
	}
	for _, s := range []string{"", "\n\n", "{}", `{"body":"x"}`, "{\"body\":\"a\"}\n{broken\n{\"body\":\"b\"}",
		`[{"body":"a"},{"body":5}]`, `{"body":"x","published":5}`, `{"body":"x","language":"fr"}`,
		"{\"body\":\"t\xffwo\"}", `{"body":"x","published":"2025-02-30"}`, "{\"body\":\"" + strings.Repeat("y", 3000) + "\"}\n{\"body\":\"z\"}"} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, asJSON bool) {
		name := "fuzz.jsonl"
		if asJSON {
			name = "fuzz.json"
		}
		lines := strings.Count(string(data), "\n") + 1
		items, lastLine := 0, 0
		err := ReadBytes(name, data, ReadOptions{MaxArticleBytes: 2000}, func(it Item) error {
			items++
			if it.Err != nil {
				var ie *InputError
				if !errors.As(it.Err, &ie) || !strings.HasPrefix(ie.Origin, name) || !strings.HasPrefix(it.Err.Error(), name) {
					t.Fatalf("error %v does not name the file", it.Err)
				}
				return nil
			}
			a := it.Article
			checkArticle(t, a)
			if !strings.HasPrefix(a.Origin, name) {
				t.Fatalf("origin %q", a.Origin)
			}
			if rest, ok := strings.CutPrefix(a.Origin, name+":"); ok {
				n, err := strconv.Atoi(rest)
				if err != nil || n <= lastLine || n > lines {
					t.Fatalf("origin %q: line out of order (last %d of %d)", a.Origin, lastLine, lines)
				}
				lastLine = n
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadBytes returned %v (errors go to emit)", err)
		}
		if items == 0 {
			t.Fatalf("nothing emitted")
		}
		if !asJSON && items > lines {
			t.Fatalf("%d items from %d lines", items, lines)
		}
	})
}
