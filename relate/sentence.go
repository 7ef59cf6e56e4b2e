package relate

import (
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/dates"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
)

// prepare finds the triggers and date expressions of sentence si.
func (a *article) prepare(si int) *sent {
	ds := a.doc.Sentences[si]
	s := &sent{idx: si, w0: ds.W0, w1: ds.W1, start: ds.Start, end: ds.End}
	s.exprs = dates.Find(a.doc, s.w0, s.w1)
	words := a.doc.Words
	inDate := make(map[int]bool)
	for _, e := range s.exprs {
		for w := e.W0; w < e.W1; w++ {
			inDate[w] = true
		}
	}
	next := map[matchKind]int{}
	for i := s.w0; i < s.w1; i++ {
		if inDate[i] {
			continue
		}
		if a.rec.MentionAt(i) != nil {
			a.topicAt(s, i, next) // topics may name a state: "الدولة الفلسطينية", "Palestinian state"
			continue
		}
		a.matchAt(s, i, next)
	}
	sort.SliceStable(s.matches, func(i, j int) bool { return s.matches[i].w0 < s.matches[j].w0 })
	// "كان … قد" (the pluperfect): what the sentence tells happened before the narrative time.
	for i := s.w0; i+1 < s.w1 && i < s.w0+12; i++ {
		k := words[i].Stems()[len(words[i].Stems())-1].Key
		if words[i].Key == "كان" || words[i].Key == "وكان" || words[i].Key == "كانت" || words[i].Key == "وكانت" || k == "كان" {
			for j := i + 1; j < s.w1 && j < i+8; j++ {
				if words[j].Key == "قد" {
					s.pluperfect = true
				}
			}
		}
	}
	return s
}

// matchAt records every kind of trigger that starts at word i: each phrase set is read on its own,
// longest match first, without overlaps within a kind (next holds where each kind may match again).
func (a *article) matchAt(s *sent, i int, next map[matchKind]int) {
	d := a.doc
	add := func(m match, ok bool) {
		if ok && m.w1 <= s.w1 && i >= next[m.kind] && !a.overlapsMention(m.w0, m.w1) {
			if m.kind == mSpeech && a.isModifier(m) {
				// "الموقف الرافض", "التأكيد": a speech word with the article describes, it does not
				// report; it still gives the statement its polarity.
				m = match{kind: mStance, w0: m.w0, w1: m.w1, start: m.start, end: m.end,
					stance: &lexicon.StanceTrigger{Kind: m.speech.Kind, Polarity: m.speech.Polarity, Phrase: m.speech.Phrase}}
				if i < next[mStance] {
					return
				}
			}
			s.matches = append(s.matches, m)
			next[m.kind] = m.w1
		}
	}
	if m, ok := a.trig.Events.MatchAt(d, i); ok {
		add(match{kind: mEvent, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, event: a.eventFor(m.Values)}, true)
	} else if ev, ok := a.futureEvent(i); ok {
		add(ev, true)
	}
	if m, ok := a.trig.Speech.MatchAt(d, i); ok {
		add(match{kind: mSpeech, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, speech: m.Values[0]}, true)
	}
	if m, ok := a.trig.Stances.MatchAt(d, i); ok {
		add(match{kind: mStance, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, stance: m.Values[0]}, true)
	}
	a.topicAt(s, i, next)
	if m, ok := a.trig.Modality.MatchAt(d, i); ok {
		add(match{kind: mModality, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, modality: m.Values[0]}, true)
	}
	if m, ok := a.trig.Relations.MatchAt(d, i); ok {
		add(match{kind: mRelation, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, relation: m.Values[0]}, true)
	}
	if m, ok := a.trig.Inverters.MatchAt(d, i); ok {
		add(match{kind: mInverter, w0: m.W0, w1: m.W1, start: m.Start, end: m.End}, true)
	}
}

// topicAt records a topic phrase starting at word i; unlike other triggers it may contain a state's
// name or nisba.
func (a *article) topicAt(s *sent, i int, next map[matchKind]int) {
	if i < next[mTopic] {
		return
	}
	if m, ok := a.trig.Topics.MatchAt(a.doc, i); ok && m.W1 <= s.w1 {
		s.matches = append(s.matches, match{kind: mTopic, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, topic: a.topicFor(m.Values)})
		next[mTopic] = m.W1
	}
}

// isModifier reports whether an Arabic speech match is a word with the article (an adjective or a
// verbal noun: "الرافض", "التأكيد") rather than a verb.
func (a *article) isModifier(m match) bool {
	w := &a.doc.Words[m.w0]
	if w.Script != normalize.ScriptArabic {
		return false
	}
	for _, st := range w.Stems() {
		if st.Article && m.start >= w.Start {
			return strings.HasPrefix(w.Key, "ال") || strings.HasPrefix(w.Key, "وال") || strings.HasPrefix(w.Key, "بال") || strings.HasPrefix(w.Key, "لل")
		}
	}
	return strings.HasPrefix(w.Key, "ال")
}

// topicFor picks the reading of a topic phrase for the article's language.
func (a *article) topicFor(vals []*lexicon.TopicTrigger) *lexicon.TopicTrigger {
	for _, v := range vals {
		if v.Lang == a.rec.Language {
			return v
		}
	}
	return vals[0]
}

// futureEvent reads an Arabic verb with the future prefix س ("سيزور", "ستلتقي", "وسيبحث") as its
// event trigger, marked future.
func (a *article) futureEvent(i int) (match, bool) {
	w := &a.doc.Words[i]
	if w.Script != normalize.ScriptArabic {
		return match{}, false
	}
	key := w.Key
	if strings.HasPrefix(key, "و") || strings.HasPrefix(key, "ف") {
		key = key[len("و"):]
	}
	if !strings.HasPrefix(key, "س") || len([]rune(key)) < 4 {
		return match{}, false
	}
	m, ok := a.trig.Events.MatchKeyAt(a.doc, i, strings.TrimPrefix(key, "س"))
	if !ok || m.Values[0].Form != "verb" {
		return match{}, false
	}
	return match{kind: mEvent, w0: m.W0, w1: m.W1, start: w.Start, end: m.End, event: m.Values[0], future: true}, true
}

// eventFor picks the reading of an event trigger for the article's language.
func (a *article) eventFor(vals []*lexicon.EventTrigger) *lexicon.EventTrigger {
	for _, v := range vals {
		if v.Lang == a.rec.Language {
			return v
		}
	}
	return vals[0]
}

// overlapsMention reports whether words [w0, w1) overlap an entity mention.
func (a *article) overlapsMention(w0, w1 int) bool {
	for w := w0; w < w1; w++ {
		if a.rec.MentionAt(w) != nil {
			return true
		}
	}
	return false
}

// updateFrame sets the sentence's date from its own date expressions or the narrative time, and moves
// the narrative time on: an explicit date sets it, a vague expression ("في وقت سابق", "earlier")
// makes it unknown, a planned date leaves it alone, and a pluperfect ("كان … قد") sentence without a
// date is at an unknown time before it.
func (a *article) updateFrame(s *sent) {
	vague, vagueFuture := false, false
	for _, e := range s.exprs {
		if e.Vague() {
			vague = true
			if e.Future() {
				vagueFuture = true
			}
			continue
		}
		d := e.Resolve(a.pub)
		if d.IsZero() {
			continue
		}
		if e.Kind == dates.KindDate && e.Year != 0 && e.Month == 0 && len(s.exprs) > 1 {
			continue // "عام 1974" beside a day: the day wins
		}
		if e.Kind == dates.KindDate && e.Year == 0 && e.Day == 0 && !e.HasYearOffset {
			continue // "elections in December": a month without a year does not date the sentence
		}
		// "إنجازات العام الحالي" in a sentence of today's news: a coarser date that holds the narrative
		// time does not move it.
		if a.frame.known && precisionRank(d) < precisionRank(a.frame.date) && !a.frame.date.Start().Before(d.Start()) && !d.End().Before(a.frame.date.Start()) {
			continue
		}
		if !s.dateKnown {
			s.date, s.dateKnown = d, true
			s.future = e.Future() || !a.pub.IsZero() && a.pub.Before(d.Start()) && d.Precision() == diplograph.PrecisionDay
		}
	}
	switch {
	case s.dateKnown:
		if !s.future {
			a.frame = frame{date: s.date, known: true}
		}
	case vague:
		s.vague, s.future = true, vagueFuture
		if !vagueFuture {
			a.frame = frame{}
		}
	case s.pluperfect:
		s.vague = true
	default:
		s.date, s.dateKnown = a.frame.date, a.frame.known
	}
}

// precisionRank orders precisions: day 3, month 2, year 1.
func precisionRank(d diplograph.Date) int {
	switch d.Precision() {
	case diplograph.PrecisionDay:
		return 3
	case diplograph.PrecisionMonth:
		return 2
	case diplograph.PrecisionYear:
		return 1
	}
	return 0
}
