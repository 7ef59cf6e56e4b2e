package normalize

import (
	"strings"
	"unicode/utf8"
)

// Doc is a text prepared for matching: its tokens, its words (the stream matching runs over) and its
// sentences. All offsets are code points of Text.
type Doc struct {
	Text      string
	Tokens    []Token
	Words     []Word
	Sentences []Sentence

	runeOffsets []int32  // byte offset of every rune and of the end, to slice Text by rune offsets
	hashes      []uint64 // keyHash of every stem key of every word, for PhraseSet lookups
	order       []uint8  // for every word, the indexes of its stems from the longest key (see longestFirst)
	buf         *buffers // where the slices above came from, returned by Release
}

// Word is a word or number of the text as matching sees it: compound names written with or without a
// space ("عبد الله"/"عبدالله", "al-Shaibani"/"Al Shaibani") become one word with one key.
type Word struct {
	T0, T1     int    // token range [T0, T1)
	Start, End int    // code-point offsets in the text
	Key        string // folded form
	Script     Script
	Number     bool
	Cap, Upper bool // as on Token, for the first token
	// Gap is the punctuation between the previous word and this one: 0 when only space separates
	// them, '-' for a hyphen, otherwise the (last) punctuation character. Newline is set when a line
	// break precedes the word.
	Gap      rune
	Newline  bool
	Sentence int // index into Doc.Sentences
	stems    []Stem
	hash0    int32 // index in Doc.hashes of the hash of the first stem's key
}

// Stem is a form of a word after proclitics, the article or a possessive ending are removed.
type Stem struct {
	Key  string
	Skip int // folded runes removed from the front (the proclitics), to find where the name starts
	// Article is set when the removed prefix includes the article ال (verbs never take it).
	Article bool
}

// Stems returns the word's key and the forms it may stand for once proclitics (و ف ب ل ك), the
// article ال, "al-" or a possessive "'s" are removed. The key itself comes first; the other forms
// follow from the longest prefix removed to the shortest, so that the last one keeps the article
// ("والسوري": والسوري, سوري, السوري). Matching prefers the longest form (see PhraseSet.MatchAt).
func (w *Word) Stems() []Stem { return w.stems }

// Sentence is a span of the text ending with sentence punctuation or a line break.
type Sentence struct {
	Start, End int // code-point offsets, trimmed of surrounding space
	W0, W1     int // word range [W0, W1)
}

// NewDoc tokenizes text and builds its words and sentences. Its slices come from a pool: a caller
// done with the Doc may hand them back with Release.
func NewDoc(text string) *Doc {
	buf := bufferPool.Get().(*buffers)
	d := &Doc{Text: text, Tokens: tokenize(text, buf), buf: buf}
	d.buildWords()
	d.buildSentences()
	return d
}

func (d *Doc) buildWords() {
	toks := d.Tokens
	// The slices are sized from a count of the word tokens, and the stems of all words share one
	// backing array: a 500-word article allocates a handful of times here instead of twice a word.
	words, arabic := 0, 0
	for i := range toks {
		if toks[i].Kind != KindPunct {
			words++
			if toks[i].Script == ScriptArabic {
				arabic++
			}
		}
	}
	d.Words = reuse(d.buf.words, words)
	stemArena := reuse(d.buf.stems, words+2*arabic) // Arabic words have a form or two without proclitics
	d.hashes = reuse(d.buf.hashes, cap(stemArena))
	d.order = reuse(d.buf.order, cap(stemArena))
	var scratch [8]Stem
	var idx [8]int
	defer func() { d.buf.words, d.buf.stems, d.buf.hashes, d.buf.order = d.Words, stemArena, d.hashes, d.order }()
	var gap rune
	newline := false
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Newline {
			newline = true
		}
		if t.Kind == KindPunct {
			if gap == 0 || gap == '-' {
				gap = t.Rune()
			} else if t.Rune() != '-' {
				gap = t.Rune()
			}
			continue
		}
		w := Word{T0: i, T1: i + 1, Start: t.Start, End: t.End, Key: t.Fold, Script: t.Script,
			Number: t.Kind == KindNumber, Cap: t.Cap, Upper: t.Upper, Gap: gap, Newline: newline}
		gap, newline = 0, false
		// Join a name particle with the word after it, on the same line, with nothing but a space or a
		// hyphen between.
		if j, ok := joinable(toks, i); ok {
			n := &toks[j]
			w.T1, w.End = j+1, n.End
			w.Key = t.Fold + n.Fold
			w.Cap = w.Cap || n.Cap // "al-Salama" is a capitalized name
			i = j
		}
		from := len(stemArena)
		stemArena = append(stemArena, stems(scratch[:0], w.Key, w.Script, t.Fold)...)
		w.stems = stemArena[from:len(stemArena):len(stemArena)]
		w.hash0 = int32(len(d.hashes))
		for k := range w.stems {
			d.hashes = append(d.hashes, keyHash(w.stems[k].Key))
		}
		for _, k := range longestFirst(w.stems, idx[:0]) {
			d.order = append(d.order, uint8(k))
		}
		d.Words = append(d.Words, w)
	}
}

// joinable reports whether token i is a name particle ("عبد", "أبو", "al", "el") to be joined with
// the word token that follows it, and returns that token's index.
func joinable(toks []Token, i int) (int, bool) {
	t := &toks[i]
	switch t.Script {
	case ScriptArabic:
		f := t.Fold
		if r, size := utf8.DecodeRuneInString(f); len(f) > size && strings.ContainsRune("وفبلك", r) && !isParticle(f) {
			f = f[size:] // "وعبد الله": a proclitic before the particle
		}
		if !isParticle(f) {
			return 0, false
		}
	case ScriptLatin:
		if t.Fold != "al" && t.Fold != "el" {
			return 0, false
		}
	default:
		return 0, false
	}
	j := i + 1
	if j < len(toks) && toks[j].Kind == KindPunct && toks[j].Fold == "-" && !toks[j].Space {
		j++
	}
	if j >= len(toks) || toks[j].Kind != KindWord || toks[j].Script != t.Script || toks[j].Newline {
		return 0, false
	}
	if t.Script == ScriptLatin && !toks[j].Cap && j == i+1 {
		return 0, false // "al" followed by a lowercase word is not a name particle
	}
	return j, true
}

func isParticle(f string) bool {
	return f == "عبد" || f == "ابو" || f == "ابي" || f == "ابا"
}

// arabicPrefixes are the proclitic sequences removed from the front of an Arabic word, longest first.
// "لل" is ل + ال with the alef dropped.
var arabicPrefixes = []string{
	"وبال", "وكال", "فبال", "فال", "وال", "بال", "كال", "ولل", "فلل",
	"لل", "ال", "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك",
}

// proclitic is an entry of arabicPrefixes with what stems needs to know about it, worked out once.
type proclitic struct {
	text        string
	runes       int
	article     bool // ends with the article ("ال", or "لل" for ل + ال)
	lamLam      bool // ends with "لل"
	preposition bool // holds ب, ل or ك
}

var arabicProclitics = func() []proclitic {
	out := make([]proclitic, len(arabicPrefixes))
	for i, p := range arabicPrefixes {
		out[i] = proclitic{text: p, runes: utf8.RuneCountInString(p),
			article: strings.HasSuffix(p, "ال") || strings.HasSuffix(p, "لل"), lamLam: strings.HasSuffix(p, "لل"),
			preposition: strings.ContainsAny(p, "بلك")}
	}
	return out
}()

// mayHaveProclitic reports whether key starts with a letter some proclitic starts with (و ف ب ل ك
// or the alef of the article): most words do not, and skip the prefix table.
func mayHaveProclitic(key string) bool {
	r, _ := utf8.DecodeRuneInString(key)
	switch r {
	case 'و', 'ف', 'ب', 'ل', 'ك', 'ا':
		return true
	}
	return false
}

// stems appends to out the forms of key with its prefixes removed; the first is the key itself.
func stems(out []Stem, key string, script Script, first string) []Stem {
	out = append(out, Stem{Key: key})
	switch script {
	case ScriptArabic:
		if !mayHaveProclitic(key) {
			break
		}
		for _, p := range arabicProclitics {
			if strings.HasPrefix(key, p.text) {
				rest := key[len(p.text):]
				n := utf8.RuneCountInString(rest)
				// A preposition (ب ل ك) leaves at least three letters: "بحث" is not ب + "حث". With the
				// article the rest is a noun however short: "للحل" is ل + "الحل".
				if n >= 2 && (p.article || !(n < 3 && p.preposition)) {
					out = appendStem(out, Stem{Key: rest, Skip: p.runes, Article: p.article})
					if p.lamLam {
						// ل + ال: "لليمن" is "ل" + "اليمن".
						out = appendStem(out, Stem{Key: "ال" + rest, Skip: p.runes})
					}
				}
			}
		}
	case ScriptLatin:
		if strings.HasSuffix(key, "'s") {
			out = appendStem(out, Stem{Key: key[:len(key)-2]})
		} else if strings.HasSuffix(key, "'") {
			out = appendStem(out, Stem{Key: key[:len(key)-1]})
		}
		if (first == "al" || first == "el") && len(key) > len(first)+1 {
			base := out[len(out)-1].Key
			out = appendStem(out, Stem{Key: base[len(first):]})
		}
	}
	return out
}

func appendStem(out []Stem, s Stem) []Stem {
	for _, o := range out {
		if o.Key == s.Key {
			return out
		}
	}
	return append(out, s)
}

// abbreviations that end with a period without ending a sentence (folded, without the period).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "rep": true, "gen": true,
	"lt": true, "col": true, "maj": true, "capt": true, "cmdr": true, "adm": true, "gov": true, "amb": true,
	"st": true, "jr": true, "sr": true, "no": true, "vs": true, "etc": true, "inc": true, "co": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "h.e": true, "he": false, "pres": true,
}

func (d *Doc) buildSentences() {
	toks := d.Tokens
	start := -1 // token index where the current sentence starts
	flush := func(end int) {
		if start >= 0 && end > start {
			d.Sentences = append(d.Sentences, Sentence{Start: toks[start].Start, End: toks[end-1].End})
		}
		start = -1
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Newline && start >= 0 {
			flush(i)
		}
		if start < 0 {
			start = i
		}
		if t.Kind != KindPunct {
			continue
		}
		switch t.Rune() {
		case '!', '?', '؟', '…':
		case '.':
			if i > 0 && toks[i-1].Kind == KindWord && !t.Space {
				p := &toks[i-1]
				if p.Script == ScriptLatin && (abbreviations[p.Fold] || utf8.RuneCountInString(p.Fold) == 1 && p.Cap) {
					continue
				}
			}
			if i+1 < len(toks) && !toks[i+1].Newline {
				n := &toks[i+1]
				if n.Kind == KindNumber && !n.Space || n.Script == ScriptLatin && !n.Cap && n.Kind == KindWord {
					continue // "3.5", "approx. the"
				}
			}
		default:
			continue
		}
		// Closing quotes and brackets right after the end belong to the sentence.
		j := i + 1
		for j < len(toks) && toks[j].Kind == KindPunct && !toks[j].Space && isCloser(toks[j].Rune()) {
			j++
		}
		flush(j)
		i = j - 1
	}
	flush(len(toks))
	d.fixSentences()
}

// fixSentences assigns every word its sentence and every sentence its words.
func (d *Doc) fixSentences() {
	si := 0
	for wi := range d.Words {
		w := &d.Words[wi]
		for si < len(d.Sentences)-1 && w.Start >= d.Sentences[si].End {
			si++
		}
		w.Sentence = si
	}
	wi := 0
	for si := range d.Sentences {
		s := &d.Sentences[si]
		s.W0 = wi
		for wi < len(d.Words) && d.Words[wi].Sentence == si {
			wi++
		}
		s.W1 = wi
	}
}

func isCloser(r rune) bool {
	switch r {
	case '"', '»', '”', '’', ')', ']', '\'', '›':
		return true
	}
	return false
}

// Slice returns the text between code-point offsets start and end.
func (d *Doc) Slice(start, end int) string {
	if d.runeOffsets == nil {
		d.indexRunes()
	}
	return d.Text[d.byteOffset(start):d.byteOffset(end)]
}

// indexRunes records the byte offset of every rune: extraction slices the text thousands of times
// per article, and a table of 4 bytes a rune makes each slice two loads.
func (d *Doc) indexRunes() {
	var idx []int32
	if d.buf != nil {
		idx = reuse(d.buf.runes, len(d.Text)+1)
		defer func() { d.buf.runes = d.runeOffsets }()
	} else {
		idx = make([]int32, 0, len(d.Text)+1)
	}
	for b := range d.Text {
		idx = append(idx, int32(b))
	}
	d.runeOffsets = append(idx, int32(len(d.Text)))
}

func (d *Doc) byteOffset(r int) int {
	switch {
	case r <= 0:
		return 0
	case r >= len(d.runeOffsets):
		return len(d.Text)
	}
	return int(d.runeOffsets[r])
}

// WordText returns the original text of words [w0, w1).
func (d *Doc) WordText(w0, w1 int) string {
	return d.Slice(d.Words[w0].Start, d.Words[w1-1].End)
}

// StemStart returns the code-point offset where stem s of word w begins in the original text: after
// the proclitics it removed, skipping any diacritics written on them.
func (d *Doc) StemStart(w *Word, s Stem) int {
	if s.Skip == 0 {
		return w.Start
	}
	text := d.Slice(w.Start, w.End)
	pos, letters := w.Start, 0
	for _, r := range text {
		if letters == s.Skip && !IsArabicMark(r) {
			return pos
		}
		if !IsArabicMark(r) {
			letters++
		}
		pos++
	}
	return w.Start
}
