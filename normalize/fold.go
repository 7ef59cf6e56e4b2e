// Package normalize turns article text into tokens whose folded forms are what matching compares,
// while every token keeps the code-point offsets of the original text, so that a mention or a quote
// always slices the body exactly.
//
// Folding, for Arabic: diacritics (harakat, shadda, sukun, dagger alef, Quranic marks) and tatweel are
// dropped; أ إ آ ٱ become ا, ى becomes ي, ة becomes ه, ؤ becomes و, ئ becomes ي; Persian ک and ی
// become ك and ي. For Latin script: lowercase and accents removed (Unicode NFD, marks dropped, with
// golang.org/x/text). Arabic-Indic and Persian digits become ASCII digits in every script.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// IsArabicMark reports whether r is an Arabic combining mark or the tatweel, which folding drops.
func IsArabicMark(r rune) bool {
	switch {
	case r >= 0x0610 && r <= 0x061A, r >= 0x064B && r <= 0x065F, r == 0x0670,
		r >= 0x06D6 && r <= 0x06DC, r >= 0x06DF && r <= 0x06E8, r >= 0x06EA && r <= 0x06ED,
		r == 0x0640:
		return true
	}
	return false
}

// IsArabicLetter reports whether r is a letter of the Arabic script.
func IsArabicLetter(r rune) bool {
	return (r >= 0x0620 && r <= 0x064A) || (r >= 0x066E && r <= 0x06D3) || r == 0x06D5 ||
		(r >= 0x06FA && r <= 0x06FC) || (r >= 0x0750 && r <= 0x077F) || (r >= 0xFB50 && r <= 0xFDFF) ||
		(r >= 0xFE70 && r <= 0xFEFF)
}

// digit returns the ASCII digit of an Arabic-Indic, Persian or ASCII digit, and false for anything else.
func digit(r rune) (rune, bool) {
	switch {
	case r >= '0' && r <= '9':
		return r, true
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660, true
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0, true
	}
	return 0, false
}

// foldArabic maps one Arabic letter to its folded form.
func foldArabic(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا'
	case 'ى', 'ی', 'ئ', 'ې':
		return 'ي'
	case 'ة', 'ۃ':
		return 'ه'
	case 'ؤ':
		return 'و'
	case 'ک':
		return 'ك'
	case 'گ':
		return 'ك'
	}
	return r
}

// foldLatinRune folds one non-Arabic rune: lowercase without accents (its NFD decomposition without
// combining marks, from golang.org/x/text/unicode/norm, whose forms are safe for concurrent use —
// unlike a shared transform.Transformer). ß and ligatures that NFD does not split are kept lowercased.
func foldLatinRune(r rune, buf []byte) []byte {
	if r < utf8.RuneSelf {
		return append(buf, byte(unicode.ToLower(r)))
	}
	if unicode.Is(unicode.Mn, r) {
		return buf // a combining accent written apart: "Cafe\u0301"
	}
	var tmp [8]byte
	n := utf8.EncodeRune(tmp[:], r)
	if norm.NFD.QuickSpan(tmp[:n]) == n {
		return utf8.AppendRune(buf, unicode.ToLower(r)) // nothing to decompose
	}
	for _, c := range norm.NFD.String(string(tmp[:n])) {
		if !unicode.Is(unicode.Mn, c) {
			buf = utf8.AppendRune(buf, unicode.ToLower(c))
		}
	}
	return buf
}

// Fold returns the folded form of s, the form every lexicon key and every token is compared in.
// Characters that are neither letters nor digits are kept (lowercased); runs of white space become
// one space and the result is trimmed.
func Fold(s string) string {
	var b []byte
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = len(b) > 0
			continue
		}
		n := len(b)
		if space {
			b = append(b, ' ')
		}
		if b2 := foldRune(r, b); len(b2) > len(b) {
			b, space = b2, false
		} else {
			// r folds to nothing (a mark, a tatweel, a joiner): it must not leave a space behind,
			// which would double the space or trail at the end.
			b = b[:n]
		}
	}
	return string(b)
}

// foldRune appends the folded form of r to b (nothing for a dropped mark).
func foldRune(r rune, b []byte) []byte {
	if d, ok := digit(r); ok {
		return append(b, byte(d))
	}
	if IsArabicMark(r) {
		return b
	}
	if r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F {
		return utf8.AppendRune(b, foldArabic(r))
	}
	if r == '’' || r == 'ʼ' || r == '‘' || r == '`' || r == 'ʻ' {
		return append(b, '\'')
	}
	if r == 0x200C || r == 0x200D || r == 0x200F || r == 0x200E || r == 0xFEFF {
		return b // zero-width joiners and direction marks
	}
	return foldLatinRune(r, b)
}

// FoldDigits returns s with Arabic-Indic and Persian digits replaced by ASCII digits and nothing else
// changed.
func FoldDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x0660 && r <= 0x06F9 }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if d, ok := digit(r); ok {
			b.WriteRune(d)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}
