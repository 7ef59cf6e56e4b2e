package relate

import (
	"strings"

	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

// How an event noun ("اللقاء", "زيارة", "the talks") is tied to the text around it decides whether it
// tells a new event and who takes part: a possessive ("لقائه", "his visit") points to the subject of
// the clause, a genitive or a linked name ("زيارة الوفد السوري", "talks with Lavrov") names the
// parties, and a bare definite noun ("المباحثات", "the meeting") refers back to the event in focus.

// linkWords tie a name to the event noun before it: "talks with X", "اتصالاً هاتفياً بالرئيس".
var linkWords = foldSet("مع", "بين", "من", "لدى", "with", "between", "by", "from", "of", "among")

// possessive reports whether an event noun carries a possessive pronoun: Arabic "لقائه", "زيارتها",
// "مباحثاتهما" (written with ه, not the ة the folding merges with it), English "his visit".
func (a *article) possessive(t match) bool {
	w := &a.doc.Words[t.w0]
	if w.Script == normalize.ScriptArabic {
		raw := strings.TrimRightFunc(a.doc.Slice(w.Start, w.End), normalize.IsArabicMark)
		for _, suf := range []string{"ه", "ها", "هما", "هم"} {
			if strings.HasSuffix(raw, suf) {
				return true
			}
		}
		return false
	}
	return t.w0 > 0 && possessiveWords[a.doc.Words[t.w0-1].Key]
}

// definite reports whether an event noun has the article ("الزيارة", "بالاتفاق") or, in English, a
// definite determiner ("the talks", "this visit").
func (a *article) definite(t match) bool {
	w := &a.doc.Words[t.w0]
	if w.Script == normalize.ScriptArabic {
		for _, st := range w.Stems() {
			if st.Article && a.doc.StemStart(w, st) <= t.start || strings.HasPrefix(w.Key, "ال") {
				return true
			}
		}
		return false
	}
	if strings.HasPrefix(a.doc.Words[t.w0].Key, "the") && t.w1-t.w0 > 1 {
		return true // "the call"
	}
	if t.w0 == 0 {
		return false
	}
	switch a.doc.Words[t.w0-1].Key {
	case "the", "this", "that", "these":
		return true
	}
	return false
}

// genitive reports whether a name follows the event noun directly, as its genitive: "زيارة الوفد
// السوري", "اجتماع جدة".
func (a *article) genitive(t match) bool {
	if t.w1 >= len(a.doc.Words) || a.doc.Words[t.w1].Gap != 0 {
		return false
	}
	m := a.rec.MentionAt(t.w1)
	if m == nil || m.Entity == nil || m.W0 != t.w1 || a.proclitic(m) != "" {
		return false
	}
	// "بنظيره": a counterpart mention takes its preposition in.
	return !(m.Kind == recognize.MentionCounterpart && !strings.HasPrefix(a.doc.Words[t.w1].Key, "نظير"))
}

// attachedStates returns how many states are named with the event noun: as its genitive, or after a
// link word in the few words that follow it ("المحادثات النووية غير المباشرة بين إيران والولايات
// المتحدة"), or, in English, as a modifier before it ("Saudi-Iranian talks").
func (a *article) attachedStates(s *sent, t match) int {
	words := a.doc.Words
	seen := map[string]bool{}
	// linkedUntil is the word up to which a name is tied to the noun: right after it (its genitive, or a
	// name with a proclitic preposition), or right after a link word ("بين إيران والولايات المتحدة").
	linkedUntil := t.w1 + 1
	for i := t.w1; i < s.w1 && i < t.w1+6; i++ {
		if i > t.w1 && (words[i].Gap == ',' || words[i].Gap == '،' || words[i].Gap == '.') {
			break
		}
		if m := a.rec.MentionAt(i); m != nil {
			if m.Entity != nil && i < linkedUntil {
				if c := m.Entity.CountryCode(); c != "" {
					seen[c] = true
				}
				linkedUntil = m.W1 + 2 // "… وسوريا": a coordinated name
			}
			i = m.W1 - 1
			continue
		}
		k := baseKey(&words[i])
		switch {
		case linkWords[words[i].Key] || linkWords[k]:
			linkedUntil = i + 2
		case k == "و" || k == "and":
		default:
			if a.triggerBetween(s, i, i+1) {
				return len(seen)
			}
		}
	}
	if words[t.w0].Script == normalize.ScriptLatin {
		for i := t.w0 - 1; i >= max(s.w0, t.w0-2); i-- {
			if m := a.rec.MentionAt(i); m != nil && m.Entity != nil {
				if c := m.Entity.CountryCode(); c != "" {
					seen[c] = true
				}
			}
		}
	}
	return len(seen)
}

// anaphoric reports whether an event noun only refers back to the event in focus: definite, without
// a possessive and without names of its own ("وجرى خلال اللقاء", "the talks focused on", "وتأتي
// الزيارة بعد"). It tells no new event.
func (a *article) anaphoric(s *sent, t match) bool {
	if t.event.Form != "noun" || len(countriesOf(a.focusAt(t.w0))) < 2 {
		return false
	}
	return a.definite(t) && !a.possessive(t) && !a.genitive(t) && a.attachedStates(s, t) == 0
}
