package normalize

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func wordKeys(d *Doc) []string {
	var out []string
	for _, w := range d.Words {
		out = append(out, w.Key)
	}
	return out
}

func TestWords(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		keys  []string
		texts []string // each word's original text
	}{
		{"abd allah with a space", "عبد الله", []string{"عبدالله"}, []string{"عبد الله"}},
		{"abd allah joined", "عبدالله", []string{"عبدالله"}, []string{"عبدالله"}},
		{"abu dhabi", "أبو ظبي", []string{"ابوظبي"}, []string{"أبو ظبي"}},
		{"abu dhabi joined", "أبوظبي", []string{"ابوظبي"}, []string{"أبوظبي"}},
		{"particle with a proclitic", "وعبد الله", []string{"وعبدالله"}, []string{"وعبد الله"}},
		{"abi and aba", "أبي أحمد وأبا علي", []string{"ابياحمد", "واباعلي"}, []string{"أبي أحمد", "وأبا علي"}},
		{"al-Shaibani", "al-Shaibani", []string{"alshaibani"}, []string{"al-Shaibani"}},
		{"Al Thani", "Al Thani", []string{"althani"}, []string{"Al Thani"}},
		{"el-Sisi", "el-Sisi", []string{"elsisi"}, []string{"el-Sisi"}},
		{"al before a lowercase word is not a particle", "al qaeda", []string{"al", "qaeda"}, []string{"al", "qaeda"}},
		{"a particle does not join across a line break", "عبد\nالله", []string{"عبد", "الله"}, []string{"عبد", "الله"}},
		{"a particle does not join across scripts", "al الشيباني", []string{"al", "الشيباني"}, []string{"al", "الشيباني"}},
		{"a particle does not join a number", "أبو 3", []string{"ابو", "3"}, []string{"أبو", "3"}},
		{"punctuation is not a word", "سوريا، لبنان.", []string{"سوريا", "لبنان"}, []string{"سوريا", "لبنان"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDoc(tc.text)
			var texts []string
			for i := range d.Words {
				texts = append(texts, d.WordText(i, i+1))
			}
			if keys := wordKeys(d); !reflect.DeepEqual(keys, tc.keys) || !reflect.DeepEqual(texts, tc.texts) {
				t.Errorf("NewDoc(%q): keys %q texts %q, want %q %q", tc.text, keys, texts, tc.keys, tc.texts)
			}
		})
	}
}

func TestWordGapAndFlags(t *testing.T) {
	d := NewDoc("Foreign Minister, al-Shaibani - U.N.\nنعم")
	type info struct {
		key      string
		gap      rune
		newline  bool
		cap, up  bool
		number   bool
		sentence int
	}
	var got []info
	for _, w := range d.Words {
		got = append(got, info{w.Key, w.Gap, w.Newline, w.Cap, w.Upper, w.Number, w.Sentence})
	}
	want := []info{
		{"foreign", 0, false, true, false, false, 0},
		{"minister", 0, false, true, false, false, 0},
		{"alshaibani", ',', false, true, false, false, 0},
		{"un", '-', false, true, true, false, 0},
		{"نعم", 0, true, false, false, false, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("words:\n got %+v\nwant %+v", got, want)
	}
}

func stemKeys(w *Word) []string {
	var out []string
	for _, s := range w.Stems() {
		out = append(out, s.Key)
	}
	return out
}

func TestStems(t *testing.T) {
	tests := []struct {
		word string
		want []Stem
	}{
		{"سوريا", []Stem{{Key: "سوريا"}}},
		{"وسوريا", []Stem{{Key: "وسوريا"}, {Key: "سوريا", Skip: 1}}},
		{"فسوريا", []Stem{{Key: "فسوريا"}, {Key: "سوريا", Skip: 1}}},
		{"بسوريا", []Stem{{Key: "بسوريا"}, {Key: "سوريا", Skip: 1}}},
		{"لسوريا", []Stem{{Key: "لسوريا"}, {Key: "سوريا", Skip: 1}}},
		{"كسوريا", []Stem{{Key: "كسوريا"}, {Key: "سوريا", Skip: 1}}},
		{"السوري", []Stem{{Key: "السوري"}, {Key: "سوري", Skip: 2, Article: true}}},
		{"والسوري", []Stem{{Key: "والسوري"}, {Key: "سوري", Skip: 3, Article: true}, {Key: "السوري", Skip: 1}}},
		{"وبالسعودية", []Stem{{Key: "وبالسعوديه"}, {Key: "سعوديه", Skip: 4, Article: true}, {Key: "السعوديه", Skip: 2}, {Key: "بالسعوديه", Skip: 1}}},
		// لل is ل + ال: "لليمن" also stands for "اليمن".
		{"لليمن", []Stem{{Key: "لليمن"}, {Key: "يمن", Skip: 2, Article: true}, {Key: "اليمن", Skip: 2}, {Key: "ليمن", Skip: 1}}},
		{"وللأمم", []Stem{{Key: "وللامم"}, {Key: "امم", Skip: 3, Article: true}, {Key: "الامم", Skip: 3}, {Key: "للامم", Skip: 1}, {Key: "لامم", Skip: 2}}},
		// A preposition leaves at least three letters: "بحث" (discussed) is not ب + "حث".
		{"بحث", []Stem{{Key: "بحث"}}},
		{"كتب", []Stem{{Key: "كتب"}}},
		{"بلد", []Stem{{Key: "بلد"}}},
		// و and ف leave at least two: "وفد" is و + "فد" (harmless), "ول" is not و + "ل".
		{"ول", []Stem{{Key: "ول"}}},
		{"Syria's", []Stem{{Key: "syria's"}, {Key: "syria"}}},
		{"al-Assad's", []Stem{{Key: "alassad's"}, {Key: "alassad"}, {Key: "assad"}}},
		{"Al Thani", []Stem{{Key: "althani"}, {Key: "thani"}}},
		{"2025", []Stem{{Key: "2025"}}},
	}
	for _, tc := range tests {
		d := NewDoc(tc.word)
		if len(d.Words) != 1 {
			t.Errorf("%q: %d words, want 1", tc.word, len(d.Words))
			continue
		}
		got := d.Words[0].Stems()
		if !reflect.DeepEqual(got, tc.want) {
			// Order beyond the first is not part of the contract: compare as sets.
			if !sameStems(got, tc.want) {
				t.Errorf("Stems(%q) = %+v, want %+v", tc.word, got, tc.want)
			}
		}
	}
}

func sameStems(a, b []Stem) bool {
	if len(a) != len(b) || len(a) == 0 || a[0] != b[0] {
		return false
	}
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestStemStart(t *testing.T) {
	tests := []struct {
		text, stem, want string
	}{
		{"والسوري", "سوري", "سوري"},
		{"والسوري", "السوري", "السوري"},
		// Diacritics written on the proclitics are skipped with them.
		{"وَالسُّوري", "سوري", "سُّوري"},
		{"وَالسُّوري", "السوري", "السُّوري"},
		{"وَبِسوريا", "سوريا", "سوريا"},
		{"لليمن", "اليمن", "يمن"},
		{"سوريا", "سوريا", "سوريا"},
	}
	for _, tc := range tests {
		d := NewDoc("قال " + tc.text)
		w := &d.Words[1]
		found := false
		for _, s := range w.Stems() {
			if s.Key != tc.stem {
				continue
			}
			found = true
			start := d.StemStart(w, s)
			if got := d.Slice(start, w.End); got != tc.want {
				t.Errorf("StemStart(%q, %q): slice %q, want %q", tc.text, tc.stem, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no stem %q in %+v", tc.text, tc.stem, w.Stems())
		}
	}
}

func sentenceTexts(d *Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Slice(s.Start, s.End))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"abbreviations", "Mr. Smith met Gen. Jones on Dec. 8. They talked.",
			[]string{"Mr. Smith met Gen. Jones on Dec. 8.", "They talked."}},
		{"initials", "Joseph R. Biden spoke. Then he left.", []string{"Joseph R. Biden spoke.", "Then he left."}},
		{"acronym inside", "The U.S. envoy arrived. He met the U.N. chief.", []string{"The U.S. envoy arrived.", "He met the U.N. chief."}},
		{"quote closing after a period", `He said "it is over." Then he left.`, []string{`He said "it is over."`, "Then he left."}},
		{"guillemets closing after a period", "قال «انتهى الأمر.» ثم غادر.", []string{"قال «انتهى الأمر.»", "ثم غادر."}},
		{"bracket closing after a period", "He left (finally.) Then", []string{"He left (finally.)", "Then"}},
		{"arabic question mark", "هل انتهى؟ نعم انتهى.", []string{"هل انتهى؟", "نعم انتهى."}},
		{"exclamation and question", "Really! Why? Because.", []string{"Really!", "Why?", "Because."}},
		{"ellipsis", "ثم… صمت", []string{"ثم…", "صمت"}},
		{"newline ends a sentence", "عنوان الخبر\nنص الخبر", []string{"عنوان الخبر", "نص الخبر"}},
		{"blank lines and indentation", "  first line  \n\n  second line \n", []string{"first line", "second line"}},
		{"decimal number", "It grew 3.5 percent. Then fell.", []string{"It grew 3.5 percent.", "Then fell."}},
		{"lowercase after a period", "approx. the same", []string{"approx. the same"}},
		{"arabic period", "التقى الوزيران. وبحثا العلاقات.", []string{"التقى الوزيران.", "وبحثا العلاقات."}},
		{"no final punctuation", "a sentence without end", []string{"a sentence without end"}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDoc(tc.text)
			if got := sentenceTexts(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tc.text, got, tc.want)
			}
			checkSentenceWords(t, d)
		})
	}
}

// checkSentenceWords checks that sentences partition the words in order and each word knows its
// sentence.
func checkSentenceWords(t *testing.T, d *Doc) {
	t.Helper()
	next := 0
	for si, s := range d.Sentences {
		if s.W0 != next || s.W1 < s.W0 {
			t.Errorf("sentence %d words [%d,%d), want to start at %d", si, s.W0, s.W1, next)
		}
		for wi := s.W0; wi < s.W1; wi++ {
			w := d.Words[wi]
			if w.Sentence != si || w.Start < s.Start || w.End > s.End {
				t.Errorf("word %d %q [%d,%d) in sentence %d [%d,%d) but says %d", wi, w.Key, w.Start, w.End, si, s.Start, s.End, w.Sentence)
			}
		}
		next = s.W1
	}
	if len(d.Sentences) > 0 && next != len(d.Words) {
		t.Errorf("sentences cover %d of %d words", next, len(d.Words))
	}
}

func TestSlice(t *testing.T) {
	// More than 64 runes of mixed widths, so that the rune index has several entries.
	text := strings.Repeat("سوريا Syria 😀 e\u0301 ٢٠٢٥ — ", 12)
	d := NewDoc(text)
	runes := []rune(text)
	n := len(runes)
	for start := 0; start <= n; start += 7 {
		for end := start; end <= n; end += 13 {
			if got, want := d.Slice(start, end), string(runes[start:end]); got != want {
				t.Fatalf("Slice(%d, %d) = %q, want %q", start, end, got, want)
			}
		}
	}
	if got := d.Slice(n-3, n); got != string(runes[n-3:]) {
		t.Errorf("Slice at the end = %q", got)
	}
	if got := d.Slice(0, n); got != text {
		t.Errorf("Slice(0, n) is not the text")
	}
	if got := NewDoc("").Slice(0, 0); got != "" {
		t.Errorf("empty Slice = %q", got)
	}
	// Every token's text and every word's text are slices of the original.
	for _, tk := range d.Tokens {
		if d.Slice(tk.Start, tk.End) != string(runes[tk.Start:tk.End]) {
			t.Fatalf("token %+v does not slice", tk)
		}
	}
	if utf8.RuneCountInString(d.WordText(0, len(d.Words))) != d.Words[len(d.Words)-1].End-d.Words[0].Start {
		t.Errorf("WordText length does not match the offsets")
	}
}
