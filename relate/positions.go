package relate

import (
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

// posit is a position read from one sentence.
type posit struct {
	holder     *recognize.Entity
	stance     diplograph.Stance
	kind       diplograph.StanceKind
	topic      diplograph.Topic
	target     *recognize.Entity
	date       diplograph.Date
	dateKnown  bool
	modality   diplograph.Modality
	evidence   [][2]int
	confidence float64
	rule       string
	sentence   int
}

// negativeTopics are the topics a holder is against when he speaks of them without a stance word:
// one names strikes, terrorism or partition to reject them.
var negativeTopics = map[diplograph.Topic]bool{
	diplograph.TopicMilitaryAction: true, diplograph.TopicTerrorism: true, diplograph.TopicPartition: true,
	diplograph.TopicForeignInterference: true, diplograph.TopicOccupation: true,
}

// readPositions reads the positions of a sentence: for every verb of reported speech, its speaker
// (the holder) and, in what the speaker said, every topic with its stance and target.
func (a *article) readPositions(s *sent, evs []*event) {
	var speech []match
	for _, m := range s.matches {
		switch {
		case m.kind == mSpeech:
			speech = append(speech, m)
		case m.kind == mEvent && m.event.Type == diplograph.EventMeeting && m.event.Form == "verb" && len(evs) > 0:
			// "The two leaders consulted on the urgent need to deliver aid": a discussion whose
			// parties take a side when a stance word says so.
			speech = append(speech, match{kind: mSpeech, w0: m.w0, w1: m.w1, start: m.start, end: m.end, weak: true,
				speech: &lexicon.SpeechTrigger{Kind: diplograph.KindStates, Phrase: m.event.Phrase}})
		case m.kind == mEvent && m.event.Type == diplograph.EventAgreement && m.event.Form == "verb" && len(evs) > 0 &&
			len(a.pairSubject(s, m)) >= 2:
			// "اتفق الجانبان على تعزيز التعاون العسكري": what the two sides agree on, each commits to.
			speech = append(speech, match{kind: mSpeech, w0: m.w0, w1: m.w1, start: m.start, end: m.end, agreed: true,
				speech: &lexicon.SpeechTrigger{Kind: diplograph.KindCommits, Phrase: m.event.Phrase}})
		}
	}
	sortMatches(speech)
	for k, sp := range speech {
		end := s.w1
		if k+1 < len(speech) {
			end = speech[k+1].w0
		}
		var holders []*party
		scopeStart := sp.w1
		switch {
		case sp.weak:
			holders = a.eventParties(evs)
		case sp.agreed:
			holders = a.pairSubject(s, match{kind: mEvent, w0: sp.w0, w1: sp.w1})
		default:
			holders, scopeStart = a.holders(s, sp, evs)
		}
		if len(holders) == 0 {
			continue
		}
		if k == 0 && !sp.weak && !sp.agreed {
			if qEnd := a.quotedBefore(s, sp); qEnd > s.w0 {
				a.statement(s, sp, holders, s.w0, qEnd) // "'We stand with Syria's unity,' Safadi told reporters"
			}
		}
		a.statement(s, sp, holders, max(scopeStart, sp.w1), end)
	}
}

// quotedBefore returns where a quotation closes right before the attribution of a verb of speech
// ('…," Safadi told reporters'; '…"، قال الوزير'), or the sentence start when none does: what the verb
// reports before it.
func (a *article) quotedBefore(s *sent, sp match) int {
	words := a.doc.Words
	for i := sp.w0; i > s.w0 && i >= sp.w0-6; i-- {
		gap := a.doc.Slice(words[i-1].End, words[i].Start)
		if strings.ContainsAny(gap, ",،") {
			if strings.ContainsAny(gap, "\"”»") {
				return i
			}
			return s.w0
		}
	}
	return s.w0
}

// holders returns who speaks with a speech trigger, and where what they said begins.
func (a *article) holders(s *sent, sp match, evs []*event) ([]*party, int) {
	phrase := normalize.Fold(sp.speech.Phrase)
	// A joint statement speaks for the parties of the event or of "the two sides".
	if strings.Contains(phrase, "مشترك") || strings.Contains(phrase, "joint") || strings.Contains(phrase, "ختامي") {
		if ps := a.eventParties(evs); len(ps) >= 2 {
			return ps, sp.w1
		}
		if f := a.focusAt(sp.w0); len(f) >= 2 {
			return f, sp.w1
		}
	}
	if a.doc.Words[sp.w0].Script == normalize.ScriptArabic {
		return a.arabicHolders(s, sp)
	}
	return a.englishHolders(s, sp, phrase)
}

// arabicHolders returns the speaker of an Arabic verb of speech: named after it, the antecedent of a
// relative pronoun, the subject written before it, or the subject of the story so far.
func (a *article) arabicHolders(s *sent, sp match) ([]*party, int) {
	// A participle ("مؤكداً") or a noun ("تأكيده") has the subject of the main verb; a noun followed
	// by a name has that name ("تأكيد موسكو").
	participle := a.isParticiple(sp)
	if hs, end := a.partiesRightOf(sp.w1, 4, s.w1); len(hs) > 0 && (!participle || end == sp.w1+1 && !hs[0].pairRel) && !a.addressee(sp, end) {
		a.setSubjectParties(hs)
		return partiesOf(hs), end
	}
	// "بزشكيان، الذي أكد أن": the antecedent of the relative pronoun.
	if a.relativeBefore(sp.w0) {
		if hs := a.partiesLeftOf(a.clauseStart(s, sp.w0), sp.w0-1); len(hs) > 0 {
			hs = hs[len(hs)-1:]
			a.setSubjectParties(hs)
			return partiesOf(hs), sp.w1
		}
	}
	// "كان الرئيس الروسي فلاديمير بوتين قد أكد": the subject before the verb.
	if !participle && a.subjectBeforeAllowed(s, sp) && a.namedRightBefore(sp.w0) {
		if hs := a.partiesLeftOf(a.clauseStart(s, sp.w0), sp.w0); len(hs) > 0 {
			a.setSubjectParties(hs)
			return partiesOf(hs), sp.w1
		}
	}
	if s.pluperfect && a.subjectBetweenKanaQad(sp.w0) {
		// "وكانت الترويكا الأوروبية قد أكدت": a subject we do not know, which the participles and
		// dropped subjects after it refer to.
		a.subject = nil
		return nil, sp.w1
	}
	return a.subject, sp.w1
}

// englishHolders returns the speaker of an English verb of speech: "according to X" after it, the
// subject of the verb it is coordinated with, the first party of its clause, or the subject of the
// story so far.
func (a *article) englishHolders(s *sent, sp match, phrase string) ([]*party, int) {
	if phrase == "according to" {
		if hs, end := a.partiesRightOf(sp.w1, 5, s.w1); len(hs) > 0 {
			return partiesOf(hs), end
		}
	}
	if a.coordinatedPredicate(s, sp.w0) {
		// "Kwatra said the two leaders discussed the war and stressed …": the subject of the verb
		// before, here "the two leaders".
		if ps := a.pairSubjectOfVerbBefore(s, sp.w0); len(ps) > 0 {
			return ps, sp.w1
		}
		if len(a.subject) > 0 {
			return a.subject, sp.w1
		}
	}
	if hs := a.firstPartyOf(a.segmentStart(s, sp.w0), sp.w0); len(hs) > 0 {
		a.setSubjectParties(hs)
		return partiesOf(hs), sp.w1
	}
	return a.subject, sp.w1
}

// pairSubjectOfVerbBefore returns "the two sides" when they are the subject of the event verb right
// before word w in the sentence, with no verb of speech between.
func (a *article) pairSubjectOfVerbBefore(s *sent, w int) []*party {
	var last *match
	for i := range s.matches {
		m := &s.matches[i]
		if m.w1 > w {
			break
		}
		if m.kind == mSpeech || m.kind == mEvent && m.event.Form == "verb" {
			last = m
		}
	}
	if last == nil || last.kind != mEvent {
		return nil
	}
	return a.pairSubject(s, *last)
}

// pairSubject returns "the two sides" when they are the subject of an event verb: "اتفق الجانبان",
// "the two leaders discussed".
func (a *article) pairSubject(s *sent, v match) []*party {
	acts := a.actors(a.clauseStart(s, v.w0), min(s.w1, v.w1+3))
	if !a.pairBefore(v, acts) && !a.pairAfter(v, acts) {
		return nil
	}
	var ps []*party
	for _, act := range acts {
		if act.pair {
			ps = addParty(ps, act.entity, act.w)
		}
	}
	return ps
}

// coordinatedPredicate reports whether an English verb follows "and" or a comma right after another
// verb's clause in the sentence, so that it shares that verb's subject: "Egypt condemned the strikes,
// and rejected …", "reaffirmed their support for Lebanon's sovereignty, called for …". A comma with no
// verb before it closes an apposition ("Bruno Parrilla, the foreign minister of Cuba, responded").
func (a *article) coordinatedPredicate(s *sent, w int) bool {
	if w == 0 || a.doc.Words[w].Gap != ',' && a.doc.Words[w].Gap != ';' && a.doc.Words[w-1].Key != "and" {
		return false
	}
	for _, m := range s.matches {
		if m.w1 <= w && (m.kind == mSpeech || m.kind == mEvent && m.event.Form == "verb") {
			return true
		}
	}
	return false
}

// segmentStart returns where the English subject of a verb at w may start: after the last comma
// before it in its clause ("After meeting Putin, Erdogan said" → "Erdogan").
//
// A comma closing an apposition ("Bruno Parrilla, the foreign affairs minister of Cuba, responded")
// has no party between it and the verb: the subject is further left.
func (a *article) segmentStart(s *sent, w int) int {
	start := a.clauseStart(s, w)
	for i := w - 1; i > start; i-- {
		if a.commaBefore(i) {
			// A comma inside a list of subjects ("Jordan, Egypt and Qatar condemned") is not a break.
			if m := a.rec.MentionAt(i); m != nil && m.Entity != nil && i > start {
				if prev := a.rec.MentionAt(i - 1); prev != nil && prev.Entity != nil && prev.Entity.Type == m.Entity.Type {
					continue
				}
			}
			if len(a.firstPartyOf(i, w)) > 0 {
				return i
			}
		}
	}
	return start
}

// commaBefore reports whether a comma, semicolon or colon separates word i from the word before it,
// alone or with a quotation mark (',"' closing a quotation).
func (a *article) commaBefore(i int) bool {
	switch g := a.doc.Words[i].Gap; g {
	case ',', '،', ';', '؛', ':':
		return true
	case '"', '”', '»', '\'':
		return i > 0 && strings.ContainsAny(a.doc.Slice(a.doc.Words[i-1].End, a.doc.Words[i].Start), ",،")
	}
	return false
}

// firstPartyOf returns the first party named in words [from, to) — the subject of an English verb —
// with the parties coordinated to it ("Egypt and Jordan condemned").
func (a *article) firstPartyOf(from, to int) []holderRef {
	acts := a.actors(from, to)
	for i, act := range acts {
		if act.place {
			continue
		}
		if act.pair {
			var out []holderRef
			for _, x := range acts[i:] {
				if x.pair {
					out = append(out, holderRef{party: &party{entity: x.entity, w: x.w}, pairRel: true})
				}
			}
			return out
		}
		out := []holderRef{{party: &party{entity: act.entity, w: act.w}}}
		for j := i + 1; j < len(acts); j++ {
			if acts[j].place || acts[j].pair || !a.coordinatedEnglish(acts[j-1].m, acts[j].m) && !a.listed(acts[j-1].m, acts[j].m) {
				break
			}
			out = append(out, holderRef{party: &party{entity: acts[j].entity, w: acts[j].w}})
		}
		return out
	}
	return nil
}

// listed reports whether two mentions are neighbours in a comma list ("Jordan, Egypt").
func (a *article) listed(x, y *recognize.Mention) bool {
	return x != nil && y != nil && y.W0 == x.W1 && a.doc.Words[y.W0].Gap == ','
}

// holderRef is a party found as a holder, with whether it came from "the two sides".
type holderRef struct {
	party   *party
	pairRel bool
}

func partiesOf(hs []holderRef) []*party {
	out := make([]*party, len(hs))
	for i, h := range hs {
		out[i] = h.party
	}
	return out
}

func (a *article) setSubjectParties(hs []holderRef) {
	a.subject = partiesOf(hs)
}

// eventParties returns the parties of the sentence's consultation or agreement.
func (a *article) eventParties(evs []*event) []*party {
	for _, e := range evs {
		if len(countriesOf(e.parties)) >= 2 {
			return e.parties
		}
	}
	return nil
}

// addressee reports whether the party after an appeal verb is the one appealed to, not the speaker:
// "وطالب إسرائيل بالانسحاب" (he demanded that Israel withdraw), "urged Iran to", and after a
// participle, which has no subject of its own, "داعيةً بغداد إلى" (calling on Baghdad to).
func (a *article) addressee(sp match, end int) bool {
	if sp.speech.Kind != diplograph.KindCallsFor || end >= len(a.doc.Words) {
		return false
	}
	next := &a.doc.Words[end]
	if next.Script == normalize.ScriptArabic {
		if k := baseKey(next); (k == "الى" || k == "إلى") && a.isParticiple(sp) {
			return true
		}
		return strings.HasPrefix(next.Key, "ب") && len(next.Stems()) > 1
	}
	return next.Key == "to"
}

// isParticiple reports whether an Arabic speech trigger is a participle used as an adverb or a verbal
// noun, whose subject is the main clause's: "مؤكداً", "لافتاً", "داعياً" (marked by tanween, or by
// the patterns مُفعِلاً and فاعلاً), "تأكيده", "إدانته" (a verbal noun with a possessive).
func (a *article) isParticiple(sp match) bool {
	w := &a.doc.Words[sp.w0]
	if strings.ContainsAny(a.doc.Slice(w.Start, w.End), "\u064B") {
		return true
	}
	k := baseKey(w)
	r := []rune(k)
	if len(r) < 4 {
		return false
	}
	switch {
	case r[0] == 'م' && (r[len(r)-1] == 'ا' || strings.HasSuffix(k, "ين") || strings.HasSuffix(k, "ه")):
		return true
	case r[1] == 'ا' && r[len(r)-1] == 'ا':
		return true // فاعلاً: "لافتا", "داعيا", "قائلا"
	case r[0] == 'ت' && (strings.HasSuffix(k, "ه") || strings.HasSuffix(k, "ها")):
		return true // "تأكيده"
	case r[0] == 'ا' && strings.HasSuffix(k, "ته") || r[0] == 'ا' && strings.HasSuffix(k, "تها"):
		return true // "إدانته", "استنكارها"
	case strings.HasSuffix(k, "هما") || strings.HasSuffix(k, "هم") && len(r) > 4:
		return true // "رفضهما", "دعمهم": the dual or plural possessive of a verbal noun
	}
	return false
}

// namedRightBefore reports whether a party or "the two sides" ends right before word w, or before
// the "قد" of a pluperfect: the subject written before its verb ("الجبير يؤكد", "كان بوتين قد أكد"),
// not a name further back ("تقف إلى جانب الشعب السوري، وتدعم").
func (a *article) namedRightBefore(w int) bool {
	if w > 0 && baseKey(&a.doc.Words[w-1]) == "قد" {
		w--
	}
	if w == 0 || a.doc.Words[w].Gap != 0 {
		return false
	}
	if m := a.rec.MentionAt(w - 1); m != nil && m.Entity != nil {
		return true
	}
	for k := max(0, w-3); k < w; k++ {
		if rm, ok := a.trig.Relations.MatchAt(a.doc, k); ok && rm.W1 == w && rm.Values[0] != "delegation" {
			return true
		}
	}
	return false
}

// subjectBetweenKanaQad reports whether words stand between the "كان" and the "قد" of a pluperfect verb
// at w: its subject is written there, whether or not it names a party.
func (a *article) subjectBetweenKanaQad(w int) bool {
	if w < 3 || baseKey(&a.doc.Words[w-1]) != "قد" {
		return false
	}
	for k := w - 2; k >= max(0, w-8); k-- {
		switch baseKey(&a.doc.Words[k]) {
		case "كان", "كانت":
			return k < w-2
		}
	}
	return false
}

// subjectBeforeAllowed reports whether an Arabic speech verb may have its subject before it: in the
// pluperfect ("كان الرئيس … قد أكد") or with a present-tense verb ("الجبير يؤكد").
func (a *article) subjectBeforeAllowed(s *sent, sp match) bool {
	if s.pluperfect {
		return true
	}
	k := baseKey(&a.doc.Words[sp.w0])
	return strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "ت") && !strings.HasPrefix(k, "تا")
}

// partiesRightOf returns the holder named right after a speech verb (within n words): a person, a
// state, an organization, a ministry with its nationality, or "the two sides", with coordinated
// holders ("أكدت دمشق ومسقط"). It returns the word after them.
func (a *article) partiesRightOf(w, n, limit int) ([]holderRef, int) {
	words := a.doc.Words
	var out []holderRef
	end := w
	// Titles, honorifics and the names of institutions do not count in the n words: "وأكد الناطق
	// الرسمي باسم الوزارة السفير سفيان القضاة".
	budget := n
	for i := w; i < limit && budget > 0; i++ {
		if i > w && (words[i].Gap == ',' || words[i].Gap == '،' || words[i].Gap == ':' || words[i].Gap == '"' || words[i].Gap == '«') && len(out) > 0 {
			break
		}
		if rm, ok := a.trig.Relations.MatchAt(a.doc, i); ok && a.rec.MentionAt(i) == nil {
			switch rm.Values[0] {
			case "pair", "group":
				for _, p := range a.focusOf(i, rm.Values[0] == "pair") {
					out = append(out, holderRef{party: p, pairRel: true})
				}
				return out, rm.W1
			case "delegation":
				// "وزارة الخارجية وشؤون المغتربين الأردنية": the nationality after the institution.
				if m := a.nationalityAfter(rm.W1, limit); m != nil {
					out = append(out, holderRef{party: &party{entity: m.Entity, w: m.W0}})
					return out, m.W1
				}
				i = rm.W1 - 1
				continue
			}
		}
		m := a.rec.MentionAt(i)
		if m == nil {
			if len(out) > 0 && baseKey(&words[i]) != "و" {
				break
			}
			if a.isStopBeforeHolder(i) {
				break
			}
			if tm, ok := a.lex.MatchTitle(a.doc, i); ok {
				i = tm.W1 - 1
				continue
			}
			if hm, ok := a.lex.MatchHonorific(a.doc, i); ok {
				i = hm.W1 - 1
				continue
			}
			budget--
			continue
		}
		budget--
		if m.Entity == nil {
			i = m.W1 - 1
			continue
		}
		if m.Entity.Type == diplograph.EntityCountry && (m.Kind == recognize.MentionDemonym || m.Kind == recognize.MentionPlace) {
			i = m.W1 - 1
			continue
		}
		out = append(out, holderRef{party: &party{entity: m.Entity, w: m.W0}})
		end = m.W1
		i = m.W1 - 1
		// Coordinated holders: "دمشق ومسقط", "مصر والأردن".
		if i+1 < limit && (strings.HasPrefix(words[i+1].Key, "و") || words[i+1].Key == "and") {
			continue
		}
		break
	}
	return out, end
}

// nationalityAfter returns the state named within a few words after an institution ("وزارة الخارجية
// وشؤون المغتربين الأردنية"), before any punctuation.
func (a *article) nationalityAfter(w, limit int) *recognize.Mention {
	for j := w; j < limit && j < w+4; j++ {
		if j > w && a.doc.Words[j].Gap != 0 {
			return nil
		}
		if m := a.rec.MentionAt(j); m != nil {
			if m.Entity != nil && m.Entity.Type == diplograph.EntityCountry {
				return m
			}
			return nil
		}
	}
	return nil
}

// isStopBeforeHolder reports whether a word between a speech verb and its subject means there is no
// subject there (the reported content begins).
func (a *article) isStopBeforeHolder(i int) bool {
	switch baseKey(&a.doc.Words[i]) {
	case "ان", "على", "علي", "الي", "that", "the", "to", "its", "his", "her", "their":
		return true
	}
	_, topic := a.trig.Topics.MatchAt(a.doc, i)
	_, stance := a.trig.Stances.MatchAt(a.doc, i)
	return topic || stance
}

// partiesLeftOf returns the holder named before an English speech verb: the last party of the
// sentence before it, with a coordinated one ("Egypt and Jordan condemned").
func (a *article) partiesLeftOf(from, w int) []holderRef {
	acts := a.actors(from, w)
	for i := len(acts) - 1; i >= 0; i-- {
		act := acts[i]
		if act.place {
			continue
		}
		if act.pair {
			var out []holderRef
			for _, x := range acts {
				if x.pair {
					out = append(out, holderRef{party: &party{entity: x.entity, w: x.w}, pairRel: true})
				}
			}
			return out
		}
		out := []holderRef{{party: &party{entity: act.entity, w: act.w}}}
		if i > 0 && !acts[i-1].place && !acts[i-1].pair && a.coordinatedEnglish(acts[i-1].m, act.m) {
			out = append([]holderRef{{party: &party{entity: acts[i-1].entity, w: acts[i-1].w}}}, out...)
		}
		return out
	}
	return nil
}

// coordinatedEnglish reports whether two mentions are joined by "and".
func (a *article) coordinatedEnglish(x, y *recognize.Mention) bool {
	if x == nil || y == nil || y.W0 != x.W1+1 {
		return false
	}
	return a.doc.Words[x.W1].Key == "and"
}

// statement reads the topics of what holders said in words [from, to).
func (a *article) statement(s *sent, sp match, holders []*party, from, to int) {
	var topics, cues, inverters []match
	for _, m := range s.matches {
		if m.w0 < from || m.w0 >= to {
			continue
		}
		switch m.kind {
		case mTopic:
			topics = append(topics, m)
		case mStance:
			cues = append(cues, m)
		case mInverter:
			inverters = append(inverters, m)
		}
	}
	holders = onePerState(holders)
	cues = outsideTopics(cues, topics)
	topics = append(topics, a.supportForState(s, cues, topics, to)...)
	at := a.whenOf(s, sp.w0, sp.w1)
	for _, t := range topics {
		stance, kind, pol, ok := a.stanceOn(sp, t, cues, a.violations(topics, inverters))
		if !ok {
			continue
		}
		hs := a.narrowHolders(s, t, cues, holders)
		for _, h := range hs {
			for i, target := range a.targetsOf(s, t, h, hs, stance, sp.agreed) {
				p := &posit{holder: h.entity, stance: stance, kind: kind, topic: t.topic.Topic, target: target.entity,
					date: at.date, dateKnown: at.known, modality: diplograph.ModalityAsserted, sentence: s.idx,
					evidence: [][2]int{{s.start, s.end}}, rule: "position." + strings.ToLower(string(kind))}
				p.confidence = positionConfidence(pol, sp.speech.Polarity, target.entity != nil, len(holders) > 1)
				a.posits = append(a.posits, p)
				if i == 0 {
					a.rememberTarget(s, t, target) // the state named first, not the ones joined to it
				}
			}
		}
	}
}

// narrowHolders returns the holders of a topic when a stance noun before it names its own holders
// among those of the statement: in "أكدت الدول الثلاث … وحرص المملكة وإيران على تعزيز علاقات حسن
// الجوار", good-neighbourly relations are Saudi Arabia's and Iran's, not China's.
func (a *article) narrowHolders(s *sent, t match, cues []match, holders []*party) []*party {
	if len(countriesOf(holders)) < 2 {
		return holders
	}
	for i := len(cues) - 1; i >= 0; i-- {
		c := cues[i]
		if c.w1 > t.w0 || c.stance.Polarity <= 0 {
			continue
		}
		if a.clauseBreak(c.w1, t.w0) {
			return holders // "…، واحترام …": another conjunct of the statement
		}
		owners := a.cueOwners(s, c)
		if len(owners) == 0 {
			continue
		}
		var out []*party
		for _, h := range holders {
			if owners[h.entity.CountryCode()] {
				out = append(out, h)
			}
		}
		if len(out) == len(owners) && len(out) < len(holders) {
			return out
		}
		return holders
	}
	return holders
}

// cueOwners returns the states an Arabic stance noun names as its owners in the genitive right after
// it, coordinated: "حرص المملكة وإيران".
func (a *article) cueOwners(s *sent, c match) map[string]bool {
	words := a.doc.Words
	if words[c.w0].Script != normalize.ScriptArabic {
		return nil
	}
	owners := map[string]bool{}
	for i := c.w1; i < s.w1 && words[i].Gap == 0; {
		m := a.rec.MentionAt(i)
		if m == nil || m.Entity == nil || m.Entity.Type != diplograph.EntityCountry || m.Kind == recognize.MentionDemonym ||
			m.W0 != i || i > c.w1 && a.proclitic(m) != "و" || i == c.w1 && a.proclitic(m) != "" {
			break
		}
		owners[m.Entity.Code] = true
		i = m.W1
	}
	return owners
}

// violations adds to the inverters the phrases of attacks that take a state's sovereignty or unity as
// their object: "an assault on Qatar's sovereignty", "الاعتداء التركي السافر على السيادة العراقية".
func (a *article) violations(topics, inverters []match) []match {
	out := inverters
	for _, t := range topics {
		if t.topic.Topic != diplograph.TopicMilitaryAction && t.topic.Topic != diplograph.TopicOccupation {
			continue
		}
		for i := t.w1; i < t.w1+3 && i < len(a.doc.Words); i++ {
			if patientWords[baseKey(&a.doc.Words[i])] || patientWords[a.doc.Words[i].Key] {
				out = append(out, match{kind: mInverter, w0: t.w0, w1: i + 1})
				break
			}
		}
	}
	return out
}

// endedWords, after an English topic in the passive, name its end: "sanctions on Syria will be
// lifted".
var endedWords = foldSet("lifted", "removed", "eased", "scrapped", "ended", "dropped")

// passiveAux are the auxiliaries of an English passive.
var passiveAux = foldSet("be", "been", "is", "are", "was", "were")

// inverted reports whether the topic phrase is turned into its violation or its end: by a word
// before it ("المساس بقرارها الوطني", "violation of Iraq's sovereignty") or, in English, by a
// passive after it ("sanctions … will be lifted").
func (a *article) inverted(t match, inverters []match) bool {
	for _, inv := range inverters {
		if inv.w1 <= t.w0 && t.w0-inv.w1 <= 2 {
			return true
		}
	}
	words := a.doc.Words
	if words[t.w0].Script != normalize.ScriptLatin {
		return false
	}
	for i := t.w1; i < len(words) && i < t.w1+5; i++ {
		if words[i].Gap != 0 && words[i].Gap != '-' {
			return false
		}
		if endedWords[words[i].Key] {
			return i > t.w1 && passiveAux[words[i-1].Key]
		}
	}
	return false
}

// stanceOn reads the stance a statement takes on a topic: the stance word before it, else the verb's
// own, else the topic's default; it reports false when the statement takes none.
func (a *article) stanceOn(sp match, t match, cues, inverters []match) (diplograph.Stance, diplograph.StanceKind, int, bool) {
	pol, kind, cueDist := a.cueFor(t, cues, sp.speech.Polarity, sp.speech.Kind)
	if sp.weak && (cueDist < 0 || cooperationTopics[t.topic.Topic]) {
		// "discussed ways to …": a discussion takes a side only with a stance word, and "discussed
		// ways to strengthen cooperation" is a formula, not a commitment.
		return "", "", 0, false
	}
	topicPol := t.topic.Polarity
	if a.inverted(t, inverters) {
		topicPol = -topicPol
	}
	topic := t.topic.Topic
	if negativeTopics[topic] && pol*topicPol > 0 && (cueDist < 0 || cueDist > 2) {
		// Support for strikes or terrorism is read only from a support word right before it:
		// "دعا إلى … استفحال الإرهاب" calls for action against it.
		pol = -topicPol
	}
	if pol == 0 {
		switch {
		case topicPol < 0:
			pol = 1 // "التخلص من العقوبات": the speaker is for what he names
		case negativeTopics[topic]:
			pol = -1
		case topic == diplograph.TopicSanctions:
			return "", "", 0, false // sanctions named without a stance word say nothing
		default:
			pol = 1
		}
	}
	if pol*topicPol < 0 {
		return diplograph.StanceOpposes, kind, pol, true
	}
	return diplograph.StanceSupports, kind, pol, true
}

// positionTarget is a target found for a position, and whether later positions on the topic may take
// it as theirs.
type positionTarget struct {
	entity     *recognize.Entity
	remembered bool
}

// targetsOf returns the targets of a holder's position on a topic: the target the rules find, with
// the states coordinated with it ("وقف إطلاق النار في غزة ولبنان", "US and British strikes"), or none
// when the position says nothing without one. Mutual holders (the two sides of an agreement)
// cooperate with each other.
func (a *article) targetsOf(s *sent, t match, h *party, holders []*party, stance diplograph.Stance, mutual bool) []positionTarget {
	topic := t.topic.Topic
	hc := h.entity.CountryCode()
	if mutual && cooperationTopics[topic] {
		// "the two sides agreed to expand cooperation": with each other.
		var out []positionTarget
		for _, c := range countriesOf(holders) {
			if c != hc {
				out = append(out, positionTarget{entity: a.countryEntity(c)})
			}
		}
		return out
	}
	target := a.target(s, t, h.entity, holders)
	if target == nil {
		switch {
		case t.topic.Target == "patient" && stance == diplograph.StanceOpposes && hc != "":
			// A state complaining of sanctions on itself; not a target to remember for others.
			return []positionTarget{{entity: a.countryEntity(hc)}}
		case needsTarget(topic), topic == diplograph.TopicMilitaryAction, topic == diplograph.TopicOccupation:
			return nil // relations with no one; strikes or occupation by no named state
		}
		return []positionTarget{{}}
	}
	var out []positionTarget
	for _, e := range append([]*recognize.Entity{target}, a.coordinatedStates(s, t, target)...) {
		if otherTopics[topic] && e.CountryCode() == hc && hc != "" {
			continue // relations with oneself, strikes by oneself
		}
		out = append(out, positionTarget{entity: e, remembered: true})
	}
	return out
}

// otherTopics are the topics whose target is never the holder's own state: relations with a partner,
// strikes or occupation by the state that acts.
var otherTopics = map[diplograph.Topic]bool{
	diplograph.TopicBilateralRelations: true, diplograph.TopicEconomicCooperation: true,
	diplograph.TopicMilitaryCooperation: true, diplograph.TopicMilitaryAction: true, diplograph.TopicOccupation: true,
}

// coordinatedStates returns the states joined to a target named after the topic phrase ("في غزة
// ولبنان", "in Yemen and Syria", "الأمريكية والبريطانية"), or before it ("the Israeli and American
// strikes").
func (a *article) coordinatedStates(s *sent, t match, target *recognize.Entity) []*recognize.Entity {
	if before := a.coordinatedBefore(s, t, target); len(before) > 0 {
		return before
	}
	words := a.doc.Words
	var prev *recognize.Mention
	for i := t.w1; i < s.w1 && i < t.w1+8 && prev == nil; i++ {
		if m := a.rec.MentionAt(i); m != nil {
			if m.Entity == target {
				prev = m
			}
			i = m.W1 - 1
		}
	}
	var out []*recognize.Entity
	for prev != nil && prev.W1 < s.w1 {
		next := prev.W1
		if words[next].Key == "and" || words[next].Gap == ',' && a.rec.MentionAt(next) != nil {
			if words[next].Key == "and" {
				next++
			}
		} else if a.rec.MentionAt(next) == nil || words[next].Gap != 0 {
			break
		}
		m := a.rec.MentionAt(next)
		if m == nil || m.Entity == nil || m.Entity.Type != diplograph.EntityCountry || m.W0 != next ||
			words[next].Script == normalize.ScriptArabic && a.proclitic(m) != "و" {
			break
		}
		out = append(out, m.Entity)
		prev = m
	}
	return out
}

// coordinatedBefore returns the states joined by "and" or a comma to a target named right before an
// English topic phrase: "the Israeli and American strikes".
func (a *article) coordinatedBefore(s *sent, t match, target *recognize.Entity) []*recognize.Entity {
	words := a.doc.Words
	if words[t.w0].Script != normalize.ScriptLatin {
		return nil
	}
	var m *recognize.Mention
	for i := t.w0 - 1; i >= max(s.w0, t.w0-4) && m == nil; i-- {
		if x := a.rec.MentionAt(i); x != nil && x.Entity == target {
			m = x
		}
	}
	var out []*recognize.Entity
	for m != nil && m.W0 >= s.w0+2 {
		prev := m.W0 - 1
		if words[prev].Key == "and" {
			prev--
		} else if words[m.W0].Gap != ',' {
			break
		}
		x := a.rec.MentionAt(prev)
		if x == nil || x.Entity == nil || x.Entity.Type != diplograph.EntityCountry || x.W1 != prev+1 {
			break
		}
		out = append(out, x.Entity)
		m = x
	}
	return out
}

// rememberTarget records a position's target for the positions after it: the last target of the
// sentence, of the topic, and of the conflict the article follows.
func (a *article) rememberTarget(s *sent, t match, target positionTarget) {
	if target.entity == nil {
		return
	}
	a.lastTarget, a.lastTargetSent = target.entity.ID, s.idx
	if target.remembered {
		a.topicTarget[t.topic.Topic] = target.entity.ID
	}
	if t.topic.Target == "state" && target.entity.Type == diplograph.EntityCountry {
		a.conflict = target.entity.ID
	}
}

// outsideTopics drops the stance words that are part of a topic phrase: the "وقف" of "وقف إطلاق النار"
// or the "إنهاء" of "إنهاء الاحتلال" belongs to its topic and says nothing of the topics after it
// ("إنهاء الاحتلال وإقامة الدولة الفلسطينية" does not oppose the state).
func outsideTopics(cues, topics []match) []match {
	out := cues[:0:0]
	for _, c := range cues {
		inside := false
		for _, t := range topics {
			if c.w0 >= t.w0 && c.w0 < t.w1 {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// cooperationTopics are the topics of relations between two states.
var cooperationTopics = map[diplograph.Topic]bool{
	diplograph.TopicBilateralRelations: true, diplograph.TopicEconomicCooperation: true, diplograph.TopicMilitaryCooperation: true,
}

// needsTarget reports whether a position on the topic says nothing without a target state.
func needsTarget(t diplograph.Topic) bool {
	switch t {
	case diplograph.TopicBilateralRelations, diplograph.TopicMilitaryCooperation, diplograph.TopicEconomicCooperation,
		diplograph.TopicTerritorialIntegrity, diplograph.TopicSovereignty, diplograph.TopicPartition:
		return true
	}
	return false
}

// cueFor returns the polarity and speech act of a topic: the nearest stance word before it in the
// statement (within six words), else the speech verb's own; and the distance in words from the stance
// word to the topic (-1 without one).
func (a *article) cueFor(t match, cues []match, speechPol int, speechKind diplograph.StanceKind) (int, diplograph.StanceKind, int) {
	var best *match
	for i := range cues {
		c := &cues[i]
		if c.w1 <= t.w0 && t.w0-c.w1 <= 6 && (best == nil || c.w0 > best.w0) {
			best = c
		}
	}
	kind := speechKind
	if best != nil && best.stance.Polarity != 0 {
		if kind == diplograph.KindStates || kind == "" {
			kind = best.stance.Kind
		}
		pol := best.stance.Polarity
		if a.negatedBefore(best.w0) {
			pol = -pol
		}
		return pol, kind, t.w0 - best.w1
	}
	if kind == "" {
		kind = diplograph.KindStates
	}
	return speechPol, kind, -1
}

// negatedBefore reports whether a negation stands right before word w ("لا ندعم", "does not support").
func (a *article) negatedBefore(w int) bool {
	if w == 0 {
		return false
	}
	switch a.doc.Words[w-1].Key {
	case "لا", "لم", "لن", "not", "never", "no":
		return true
	}
	return false
}

// positionConfidence scores a position by how it was read: a stance word and a named target are the
// strongest reading; a default stance, a missing target or a shared holder lower it.
func positionConfidence(pol, speechPol int, hasTarget, shared bool) float64 {
	c := 0.8
	if pol == 0 || speechPol == 0 {
		c -= 0.05
	}
	if !hasTarget {
		c -= 0.15
	}
	if shared {
		c -= 0.05
	}
	return c
}

// clauseStart returns where the clause of word w begins: after the previous speech verb of the
// sentence, or at the sentence start.
func (a *article) clauseStart(s *sent, w int) int {
	start := s.w0
	for _, m := range s.matches {
		if m.kind == mSpeech && m.w1 <= w && m.w1 > start {
			start = m.w1
		}
	}
	return start
}

// onePerState keeps the first holder of each state (and every holder without one): when "the two
// sides" speak, each side holds the position once.
func onePerState(ps []*party) []*party {
	var out []*party
	seen := map[string]bool{}
	for _, p := range ps {
		c := p.entity.CountryCode()
		if c != "" && seen[c] {
			continue
		}
		seen[c] = c != ""
		out = append(out, p)
	}
	return out
}

// supportForState reads a support word followed by a state and no topic ("دعم روسيا الثابت لسوريا",
// "support for Iraq", "التضامن مع المملكة") as support for relations with that state.
func (a *article) supportForState(s *sent, cues, topics []match, to int) []match {
	var out []match
	words := a.doc.Words
	for _, c := range cues {
		if c.stance.Polarity <= 0 || c.stance.Kind == diplograph.KindCallsFor {
			continue
		}
		j := c.w1
		// "support for", "التضامن مع", "لسوريا" (the preposition is a proclitic).
		for j < to && j < c.w1+2 && a.rec.MentionAt(j) == nil {
			k := baseKey(&words[j])
			if k == "for" || k == "to" || k == "with" || k == "مع" || k == "of" {
				j++
				continue
			}
			break
		}
		m := a.rec.MentionAt(j)
		if m == nil || m.Entity == nil || m.Entity.Type != diplograph.EntityCountry || m.Kind == recognize.MentionPlace || j >= to {
			continue
		}
		// A topic right after the state ("support for Iraq's sovereignty") is the real object.
		busy := false
		for _, t := range topics {
			if t.w0 >= c.w1 && t.w0 <= m.W1+2 {
				busy = true
			}
		}
		if busy {
			continue
		}
		out = append(out, match{kind: mTopic, w0: m.W0, w1: m.W0, start: m.Start, end: m.Start,
			topic: &lexicon.TopicTrigger{Topic: diplograph.TopicBilateralRelations, Polarity: 1, Target: "partner", Phrase: "support for a state"}})
	}
	return out
}
