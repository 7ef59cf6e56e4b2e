package normalize

// PhraseSet finds known phrases (names, titles, trigger words) in a Doc. Phrases are compared word by
// word on folded keys: the first word may carry proclitics or the article, the last a possessive, and
// a phrase never spans punctuation other than a hyphen.
type PhraseSet[V comparable] struct {
	// first indexes the phrases by the hash of their first key: every word of every document is looked
	// up in a dozen sets, and hashing each stem once when the Doc is built (Word.hashes) instead of once
	// per set and lookup is most of what matching costs. The key itself is kept on the phrase and
	// compared, so a hash collision can never produce a match.
	first map[uint64][]phrase[V]
	// filter has one bit per hash bucket that holds a first key: most words start no phrase of a
	// given set, and one bit test turns them away before the map is probed.
	filter []uint64
	// ProperNouns, when set, makes Latin-script phrases match only where the text capitalizes their
	// first word, so that "turkey" or "chad" in running text is not taken for a country.
	ProperNouns bool
	// KeepArticle, when set, stops an Arabic phrase that starts with the article from also matching
	// without it: "اليوم" (today) must not match "يوم" (a day).
	KeepArticle bool
	maxWords    int
}

type phrase[V comparable] struct {
	first   string
	rest    []string
	value   V
	acronym bool // written in capitals ("US", "UN"): the text must write it in capitals too
	latin   bool
}

// PhraseMatch is one occurrence of a phrase in a Doc.
type PhraseMatch[V any] struct {
	W0, W1     int // word range [W0, W1)
	Start, End int // code-point offsets; Start is after any proclitic of the first word
	Values     []V // the values of every phrase of that length and keys, in the order they were added
}

// NewPhraseSet returns an empty set.
func NewPhraseSet[V comparable]() *PhraseSet[V] {
	return &PhraseSet[V]{first: make(map[uint64][]phrase[V])}
}

// Add adds a phrase with its value. Empty phrases are ignored. An Arabic phrase whose first word has
// the article is also found without it ("الأمم المتحدة" in "للأمم المتحدة").
func (s *PhraseSet[V]) Add(text string, v V) {
	d := NewDoc(text)
	if len(d.Words) == 0 {
		return
	}
	keys := make([]string, len(d.Words))
	for i := range d.Words {
		keys[i] = d.Words[i].Key
	}
	w0 := &d.Words[0]
	p := phrase[V]{rest: keys[1:], value: v, acronym: w0.Upper && len(d.Words) == 1, latin: w0.Script == ScriptLatin}
	s.addKey(keys[0], p)
	if w0.Script == ScriptArabic && !s.KeepArticle && len(d.Words) > 1 {
		for _, st := range w0.Stems()[1:] {
			// Only the bare form after the article: "الامم المتحده" is also indexed as "امم المتحده"
			// (a one-word name keeps its article: "يمن" is a verb, "اليمن" the country).
			if st.Skip == 2 && len(w0.Key) > 4 && w0.Key[:4] == "ال" {
				s.addKey(st.Key, p)
			}
		}
	}
	if len(d.Words) > s.maxWords {
		s.maxWords = len(d.Words)
	}
}

func (s *PhraseSet[V]) addKey(k string, p phrase[V]) {
	h := keyHash(k)
	p.first = k
	for _, q := range s.first[h] {
		if q.first == k && equalKeys(q.rest, p.rest) && q.value == p.value && q.acronym == p.acronym {
			return
		}
	}
	s.first[h] = append(s.first[h], p)
	if len(s.first)*16 > len(s.filter)*64 {
		s.rebuildFilter()
	} else {
		s.setFilter(h)
	}
}

// rebuildFilter sizes the filter to at least 16 bits a key (a few percent of false positives) and
// sets the bits of every key.
func (s *PhraseSet[V]) rebuildFilter() {
	n := 64
	for n < len(s.first)*16/64 {
		n *= 2
	}
	s.filter = make([]uint64, n)
	for h := range s.first {
		s.setFilter(h)
	}
}

func (s *PhraseSet[V]) setFilter(h uint64) {
	bit := h & uint64(len(s.filter)*64-1)
	s.filter[bit/64] |= 1 << (bit % 64)
}

// mayStart reports whether a key with hash h may start a phrase of the set.
func (s *PhraseSet[V]) mayStart(h uint64) bool {
	if len(s.filter) == 0 {
		return false
	}
	bit := h & uint64(len(s.filter)*64-1)
	return s.filter[bit/64]&(1<<(bit%64)) != 0
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Len returns the number of distinct first keys (hashes), for diagnostics.
func (s *PhraseSet[V]) Len() int { return len(s.first) }

// MatchAt returns the longest phrase that starts at word wi.
func (s *PhraseSet[V]) MatchAt(d *Doc, wi int) (PhraseMatch[V], bool) {
	var best PhraseMatch[V]
	found := false
	w := &d.Words[wi]
	stems := w.Stems()
	base := int(w.hash0)
	for _, o := range d.order[base : base+len(stems)] {
		k := int(o)
		st := stems[k]
		if s.KeepArticle && st.Article {
			continue // "التعاون" is a noun, not the verb "تعاون"
		}
		h := d.hashes[base+k]
		if !s.mayStart(h) {
			continue
		}
		for _, p := range s.first[h] {
			if p.first != st.Key {
				continue
			}
			if p.acronym && !w.Upper {
				continue
			}
			if p.latin && s.ProperNouns && !w.Cap {
				continue
			}
			end, ok := matchRest(d, wi, p.rest)
			if !ok {
				continue
			}
			n := end - wi
			switch {
			case !found || n > best.W1-best.W0:
				best = PhraseMatch[V]{W0: wi, W1: end, Start: d.StemStart(w, st), End: d.Words[end-1].End, Values: []V{p.value}}
				found = true
			case n == best.W1-best.W0 && best.Start == d.StemStart(w, st):
				best.Values = append(best.Values, p.value)
			}
		}
		if found {
			break // a longer stem (fewer letters taken as proclitics) wins over a shorter one
		}
	}
	return best, found
}

// longestFirst appends to order the indexes of stems from the longest key to the shortest, the
// word's own key first; stems of equal length keep their order. Stems() lists the forms with the most
// proclitics removed first ("والولايات": "ولايات" before "الولايات"), which MatchAt must not follow:
// "والولايات المتحدة" names "الولايات المتحدة", not "ولايات المتحدة".
func longestFirst(stems []Stem, order []int) []int {
	for i := range stems {
		order = append(order, i)
		for j := len(order) - 1; j > 1 && len(stems[order[j]].Key) > len(stems[order[j-1]].Key); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	return order
}

// MatchKeyAt is MatchAt with key standing for the first word (a form the caller derived, such as a
// verb without its future prefix).
func (s *PhraseSet[V]) MatchKeyAt(d *Doc, wi int, key string) (PhraseMatch[V], bool) {
	var best PhraseMatch[V]
	found := false
	w := &d.Words[wi]
	h := keyHash(key)
	if !s.mayStart(h) {
		return best, false
	}
	for _, p := range s.first[h] {
		if p.first != key {
			continue
		}
		end, ok := matchRest(d, wi, p.rest)
		if !ok {
			continue
		}
		if !found || end-wi > best.W1-best.W0 {
			best = PhraseMatch[V]{W0: wi, W1: end, Start: w.Start, End: d.Words[end-1].End, Values: []V{p.value}}
			found = true
		} else if end-wi == best.W1-best.W0 {
			best.Values = append(best.Values, p.value)
		}
	}
	return best, found
}

// matchRest reports whether the words after wi match keys and returns the end of the match.
func matchRest(d *Doc, wi int, keys []string) (int, bool) {
	j := wi + 1
	for k, key := range keys {
		if j >= len(d.Words) {
			return 0, false
		}
		w := &d.Words[j]
		if w.Gap != 0 && w.Gap != '-' && w.Gap != '\'' || w.Newline {
			return 0, false
		}
		if w.Key != key {
			last := k == len(keys)-1
			ok := false
			if last && w.Script == ScriptLatin {
				for _, st := range w.Stems()[1:] {
					if st.Key == key {
						ok = true
					}
				}
			}
			if !ok {
				return 0, false
			}
		}
		j++
	}
	return j, true
}

// FindAll returns the longest non-overlapping matches in words [w0, w1), left to right.
func (s *PhraseSet[V]) FindAll(d *Doc, w0, w1 int) []PhraseMatch[V] {
	var out []PhraseMatch[V]
	for i := w0; i < w1; i++ {
		if m, ok := s.MatchAt(d, i); ok && m.W1 <= w1 {
			out = append(out, m)
			i = m.W1 - 1
		}
	}
	return out
}
