package extract_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// testArticles reads the test articles.
func testArticles(tb testing.TB) []*diplograph.Article {
	tb.Helper()
	var out []*diplograph.Article
	err := loader.Read(context.Background(), []string{filepath.Join("..", "testdata", "articles")}, loader.ReadOptions{}, func(it loader.Item) error {
		if it.Err != nil {
			tb.Errorf("reading the test articles: %v", it.Err)
		} else {
			out = append(out, it.Article)
		}
		return nil
	})
	if err != nil || len(out) == 0 {
		tb.Fatalf("no test articles: %v", err)
	}
	return out
}

// FuzzExtract extracts any UTF-8 text as an article body: the extractor must not panic, and its
// document must match the schema, with every offset inside the body, every text equal to its slice and
// every referenced entity present.
func FuzzExtract(f *testing.F) {
	for _, a := range testArticles(f) {
		f.Add(a.Body, uint16(a.Published.Time().Sub(diplograph.Date{Year: 2000, Month: 1, Day: 1}.Time()).Hours()/24))
	}
	for _, s := range []string{"", " ", "ـ", "\u064e", "سوريا", "U.S.", "التقى الوزير نظيره", "Lavrov met Shaibani in Moscow.",
		"وزير الخارجية السوري أسعد الشيباني", "أمس الأول", "قال \"", "\"«»", "😀 سوريا 😀", "al-", "عبد", "الرئيس الرئيس الرئيس"} {
		f.Add(s, uint16(0))
		f.Add(s, uint16(9000))
	}
	lex, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	x := extract.New(lex)
	f.Fuzz(func(t *testing.T, body string, days uint16) {
		if !utf8.ValidString(body) {
			return
		}
		a := &diplograph.Article{Body: body, ID: loader.ArticleID(body), Language: loader.DetectLanguage(body), Origin: "fuzz"}
		if a.Language == "" {
			a.Language = loader.Arabic
		}
		if days > 0 {
			a.Published = diplograph.Date{Year: 2000, Month: 1, Day: 1}.AddDays(int(days))
		}
		doc := x.Extract(a)
		if err := schema.CheckExtraction(doc); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.ValidateExtraction(b); err != nil {
			t.Fatal(err)
		}
	})
}
