package relate

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

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
	s.matches = make([]match, 0, 8)
	next := &resumeAt{}
	for i := s.w0; i < s.w1; i++ {
		if inExpr(s.exprs, i) {
			continue
		}
		if a.rec.MentionAt(i) != nil {
			a.topicAt(s, i, next) // topics may name a state: "الدولة الفلسطينية", "Palestinian state"
			continue
		}
		a.matchAt(s, i, next)
	}
	s.matches = dropShadowedEvents(s.matches)
	slices.SortStableFunc(s.matches, func(x, y match) int { return cmp.Compare(x.w0, y.w0) })
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

// inExpr reports whether word i is inside one of a sentence's date expressions (rarely more than two).
func inExpr(exprs []dates.Expr, i int) bool {
	for _, e := range exprs {
		if e.W0 <= i && i < e.W1 {
			return true
		}
	}
	return false
}

// dropShadowedEvents drops an event verb that a longer speech phrase at the same word reads
// otherwise: "called for" is an appeal, not the call of "called".
func dropShadowedEvents(ms []match) []match {
	out := ms[:0]
	for _, m := range ms {
		if m.kind == mEvent && m.event.Form == "verb" && shadowed(m, ms) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func shadowed(e match, ms []match) bool {
	for _, m := range ms {
		if m.kind == mSpeech && m.w0 == e.w0 && m.w1 > e.w1 {
			return true
		}
	}
	return false
}

// matchAt records every kind of trigger that starts at word i: each phrase set is read on its own,
// longest match first, without overlaps within a kind (next holds where each kind may match again).
func (a *article) matchAt(s *sent, i int, next *resumeAt) {
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
	} else if ev, ok := a.objectEvent(i); ok {
		add(ev, true)
	} else if ev, ok := a.splitEvent(i); ok {
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
func (a *article) topicAt(s *sent, i int, next *resumeAt) {
	if i < next[mTopic] {
		return
	}
	if m, ok := a.trig.Topics.MatchAt(a.doc, i); ok && m.W1 <= s.w1 {
		for _, t := range a.topicsFor(m.Values) {
			s.matches = append(s.matches, match{kind: mTopic, w0: m.W0, w1: m.W1, start: m.Start, end: m.End, topic: t})
		}
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

// topicsFor picks the readings of a topic phrase for the article's language: one per topic, since a
// phrase may name two ("وحدة وسيادة", "sovereignty and territorial integrity").
func (a *article) topicsFor(vals []*lexicon.TopicTrigger) []*lexicon.TopicTrigger {
	var out []*lexicon.TopicTrigger
	for _, v := range vals {
		if v.Lang == a.rec.Language && !hasTopic(out, v.Topic) {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		out = append(out, vals[0])
	}
	return out
}

func hasTopic(ts []*lexicon.TopicTrigger, t diplograph.Topic) bool {
	for _, x := range ts {
		if x.Topic == t {
			return true
		}
	}
	return false
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

// objectSuffixes are the object pronouns an Arabic verb may carry, longest first.
var objectSuffixes = []string{"هما", "هم", "ها", "ه"}

// objectEvent reads an Arabic event verb with an object pronoun ("استقبله", "التقاها", "وزاره") as its
// trigger: the verb without the suffix must be a trigger, so "توجه" is not "توج" + ه.
func (a *article) objectEvent(i int) (match, bool) {
	w := &a.doc.Words[i]
	if w.Script != normalize.ScriptArabic {
		return match{}, false
	}
	for _, st := range w.Stems() {
		for _, suf := range objectSuffixes {
			base, ok := strings.CutSuffix(st.Key, suf)
			if !ok || utf8.RuneCountInString(base) < 3 {
				continue
			}
			// "التقاه": the verb's final ى is written ا before a suffix.
			for _, k := range [2]string{base, strings.TrimSuffix(base, "ا") + "ي"} {
				m, ok := a.trig.Events.MatchKeyAt(a.doc, i, k)
				if !ok || m.Values[0].Form != "verb" || m.W1 != i+1 {
					continue
				}
				// "وزارة" ends with ة, which folds to the pronoun's ه.
				if raw := strings.TrimRightFunc(a.doc.Slice(w.Start, w.End), normalize.IsArabicMark); strings.HasSuffix(raw, suf) {
					return match{kind: mEvent, w0: i, w1: i + 1, start: a.doc.StemStart(w, st), end: w.End, event: m.Values[0], object: true}, true
				}
			}
		}
	}
	return match{}, false
}

// timeFillers may stand between the subject of a split trigger and its noun: "أرسلت قطر أمس مساعدات".
var timeFillers = foldSet("أمس", "اليوم", "يوم", "مساء", "صباح", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
	"الخميس", "الجمعة", "السبت")

// splitEvent reads an Arabic verb whose trigger noun comes after its subject: "فرضت الولايات المتحدة
// عقوبات على إيران", "أرسلت قطر أمس مساعدات إلى لبنان". The verb alone is the trigger (the subject
// after it is the agent, as for any verb), and only when its noun follows the subject, with at
// most three words of time between.
func (a *article) splitEvent(i int) (match, bool) {
	words := a.doc.Words
	w := &words[i]
	if w.Script != normalize.ScriptArabic {
		return match{}, false
	}
	subj := a.rec.MentionAt(i + 1)
	if subj == nil || subj.W0 != i+1 {
		return match{}, false
	}
	for _, st := range w.Stems() {
		for _, sp := range a.trig.SplitEvents(st.Key) {
			j := subj.W1
			for k := 0; k < 3 && j < len(words) && timeFillers[words[j].Key]; k++ {
				j++
			}
			if j >= len(words) {
				continue
			}
			for _, nst := range words[j].Stems() {
				if nst.Key == sp.Noun {
					return match{kind: mEvent, w0: i, w1: i + 1, start: a.doc.StemStart(w, st), end: w.End, event: sp.Trigger, nounEnd: j + 1}, true
				}
			}
		}
	}
	return match{}, false
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

// when is the time of one fact: its date (known or not) and whether it lies ahead.
type when struct {
	date   diplograph.Date
	known  bool
	future bool
	// weekday is set when the date is a bare weekday ("on Thursday", "يوم الخميس"), resolved to the
	// last such day on or before publication; a planned fact takes the next one instead (forward).
	weekday bool
	expr    dates.Expr
	// frame is set when no expression dates the fact: it has the time the story is at.
	frame bool
}

// forward resolves a bare weekday to the next such day after publication, for a planned fact: "is
// scheduled to visit Baghdad on Thursday".
func (w when) forward(pub diplograph.Date) when {
	if !w.weekday || pub.IsZero() || !w.date.Before(pub) {
		return w
	}
	e := w.expr
	e.Modifier = 1
	if d := e.Resolve(pub); !d.IsZero() {
		w.date, w.future = d, true
	}
	return w
}

// updateFrame reads the sentence's date expressions and moves the narrative time on: the first
// expression to the day (or to the month of a stated year) sets it, a vague expression ("في وقت
// سابق", "earlier") makes it unknown, and planned dates, coarser dates that hold it ("this year") and
// years alone ("اتفاقية 1974") leave it alone. The sentence's own date (s.date) is what its facts get
// when no expression stands next to them: the narrative time before the sentence, or unknown in a
// pluperfect ("كان … قد") or vague sentence.
func (a *article) updateFrame(s *sent) {
	before := a.frame
	vague := false
	for _, e := range s.exprs {
		if a.inRelativeClause(s, e) {
			continue // "للقرار الذي وقعه ترامب يوم الاثنين": the time of another fact
		}
		if e.Vague() {
			if !e.Future() {
				vague = true
			}
			continue
		}
		d := e.Resolve(a.pub)
		if d.IsZero() || !usableForFrame(e, d, before) || a.historical(d) || a.isBound(e) {
			continue
		}
		if e.Future() || !a.pub.IsZero() && a.pub.Before(d.Start()) {
			continue
		}
		if !s.dateKnown {
			s.date, s.dateKnown = d, true
		}
	}
	switch {
	case s.dateKnown:
		a.frame = frame{date: s.date, known: true}
	case vague:
		s.vague = true
		a.frame = frame{}
	case s.pluperfect:
		s.vague = true
	default:
		s.date, s.dateKnown = before.date, before.known
	}
}

// usableForFrame reports whether a resolved expression may set the narrative time: not a year alone,
// not a month without its year, not a coarser date that holds the current one.
func usableForFrame(e dates.Expr, d diplograph.Date, f frame) bool {
	if e.Kind == dates.KindDate && e.Month == 0 {
		return false // "اتفاقية فض الاشتباك لعام 1974"
	}
	if e.Kind == dates.KindDate && e.Year == 0 && e.Day == 0 && !e.HasYearOffset {
		return false // "elections in December"
	}
	if f.known && precisionRank(d) < precisionRank(f.date) && !f.date.Start().Before(d.Start()) && !d.End().Before(f.date.Start()) {
		return false // "إنجازات العام الحالي" in today's news
	}
	return true
}

// whenOf returns the time of a fact whose trigger spans words [w0, w1): the date expression nearest
// to it in its clause (no other trigger between them, within twelve words), else the sentence's date.
func (a *article) whenOf(s *sent, w0, w1 int) when {
	best, bestDist := -1, 13
	for i, e := range s.exprs {
		if a.isBound(e) {
			continue
		}
		var dist int
		switch {
		case e.W0 >= w1:
			dist = e.W0 - w1
		case e.W1 <= w0:
			dist = w0 - e.W1
		default:
			dist = 0
		}
		if dist >= bestDist || a.triggerBetween(s, min(w1, e.W1), max(w0, e.W0)) {
			continue
		}
		best, bestDist = i, dist
	}
	if best >= 0 {
		e := s.exprs[best]
		if e.Vague() {
			return when{future: e.Future()}
		}
		d := e.Resolve(a.pub)
		if a.historical(d) && bestDist > 3 {
			d = diplograph.Date{} // "on the lines of June 4, 1967": a date named, not the fact's
		}
		if !d.IsZero() && (e.Month != 0 || e.Kind != dates.KindDate || a.nearYearWord(e)) {
			fut := e.Future() || !a.pub.IsZero() && a.pub.Before(d.Start())
			return when{date: d, known: true, future: fut, weekday: e.Kind == dates.KindWeekday && e.Modifier == 0, expr: e}
		}
	}
	if s.vague {
		return when{}
	}
	return when{date: s.date, known: s.dateKnown, frame: true}
}

// historical reports whether a date lies more than a year and a half before publication: a past
// date named in the story ("the 1974 agreement"), not the time the story is at.
func (a *article) historical(d diplograph.Date) bool {
	if a.pub.IsZero() || d.IsZero() {
		return false
	}
	return d.End().Before(a.pub.AddDays(-545))
}

// inRelativeClause reports whether a date expression lies in a relative clause ("التي استهدفت أحياء
// سكنية الأسبوع الماضي", "which he signed on Monday"): a relative pronoun before it in its clause.
func (a *article) inRelativeClause(s *sent, e dates.Expr) bool {
	for k := e.W0 - 1; k >= max(s.w0, e.W0-8); k-- {
		if a.relativeBefore(k + 1) {
			return true
		}
		if g := a.doc.Words[k].Gap; g == ',' || g == '،' || g == ';' {
			return false
		}
	}
	return false
}

// isBound reports whether a date expression bounds a span ("since December 2024", "منذ 8 كانون
// الأول", "until Friday") rather than dating a fact.
func (a *article) isBound(e dates.Expr) bool {
	if e.W0 == 0 {
		return false
	}
	switch baseKey(&a.doc.Words[e.W0-1]) {
	case "since", "until", "till", "منذ":
		return true
	}
	return false
}

// nearYearWord reports whether a year alone dates the fact ("في عام 2011", "in 2015") rather than
// naming something of that year ("اتفاقية 1974").
func (a *article) nearYearWord(e dates.Expr) bool {
	for k := e.W0 - 1; k >= max(0, e.W0-2); k-- {
		switch baseKey(&a.doc.Words[k]) {
		case "في", "خلال", "in", "during", "since", "منذ":
			return true
		}
	}
	return false
}

// triggerBetween reports whether an event or speech trigger lies in words [from, to).
func (a *article) triggerBetween(s *sent, from, to int) bool {
	for _, m := range s.matches {
		if (m.kind == mEvent && m.event.Form != "mention" || m.kind == mSpeech) && m.w0 >= from && m.w0 < to {
			return true
		}
	}
	return false
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
