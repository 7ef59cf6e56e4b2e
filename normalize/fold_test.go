package normalize

import "testing"

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"harakat and shadda", "الشَّيْبَانِيُّ", "الشيباني"},
		{"tanwin", "شكراً جزيلاً", "شكرا جزيلا"},
		{"dagger alef", "هٰذا", "هذا"},
		{"tatweel", "ســـوريـا", "سوريا"},
		{"hamza on alef above", "أحمد", "احمد"},
		{"hamza on alef below", "إيران", "ايران"},
		{"madda", "آذار", "اذار"},
		{"wasla", "ٱلله", "الله"},
		{"alef maqsura", "مصطفى", "مصطفي"},
		{"ta marbuta", "السعودية", "السعوديه"},
		{"waw hamza", "مؤتمر", "موتمر"},
		{"ya hamza", "رئيس", "رييس"},
		{"persian kaf and ya", "کیف", "كيف"},
		{"arabic-indic digits", "٢٠٢٥", "2025"},
		{"persian digits", "۱۴۰۴", "1404"},
		{"mixed digits", "٣ آذار ۲۰۲۴", "3 اذار 2024"},
		{"latin lowercase", "SYRIA", "syria"},
		{"latin accents", "Élysée Zürich São Ñandú", "elysee zurich sao nandu"},
		{"decomposed accent", "Cafe\u0301", "cafe"},
		{"curly apostrophe", "Syria’s", "syria's"},
		{"white space runs", "  سوريا \t\n  Syria  ", "سوريا syria"},
		{"punctuation kept", "U.S.-Iran, (talks)", "u.s.-iran, (talks)"},
		{"zero-width joiners dropped", "سو\u200cريا", "سوريا"},
		{"empty", "", ""},
		// A mark or tatweel standing alone after a space folds to nothing: no trailing space is left.
		{"trailing dropped tatweel", "سوريا ـــ", "سوريا"},
		{"trailing dropped mark", "Syria \u064b", "syria"},
		{"only marks", "\u064e\u0640", ""},
		{"dropped between words", "سوريا ـ لبنان", "سوريا لبنان"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFoldIdempotent(t *testing.T) {
	for _, s := range []string{"الشَّيْبَانِيُّ", "Élysée", "٢٠٢٥ أإآ", "U.S.", "سوريا ـــ"} {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	}
}

func TestFoldDigits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"٢٤ كانون الأول ٢٠٢٥", "24 كانون الأول 2025"},
		{"۱۴۰۴", "1404"},
		{"no digits: أحمد", "no digits: أحمد"},
		{"2025", "2025"},
	}
	for _, tc := range tests {
		if got := FoldDigits(tc.in); got != tc.want {
			t.Errorf("FoldDigits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIsArabicMark(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'\u064e', true}, {'\u0651', true}, {'\u0670', true}, {'\u0640', true}, {'\u06d6', true},
		{'ا', false}, {'a', false}, {'\u0301', false},
	}
	for _, tc := range tests {
		if got := IsArabicMark(tc.r); got != tc.want {
			t.Errorf("IsArabicMark(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}
