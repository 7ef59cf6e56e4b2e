package normalize

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeSlice returns text[start:end] in code points.
func runeSlice(text string, start, end int) string {
	r := []rune(text)
	return string(r[start:end])
}

// checkOffsets fails unless every token lies inside the text, tokens are in order without overlap,
// and nothing but white space, joiners and direction marks lies between them.
func checkOffsets(t *testing.T, text string, toks []Token) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > n {
			t.Fatalf("%q: token %d [%d,%d) out of order or outside [0,%d) (previous end %d)", text, i, tk.Start, tk.End, n, prev)
		}
		between := runeSlice(text, prev, tk.Start)
		if strings.TrimFunc(between, func(r rune) bool { return isInvisible(r) }) != "" {
			t.Errorf("%q: text %q between tokens was lost", text, between)
		}
		prev = tk.End
	}
}

func isInvisible(r rune) bool {
	return strings.ContainsRune(" \t\n\r\u00a0\u2028\u2029\u200b\u200c\u200d\u200e\u200f\ufeff\u3000", r)
}

func TestTokenizeOffsets(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		texts []string // the original text of each token, sliced by its offsets in runes
		folds []string
	}{
		{"arabic with diacritics", "قالَ الشَّيْبانيُّ", []string{"قالَ", "الشَّيْبانيُّ"}, []string{"قال", "الشيباني"}},
		{"mixed scripts", "التقى Lavrov مع الشيباني", []string{"التقى", "Lavrov", "مع", "الشيباني"},
			[]string{"التقي", "lavrov", "مع", "الشيباني"}},
		{"emoji between words", "سوريا 😀 Syria👍!", []string{"سوريا", "😀", "Syria", "👍", "!"},
			[]string{"سوريا", "😀", "syria", "👍", "!"}},
		{"combining marks on latin", "Cafe\u0301 cre\u0300me", []string{"Cafe\u0301", "cre\u0300me"}, []string{"cafe", "creme"}},
		{"arabic-indic number", "في ٢٤ كانون", []string{"في", "٢٤", "كانون"}, []string{"في", "24", "كانون"}},
		{"persian digits", "۱۴۰۴", []string{"۱۴۰۴"}, []string{"1404"}},
		{"latin letters and digits", "G20 summit", []string{"G20", "summit"}, []string{"g20", "summit"}},
		{"acronym U.S.", "the U.S. said", []string{"the", "U.S.", "said"}, []string{"the", "us", "said"}},
		{"acronym U.N.", "U.N. envoy", []string{"U.N.", "envoy"}, []string{"un", "envoy"}},
		{"acronym U.A.E.", "the U.A.E. minister", []string{"the", "U.A.E.", "minister"}, []string{"the", "uae", "minister"}},
		{"acronym at the end", "in the U.S.", []string{"in", "the", "U.S."}, []string{"in", "the", "us"}},
		{"unfinished acronym", "U.S", []string{"U", ".", "S"}, []string{"u", ".", "s"}},
		{"apostrophe s", "Syria's stance", []string{"Syria's", "stance"}, []string{"syria's", "stance"}},
		{"curly apostrophe", "Syria’s", []string{"Syria’s"}, []string{"syria's"}},
		{"apostrophe in name", "Côte d'Ivoire", []string{"Côte", "d'Ivoire"}, []string{"cote", "d'ivoire"}},
		{"trailing apostrophe", "ministers' talks", []string{"ministers", "'", "talks"}, []string{"ministers", "'", "talks"}},
		{"hyphen", "al-Shaibani well-known", []string{"al", "-", "Shaibani", "well", "-", "known"},
			[]string{"al", "-", "shaibani", "well", "-", "known"}},
		{"arabic punctuation", "قال: نعم، لا؟", []string{"قال", ":", "نعم", "،", "لا", "؟"}, []string{"قال", ":", "نعم", "،", "لا", "؟"}},
		{"zero-width joiner inside a word", "سو\u200cريا", []string{"سو\u200cريا"}, []string{"سوريا"}},
		{"direction marks between words", "\u200fسوريا\u200e Syria", []string{"سوريا", "Syria"}, []string{"سوريا", "syria"}},
		{"tatweel inside a word", "ســوريا", []string{"ســوريا"}, []string{"سوريا"}},
		{"tatweel standing alone is a dash", "دمشق ـ سانا", []string{"دمشق", "ـ", "سانا"}, []string{"دمشق", "ـ", "سانا"}},
		{"marks without a letter", "\u064e x", []string{"\u064e", "x"}, []string{"\u064e", "x"}},
		// Outside the BMP: offsets still count code points (folding is NFD, so 𝐀 stays 𝐀).
		{"supplementary plane letters", "𝐀𝐁 test", []string{"𝐀𝐁", "test"}, []string{"𝐀𝐁", "test"}},
		{"quotes", "«سوريا» \"Syria\"", []string{"«", "سوريا", "»", "\"", "Syria", "\""}, []string{"«", "سوريا", "»", "\"", "syria", "\""}},
		{"empty", "", nil, nil},
		{"only space", " \n\t ", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := Tokenize(tc.text)
			checkOffsets(t, tc.text, toks)
			var texts, folds []string
			for _, tk := range toks {
				texts = append(texts, runeSlice(tc.text, tk.Start, tk.End))
				folds = append(folds, tk.Fold)
			}
			if !reflect.DeepEqual(texts, tc.texts) {
				t.Errorf("Tokenize(%q) texts = %q, want %q", tc.text, texts, tc.texts)
			}
			if !reflect.DeepEqual(folds, tc.folds) {
				t.Errorf("Tokenize(%q) folds = %q, want %q", tc.text, folds, tc.folds)
			}
		})
	}
}

func TestTokenizeKinds(t *testing.T) {
	toks := Tokenize("قال Lavrov ٢٠٢٥ ، U.N. UN Un I\nx")
	type kind struct {
		fold       string
		kind       Kind
		script     Script
		cap, upper bool
		space, nl  bool
	}
	want := []kind{
		{"قال", KindWord, ScriptArabic, false, false, false, false},
		{"lavrov", KindWord, ScriptLatin, true, false, true, false},
		{"2025", KindNumber, ScriptOther, false, false, true, false},
		{"،", KindPunct, ScriptOther, false, false, true, false},
		{"un", KindWord, ScriptLatin, true, true, true, false},
		{"un", KindWord, ScriptLatin, true, true, true, false},
		{"un", KindWord, ScriptLatin, true, false, true, false},
		{"i", KindWord, ScriptLatin, true, false, true, false}, // one capital letter is not an acronym
		{"x", KindWord, ScriptLatin, false, false, true, true},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d: %+v", len(toks), len(want), toks)
	}
	for i, w := range want {
		tk := toks[i]
		got := kind{tk.Fold, tk.Kind, tk.Script, tk.Cap, tk.Upper, tk.Space, tk.Newline}
		if got != w {
			t.Errorf("token %d: got %+v, want %+v", i, got, w)
		}
	}
	if r := toks[3].Rune(); r != '،' {
		t.Errorf("Rune() = %q, want '،'", r)
	}
}

func TestTokenizeNonLatinScript(t *testing.T) {
	toks := Tokenize("Путин встретился")
	if len(toks) != 2 || toks[0].Script != ScriptOther || toks[0].Kind != KindWord || toks[0].Fold != "путин" {
		t.Fatalf("Cyrillic: got %+v, want two ScriptOther words, the first folded to \"путин\"", toks)
	}
}
