package loader

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
)

// seedPath is the seed article of the project, read when present.
const seedPath = "/work/shared/seeds/000_c6c856b15e406b10.txt"

// result collects what a reader emitted.
type result struct {
	articles []*diplograph.Article
	errs     []error
}

func (r *result) emit(it Item) error {
	if it.Err != nil {
		r.errs = append(r.errs, it.Err)
	} else {
		r.articles = append(r.articles, it.Article)
	}
	return nil
}

func (r *result) origins() []string {
	var out []string
	for _, a := range r.articles {
		out = append(out, a.Origin)
	}
	return out
}

// errTexts returns the error messages.
func (r *result) errTexts() []string {
	var out []string
	for _, e := range r.errs {
		out = append(out, e.Error())
	}
	return out
}

func readBytes(t *testing.T, name, data string, opts ReadOptions) *result {
	t.Helper()
	var r result
	if err := ReadBytes(name, []byte(data), opts, r.emit); err != nil {
		t.Fatalf("ReadBytes(%s): %v", name, err)
	}
	return &r
}

func writeFile(t *testing.T, dir, name, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readPaths(t *testing.T, inputs []string, opts ReadOptions) *result {
	t.Helper()
	var r result
	if err := Read(context.Background(), inputs, opts, r.emit); err != nil {
		t.Fatalf("Read: %v", err)
	}
	return &r
}

const seedLike = `موسكو ودمشق تعززان الشراكة

هذا الخبر بعنوان "بوتين يرفض تقسيم سوريا" نشر أولاً على موقع syria-home.news وتم جلبه من مصدره الأصلي بتاريخ ٢٤ كانون الأول ٢٠٢٥.
لا يتحمل موقعنا مضمونه بأي شكل من الأشكال. بإمكانكم الإطلاع على تفاصيل هذا الخبر من خلال مصدره الأصلي.
أعلن وزير الخارجية السوري أسعد الشيباني، اليوم الأربعاء، أن العلاقات مع روسيا تدخل مرحلة جديدة.


وجدد بوتين موقف موسكو الرافض للانتهاكات.
سياسة
رياضة
سياسة
اقتصاد
`

func TestParseTextSeedForm(t *testing.T) {
	a, err := ParseText(seedLike)
	if err != nil {
		t.Fatal(err)
	}
	want := &diplograph.Article{
		Title:     "موسكو ودمشق تعززان الشراكة",
		Body:      "أعلن وزير الخارجية السوري أسعد الشيباني، اليوم الأربعاء، أن العلاقات مع روسيا تدخل مرحلة جديدة.\n\nوجدد بوتين موقف موسكو الرافض للانتهاكات.",
		Source:    "syria-home.news",
		Published: diplograph.Date{Year: 2025, Month: 12, Day: 24},
		Language:  "ar",
		ID:        ArticleID("أعلن وزير الخارجية السوري أسعد الشيباني، اليوم الأربعاء، أن العلاقات مع روسيا تدخل مرحلة جديدة. وجدد بوتين موقف موسكو الرافض للانتهاكات."),
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("ParseText:\n got %+v\nwant %+v", a, want)
	}
}

func TestParseTextSeedFile(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed not available: %v", err)
	}
	a, err := ParseText(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "موسكو ودمشق تعززان الشراكة الاستراتيجية: بوتين يرفض تقسيم سوريا والشيباني يتطلع لمرحلة جديدة" {
		t.Errorf("title %q", a.Title)
	}
	if a.Source != "syriahomenews" || a.Published.String() != "2025-12-24" || a.Language != "ar" {
		t.Errorf("source %q published %s language %s; want syriahomenews 2025-12-24 ar", a.Source, a.Published, a.Language)
	}
	if !strings.HasPrefix(a.Body, "أعلن وزير الخارجية السوري أسعد الشيباني") {
		t.Errorf("body starts %q", firstRunes(a.Body, 40))
	}
	if !strings.HasSuffix(a.Body, "من العام الماضي.") {
		t.Errorf("body ends %q: the navigation words were not removed", lastRunes(a.Body, 40))
	}
	for _, not := range []string{"هذا الخبر بعنوان", "لا يتحمل موقعنا", "\nسياسة", "\nرياضة", "\nاقتصاد"} {
		if strings.Contains(a.Body, not) {
			t.Errorf("body contains %q", not)
		}
	}
	if a.ID != ArticleID(a.Body) || !strings.HasPrefix(a.ID, "sha256:") {
		t.Errorf("id %q", a.ID)
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		name, text                     string
		title, body, source, pub, lang string
		err                            string
	}{
		{name: "headline and body", text: "Headline here\n\nFirst paragraph.\nSecond paragraph.",
			title: "Headline here", body: "First paragraph.\nSecond paragraph.", lang: "en"},
		{name: "one paragraph is body, not headline", text: "Only one line of text here.",
			body: "Only one line of text here.", lang: "en"},
		{name: "crlf and bom", text: "\ufeffTitle\r\nBody line one.\r\nBody line two.\r\n",
			title: "Title", body: "Body line one.\nBody line two.", lang: "en"},
		{name: "blank lines collapse", text: "T\nA.\n\n\n\nB.", title: "T", body: "A.\n\nB.", lang: "en"},
		{name: "leading blank lines", text: "\n\n  T  \n\n  A paragraph.  ", title: "T", body: "A paragraph.", lang: "en"},
		{name: "english closing note", text: "Talks in Beijing\nWang Yi met Shoukry on Thursday.\n\nThis article, \"Talks by ministers\", was first published by Silk Road Monitor on 14 June 2024.\nWorld\nMiddle East\n",
			title: "Talks in Beijing", body: "Wang Yi met Shoukry on Thursday.", source: "Silk Road Monitor", pub: "2024-06-14", lang: "en"},
		{name: "english note with a site", text: "T\nBody text of the story.\nThis story was originally published on example.com on 3 May 2024.",
			title: "T", body: "Body text of the story.", source: "example.com", pub: "2024-05-03", lang: "en"},
		{name: "navigation words in english", text: "T\nThe body, with punctuation.\nShare\nRelated\nPolitics",
			title: "T", body: "The body, with punctuation.", lang: "en"},
		{name: "a short last sentence with punctuation is kept", text: "T\nThe body.\nHe left.",
			title: "T", body: "The body.\nHe left.", lang: "en"},
		{name: "arabic dateline gives the date", text: "عنوان\nالقاهرة 25 شوال 1436هـ الموافق 10 أغسطس 2015م (واس) - التقى الوزير نظيره.",
			title: "عنوان", body: "القاهرة 25 شوال 1436هـ الموافق 10 أغسطس 2015م (واس) - التقى الوزير نظيره.", pub: "2015-08-10", lang: "ar"},
		{name: "english dateline with year", text: "T\nRIYADH, May 7, 2015 (Wire) - Kerry arrived.",
			title: "T", body: "RIYADH, May 7, 2015 (Wire) - Kerry arrived.", pub: "2015-05-07", lang: "en"},
		{name: "a note's date wins over the dateline", text: "عنوان\nهذا الخبر بعنوان \"س\" نشر أولاً على موقع x بتاريخ 3 آذار 2024.\nدمشق 1 آذار 2024 - نص الخبر.",
			title: "عنوان", body: "دمشق 1 آذار 2024 - نص الخبر.", source: "x", pub: "2024-03-03", lang: "ar"},
		{name: "mostly arabic with english names", text: "عنوان\nقال Lavrov إن موسكو ترفض التدخل في سوريا.",
			title: "عنوان", body: "قال Lavrov إن موسكو ترفض التدخل في سوريا.", lang: "ar"},
		{name: "empty", text: "", err: "empty file"},
		{name: "blank", text: " \n\t\n", err: "empty file"},
		{name: "no letters", text: "12345\n!!! ???", err: "no text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseText(tc.text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseText: %v, %v; want an error containing %q", a, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := []string{a.Title, a.Body, a.Source, a.Published.String(), a.Language}
			want := []string{tc.title, tc.body, tc.source, tc.pub, tc.lang}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("ParseText(%q):\n got %q\nwant %q", tc.text, got, want)
			}
			if a.ID != ArticleID(a.Body) {
				t.Errorf("id %s is not the body's", a.ID)
			}
		})
	}
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name, file, data string
		origins          []string // of the articles read
		errs             []string // substrings of the errors, in order
	}{
		{name: "one object", file: "a.json", data: `{"id":"x1","title":" T ","body":" سوريا ولبنان ","url":"https://e.x/1","source":"petra","published":"2025-12-24","language":"ar"}`,
			origins: []string{"a.json"}},
		{name: "object without extension", file: "a.dat", data: "  {\"body\":\"text\"}", origins: []string{"a.dat"}},
		{name: "array", file: "a.json", data: `[{"body":"one"}, {"body":"two"}]`, origins: []string{"a.json[0]", "a.json[1]"}},
		{name: "array with a bad element", file: "a.json", data: `[{"body":"one"},{"nobody":1},{"body":"three"}]`,
			origins: []string{"a.json[0]", "a.json[2]"}, errs: []string{"a.json[1]: field body: missing or empty"}},
		{name: "array broken midway", file: "a.json", data: `[{"body":"one"}, garbage, {"body":"three"}]`,
			origins: []string{"a.json[0]"}, errs: []string{"a.json[1]: broken JSON"}},
		{name: "array of numbers", file: "a.json", data: `[1]`, errs: []string{"a.json[0]: want a JSON object with a body field, got a JSON number"}},
		{name: "json lines in a .json file", file: "a.json", data: "{\"body\":\"one\"}\n{\"body\":\"two\"}\n",
			origins: []string{"a.json:1", "a.json:2"}},
		{name: "json lines", file: "a.jsonl", data: "{\"body\":\"one\"}\n\n  \n{\"body\":\"two\"}\r\n{\"body\":\"three\"}",
			origins: []string{"a.jsonl:1", "a.jsonl:4", "a.jsonl:5"}},
		{name: "ndjson", file: "a.ndjson", data: "{\"body\":\"one\"}\n", origins: []string{"a.ndjson:1"}},
		{name: "json lines with broken lines", file: "a.jsonl", data: "{\"body\":\"one\"}\n{broken\n[1]\n{\"body\":\"four\"}\n{\"body\":5}\n",
			origins: []string{"a.jsonl:1", "a.jsonl:4"},
			errs:    []string{"a.jsonl:2: broken JSON", "a.jsonl:3: want a JSON object", "a.jsonl:5: field body: want a string, got a JSON number"}},
		{name: "missing body", file: "a.json", data: `{"title":"x"}`, errs: []string{"a.json: field body: missing or empty"}},
		{name: "null body", file: "a.json", data: `{"body":null}`, errs: []string{"a.json: field body: missing or empty"}},
		{name: "empty body", file: "a.json", data: `{"body":" \n "}`, errs: []string{"a.json: field body: missing or empty"}},
		{name: "body of the wrong type", file: "a.json", data: `{"body":["x"]}`, errs: []string{"a.json: field body: want a string, got a JSON array"}},
		{name: "title of the wrong type", file: "a.json", data: `{"body":"x y","title":5}`, errs: []string{"a.json: field title: want a string, got a JSON number"}},
		{name: "published a number", file: "a.json", data: `{"body":"x y","published":5}`,
			errs: []string{`a.json: field published: want an ISO 8601 date string such as "2025-12-24", got 5`}},
		{name: "published invalid", file: "a.json", data: `{"body":"x y","published":"2025-02-30"}`,
			errs: []string{`a.json: field published: date "2025-02-30": not a calendar date`}},
		{name: "published not iso", file: "a.jsonl", data: "{\"body\":\"x y\",\"published\":\"24/12/2025\"}\n",
			errs: []string{`a.jsonl:1: field published: date "24/12/2025": want YYYY`}},
		{name: "unsupported language", file: "a.json", data: `{"body":"x y","language":"fr"}`,
			errs: []string{`a.json: field language: "fr" is not supported (want "ar" or "en")`}},
		{name: "language of the wrong type", file: "a.json", data: `{"body":"x y","language":1}`, errs: []string{"a.json: field language: want a string"}},
		{name: "two values", file: "a.json", data: `{"body":"x"} {"body":"y"}`, errs: []string{"a.json: broken JSON: more than one value"}},
		{name: "truncated", file: "a.json", data: `{"body":"x"`, errs: []string{"a.json: broken JSON: unexpected EOF"}},
		{name: "a string", file: "a.json", data: `"text"`, errs: []string{"a.json: want a JSON object with a body field, got a JSON string"}},
		{name: "body without letters", file: "a.json", data: `{"body":"123 456"}`, errs: []string{"a.json: no text"}},
		{name: "invalid utf-8 in a json line", file: "a.jsonl", data: "{\"body\":\"one\"}\n{\"body\":\"t\xffwo\"}\n",
			origins: []string{"a.jsonl:1"}, errs: []string{"a.jsonl:2: invalid UTF-8 at column 11"}},
		{name: "invalid utf-8 in a json object", file: "a.json", data: "{\n\"body\":\"t\xffwo\"}",
			errs: []string{"a.json: invalid UTF-8 at line 2, column 10"}},
		{name: "only blank lines", file: "a.jsonl", data: "\n\n\n", errs: []string{"a.jsonl: empty file"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := readBytes(t, tc.file, tc.data, ReadOptions{})
			if got := r.origins(); !reflect.DeepEqual(got, tc.origins) {
				t.Errorf("articles from %v, want %v (errors %q)", got, tc.origins, r.errTexts())
			}
			if len(r.errs) != len(tc.errs) {
				t.Fatalf("errors %q, want %d containing %q", r.errTexts(), len(tc.errs), tc.errs)
			}
			for i, e := range r.errs {
				if !strings.Contains(e.Error(), tc.errs[i]) {
					t.Errorf("error %q, want one containing %q", e, tc.errs[i])
				}
				if !strings.HasPrefix(e.Error(), tc.file) {
					t.Errorf("error %q does not start with the file name", e)
				}
				var ie *InputError
				if !errors.As(e, &ie) || !strings.HasPrefix(ie.Origin, tc.file) {
					t.Errorf("error %v is not an *InputError with the file as origin", e)
				}
			}
		})
	}
}

func TestReadJSONFields(t *testing.T) {
	r := readBytes(t, "a.json", `{"id":"x1","title":" T ","body":" سوريا ولبنان ","url":" https://e.x/1 ","source":"petra","published":"2025-12-24T22:00:00+03:00","language":"AR-sa"}`, ReadOptions{})
	if len(r.articles) != 1 {
		t.Fatalf("errors %q", r.errTexts())
	}
	a := r.articles[0]
	want := &diplograph.Article{ID: ArticleID("سوريا ولبنان"), Title: "T", Body: "سوريا ولبنان", URL: "https://e.x/1", Source: "petra",
		Published: diplograph.Date{Year: 2025, Month: 12, Day: 24}, Language: "ar", Origin: "a.json"}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got %+v\nwant %+v", a, want)
	}
	for lang, want := range map[string]string{"en": "en", "EN-GB": "en", "english": "en", "eng": "en", "arabic": "ar", "ara": "ar", "العربية": "ar"} {
		r := readBytes(t, "l.json", `{"body":"some text","language":"`+lang+`"}`, ReadOptions{})
		if len(r.articles) != 1 || r.articles[0].Language != want {
			t.Errorf("language %q: got %v %q, want %s", lang, r.origins(), r.errTexts(), want)
		}
	}
	// Without a language field, the language is detected.
	r = readBytes(t, "d.jsonl", "{\"body\":\"التقى وزير الخارجية\"}\n{\"body\":\"The minister met\"}\n", ReadOptions{})
	if len(r.articles) != 2 || r.articles[0].Language != "ar" || r.articles[1].Language != "en" {
		t.Errorf("detected languages: %+v %q", r.articles, r.errTexts())
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file, data, err string
	}{
		{"empty file", "empty.txt", "", "empty file: no article to read"},
		{"blank file", "blank.json", "  \n\t\n", "empty file: no article to read"},
		{"binary file", "bin.txt", "PK\x03\x04\x00\x00binary", "binary file (it contains NUL bytes)"},
		{"binary json", "bin.json", "{\"body\":\"x\x00\"}", "binary file"},
		{"invalid utf-8", "latin1.txt", "Title\nCaf\xe9 au lait", "invalid UTF-8 at line 2, column 4"},
		{"utf-16", "utf16.txt", "\xff\xfeT\x00i\x00", "binary file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := writeFile(t, dir, tc.file, tc.data)
			r := readPaths(t, []string{p}, ReadOptions{})
			if len(r.articles) != 0 || len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), tc.err) || !strings.HasPrefix(r.errs[0].Error(), p+": ") {
				t.Errorf("got articles %v errors %q; want one error %q naming %s", r.origins(), r.errTexts(), tc.err, p)
			}
		})
	}
	t.Run("missing file", func(t *testing.T) {
		p := filepath.Join(dir, "nope.txt")
		r := readPaths(t, []string{p}, ReadOptions{})
		if len(r.errs) != 1 || !strings.HasPrefix(r.errs[0].Error(), p+": ") || !strings.Contains(r.errs[0].Error(), "no such file") {
			t.Errorf("errors %q", r.errTexts())
		}
	})
}

func TestReadSizeLimit(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "a-good.txt", "Title\nA body that is fine.")
	// A small limit shows the behaviour quickly; the 50 MB file below checks the default.
	big := writeFile(t, dir, "b-big.txt", "Title\n"+strings.Repeat("word ", 400))
	good2 := writeFile(t, dir, "c-good.json", `{"body":"fine too"}`)
	r := readPaths(t, []string{good, big, good2}, ReadOptions{MaxArticleBytes: 1000})
	if !reflect.DeepEqual(r.origins(), []string{good, good2}) || len(r.errs) != 1 ||
		!strings.HasPrefix(r.errs[0].Error(), big+": larger than 1000 bytes, the limit for one article") {
		t.Errorf("articles %v errors %q", r.origins(), r.errTexts())
	}
	r = readPaths(t, []string{big}, ReadOptions{MaxArticleBytes: 1 << 20})
	if len(r.articles) != 1 {
		t.Errorf("a file under the limit was not read: %q", r.errTexts())
	}

	if testing.Short() {
		t.Skip("the 50 MB file is skipped in -short mode")
	}
	huge := filepath.Join(dir, "d-huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte(strings.Repeat("سوريا ولبنان والأردن ", 40) + "\n")
	for n := 0; n < 50<<20; n += len(line) {
		if _, err := f.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	r = readPaths(t, []string{good, huge, good2}, ReadOptions{})
	if !reflect.DeepEqual(r.origins(), []string{good, good2}) || len(r.errs) != 1 ||
		!strings.HasPrefix(r.errs[0].Error(), huge+": larger than 2.0 MiB, the limit for one article") {
		t.Errorf("articles %v errors %q", r.origins(), r.errTexts())
	}
	// The same file as one JSON object is refused the same way.
	hugeJSON := filepath.Join(dir, "e-huge.json")
	data, _ := os.ReadFile(huge)
	if err := os.WriteFile(hugeJSON, append(append([]byte(`{"body":"`), bytes.ReplaceAll(data, []byte("\n"), []byte(" "))...), `"}`...), 0o644); err != nil {
		t.Fatal(err)
	}
	r = readPaths(t, []string{hugeJSON, good}, ReadOptions{})
	if !reflect.DeepEqual(r.origins(), []string{good}) || len(r.errs) != 1 || !strings.HasPrefix(r.errs[0].Error(), hugeJSON+": larger than 2.0 MiB") {
		t.Errorf("articles %v errors %q", r.origins(), r.errTexts())
	}
}

func TestReadJSONLinesLongLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\"body\":\"one\"}\n")
	b.WriteString("{\"body\":\"" + strings.Repeat("x", 5000) + "\"}\n")
	b.WriteString("{\"body\":\"three\"}\n")
	r := readBytes(t, "long.jsonl", b.String(), ReadOptions{MaxArticleBytes: 1000})
	if !reflect.DeepEqual(r.origins(), []string{"long.jsonl:1", "long.jsonl:3"}) || len(r.errs) != 1 ||
		!strings.HasPrefix(r.errs[0].Error(), "long.jsonl:2: line longer than 1000 bytes") {
		t.Errorf("articles %v errors %q", r.origins(), r.errTexts())
	}
	// With the default limit, a 3 MB line among good ones, longer than the reader's buffer.
	b.Reset()
	b.WriteString("{\"body\":\"one\"}\n")
	b.WriteString("{\"body\":\"" + strings.Repeat("y", 3<<20) + "\"}\n")
	b.WriteString("{\"body\":\"three\"}")
	r = readBytes(t, "long.jsonl", b.String(), ReadOptions{})
	if !reflect.DeepEqual(r.origins(), []string{"long.jsonl:1", "long.jsonl:3"}) || len(r.errs) != 1 ||
		!strings.HasPrefix(r.errs[0].Error(), "long.jsonl:2: line longer than 2.0 MiB") {
		t.Errorf("articles %v errors %q", r.origins(), r.errTexts())
	}
	// A line just under the limit is read.
	body := strings.Repeat("z", 900)
	r = readBytes(t, "ok.jsonl", "{\"body\":\""+body+"\"}\n", ReadOptions{MaxArticleBytes: 1000})
	if len(r.articles) != 1 || r.articles[0].Body != body {
		t.Errorf("errors %q", r.errTexts())
	}
}

func TestReadDirectories(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"b.txt":             "T\nBody b.",
		"a.json":            `{"body":"body a"}`,
		"sub/c.jsonl":       "{\"body\":\"c1\"}\n{\"body\":\"c2\"}\n",
		"sub/deeper/d.txt":  "T\nBody d.",
		"sub/e.ndjson":      "{\"body\":\"e\"}\n",
		"notes.md":          "# not an article",
		".hidden/h.txt":     "T\nHidden.",
		"sub/.git/x.json":   `{"body":"git"}`,
		"sub/draft-f.txt":   "T\nDraft.",
		"sub/skip/g.txt":    "T\nSkipped dir.",
		".dotfile.txt":      "T\nA dot file is read: only hidden directories are skipped.",
		"z/empty/.keep.txt": "",
	}
	for name, data := range files {
		writeFile(t, dir, name, data)
	}
	j := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }

	got, err := Files(dir, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{j(".dotfile.txt"), j("a.json"), j("b.txt"), j("sub/c.jsonl"), j("sub/deeper/d.txt"), j("sub/draft-f.txt"), j("sub/e.ndjson"), j("sub/skip/g.txt"), j("z/empty/.keep.txt")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Files:\n got %q\nwant %q", got, want)
	}

	got, _ = Files(dir, ReadOptions{Include: []string{"*.txt"}, Exclude: []string{"draft-*", ".*", filepath.Join(dir, "sub", "skip", "*")}})
	want = []string{j("b.txt"), j("sub/deeper/d.txt")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Files with include/exclude:\n got %q\nwant %q", got, want)
	}

	// Read walks the directory in order and goes on after a bad file.
	r := readPaths(t, []string{dir}, ReadOptions{Exclude: []string{"draft-*"}})
	wantOrigins := []string{j(".dotfile.txt"), j("a.json"), j("b.txt"), j("sub/c.jsonl") + ":1", j("sub/c.jsonl") + ":2", j("sub/deeper/d.txt"), j("sub/e.ndjson") + ":1", j("sub/skip/g.txt")}
	if !reflect.DeepEqual(r.origins(), wantOrigins) {
		t.Errorf("Read origins:\n got %q\nwant %q", r.origins(), wantOrigins)
	}
	if len(r.errs) != 1 || !strings.HasPrefix(r.errs[0].Error(), j("z/empty/.keep.txt")+": empty file") {
		t.Errorf("errors %q", r.errTexts())
	}

	// A file named directly is read whatever its name; a missing input is reported and the next read.
	md := j("notes.md")
	r = readPaths(t, []string{j("missing"), j("b.txt")}, ReadOptions{})
	if !reflect.DeepEqual(r.origins(), []string{j("b.txt")}) || len(r.errs) != 1 || !strings.HasPrefix(r.errs[0].Error(), j("missing")+": ") {
		t.Errorf("missing input: articles %v errors %q", r.origins(), r.errTexts())
	}
	if got, _ := Files(md, ReadOptions{}); !reflect.DeepEqual(got, []string{md}) {
		t.Errorf("Files(file) = %q", got)
	}
}

func TestReadStopsOnEmitError(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.txt", "T\nA.")
	b := writeFile(t, dir, "b.txt", "T\nB.")
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{a, b}, ReadOptions{}, func(Item) error { n++; return stop })
	if err != stop || n != 1 {
		t.Errorf("Read returned %v after %d items, want stop after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Read(ctx, []string{a}, ReadOptions{}, func(Item) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("Read with a cancelled context: %v", err)
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name, data string
		origins    []string
		errs       []string
	}{
		{"text", "Title\nThe body.", []string{"<stdin>"}, nil},
		{"json", `{"body":"from stdin"}`, []string{"<stdin>"}, nil},
		{"json lines", "{\"body\":\"one\"}\n{broken\n{\"body\":\"three\"}\n", []string{"<stdin>:1", "<stdin>:3"}, []string{"<stdin>:2: broken JSON"}},
		{"empty", "", nil, []string{"<stdin>: empty file"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := readPaths(t, []string{Stdin}, ReadOptions{Stdin: strings.NewReader(tc.data)})
			if !reflect.DeepEqual(r.origins(), tc.origins) || len(r.errs) != len(tc.errs) {
				t.Fatalf("articles %v errors %q", r.origins(), r.errTexts())
			}
			for i, e := range r.errs {
				if !strings.HasPrefix(e.Error(), tc.errs[i]) {
					t.Errorf("error %q, want %q", e, tc.errs[i])
				}
			}
		})
	}
	r := readPaths(t, []string{Stdin}, ReadOptions{})
	if len(r.errs) != 1 || r.errs[0].Error() != "<stdin>: standard input is not available" {
		t.Errorf("no stdin: %q", r.errTexts())
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"التقى وزير الخارجية نظيره", "ar"},
		{"The minister met his counterpart", "en"},
		{"قال Lavrov إنه يرفض", "ar"},       // Arabic letters outnumber Latin ones
		{"Sergei Lavrov met المقداد", "en"}, // and the other way round
		{"ab اب", "ar"},                             // a tie goes to Arabic
		{"Élysée Zürich", "en"},                     // accented Latin
		{"12345 !!! 😀", ""},                         // no letters
		{"Путин встретился", ""},                    // Cyrillic is neither
		{"", ""},                                    //
		{strings.Repeat("a", 4000) + "سسسسس", "en"}, // only the first 4,000 characters count
	}
	for _, tc := range tests {
		if got := DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", firstRunes(tc.text, 30), got, tc.want)
		}
	}
}

func TestArticleID(t *testing.T) {
	body := "أعلن وزير الخارجية السوري أسعد الشيباني، اليوم الأربعاء، أن العلاقات مع روسيا تدخل مرحلة جديدة.\nوأكد لافروف دعم وحدة سوريا. Café"
	id := ArticleID(body)
	if !strings.HasPrefix(id, "sha256:") || len(id) != len("sha256:")+64 || strings.Trim(id[7:], "0123456789abcdef") != "" {
		t.Fatalf("id %q: want sha256: and 64 lowercase hex digits", id)
	}
	same := map[string]string{
		"re-wrapped":        strings.ReplaceAll(body, " ", "\n"),
		"crlf":              strings.ReplaceAll(body, "\n", "\r\n"),
		"double spaces":     strings.ReplaceAll(body, " ", "  \t"),
		"surrounding space": "\n\n  " + body + "  \n",
		"NFD":               strings.ReplaceAll(body, "é", "e\u0301"),
		"decomposed alef":   strings.ReplaceAll(body, "أ", "\u0627\u0654"),
		"no-break space":    strings.ReplaceAll(body, " ", "\u00a0"),
	}
	for name, text := range same {
		if text == body {
			t.Fatalf("%s: the variant is the same text", name)
		}
		if got := ArticleID(text); got != id {
			t.Errorf("%s: id %s, want %s", name, got, id)
		}
	}
	different := map[string]string{
		"one letter":          strings.Replace(body, "الأربعاء", "الخميس", 1),
		"diacritic":           strings.Replace(body, "أعلن", "أعلنَ", 1),
		"space inside word":   strings.Replace(body, "الشيباني", "الشي باني", 1),
		"punctuation":         strings.Replace(body, "،", ",", 1),
		"a word added":        body + " نعم",
		"empty":               "",
		"only the first line": strings.SplitN(body, "\n", 2)[0],
	}
	for name, text := range different {
		if got := ArticleID(text); got == id {
			t.Errorf("%s: same id as the original", name)
		}
	}
	// The id does not depend on the title or the reader: a text file and a JSON object with the same
	// body get the same id.
	r := readBytes(t, "a.json", `{"title":"other","body":"`+strings.ReplaceAll(body, "\n", `\n`)+`"}`, ReadOptions{})
	a, _ := ParseText("Some headline\n" + body)
	if len(r.articles) != 1 || r.articles[0].ID != id || a.ID != id {
		t.Errorf("ids differ between readers: json %v text %s want %s", r.articles, a.ID, id)
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}
