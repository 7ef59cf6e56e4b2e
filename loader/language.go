package loader

import (
	"unicode"

	"github.com/diplograph/diplograph/normalize"
)

// Supported languages.
const (
	Arabic  = "ar"
	English = "en"
)

// DetectLanguage returns "ar" when Arabic letters are at least as many as Latin ones in the first
// 4,000 characters of text, "en" when Latin letters dominate, and "" when the text has no letters.
func DetectLanguage(text string) string {
	arabic, latin, n := 0, 0, 0
	for _, r := range text {
		if n++; n > 4000 {
			break
		}
		switch {
		case normalize.IsArabicLetter(r):
			arabic++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	switch {
	case arabic == 0 && latin == 0:
		return ""
	case arabic >= latin:
		return Arabic
	}
	return English
}

// normalizeLanguage maps a language field ("ar", "AR", "ar-SA", "arabic", "en-GB") to "ar" or "en";
// ok is false for any other language.
func normalizeLanguage(s string) (string, bool) {
	switch l := lowerASCII(s); {
	case l == "ar" || l == "ara" || l == "arabic" || len(l) > 3 && l[:3] == "ar-" || l == "عربي" || l == "العربية":
		return Arabic, true
	case l == "en" || l == "eng" || l == "english" || len(l) > 3 && l[:3] == "en-":
		return English, true
	}
	return "", false
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}
