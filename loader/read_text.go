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

// isAggregatorNote reports whether a line is a news aggregator's attribution note.
func isAggregatorNote(line string) bool {
	f := normalize.Fold(line)
	return strings.Contains(f, "نشر اولا") && strings.Contains(f, "موقع") ||
		strings.Contains(f, "هذا الخبر بعنوان") && strings.Contains(f, "بتاريخ")
}

// isDisclaimer reports whether a line is the aggregator's disclaimer of responsibility.
func isDisclaimer(line string) bool {
	f := normalize.Fold(line)
	return strings.Contains(f, "لا يتحمل موقعنا") || strings.Contains(f, "من خلال مصدره الاصلي")
}

// parseAggregatorNote returns the source site ("موقع X") and the date ("بتاريخ …") of a note.
func parseAggregatorNote(line string) (string, diplograph.Date) {
	var src string
	d := normalize.NewDoc(line)
	for i := 0; i+1 < len(d.Words); i++ {
		if d.Words[i].Key == "موقع" {
			src = d.WordText(i+1, i+2)
			break
		}
	}
	return src, firstFullDate(d, 0, len(d.Words))
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
