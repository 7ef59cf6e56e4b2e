package normalize

import (
	"reflect"
	"testing"
)

// match returns the text and values of the match at the first word of text whose text is at, or ok
// false.
func firstMatch[V comparable](s *PhraseSet[V], text string) (string, []V, bool) {
	d := NewDoc(text)
	for i := range d.Words {
		if m, ok := s.MatchAt(d, i); ok {
			return d.Slice(m.Start, m.End), m.Values, true
		}
	}
	return "", nil, false
}

func newSet(phrases map[string]string) *PhraseSet[string] {
	s := NewPhraseSet[string]()
	for p, v := range phrases {
		s.Add(p, v)
	}
	return s
}

func TestPhraseSetMatch(t *testing.T) {
	s := newSet(map[string]string{
		"مجلس الأمن":        "UNSC",
		"مجلس الأمن الدولي": "UNSC-full",
		"الأمم المتحدة":     "UN",
		"سوريا":             "SY",
		"اليمن":             "YE",
		"السوري":            "SY-nisba",
		"الولايات المتحدة":  "US",
		"Saudi Arabia":      "SA",
		"Guinea-Bissau":     "GW",
		"UN":                "UN-acronym",
		"WHO":               "WHO",
		"Security Council":  "UNSC",
		"United Nations":    "UN",
		"Sharm el-Sheikh":   "sharm",
		"عبد الله الثاني":   "abdullah",
		"أبو ظبي":           "AUH",
		"al-Shaibani":       "shaibani",
		"Syria":             "SY",
		"وزير الخارجية":     "FM",
		"وزير الخارجية والمغتربين": "FM-SY",
	})
	tests := []struct {
		name, text, want string // want "" means no match
		value            string
	}{
		{"exact", "زار سوريا", "سوريا", "SY"},
		{"longest match wins", "قال مجلس الأمن الدولي", "مجلس الأمن الدولي", "UNSC-full"},
		{"shorter when the longer is absent", "قال مجلس الأمن أمس", "مجلس الأمن", "UNSC"},
		{"longest of three words", "وزير الخارجية والمغتربين السوري", "وزير الخارجية والمغتربين", "FM-SY"},
		{"proclitic wa", "وسوريا", "سوريا", "SY"},
		{"proclitic bi", "بسوريا", "سوريا", "SY"},
		{"proclitic li with the article", "لليمن", "يمن", "YE"},
		{"proclitics on the first word of a phrase", "وللأمم المتحدة", "أمم المتحدة", "UN"},
		{"wa with the article", "والولايات المتحدة", "الولايات المتحدة", "US"},
		{"bi with the article", "بالولايات المتحدة", "الولايات المتحدة", "US"},
		{"diacritics", "الأُمَمُ المُتَّحِدَةُ", "الأُمَمُ المُتَّحِدَةُ", "UN"},
		{"nisba with a proclitic", "والسوري", "السوري", "SY-nisba"},
		// A one-word phrase keeps its article: "يمن" is a verb, "اليمن" the country.
		{"one-word phrase keeps its article", "يمن", "", ""},
		{"proclitics are not taken from inside the phrase", "سوريات", "", ""},
		{"possessive on the last word", "Saudi Arabia's king", "Saudi Arabia's", "SA"},
		{"possessive on a one-word phrase", "Syria's", "Syria's", "SY"},
		{"hyphenated phrase", "in Guinea-Bissau", "Guinea-Bissau", "GW"},
		{"hyphenated phrase written with a space", "in Guinea Bissau", "Guinea Bissau", "GW"},
		{"particle phrase", "in Sharm el-Sheikh", "Sharm el-Sheikh", "sharm"},
		{"joined particle written apart", "الملك عبدالله الثاني", "عبدالله الثاني", "abdullah"},
		{"joined particle written together", "زار أبوظبي", "أبوظبي", "AUH"},
		{"al- name written with a space", "Asaad Al Shaibani", "Al Shaibani", "shaibani"},
		{"no match across a comma", "مجلس، الأمن", "", ""},
		{"no match across a line break", "United\nNations", "", ""},
		{"case-insensitive for a normal phrase", "the united nations", "united nations", "UN"},
		{"acronym in capitals", "the UN said", "UN", "UN-acronym"},
		{"acronym with periods", "the U.N. said", "U.N.", "UN-acronym"},
		{"acronym only in capitals", "the un said", "", ""},
		{"capitalized acronym is not the acronym", "Un said", "", ""},
		{"WHO in capitals", "the WHO said", "WHO", "WHO"},
		{"who in running text", "those who said", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, vals, ok := firstMatch(s, tc.text)
			if tc.want == "" {
				if ok {
					t.Errorf("%q: matched %q %v, want no match", tc.text, got, vals)
				}
				return
			}
			if !ok || got != tc.want || len(vals) == 0 || vals[0] != tc.value {
				t.Errorf("%q: got %q %v (ok %v), want %q [%s]", tc.text, got, vals, ok, tc.want, tc.value)
			}
		})
	}
}

func TestPhraseSetBareArabicForm(t *testing.T) {
	// A multi-word Arabic phrase whose first word has the article is also found without it.
	s := newSet(map[string]string{"الأمم المتحدة": "UN", "اليوم": "today"})
	for _, tc := range []struct{ text, want string }{
		{"أمم المتحدة", "أمم المتحدة"},
		{"للأمم المتحدة", "أمم المتحدة"},
		{"الأمم المتحدة", "الأمم المتحدة"},
		{"يوم", ""}, // one-word phrases are not indexed without the article
	} {
		got, _, _ := firstMatch(s, tc.text)
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, got, tc.want)
		}
	}
	// KeepArticle turns that off, and stops a stem with the article from matching a phrase without it.
	k := NewPhraseSet[string]()
	k.KeepArticle = true
	k.Add("الأمم المتحدة", "UN")
	k.Add("اليوم", "today")
	k.Add("تعاون", "cooperated")
	for _, tc := range []struct{ text, want string }{
		{"أمم المتحدة", ""},
		{"الأمم المتحدة", "الأمم المتحدة"},
		{"واليوم", "اليوم"},
		{"يوم", ""},
		{"تعاون", "تعاون"},
		{"وتعاون", "تعاون"},
		{"التعاون", ""}, // the noun with the article is not the verb
	} {
		got, _, _ := firstMatch(k, tc.text)
		if got != tc.want {
			t.Errorf("KeepArticle %q: got %q, want %q", tc.text, got, tc.want)
		}
	}
	// Without KeepArticle the noun with the article does match the bare phrase.
	n := newSet(map[string]string{"تعاون": "cooperation"})
	if got, _, _ := firstMatch(n, "التعاون"); got != "تعاون" {
		t.Errorf("without KeepArticle: got %q, want %q", got, "تعاون")
	}
}

func TestPhraseSetProperNouns(t *testing.T) {
	s := NewPhraseSet[string]()
	s.ProperNouns = true
	s.Add("Turkey", "TR")
	s.Add("Chad", "TD")
	s.Add("تركيا", "TR")
	for _, tc := range []struct{ text, want string }{
		{"Turkey said", "Turkey"},
		{"roast turkey", ""},
		{"Chad and Niger", "Chad"},
		{"chad", ""},
		{"TURKEY", "TURKEY"},
		{"تركيا", "تركيا"}, // Arabic has no capitals: always matches
	} {
		got, _, _ := firstMatch(s, tc.text)
		if got != tc.want {
			t.Errorf("ProperNouns %q: got %q, want %q", tc.text, got, tc.want)
		}
	}
	plain := newSet(map[string]string{"Turkey": "TR"})
	if got, _, _ := firstMatch(plain, "roast turkey"); got != "turkey" {
		t.Errorf("without ProperNouns: got %q, want %q", got, "turkey")
	}
}

func TestPhraseSetValues(t *testing.T) {
	s := NewPhraseSet[string]()
	s.Add("Georgia", "GE")
	s.Add("Georgia", "US-GA")
	s.Add("Georgia", "GE") // a duplicate adds nothing
	s.Add("", "empty")     // ignored
	s.Add("  ", "blank")   // ignored
	d := NewDoc("in Georgia")
	m, ok := s.MatchAt(d, 1)
	if !ok || !reflect.DeepEqual(m.Values, []string{"GE", "US-GA"}) {
		t.Errorf("values: got %v (ok %v), want [GE US-GA] in the order added", m.Values, ok)
	}
	if m.W0 != 1 || m.W1 != 2 || m.Start != 3 || m.End != 10 {
		t.Errorf("match range: got %+v", m)
	}
	if s.Len() != 1 {
		t.Errorf("Len() = %d, want 1", s.Len())
	}
	if _, ok := s.MatchAt(d, 0); ok {
		t.Errorf("\"in\" matched")
	}
}

func TestPhraseSetFindAll(t *testing.T) {
	s := newSet(map[string]string{"مجلس الأمن": "UNSC", "الأمن": "security", "سوريا": "SY", "لبنان": "LB"})
	d := NewDoc("دعا مجلس الأمن سوريا ولبنان إلى الحوار")
	var got []string
	for _, m := range s.FindAll(d, 0, len(d.Words)) {
		got = append(got, d.Slice(m.Start, m.End)+"="+m.Values[0])
	}
	want := []string{"مجلس الأمن=UNSC", "سوريا=SY", "لبنان=LB"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FindAll: got %q, want %q", got, want)
	}
	// A match may not run past w1.
	got = nil
	for _, m := range s.FindAll(d, 0, 2) {
		got = append(got, d.Slice(m.Start, m.End))
	}
	if len(got) != 0 {
		t.Errorf("FindAll(0, 2): got %q, want nothing (مجلس الأمن ends at word 3)", got)
	}
	got = nil
	for _, m := range s.FindAll(d, 2, 4) {
		got = append(got, d.Slice(m.Start, m.End))
	}
	if !reflect.DeepEqual(got, []string{"الأمن", "سوريا"}) {
		t.Errorf("FindAll(2, 4): got %q", got)
	}
}

func TestPhraseSetMatchKeyAt(t *testing.T) {
	s := newSet(map[string]string{"بحث": "discuss", "بحث مع": "discuss-with"})
	d := NewDoc("سيبحث مع نظيره")
	m, ok := s.MatchKeyAt(d, 0, "بحث")
	if !ok || m.W1 != 2 || m.Values[0] != "discuss-with" || d.Slice(m.Start, m.End) != "سيبحث مع" {
		t.Errorf("MatchKeyAt: got %+v (ok %v)", m, ok)
	}
	if _, ok := s.MatchKeyAt(d, 0, "قال"); ok {
		t.Errorf("MatchKeyAt with an unknown key matched")
	}
}
