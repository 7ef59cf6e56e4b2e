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

// readEvents reads the events of a sentence: one consultation (meeting, visit or call) and one
// agreement at most — the triggers of a sentence usually tell one event — plus one event of each
// other type, each from its first trigger.
func (a *article) readEvents(s *sent) []*event {
	var triggers []match
	for _, m := range s.matches {
		if m.kind == mEvent && m.event.Form != "mention" {
			triggers = append(triggers, m)
		}
	}
	if len(triggers) == 0 {
		return nil
	}
	groups := map[string][]match{}
	var order []string
	for _, t := range triggers {
		g := t.event.Type.Group()
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], t)
	}
	var out []*event
	for _, g := range order {
		ts := groups[g]
		for _, e := range a.buildEvents(s, ts) {
			out = append(out, e)
			a.events = append(a.events, e)
		}
	}
	return out
}

// buildEvents builds the event(s) of one family of triggers in a sentence. A dual ("تلقى اتصالين
// من X وY", "separate calls with X and Y") gives one event per other party.
func (a *article) buildEvents(s *sent, ts []match) []*event {
	t := ts[0]
	typ := t.event.Type
	for _, x := range ts[1:] {
		if typePriority[x.event.Type] > typePriority[typ] {
			typ = x.event.Type
		}
	}
	// The window: from the sentence start (or the end of a speech verb's scope before the trigger) to
	// the sentence end or the next speech verb after it.
	from, to := s.w0, s.w1
	for _, m := range s.matches {
		if m.kind != mSpeech {
			continue
		}
		if m.w1 <= t.w0 && m.w0 > from && a.speechStartsClause(m) {
			from = m.w0
		}
		if m.w0 > ts[len(ts)-1].w1 && m.w0 < to && a.speechStartsClause(m) {
			to = m.w0
		}
	}
	acts := a.actors(from, to)
	agent := a.agent(s, t, acts)
	var parties []*party
	roles := map[*recognize.Entity]diplograph.ParticipantRole{}
	var location, dest *recognize.Mention
	if agent != nil {
		parties = addParty(parties, agent, t.w0)
	}
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
		parties = addParty(parties, act.entity, act.w)
	}
	// Roles.
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
	if len(countriesOf(parties)) == 0 || len(parties) < 2 && !(typ == diplograph.EventVisit && dest != nil) {
		return nil
	}
	// An English verb needs its object: "met Lavrov", "spoke with Netanyahu" — not "a resolution that
	// meets the needs of Egypt". A pair as subject ("the two leaders met") needs none.
	if t.event.Form == "verb" && !a.objectAfterAny(ts, acts, agent) && !a.pairBefore(t, acts) && !a.pairAfter(t, acts) && dest == nil {
		return nil
	}
	if !a.interstate(parties) {
		return nil
	}
	at := a.whenOf(s, t.w0, ts[len(ts)-1].w1)
	base := &event{typ: typ, roles: roles, location: location, date: at.date, dateKnown: at.known,
		modality: a.modality(s, t, at), sentence: s.idx, evidence: [][2]int{{s.start, s.end}}, rule: ruleName(t)}
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
		a.setFocus(out[len(out)-1].parties, typ)
		return out
	}
	base.parties = parties
	if base.modality == "" || base.modality == diplograph.ModalityAsserted {
		a.setFocus(parties, typ)
	}
	return []*event{base}
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
	for _, act := range acts {
		if !act.pair && !act.place && act.entity != agent && act.w >= from && act.w <= from+reach {
			return true
		}
	}
	return false
}

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

// agent returns the entity that does what the trigger says: for an Arabic verb, the first party named
// after it (Arabic puts the subject after the verb); for an English verb, the last party named before
// it; for a noun with a possessive ("خلال لقائه", "his meeting") or no named agent, the sentence's
// subject — the last agent or speaker of the article.
func (a *article) agent(s *sent, t match, acts []actor) *recognize.Entity {
	words := a.doc.Words
	arabic := words[t.w0].Script == normalize.ScriptArabic
	if t.event.Form == "verb" {
		for _, act := range acts {
			if act.pair && act.w >= t.w0 && act.w <= t.w1+2 {
				return nil // "وبحث الجانبان": the two sides are the parties
			}
		}
		if arabic {
			for _, act := range acts {
				if act.w >= t.w1 && !act.place && act.w <= t.w1+4 && !act.pair {
					if act.w == t.w1 || a.onlyAdverbsBetween(t.w1, act.w) {
						a.setSubject(act.entity, act.w)
						return act.entity
					}
				}
			}
		} else {
			var best *actor
			for i := range acts {
				act := &acts[i]
				if act.w < t.w0 && !act.place && !act.pair {
					best = act
				}
			}
			if best != nil {
				a.setSubject(best.entity, best.w)
				return best.entity
			}
		}
	}
	// A noun: the nearest person before it in the sentence ("جاء كلام بوتين خلال لقائه").
	for i := len(acts) - 1; i >= 0; i-- {
		if acts[i].w < t.w0 && !acts[i].place && acts[i].entity.Type == diplograph.EntityPerson {
			return acts[i].entity
		}
	}
	if len(a.subject) > 0 {
		return a.subject[0].entity
	}
	return nil
}

// onlyAdverbsBetween reports whether words [from, to) are only date words and honorifics ("استقبل
// اليوم معالي …").
func (a *article) onlyAdverbsBetween(from, to int) bool {
	for i := from; i < to; i++ {
		w := &a.doc.Words[i]
		if w.Gap == ',' || w.Gap == '،' {
			continue
		}
		switch baseKey(w) {
		case "اليوم", "امس", "صباح", "مساء", "ظهر", "هنا", "حاليا", "رسميا", "معالي", "سمو", "فخامه", "صاحب", "السمو":
			continue
		}
		if _, ok := a.lex.MatchHonorific(a.doc, i); ok {
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

// setFocus makes the parties of an event the ones "the two sides" refers to.
func (a *article) setFocus(ps []*party, typ diplograph.EventType) {
	if g := typ.Group(); g != "CONSULT" && g != "AGREE" {
		return
	}
	if len(countriesOf(ps)) >= 2 {
		a.focus = ps
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
		return diplograph.ModalityPlanned
	}
	var mod diplograph.Modality
	for _, m := range s.matches {
		if m.kind != mModality || m.w1 > t.w0 || t.w0-m.w1 > 6 {
			continue
		}
		if a.clauseBreak(m.w1, t.w0) {
			continue
		}
		mod = strongerModality(mod, m.modality.Modality)
	}
	if mod == "" && at.future {
		mod = diplograph.ModalityPlanned
	}
	if mod == "" {
		mod = diplograph.ModalityAsserted
	}
	return mod
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
