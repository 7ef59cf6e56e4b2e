package loader

import (
	"bufio"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/dates"
	"github.com/diplograph/diplograph/normalize"
)

// readTextFile reads one plain-text article.
func readTextFile(r *bufio.Reader, origin string, opts ReadOptions, emit func(Item) error) error {
	data, err := readAll(r, origin, opts.maxBytes())
	if err != nil {
		return emit(Item{Err: err})
	}
	if err := checkUTF8(data, origin); err != nil {
		return emit(Item{Err: err})
	}
	a, err := ParseText(string(data))
	if err != nil {
		return emit(Item{Err: &InputError{Origin: origin, Err: err}})
	}
	a.Origin = origin
	return emit(Item{Article: a})
}

// ParseText reads a plain-text article in the seed's form: the headline on the first line, the body
// after it. An aggregator's note ("هذا الخبر بعنوان … نشر أولاً على موقع X … بتاريخ …") gives the
// source and the publication date and is not body; nor are its disclaimer and the navigation words
// (section names on their own lines) that trail the text.
func ParseText(text string) (*diplograph.Article, error) {
	text = strings.TrimPrefix(text, "\ufeff")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	a := &diplograph.Article{}
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	if i == len(lines) {
		return nil, errors.New("empty file: no article to read")
	}
	title := strings.TrimSpace(lines[i])
	i++
	var body []string
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if isAggregatorNote(line) {
			src, pub := parseAggregatorNote(line)
			if a.Source == "" {
				a.Source = src
			}
			if a.Published.IsZero() {
				a.Published = pub
			}
			continue
		}
		if isDisclaimer(line) {
			continue
		}
		body = append(body, line)
	}
	// Trailing navigation words: short lines without sentence punctuation at the very end.
	for len(body) > 0 && (body[len(body)-1] == "" || isNavigationLine(body[len(body)-1])) {
		body = body[:len(body)-1]
	}
	for len(body) > 0 && body[0] == "" {
		body = body[1:]
	}
	a.Title, a.Body = title, strings.Join(collapseBlankLines(body), "\n")
	if a.Body == "" {
		// A one-paragraph file: the only line is the body, not a headline.
		a.Title, a.Body = "", title
	}
	if err := finishArticle(a); err != nil {
		return nil, err
	}
	return a, nil
}

func collapseBlankLines(lines []string) []string {
	out := lines[:0]
	for i, l := range lines {
		if l == "" && i > 0 && lines[i-1] == "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

// isAggregatorNote reports whether a line is a news aggregator's attribution note: the Arabic note of
// the seed ("هذا الخبر بعنوان … نشر أولاً على موقع X … بتاريخ …") or its English form ("This article,
// "…", was first published by X on 14 June 2024.").
func isAggregatorNote(line string) bool {
	f := normalize.Fold(line)
	return strings.Contains(f, "نشر اولا") && strings.Contains(f, "موقع") ||
		strings.Contains(f, "هذا الخبر بعنوان") && strings.Contains(f, "بتاريخ") ||
		isEnglishNote(f)
}

// isEnglishNote reports whether a folded line is an English attribution note.
func isEnglishNote(f string) bool {
	for _, start := range []string{"this article", "this story", "this report", "this news"} {
		if strings.HasPrefix(f, start) {
			return strings.Contains(f, "first published") || strings.Contains(f, "originally published") ||
				strings.Contains(f, "first appeared")
		}
	}
	return false
}

// isDisclaimer reports whether a line is the aggregator's disclaimer of responsibility.
func isDisclaimer(line string) bool {
	f := normalize.Fold(line)
	return strings.Contains(f, "لا يتحمل موقعنا") || strings.Contains(f, "من خلال مصدره الاصلي")
}

// noteSourceStops end the source name of a note ("موقع X وتم جلبه", "published by X on …").
var noteSourceStops = map[string]bool{
	"وتم": true, "تم": true, "وقد": true, "بتاريخ": true, "في": true, "منذ": true, "ونشر": true, "عبر": true,
	"on": true, "in": true, "at": true, "and": true, "via": true, "under": true,
}

// parseAggregatorNote returns the source site ("موقع X", "published by X") and the date ("بتاريخ …",
// "on 14 June 2024") of a note.
func parseAggregatorNote(line string) (string, diplograph.Date) {
	var src string
	d := normalize.NewDoc(line)
	from := 0
	for i := 0; i+1 < len(d.Words) && src == ""; i++ {
		w := &d.Words[i]
		switch {
		case w.Key == "موقع":
			src, from = noteSource(d, i+1), i+1
		case (w.Key == "by" || w.Key == "on" || w.Key == "in") && i > 0 &&
			(d.Words[i-1].Key == "published" || d.Words[i-1].Key == "appeared"):
			if !d.Words[i+1].Number {
				src, from = noteSource(d, i+1), i+1
			}
		}
	}
	pub := firstFullDate(d, from, len(d.Words))
	if pub.IsZero() {
		pub = firstFullDate(d, 0, len(d.Words))
	}
	return src, pub
}

// noteSource returns the source name that starts at word j: a site name whose parts are joined by
// hyphens, dots or underscores without space ("shamline-news", "sana.sy"), or a few words up to the
// word or punctuation that ends it ("Silk Road Monitor" in "by Silk Road Monitor on …").
func noteSource(d *normalize.Doc, j int) string {
	end := j + 1
	for k := j + 1; k < len(d.Words) && k < j+6; k++ {
		w := &d.Words[k]
		tight := w.Gap == '-' || w.Gap == '.' || w.Gap == '_'
		if tight && !d.Tokens[w.T0].Space && !d.Tokens[w.T0-1].Space {
			end = k + 1 // "shamline-news": no space around the joining punctuation
			continue
		}
		if w.Gap != 0 || w.Newline || w.Number || noteSourceStops[w.Key] {
			break
		}
		end = k + 1
	}
	return d.WordText(j, end)
}

// firstFullDate returns the first date in words [w0, w1) that the text gives to the day.
func firstFullDate(d *normalize.Doc, w0, w1 int) diplograph.Date {
	for _, e := range dates.Find(d, w0, w1) {
		if e.Kind == dates.KindDate && e.Year != 0 && e.Day != 0 {
			return e.Resolve(diplograph.Date{})
		}
	}
	return diplograph.Date{}
}

// navigationWords are section names that sites print after an article.
var navigationWords = map[string]bool{
	"سياسه": true, "رياضه": true, "اقتصاد": true, "ثقافه": true, "فن": true, "منوعات": true, "صحه": true,
	"تكنولوجيا": true, "محليات": true, "دولي": true, "عربي": true, "اخبار": true, "عالم": true, "مجتمع": true,
	"politics": true, "sports": true, "economy": true, "business": true, "world": true, "news": true,
	"culture": true, "share": true, "related": true, "advertisement": true, "opinion": true,
}

// isNavigationLine reports whether a trailing line is navigation rather than text: a known section
// name, or at most three short words without sentence punctuation.
func isNavigationLine(line string) bool {
	f := normalize.Fold(line)
	if navigationWords[f] {
		return true
	}
	if utf8.RuneCountInString(line) > 25 || strings.ContainsAny(line, ".!?؟،,:\"«»") {
		return false
	}
	return len(strings.Fields(line)) <= 2
}

// finishArticle fills what a reader did not: language, id, and the publication date when the text
// states it at its start (a dateline such as "القاهرة 25 شوال 1436هـ الموافق 10 أغسطس 2015م").
func finishArticle(a *diplograph.Article) error {
	if a.Language == "" {
		a.Language = DetectLanguage(a.Body)
		if a.Language == "" {
			return errors.New("no text: the body has no Arabic or Latin letters")
		}
	}
	if a.Published.IsZero() {
		a.Published = datelineDate(a.Body)
	}
	a.ID = ArticleID(a.Body)
	return nil
}

// datelineDate returns the full date of the article's dateline: the first date with day, month and
// year in its first sentence.
func datelineDate(body string) diplograph.Date {
	head := body
	if len(head) > 400 {
		head = head[:400]
		for !utf8.ValidString(head) {
			head = head[:len(head)-1]
		}
	}
	d := normalize.NewDoc(head)
	if len(d.Sentences) == 0 {
		return diplograph.Date{}
	}
	s := d.Sentences[0]
	return firstFullDate(d, s.W0, min(s.W1, s.W0+20))
}
