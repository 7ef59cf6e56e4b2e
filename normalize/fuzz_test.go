package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// addArticleSeeds adds the bodies of the test articles (and pieces of them) to a fuzz corpus.
func addArticleSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*"))
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		text := string(data)
		if strings.HasSuffix(p, ".json") {
			var a struct{ Body string }
			if json.Unmarshal(data, &a) == nil && a.Body != "" {
				text = a.Body
			}
		}
		f.Add(text)
		if r := []rune(text); len(r) > 300 {
			f.Add(string(r[:300]))
		}
	}
	for _, s := range []string{
		"", " ", "ـ", "\u064e", "U.S.", "U.S", "U.A.E. al-Shaibani Al Thani Syria's", "عبد الله أبو ظبي وعبد",
		"Mr. Smith met Joseph R. Biden on Dec. 8.", "قال \"انتهى.\" ثم ذهب؟", "😀e\u0301\u200c\u200d\u200e",
		"\xff\xfe broken \xc3", "۱۴۰۴ ٢٠٢٥ 3.5", "ﷺ ﻻ", "a'b'c' d-", "A.B.C.D.E.F.",
	} {
		f.Add(s)
	}
}

// FuzzTokenize checks that tokens, words and sentences always lie inside the text, in order, and
// that slicing the text by their offsets gives back what they stand for.
func FuzzTokenize(f *testing.F) {
	addArticleSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		// byteAt[i] is the byte offset of code point i, counting an invalid byte as one code point
		// as the tokenizer does.
		var byteAt []int
		for i := range text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(text))
		n := len(byteAt) - 1
		slice := func(s, e int) string { return text[byteAt[s]:byteAt[e]] }

		d := NewDoc(text)
		prev := 0
		for i, tk := range d.Tokens {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > n {
				t.Fatalf("token %d [%d,%d): out of order or outside [0,%d) (previous end %d)", i, tk.Start, tk.End, n, prev)
			}
			for _, r := range slice(prev, tk.Start) {
				if !isInvisible(r) && !(r == utf8.RuneError) && !strings.ContainsRune("\v\f\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f", r) {
					t.Fatalf("%q between tokens %d and %d was dropped", r, i-1, i)
				}
			}
			prev = tk.End
			s := slice(tk.Start, tk.End)
			if got := d.Slice(tk.Start, tk.End); got != s {
				t.Fatalf("token %d: Slice = %q, want %q", i, got, s)
			}
			if tk.Fold == "" {
				t.Fatalf("token %d %q has an empty fold", i, s)
			}
			if (tk.Kind == KindWord || tk.Kind == KindNumber) && !strings.Contains(s, ".") && utf8.ValidString(s) {
				if f := Fold(s); f != tk.Fold {
					t.Fatalf("token %d %q: fold %q, but Fold gives %q", i, s, tk.Fold, f)
				}
			}
		}
		prevEnd := 0
		for i := range d.Words {
			w := &d.Words[i]
			if w.Start < prevEnd || w.End <= w.Start || w.End > n || w.T0 >= w.T1 || w.T1 > len(d.Tokens) {
				t.Fatalf("word %d [%d,%d) tokens [%d,%d): bad range", i, w.Start, w.End, w.T0, w.T1)
			}
			if w.Start != d.Tokens[w.T0].Start || w.End != d.Tokens[w.T1-1].End {
				t.Fatalf("word %d does not span its tokens", i)
			}
			if w.Key == "" {
				t.Fatalf("word %d %q has an empty key", i, slice(w.Start, w.End))
			}
			prevEnd = w.End
			stems := w.Stems()
			if len(stems) == 0 || stems[0].Key != w.Key {
				t.Fatalf("word %d: stems %+v do not start with the key %q", i, stems, w.Key)
			}
			for _, st := range stems {
				if s := d.StemStart(w, st); s < w.Start || s >= w.End {
					t.Fatalf("word %d %q: stem %+v starts at %d, outside [%d,%d)", i, slice(w.Start, w.End), st, s, w.Start, w.End)
				}
			}
		}
		prevEnd = 0
		for i, s := range d.Sentences {
			if s.Start < prevEnd || s.End <= s.Start || s.End > n {
				t.Fatalf("sentence %d [%d,%d): bad range", i, s.Start, s.End)
			}
			prevEnd = s.End
		}
		checkSentenceWords(t, d)
		if len(d.Words) > 0 && len(d.Sentences) == 0 {
			t.Fatalf("%d words and no sentence", len(d.Words))
		}
		if got := d.Slice(0, n); got != text {
			t.Fatalf("Slice(0, n) is not the text")
		}
	})
}
