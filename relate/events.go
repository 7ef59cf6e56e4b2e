package relate

import (
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

// event is an event read from one sentence (several sentences telling the same event are merged).
type event struct {
	typ        diplograph.EventType
	parties    []*party
	roles      map[*recognize.Entity]diplograph.ParticipantRole
	location   *recognize.Mention
	date       diplograph.Date
	dateKnown  bool
	modality   diplograph.Modality
	evidence   [][2]int
	confidence float64
	rule       string
	sentence   int
}

// typePriority orders consultation types when triggers of several meet in one event: a call or a
// visit says more than "talks".
var typePriority = map[diplograph.EventType]int{diplograph.EventPhoneCall: 3, diplograph.EventVisit: 2, diplograph.EventMeeting: 1}

// readEvents reads the events of a sentence. Every verb tells its own event in its clause, with the
// nouns that follow it ("وصل … في زيارة رسمية"); in a clause, the triggers of one family (consultation,
// agreement, …) tell one event. Events of the same states are merged later.
func (a *article) readEvents(s *sent) []*event {
	var triggers []match
	for _, m := range s.matches {
		if m.kind == mEvent && m.event.Form != "mention" && !a.anaphoric(s, m) {
			triggers = append(triggers, m)
		}
	}
	var out []*event
	for _, clause := range a.eventClauses(triggers) {
		groups := map[string][]match{}
		var order []string
		for _, t := range clause {
			g := t.event.Type.Group()
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] = append(groups[g], t)
		}
		for _, g := range order {
			for _, e := range a.buildEvents(s, groups[g], triggers) {
				out = append(out, e)
				a.events = append(a.events, e)
			}
		}
	}
	return out
}

// eventClauses splits the triggers of a sentence at each verb: a verb and the nouns after it up to
// the next verb tell one clause. A noun before the first verb is the background of its clause when a
// preposition sets it there ("على هامش الاجتماع، التقى", "during the talks"); otherwise it tells an
// event of its own ("تلقى اتصالاً هاتفياً من …، بحث خلاله").
func (a *article) eventClauses(ts []match) [][]match {
	var out [][]match
	var cur []match
	verb := false
	for _, t := range ts {
		if t.event.Form == "verb" {
			if verb || len(cur) > 0 && !a.backgroundNouns(cur) {
				out = append(out, cur)
				cur = nil
			}
			verb = true
		}
		cur = append(cur, t)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// backgroundWords put an event noun in the background of the clause after it.
var backgroundWords = foldSet("خلال", "هامش", "ختام", "عقب", "بعد", "قبل", "اثناء", "إثر", "during", "after", "before",
	"sidelines", "following", "at")

// backgroundNouns reports whether every noun trigger is set in the background by a word before it.
func (a *article) backgroundNouns(ns []match) bool {
	for _, n := range ns {
		bg := false
		for k := n.w0 - 1; k >= max(0, n.w0-3); k-- {
			if backgroundWords[a.doc.Words[k].Key] || backgroundWords[baseKey(&a.doc.Words[k])] {
				bg = true
				break
			}
		}
		if !bg {
			return false
		}
	}
	return true
}

// buildEvents builds the event(s) of one family of triggers in a sentence. A dual ("تلقى اتصالين
// من X وY", "separate calls with X and Y") gives one event per other party.
func (a *article) buildEvents(s *sent, ts, all []match) []*event {
	t := mainTrigger(ts)
	typ := t.event.Type
	for _, x := range ts[1:] {
		if typePriority[x.event.Type] > typePriority[typ] {
			typ = x.event.Type
		}
	}
	from, to, speaker := a.eventWindow(s, ts, all)
	acts := a.actors(from, to)
	agent := a.agent(s, t, acts, speaker)
	parties, group := a.agentParties(t, acts, agent)
	parties, location, dest := a.namedParties(t, ts, typ, acts, parties)
	// "imposed sanctions on Iran", "sent aid to Sudan": the object a preposition brings is a party,
	// not the topic of the sanctions nor the place the aid goes.
	obj := a.prepositionalObject(ts, typ)
	if obj != nil {
		parties = addParty(parties, obj.Entity, obj.W0)
		if location == obj {
			location = nil
		}
		if dest == obj {
			dest = nil
		}
	}
	parties, roles := a.roles(t, acts, agent, dest, parties)
	if typ == diplograph.EventPhoneCall && t.event.Type != typ {
		// "received a phone call from": the host and guest of the verb take part in a call alike.
		for e := range roles {
			roles[e] = diplograph.RoleParticipant
		}
	}
	if len(countriesOf(parties)) == 0 || len(parties) < 2 && !(typ == diplograph.EventVisit && dest != nil) {
		return nil
	}
	// An English verb needs its object: "met Lavrov", "spoke with Netanyahu" — not "a resolution that
	// meets the needs of Egypt". A pair as subject ("the two leaders met"), a group of parties for a
	// symmetric verb ("met", "agreed") and a passive ("was received by") need none.
	symmetric := t.event.Roles == "PARTICIPANT" || t.event.Roles == "SIGNATORY"
	if t.event.Form == "verb" && !(group && symmetric) && obj == nil && !a.passive(t) && !a.objectAfterAny(ts, acts, agent) &&
		!a.pairBefore(t, acts) && !a.pairAfter(t, acts) && dest == nil {
		return nil
	}
	if !a.interstate(parties) {
		return nil
	}
	at := a.whenOf(s, t.w0, ts[len(ts)-1].w1)
	mod := a.modality(s, t, at)
	if mod == diplograph.ModalityPlanned || mod == diplograph.ModalityHypothetical {
		if at.frame {
			at = when{} // "X will meet Y": the time the story is at is not when the meeting will be
		}
		at = at.forward(a.pub)
		// A plan is not dated by the narrative's past: "Lammy is expected to visit the region" in a story
		// about Tuesday's events has no date.
		if !a.pub.IsZero() && !at.date.IsZero() && at.date.End().Before(a.pub) {
			at = when{}
		}
	}
	base := &event{typ: typ, roles: roles, location: location, date: at.date, dateKnown: at.known,
		modality: mod, sentence: s.idx, evidence: [][2]int{{s.start, s.end}}, rule: ruleName(t)}
	base.confidence = confidenceFor(t, agent != nil, len(countriesOf(parties)))
	// A dual or "separate" trigger: one event per other party.
	if agent != nil && a.isDual(ts) && len(parties) >= 3 {
		var out []*event
		for _, p := range parties {
			if p.entity == agent || p.entity.CountryCode() == agent.CountryCode() {
				continue
			}
			e := *base
			e.parties = []*party{{entity: agent, w: t.w0}, p}
			out = append(out, &e)
		}
		a.setFocus(t.w0, out[len(out)-1].parties, typ)
		return out
	}
	base.parties = parties
	if base.modality == "" || base.modality == diplograph.ModalityAsserted {
		a.setFocus(t.w0, parties, typ)
	}
	return []*event{base}
}

// agentParties returns the agent and those who act with it: a group subject from the context, the
// parties coordinated with it, and the object a pronoun on the verb stands for. It reports whether
// they form a group that needs no object.
func (a *article) agentParties(t match, acts []actor, agent *recognize.Entity) ([]*party, bool) {
	var parties []*party
	group := false
	if agent != nil {
		parties = addParty(parties, agent, t.w0)
		// "Agreed to establish …" after "The Ministers:": a subject from the context that is a group
		// acts as a whole.
		if !namedIn(acts, agent) && len(a.subject) > 1 && a.subject[0].entity == agent {
			for _, p := range a.subject[1:] {
				parties = addParty(parties, p.entity, t.w0)
			}
			group = len(countriesOf(parties)) >= 2
		}
		// "Tillerson and Al Thani signed a memorandum": coordinated subjects are the parties
		// themselves, and the verbs after ("… met and warned jointly") speak for all of them.
		if co := a.coordinatedWith(acts, agent); len(co) > 0 {
			group = true
			a.subject = []*party{{entity: agent, w: t.w0}}
			for _, e := range co {
				a.subject = append(a.subject, &party{entity: e, w: t.w0})
			}
		}
	}
	// "كما استقبله الرئيس الإيراني": the pronoun object is the subject of the story so far.
	if t.object && !a.relativeBefore(t.w0) && len(a.subject) > 0 && a.subject[0].entity != agent {
		parties = addParty(parties, a.subject[0].entity, t.w0)
		group = true
	}
	return parties, group
}

// namedParties adds the parties named in the clause to those of the agent, and finds where the event
// takes place and, for a visit, where it goes.
func (a *article) namedParties(t match, ts []match, typ diplograph.EventType, acts []actor, parties []*party) ([]*party, *recognize.Mention, *recognize.Mention) {
	var location, dest *recognize.Mention
	// "the two sides signed …", "اتفقت الدول الثلاث": a verb whose subject is the parties in focus has
	// those parties, not the states named in its object ("a trade route launched with America").
	pairSubject := t.event.Form == "verb" && (a.pairBefore(t, acts) || a.pairAfter(t, acts))
	for _, act := range acts {
		if act.place {
			// "arrived in Ankara", "وصل إلى عمّان": the place right after a visit verb is where it goes.
			if typ == diplograph.EventVisit && !act.dest && a.rightAfterTrigger(ts, act) {
				act.dest = true
			}
			if location == nil || act.dest && dest == nil {
				location = act.m
			}
			if act.dest && dest == nil {
				dest = act.m
			}
			continue
		}
		if !pairSubject || act.pair {
			parties = addParty(parties, act.entity, act.w)
		}
	}
	return parties, location, dest
}

// roles gives every party its role by the trigger's roles; a visit also gains its visitor named after
// the noun and the state visited.
func (a *article) roles(t match, acts []actor, agent *recognize.Entity, dest *recognize.Mention, parties []*party) ([]*party, map[*recognize.Entity]diplograph.ParticipantRole) {
	roles := map[*recognize.Entity]diplograph.ParticipantRole{}
	switch t.event.Roles {
	case "HOST>GUEST":
		for _, p := range parties {
			roles[p.entity] = diplograph.RoleGuest
		}
		if agent != nil {
			roles[agent] = diplograph.RoleHost
		}
	case "GUEST>HOST":
		guest := agent
		if guest == nil || t.event.Form == "noun" {
			// "زيارة الوفد السوري": the visitor is named right after the noun.
			if g := a.genitiveParty(t, acts); g != nil {
				guest = g
			}
		}
		for _, p := range parties {
			roles[p.entity] = diplograph.RoleHost
		}
		if guest != nil {
			parties = addParty(parties, guest, t.w0)
			roles[guest] = diplograph.RoleGuest
		}
		// The state visited hosts the visit even when none of its officials is named.
		if dest != nil && dest.Entity != nil && !hasCountry(parties, dest.Entity.CountryCode()) {
			parties = addParty(parties, dest.Entity, dest.W0)
			roles[dest.Entity] = diplograph.RoleHost
		}
	case "SIGNATORY":
		for _, p := range parties {
			roles[p.entity] = diplograph.RoleSignatory
		}
	default:
		for _, p := range parties {
			roles[p.entity] = diplograph.RoleParticipant
		}
	}
	return parties, roles
}

// eventWindow returns the words whose names may take part in the event of triggers ts: from the
// sentence start, or the end of the verb before them (a verb of speech with its speaker, or the verb
// of another event), to the next such verb or the sentence end. It returns the speaker of a verb of
// speech that reports the event.
func (a *article) eventWindow(s *sent, ts, all []match) (from, to int, speaker *recognize.Entity) {
	first, last := ts[0].w0, ts[len(ts)-1].w1
	from, to = s.w0, s.w1
	for _, m := range s.matches {
		if m.kind == mSpeech && a.speechStartsClause(m) {
			if m.w1 <= first && m.w0 >= from {
				from, speaker = a.afterSpeaker(m, first)
			}
			if m.w0 > last && m.w0 < to {
				to = m.w0
				if j := a.attributionStart(last, m.w0); j > 0 {
					to = j
				}
			}
		}
	}
	for _, m := range all {
		if m.event.Form != "verb" || m.w0 >= first && m.w0 < last {
			continue
		}
		if m.w1 <= first && m.w1 > from {
			from, speaker = m.w1, nil
		}
		if m.w0 >= last && m.w0 < to {
			to = m.w0
		}
	}
	return from, to, speaker
}

// attributionStart returns where an English attribution after the event begins — the comma before a
// short speaker and the verb of speech: "…, a Turkish official said", "…, officials said" — so that the
// speaker is not taken for a party; -1 when there is none.
func (a *article) attributionStart(last, speech int) int {
	words := a.doc.Words
	for j := speech; j > last && speech-j <= 5; j-- {
		if words[j].Script != normalize.ScriptLatin {
			return -1
		}
		if words[j].Gap == ',' {
			return j
		}
	}
	return -1
}

// mainTrigger returns the trigger that tells the event: the first verb ("على هامش الاجتماع، التقى
// الجبير نظيره" is told by "التقى"), else the first noun.
func mainTrigger(ts []match) match {
	for _, t := range ts {
		if t.event.Form == "verb" {
			return t
		}
	}
	return ts[0]
}

// afterSpeaker returns where the clause a verb of speech reports begins, and who speaks when an Arabic
// verb names him after it: "صرح المتحدث … بأن الرئيسين عقدا جلسة مباحثات" — the spokesman reports the
// meeting, he does not take part in it.
func (a *article) afterSpeaker(m match, limit int) (int, *recognize.Entity) {
	if a.doc.Words[m.w0].Script != normalize.ScriptArabic {
		return m.w1, nil
	}
	if hs, end := a.partiesRightOf(m.w1, 4, limit); len(hs) > 0 && !hs[0].pairRel && !a.addressee(m, end) {
		return end, hs[0].party.entity
	}
	return m.w1, nil
}

// coordinatedWith returns the parties joined to the entity by "and"/"و" right before or after its
// mention: "Tillerson and Al Thani", "بوريطة والمالكي".
func (a *article) coordinatedWith(acts []actor, e *recognize.Entity) []*recognize.Entity {
	var out []*recognize.Entity
	for i := range acts {
		if acts[i].entity != e || acts[i].m == nil {
			continue
		}
		for j := range acts {
			x, y := acts[i].m, acts[j].m
			if j == i || y == nil || acts[j].place || acts[j].entity == e {
				continue
			}
			if a.joinedByAnd(x, y) || a.joinedByAnd(y, x) {
				out = append(out, acts[j].entity)
			}
		}
	}
	return out
}

// joinedByAnd reports whether mention y follows x with only "and" between ("and his counterpart"), or
// the proclitic و.
func (a *article) joinedByAnd(x, y *recognize.Mention) bool {
	words := a.doc.Words
	if x.W1 < len(words) && words[x.W1].Key == "and" && y.W0 > x.W1 && y.W0-x.W1 <= 4 {
		return a.titleWordsOnly(x.W1+1, y.W0) // "and his Egyptian counterpart Sameh Shoukry"
	}
	return y.W0 == x.W1 && words[y.W0].Gap == 0 && a.proclitic(y) == "و"
}

// titleWordsOnly reports whether words [from, to) only qualify the name after them: possessives,
// nationalities and titles ("his Egyptian counterpart").
func (a *article) titleWordsOnly(from, to int) bool {
	for i := from; i < to; i++ {
		if a.doc.Words[i].Gap != 0 {
			return false
		}
		if possessiveWords[a.doc.Words[i].Key] || a.doc.Words[i].Key == "counterpart" {
			continue
		}
		if m := a.rec.MentionAt(i); m != nil && m.Kind == recognize.MentionDemonym {
			i = m.W1 - 1
			continue
		}
		if tm, ok := a.lex.MatchTitle(a.doc, i); ok {
			i = tm.W1 - 1
			continue
		}
		return false
	}
	return true
}

// possessiveWords are the English possessive determiners.
var possessiveWords = foldSet("his", "her", "their", "its", "our")

// namedIn reports whether the entity is among the actors named in the clause.
func namedIn(acts []actor, e *recognize.Entity) bool {
	for _, act := range acts {
		if act.entity == e {
			return true
		}
	}
	return false
}

// rightAfterTrigger reports whether an actor is named right after one of the triggers (allowing a
// date word between: "arrived on Wednesday in Ankara" is rare, "arrived in Ankara on Wednesday" is not).
func (a *article) rightAfterTrigger(ts []match, act actor) bool {
	for _, t := range ts {
		if act.w >= t.w1 && act.w <= t.w1+1 {
			return true
		}
	}
	return false
}

// objectPrepositions introduce the party an event of the type acts on, right after its trigger: the
// state sanctioned ("on", "against", "على", "ضد") or helped ("to", "for", "إلى", "لـ").
var objectPrepositions = map[diplograph.EventType]map[string]bool{
	diplograph.EventSanction: foldSet("on", "against", "على", "ضد"),
	diplograph.EventAid:      foldSet("to", "for", "إلى", "الى", "لـ"),
}

// lamKey is the preposition لـ as objectPrepositions holds it: on a name, it is a proclitic ("لسوريا").
var lamKey = normalize.Fold("لـ")

// prepositionalObject returns the state, person or organization a preposition right after a trigger of
// the event brings as its object ("sanctions on Iran", "aid to Sudan", "مساعدات لسوريا"), or nil.
func (a *article) prepositionalObject(ts []match, typ diplograph.EventType) *recognize.Mention {
	preps := objectPrepositions[typ]
	if preps == nil {
		return nil
	}
	words := a.doc.Words
	for _, t := range ts {
		i := max(t.w1, t.nounEnd)
		if i >= len(words) {
			continue
		}
		m := a.rec.MentionAt(i)
		switch {
		case preps[words[i].Key]:
			m = a.rec.MentionAt(i + 1)
			if m == nil || m.W0 != i+1 {
				continue
			}
		case m != nil && m.W0 == i && strings.HasSuffix(a.proclitic(m), "ل") && preps[lamKey]:
		default:
			continue
		}
		if m.Entity != nil && m.Kind != recognize.MentionDemonym {
			return m
		}
	}
	return nil
}

// objectAfterAny reports whether any trigger of the event has its object (objectAfter).
func (a *article) objectAfterAny(ts []match, acts []actor, agent *recognize.Entity) bool {
	for _, t := range ts {
		if a.objectAfter(t, acts, agent) {
			return true
		}
	}
	return false
}

// objectAfter reports whether a party other than the agent is named soon after the trigger: within
// eight words in English ("received a phone call on Monday from his Jordanian counterpart"), within
// six after the verb and its subject in Arabic ("استقبل الملك … الوزير").
func (a *article) objectAfter(t match, acts []actor, agent *recognize.Entity) bool {
	reach := 8
	if a.doc.Words[t.w0].Script == normalize.ScriptArabic {
		reach = 6
	}
	from := t.w1
	for _, act := range acts {
		if act.entity == agent && act.w >= t.w1 {
			if e := act.m; e != nil && e.W1 > from {
				from = e.W1
			}
		}
	}
	for i := from; i < len(a.doc.Words) && i <= from+reach; i++ {
		if clauseWords[a.doc.Words[i].Key] {
			reach = i - from // "welcomed the announcement that the United States …": a new clause
			break
		}
	}
	for _, act := range acts {
		if !act.pair && !act.place && act.entity != agent && act.w >= from && act.w <= from+reach {
			return true
		}
	}
	return false
}

// clauseWords open a clause of their own, beyond the reach of the verb before them.
var clauseWords = foldSet("that", "which", "whether", "أن", "إن", "الذي", "التي")

// pairAfter reports whether "the two sides" follows the verb as its subject ("وبحث الجانبان"), or is
// part of the trigger ("اتفق الجانبان").
func (a *article) pairAfter(t match, acts []actor) bool {
	for _, act := range acts {
		if act.pair && act.w >= t.w0 && act.w <= t.w1+2 {
			return true
		}
	}
	return false
}

// pairBefore reports whether "the two sides" or "they" is the subject before the trigger.
func (a *article) pairBefore(t match, acts []actor) bool {
	for _, act := range acts {
		if act.pair && act.w < t.w0 && t.w0-act.w <= 4 {
			return true
		}
	}
	return false
}

// hasCountry reports whether a party stands for the state.
func hasCountry(ps []*party, code string) bool {
	for _, p := range ps {
		if p.entity.CountryCode() == code {
			return true
		}
	}
	return false
}

// interstate reports whether the parties are of at least two states, or of one state and an
// international organization: a meeting inside one government is not diplomacy.
func (a *article) interstate(ps []*party) bool {
	countries := countriesOf(ps)
	if len(countries) >= 2 {
		return true
	}
	for _, p := range ps {
		if p.entity.Type == diplograph.EntityOrganization {
			return true
		}
		for _, r := range p.entity.Roles {
			if r.Org != "" {
				return true
			}
		}
	}
	return false
}

// isDual reports whether a trigger speaks of two or more separate events ("اتصالين", "separately").
func (a *article) isDual(ts []match) bool {
	for _, t := range ts {
		f := normalize.Fold(a.doc.Slice(t.start, t.end))
		if strings.Contains(f, "اتصالين") || strings.Contains(f, "مكالمتين") || strings.Contains(f, "separate") {
			return true
		}
	}
	return false
}

// agent returns the entity that does what the trigger says: for an Arabic verb, the subject written
// before it or the first party named after it (Arabic puts the subject after the verb); for an English
// verb, the agent of a passive or the last party named before it; for a noun, the nearest person
// before it ("جاء كلام بوتين خلال لقائه"), the speaker who reports it, or, unless the noun names its
// own parties, the subject of the story so far. Pair subjects ("وبحث الجانبان") have none.
func (a *article) agent(s *sent, t match, acts []actor, speaker *recognize.Entity) *recognize.Entity {
	if t.event.Form == "verb" {
		if a.pairAfter(t, acts) || a.pairBefore(t, acts) {
			a.setPairSubject(acts) // "the two leaders discussed … and stressed": the verbs after are theirs
			return nil
		}
		var e *recognize.Entity
		if a.doc.Words[t.w0].Script == normalize.ScriptArabic {
			e = a.arabicVerbAgent(t, acts)
		} else {
			e = a.englishVerbAgent(s, t, acts)
		}
		if e != nil {
			return e
		}
	}
	for i := len(acts) - 1; i >= 0; i-- {
		if acts[i].w < t.w0 && !acts[i].place && acts[i].entity.Type == diplograph.EntityPerson {
			return acts[i].entity
		}
	}
	if speaker != nil {
		return speaker // "أكد الوزير أنه التقى …"
	}
	if t.event.Form == "noun" && !a.possessive(t) && (a.genitive(t) || a.attachedStates(s, t) >= 2) {
		return nil // "اجتماع جدة الذي ضم …", "talks between Iran and the US": the parties are named
	}
	if len(a.subject) > 0 {
		return a.subject[0].entity
	}
	return nil
}

// arabicVerbAgent returns the subject of an Arabic verb: written before it (pluperfect, headline,
// relative clause) or the first party after it, past adverbs, honorifics and titles.
func (a *article) arabicVerbAgent(t match, acts []actor) *recognize.Entity {
	if act := a.subjectBeforeVerb(t, acts); act != nil {
		if !a.relativeBefore(t.w0) {
			a.setSubject(act.entity, act.w) // a relative clause does not move the story's subject
		}
		return act.entity
	}
	for _, act := range acts {
		if act.w >= t.w1 && !act.place && act.w <= t.w1+4 && !act.pair && (act.w == t.w1 || a.onlyAdverbsBetween(t.w1, act.w)) {
			a.setSubject(act.entity, act.w)
			return act.entity
		}
	}
	return nil
}

// englishVerbAgent returns the subject of an English verb: the agent after "by" of a passive ("hosted
// by Türkiye", in a clause that does not move the story's subject), else the last party before it,
// past an apposition.
func (a *article) englishVerbAgent(s *sent, t match, acts []actor) *recognize.Entity {
	if by := a.passiveBy(t); by >= 0 {
		for _, act := range acts {
			if act.w > by && act.w <= by+3 && !act.pair {
				return act.entity
			}
		}
	}
	var best *actor
	for i := range acts {
		if act := &acts[i]; act.w < t.w0 && !act.place && !act.pair && !a.inApposition(act, t.w0) {
			best = act
		}
	}
	if best == nil {
		return nil
	}
	a.setSubject(best.entity, best.w)
	return best.entity
}

// inApposition reports whether a party is named in an apposition closed by a comma right before the
// verb at w: "John Kerry and Sergei Lavrov, Russia's top diplomat, agreed".
func (a *article) inApposition(act *actor, w int) bool {
	if !a.commaBefore(w) {
		return false
	}
	for i := act.w; i > max(0, act.w-4); i-- {
		if a.commaBefore(i) {
			return true
		}
	}
	return false
}

// subjectBeforeVerb returns the subject written before an Arabic verb, as the pluperfect puts it
// ("وكان الوزير الأردني قد التقى المقداد") and headlines do ("الصفدي يلتقي نظيره"): a party that ends
// right before the verb or before its "قد".
func (a *article) subjectBeforeVerb(t match, acts []actor) *actor {
	end := t.w0
	if end > 0 && baseKey(&a.doc.Words[end-1]) == "قد" {
		end--
	}
	if a.relativeBefore(end) {
		// "توم باراك، الذي التقى الرؤساء": the antecedent of the relative pronoun.
		end--
		for i := range acts {
			if m := acts[i].m; m != nil && m.W1 == end && m.Kind != recognize.MentionDemonym && !acts[i].place && !acts[i].pair {
				return &acts[i]
			}
		}
		return nil
	}
	if a.doc.Words[t.w0].Gap != 0 && end == t.w0 {
		return nil
	}
	for i := range acts {
		act := &acts[i]
		if act.m != nil && act.m.W1 == end && !act.place && !act.pair {
			return act
		}
	}
	return nil
}

// passive reports whether an English event verb is a passive with its agent after "by": "was received
// by Emir Tamim" has its object before it.
func (a *article) passive(t match) bool { return a.passiveBy(t) >= 0 }

// beWords mark an English passive before its verb ("was received", "were warmly received").
var beWords = foldSet("was", "were", "is", "are", "been", "being", "be")

// passiveBy returns the word "by" that brings the agent of an English passive event verb: right after
// the verb ("hosted by Türkiye"), or, when a form of "be" marks the passive, after a few words of time
// or manner ("was received later in the day by Lavrov"); -1 when the verb is no passive.
func (a *article) passiveBy(t match) int {
	words := a.doc.Words
	if t.event.Form != "verb" || t.w1 >= len(words) {
		return -1
	}
	if words[t.w1].Key == "by" {
		return t.w1
	}
	if !(t.w0 >= 1 && beWords[words[t.w0-1].Key] || t.w0 >= 2 && beWords[words[t.w0-2].Key]) {
		return -1
	}
	for i := t.w1; i < len(words) && i <= t.w1+5; i++ {
		if i > t.w1 && words[i].Gap != 0 || a.rec.MentionAt(i) != nil {
			return -1
		}
		if words[i].Key == "by" {
			return i
		}
	}
	return -1
}

// englishPast reports whether an English event verb is in the past: "received", "met", "was
// received", "had held". A time word that looks ahead ("later in the day") does not make it planned.
func (a *article) englishPast(t match) bool {
	words := a.doc.Words
	w := &words[t.w0]
	if w.Script != normalize.ScriptLatin || t.event.Form != "verb" {
		return false
	}
	if strings.HasSuffix(w.Key, "ed") || pastVerbs[w.Key] {
		return true
	}
	for i := max(0, t.w0-2); i < t.w0; i++ {
		if k := words[i].Key; k == "was" || k == "were" || k == "had" {
			return true
		}
	}
	return false
}

// pastVerbs are irregular past forms of English event verbs.
var pastVerbs = foldSet("met", "held", "spoke", "paid", "flew", "sent", "gave", "took", "led", "went", "came", "made",
	"signed", "agreed", "hosted")

// relativeBefore reports whether the word before w is a relative pronoun ("الذي", "التي"), whose
// verb has the noun before it as its subject.
func (a *article) relativeBefore(w int) bool {
	if w == 0 {
		return false
	}
	switch a.doc.Words[w-1].Key {
	case "الذي", "التي", "الذين", "اللذان", "اللتان", "who":
		return true
	}
	return false
}

// adverbWords may stand between an Arabic verb and its subject: time words, honorifics, and the
// complement of a title ("أمير البلاد").
var adverbWords = foldSet("اليوم", "امس", "صباح", "مساء", "ظهر", "هنا", "حاليا", "رسميا", "معالي", "سمو", "فخامة",
	"صاحب", "السمو", "البلاد")

// onlyAdverbsBetween reports whether words [from, to) are only date words and honorifics ("استقبل
// اليوم معالي …").
func (a *article) onlyAdverbsBetween(from, to int) bool {
	for i := from; i < to; i++ {
		w := &a.doc.Words[i]
		if w.Gap == ',' || w.Gap == '،' {
			continue
		}
		if adverbWords[w.Key] || adverbWords[baseKey(w)] {
			continue
		}
		if m, ok := a.lex.MatchHonorific(a.doc, i); ok {
			i = m.W1 - 1 // "صاحب السمو الملكي"
			continue
		}
		if m, ok := a.lex.MatchTitle(a.doc, i); ok {
			i = m.W1 - 1 // "استقبل سمو أمير البلاد الشيخ صباح"
			continue
		}
		return false
	}
	return true
}

// genitiveParty returns the party named right after a noun trigger: the visitor of "زيارة الوفد
// السوري", "a visit by Iraqi Foreign Minister …".
func (a *article) genitiveParty(t match, acts []actor) *recognize.Entity {
	for _, act := range acts {
		if act.place || act.pair {
			continue
		}
		if act.w >= t.w1 && act.w <= t.w1+2 {
			return act.entity
		}
	}
	return nil
}

// setFocus makes the parties of an event told at word w the ones "the two sides" refers to after it.
func (a *article) setFocus(w int, ps []*party, typ diplograph.EventType) {
	if g := typ.Group(); g != "CONSULT" && g != "AGREE" {
		return
	}
	if len(countriesOf(ps)) >= 2 {
		a.sentFocus = append(a.sentFocus, focusMark{w: w, parties: ps})
	}
}

// setPairSubject makes "the two sides" of a clause the subject of the verbs after it.
func (a *article) setPairSubject(acts []actor) {
	var ps []*party
	for _, act := range acts {
		if act.pair {
			ps = addParty(ps, act.entity, act.w)
		}
	}
	if len(ps) > 0 {
		a.subject = ps
	}
}

// setSubject records the last explicit agent or speaker.
func (a *article) setSubject(e *recognize.Entity, w int) {
	a.subject = []*party{{entity: e, w: w}}
}

// speechStartsClause reports whether a speech verb begins reported content (a finite verb or a
// participle), as opposed to a noun such as "بيان".
func (a *article) speechStartsClause(m match) bool {
	f := normalize.Fold(m.speech.Phrase)
	return !strings.Contains(f, "بيان") && !strings.Contains(f, "statement")
}

// modality reads whether an event is planned, negated or hypothetical from the words before its
// trigger in the clause, the future prefix of the verb, and a future date.
func (a *article) modality(s *sent, t match, at when) diplograph.Modality {
	if t.future {
		if a.conditionAfter(s, t) {
			return diplograph.ModalityHypothetical
		}
		return diplograph.ModalityPlanned
	}
	var mod diplograph.Modality
	for _, m := range s.matches {
		// A denial governs the clause it introduces ("نفت الوزارة أن يكون الأمير قد التقى …"), which
		// may hold a long subject; other modality words stand close to the verb.
		window := 6
		if m.kind == mModality && m.modality.Modality == diplograph.ModalityNegated {
			window = 14
		}
		// Before the trigger (it may share the trigger's first word: "is scheduled to" + "to visit"),
		// around it ("no meeting"), or starting it ("will visit"; not "would" in "warned it would").
		before, around, inside := m.w0 < t.w0, m.w0 <= t.w0 && m.w1 >= t.w1, m.w0 == t.w0 && m.w1 < t.w1
		if m.kind != mModality || !(before || around || inside) || t.w0-m.w1 > window {
			continue
		}
		if a.clauseBreak(m.w1, t.w0) {
			continue
		}
		mod = strongerModality(mod, m.modality.Modality)
	}
	if mod == "" && at.future && !a.englishPast(t) {
		mod = diplograph.ModalityPlanned
	}
	if mod == diplograph.ModalityPlanned && a.conditionAfter(s, t) {
		mod = diplograph.ModalityHypothetical // "would meet al-Sharaa if conditions allow"
	}
	if mod == "" {
		mod = diplograph.ModalityAsserted
	}
	return mod
}

// conditionWords open a condition ("if", "unless", "إذا", "لو", "بشرط"), and conditionPairs do with
// the word after ("في حال", "provided that").
var (
	conditionWords = foldSet("if", "unless", "إذا", "اذا", "لو", "شرط", "بشرط", "شريطة")
	conditionPairs = foldSet("في حال", "في حالة", "provided that")
)

// clauseOpeners begin a clause of their own after an English comma: a condition beyond them is not the
// event's ("will visit Paris, saying talks would resume if …").
var clauseOpeners = foldSet("saying", "adding", "noting", "stressing", "warning", "who", "which", "while", "but",
	"as", "after", "before", "when", "according", "and")

// conditionAfter reports whether a condition follows a planned event's trigger in its clause: the
// event will take place only if it is met. The clause ends at a semicolon, at an Arabic comma (a
// condition after it belongs as often to the next clause: "سيزور دمشق الشهر المقبل، مشيراً إلى … إذا")
// and at an English comma before a clause opener; an English comma inside a list ("his French,
// British and German counterparts if …") does not end it.
func (a *article) conditionAfter(s *sent, t match) bool {
	words := a.doc.Words
	for i := t.w1; i < s.w1 && i < len(words); i++ {
		if g := words[i].Gap; i > t.w1 && g != 0 && g != '-' && g != '\'' &&
			(g != ',' || words[i].Script != normalize.ScriptLatin || clauseOpeners[words[i].Key]) {
			return false
		}
		key, next := words[i].Key, ""
		if i+1 < s.w1 && i+1 < len(words) {
			next = words[i+1].Key
		}
		if conditionWords[key] || conditionPairs[key+" "+next] {
			return true
		}
	}
	return false
}

// clauseBreak reports whether punctuation that ends a clause lies in words [from, to].
func (a *article) clauseBreak(from, to int) bool {
	for i := from + 1; i <= to && i < len(a.doc.Words); i++ {
		switch a.doc.Words[i].Gap {
		case ',', '،', ';', '؛', ':':
			return true
		}
	}
	return false
}

// strongerModality keeps the modality that matters most: negated over hypothetical over planned.
func strongerModality(a, b diplograph.Modality) diplograph.Modality {
	rank := map[diplograph.Modality]int{"": 0, diplograph.ModalityAsserted: 0, diplograph.ModalityPlanned: 1,
		diplograph.ModalityHypothetical: 2, diplograph.ModalityNegated: 3}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// ruleName names the rule that produced an event, for its evidence and confidence.
func ruleName(t match) string {
	return "event." + strings.ToLower(string(t.event.Type)) + "." + t.event.Form
}

// confidenceFor scores an event by the rule that fired: a verb with a named agent and two states is
// the strongest reading; a noun, an agent taken from the context, or one state lower it.
func confidenceFor(t match, namedAgent bool, countries int) float64 {
	c := 0.85
	if t.event.Form == "noun" {
		c = 0.75
	}
	if !namedAgent {
		c -= 0.1
	}
	if countries < 2 {
		c -= 0.1
	}
	return c
}
