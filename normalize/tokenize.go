package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

const (
	KindWord   Kind = iota // letters (with their marks), or Latin letters and digits together ("G20")
	KindNumber             // digits of any script, as one token ("٢٠٢٥" folds to "2025")
	KindPunct              // one punctuation or symbol character
)

// Script is the writing system of a word token.
type Script uint8

const (
	ScriptOther Script = iota
	ScriptArabic
	ScriptLatin
)

// Token is one word, number or punctuation character of a text.
type Token struct {
	Start, End int // code-point offsets into the original text: text[Start:End] in runes is the token
	Kind       Kind
	Script     Script
	Fold       string // folded form (see Fold); for punctuation the character itself
	// Cap is set for a Latin word whose first letter is uppercase; Upper when all its letters are
	// uppercase (an acronym such as "US" or "U.N.").
	Cap, Upper bool
	// Space is set when white space precedes the token; Newline when that space holds a line break.
	Space, Newline bool
}

// Rune returns the punctuation character of a punctuation token.
func (t *Token) Rune() rune {
	r, _ := utf8.DecodeRuneInString(t.Fold)
	return r
}

// Tokenize splits text into tokens. Offsets are in code points.
func Tokenize(text string) []Token {
	return tokenize(text, nil)
}

// tokenize is Tokenize writing into the reusable buffers of buf when it is not nil.
func tokenize(text string, buf *buffers) []Token {
	// About one token a space, plus punctuation: counting the spaces is much cheaper than growing the
	// slice (or over-allocating it) for every article.
	spaces := strings.Count(text, " ") + strings.Count(text, "\n")
	var toks []Token
	var folds []byte
	var spans []int32
	if buf != nil {
		toks = reuse(buf.tokens, spaces+spaces/4+8)
		folds = reuse(buf.folds, len(text))
		spans = reuse(buf.spans, 2*cap(toks))
		defer func() { buf.tokens, buf.folds, buf.spans = toks, folds, spans }()
	} else {
		toks = make([]Token, 0, spaces+spaces/4+8)
		folds = make([]byte, 0, len(text))
		spans = make([]int32, 0, 2*cap(toks))
	}
	var (
		pos            int // rune offset of the current rune
		space, newline bool
	)
	b := []byte(nil)
	// The folded forms of all tokens are written one after the other into folds and become one
	// string at the end, each token's Fold a slice of it: one allocation instead of one per token.
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == 0x200B || r == 0xFEFF:
			space = true
			if r == '\n' || r == '\r' || r == 0x2029 || r == 0x2028 {
				newline = true
			}
			i += size
			pos++
			continue
		case r == 0x200C || r == 0x200D || r == 0x200E || r == 0x200F:
			// Zero-width joiners and direction marks: invisible, belong to no token.
			i += size
			pos++
			continue
		}
		t := Token{Start: pos, Space: space, Newline: newline}
		space, newline = false, false
		b = b[:0]
		switch {
		case isDigit(r):
			t.Kind = KindNumber
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !isDigit(r) {
					break
				}
				b = foldRune(r, b)
				i += size
				pos++
			}
		case (IsArabicLetter(r) || IsArabicMark(r)) && r != 0x0640:
			// The tatweel (U+0640, inside the letter range) lengthens a word but does not start one:
			// standing alone ("دمشق ـ سانا") it is a dash, a punctuation token.
			t.Kind, t.Script = KindWord, ScriptArabic
			first := i
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if !(IsArabicLetter(r) || IsArabicMark(r) || r == 0x200C || r == 0x200D) {
					break
				}
				b = foldRune(r, b)
				i += size
				pos++
			}
			if len(b) == 0 {
				// Marks without a letter fold to nothing: not a word with an empty key but a
				// punctuation token holding the marks as written.
				t.Kind, t.Script = KindPunct, ScriptOther
				b = append(b, text[first:i]...)
			}
		case unicode.IsLetter(r) && !IsArabicLetter(r):
			t.Kind, t.Script = KindWord, ScriptLatin
			if !isLatin(r) {
				t.Script = ScriptOther
			}
			t.Cap = unicode.IsUpper(r)
			upper, letters := true, 0
			for i < len(text) {
				r, size = utf8.DecodeRuneInString(text[i:])
				if unicode.IsLetter(r) && !IsArabicLetter(r) || unicode.Is(unicode.Mn, r) || isASCIIDigit(r) {
					if unicode.IsLetter(r) {
						letters++
						if !unicode.IsUpper(r) {
							upper = false
						}
					}
					b = foldRune(r, b)
					i += size
					pos++
					continue
				}
				// An apostrophe between letters stays in the word: "Syria's", "d'Ivoire".
				if isApostrophe(r) && i+size < len(text) {
					next, _ := utf8.DecodeRuneInString(text[i+size:])
					if unicode.IsLetter(next) && !IsArabicLetter(next) {
						b = append(b, '\'')
						i += size
						pos++
						continue
					}
				}
				// "U.S." and "U.N.": single letters joined by periods make one acronym token.
				if r == '.' && letters == 1 && upper && i+size+1 < len(text) {
					n1, s1 := utf8.DecodeRuneInString(text[i+size:])
					if unicode.IsUpper(n1) && n1 < utf8.RuneSelf {
						n2, _ := utf8.DecodeRuneInString(text[i+size+s1:])
						if n2 == '.' {
							i, pos, b = readAcronym(text, i, pos, b)
							letters = 2
							break
						}
					}
				}
				break
			}
			t.Upper = upper && letters >= 2
		default:
			t.Kind = KindPunct
			b = foldRune(r, b)
			if len(b) == 0 {
				b = utf8.AppendRune(b, r)
			}
			i += size
			pos++
		}
		t.End = pos
		spans = append(spans, int32(len(folds)))
		folds = append(folds, b...)
		spans = append(spans, int32(len(folds)))
		toks = append(toks, t)
	}
	all := string(folds)
	for k := range toks {
		toks[k].Fold = all[spans[2*k]:spans[2*k+1]]
	}
	return toks
}

// readAcronym consumes ".X.Y." after the first letter of an acronym such as U.S. or U.A.E., appending
// the letters (without periods) to b. The final period is consumed too.
func readAcronym(text string, i, pos int, b []byte) (int, int, []byte) {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '.' {
			i += size
			pos++
			if i >= len(text) {
				break
			}
			n, ns := utf8.DecodeRuneInString(text[i:])
			if unicode.IsUpper(n) && n < utf8.RuneSelf {
				// Only continue when the letter is itself followed by a period.
				if i+ns < len(text) {
					if p, _ := utf8.DecodeRuneInString(text[i+ns:]); p == '.' {
						b = append(b, byte(unicode.ToLower(n)))
						i += ns
						pos++
						continue
					}
				}
			}
			break
		}
		break
	}
	return i, pos, b
}

func isDigit(r rune) bool { _, ok := digit(r); return ok }

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r < 0x0250 || r >= 0x1E00 && r <= 0x1EFF }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }
