package extract_test

import (
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
)

func newExtractor(b *testing.B) *extract.Extractor {
	b.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	return extract.New(lex)
}

// BenchmarkExtract extracts every test article; one operation is the whole corpus. It reports the
// body bytes per second (MB/s), the articles per second and the allocations.
func BenchmarkExtract(b *testing.B) {
	articles := testArticles(b)
	x := newExtractor(b)
	var size int64
	for _, a := range articles {
		size += int64(len(a.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	ops := 0
	for b.Loop() {
		for _, a := range articles {
			x.Extract(a)
		}
		ops++
	}
	b.ReportMetric(float64(ops*len(articles))/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(len(articles)), "articles/op")
}

// syntheticArticle builds an article of about n words from the bodies of the test articles in one
// language, sentence by sentence, dated like its first source.
func syntheticArticle(tb testing.TB, lang string, n int) *diplograph.Article {
	var body strings.Builder
	words := 0
	var pub diplograph.Date
	for _, a := range testArticles(tb) {
		if a.Language != lang {
			continue
		}
		if pub.IsZero() {
			pub = a.Published
		}
		for _, line := range strings.Split(a.Body, "\n") {
			for _, w := range strings.Fields(line) {
				if words == n {
					break
				}
				if words > 0 {
					body.WriteByte(' ')
				}
				body.WriteString(w)
				words++
			}
			if words == n {
				break
			}
			body.WriteByte('\n')
		}
		if words == n {
			break
		}
	}
	if words < n {
		tb.Fatalf("only %d %s words in the test articles", words, lang)
	}
	text := strings.TrimSpace(body.String())
	return &diplograph.Article{Body: text, ID: loader.ArticleID(text), Language: lang, Published: pub, Origin: "synthetic"}
}

// BenchmarkExtract500Words extracts one 500-word article, Arabic and English.
func BenchmarkExtract500Words(b *testing.B) {
	for _, lang := range []string{loader.Arabic, loader.English} {
		b.Run(lang, func(b *testing.B) {
			a := syntheticArticle(b, lang, 500)
			x := newExtractor(b)
			b.SetBytes(int64(len(a.Body)))
			b.ReportAllocs()
			ops := 0
			for b.Loop() {
				x.Extract(a)
				ops++
			}
			b.ReportMetric(float64(ops)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

func TestSyntheticArticle(t *testing.T) {
	for _, lang := range []string{loader.Arabic, loader.English} {
		a := syntheticArticle(t, lang, 500)
		if got := len(strings.Fields(a.Body)); got != 500 || loader.DetectLanguage(a.Body) != lang {
			t.Errorf("%s: %d words, language %s", lang, got, loader.DetectLanguage(a.Body))
		}
	}
}
