package relate

import (
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

var (
	// patientWords introduce the state acted on: "العقوبات على سوريا", "sanctions on Iran".
	patientWords = foldSet("على", "ضد", "بحق", "تجاه", "on", "against", "targeting", "to", "toward", "towards")
	// partnerWords introduce the other state of a relation: "العلاقات مع روسيا", "ties with Egypt".
	partnerWords = foldSet("مع", "بين", "with", "between")
	// ofWords introduce the state a thing belongs to or goes to in English: "the unity of Syria", "aid
	// into Gaza".
	ofWords = foldSet("of", "in", "for", "over", "to", "into")
	// documentWords name texts and processes by the city they came from: "بيان جنيف", "the Astana
	// format".
	documentWords = foldSet("بيان", "إعلان", "مسار", "صيغة", "communique", "communiqué", "declaration", "format", "process")
	// byWords introduce the state that acts: "strikes by Israel", "من قبل إسرائيل".
	byWords = foldSet("by", "قبل")
	// countryWords stand for a state named before: "تقسيم البلاد", "بلاده" (his country).
	countryWords = foldSet("البلاد", "بلاد", "البلد", "الدولة", "country")
)

// target finds the state a position is about, by the topic's target kind (lexicon/data/triggers).
func (a *article) target(s *sent, t match, holder *recognize.Entity, holders []*party) *recognize.Entity {
	hc := holder.CountryCode()
	if a.reciprocal(t) {
		// "support for each other's sovereignty": each holder's position is about the other.
		for _, h := range holders {
			if c := h.entity.CountryCode(); c != "" && c != hc {
				return a.countryEntity(c)
			}
		}
	}
	switch t.topic.Target {
	case "PS":
		return a.countryEntity("PS")
	case "none":
		return nil
	case "state":
		return a.stateTarget(s, t, hc)
	case "actor":
		if e := a.actorTarget(s, t); e != nil {
			return e
		}
		if t.topic.Topic == diplograph.TopicForeignInterference {
			return a.stateTarget(s, t, hc)
		}
		return a.rememberedTarget(t, hc)
	case "patient":
		if e := a.afterWords(s, t, patientWords, 6, ""); e != nil {
			return e
		}
		if e := a.adjacentCountry(s, t, 2, true, ""); e != nil && !a.isAdjective(e, t) {
			return e
		}
		return a.rememberedTarget(t, "") // "رفضهما لإعادة فرض العقوبات": the sanctions the article is about
	case "partner":
		if t.w0 == t.w1 { // support for a state: the state itself (supportForState)
			if m := a.rec.MentionAt(t.w0); m != nil && m.Entity != nil && m.Entity.Code != hc {
				return m.Entity
			}
			return nil
		}
		if e := a.afterWords(s, t, partnerWords, 5, hc); e != nil {
			return e
		}
		if e := a.adjacentCountry(s, t, 3, true, hc); e != nil {
			return e
		}
		if e := a.adjacentCountry(s, t, 3, false, hc); e != nil {
			return e
		}
		// "بينهما", "between their countries": the other holder, else the other party of the event in
		// focus.
		for _, h := range holders {
			if c := h.entity.CountryCode(); c != "" && c != hc {
				return a.countryEntity(c)
			}
		}
		for _, p := range a.focusAt(t.w0) {
			if c := p.entity.CountryCode(); c != "" && c != hc {
				return a.countryEntity(c)
			}
		}
	}
	return nil
}

// stateTarget finds the state a topic phrase is about: a country right after it (Arabic genitive or
// nisba: "وحدة سوريا", "الأراضي السورية"), before it (English: "Syria's unity", "Iraqi sovereignty"),
// after "of"/"in" (English), or the state named last when a pronoun or "البلاد" stands for it.
func (a *article) stateTarget(s *sent, t match, hc string) *recognize.Entity {
	words := a.doc.Words
	arabic := words[t.w0].Script == normalize.ScriptArabic
	// A pronoun suffix on the phrase ("سيادتها", "أراضيها") refers to the state named before.
	pronoun := false
	for i := t.w0; i < t.w1; i++ {
		k := words[i].Key
		// "سيادتها", "أراضيه": a possessive suffix on a word without the article.
		if arabic && !strings.HasPrefix(k, "ال") && (strings.HasSuffix(k, "ها") || strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ته")) && len([]rune(k)) > 4 {
			pronoun = true
		}
		if countryWords[k] || countryWords[baseKey(&words[i])] {
			pronoun = true // "تقسيم البلاد", "divide the country"
		}
	}
	// "Syria's unity, its sovereignty", "Iran … the Israeli and American strikes on its nuclear
	// facilities": an English possessive refers to the state last named (not to an adjective), else to
	// the speaker's.
	if !arabic && (a.possessiveBefore(t) || a.possessiveAfter(t)) {
		if e := a.namedStateBefore(s, t.w0); e != nil {
			return e
		}
		if hc != "" {
			return a.countryEntity(hc)
		}
	}
	if !pronoun {
		if arabic {
			if e := a.adjacentCountry(s, t, 4, true, ""); e != nil {
				return e
			}
		} else {
			if e := a.adjacentCountry(s, t, 3, false, ""); e != nil {
				return e
			}
			if e := a.afterWords(s, t, ofWords, 4, ""); e != nil {
				return e
			}
		}
		// "تقسيم البلاد", "بلاده", "the partition of the country": a word for the state.
		for i := t.w1; i < min(s.w1, t.w1+3); i++ {
			k := baseKey(&words[i])
			if k == "بلاده" || k == "بلادها" {
				if hc != "" {
					return a.countryEntity(hc)
				}
			}
			if countryWords[k] || countryWords[words[i].Key] {
				pronoun = true
			}
		}
	}
	if pronoun {
		return a.antecedentState(s, t)
	}
	// "to deliver aid in Gaza and to support rebuilding efforts": a state named for the previous topic
	// of the same sentence.
	if a.lastTarget != "" && a.lastTargetSent == s.idx {
		if e := a.entityByID(a.lastTarget); e != nil && e.Code != hc {
			return e
		}
	}
	if e := a.rememberedTarget(t, hc); e != nil {
		return e
	}
	// "الهدنة", "the political process": a conflict topic with no state named is about the conflict the
	// article follows, the state of the last position on such a topic.
	if !conflictTopics[t.topic.Topic] {
		return nil
	}
	if a.conflict != "" {
		if a.turnsToOtherState(s, t.w1, hc) {
			return nil
		}
		return a.entityByID(a.conflict)
	}
	// No conflict named yet: the truce a leader urges on the counterpart he spoke with is the
	// counterpart's ("Starmer spoke to Mikati … and told him a ceasefire …").
	for _, p := range a.focusAt(t.w0) {
		if c := p.entity.CountryCode(); c != "" && c != hc {
			return a.countryEntity(c)
		}
	}
	return nil
}

// turnsToOtherState reports whether the sentence, after word w, names states other than the holder's
// and never the state of the conflict in focus: then the phrase may be about those ("a resolution that
// meets the needs of Egypt, Sudan and Ethiopia") even where the rules find no target.
func (a *article) turnsToOtherState(s *sent, w int, hc string) bool {
	other := false
	for i := w; i < s.w1; i++ {
		m := a.rec.MentionAt(i)
		if m == nil || m.Entity == nil || m.Entity.Type != diplograph.EntityCountry || m.Entity.Code == hc || a.placeAsName(m) {
			continue
		}
		if m.Entity.ID == a.conflict {
			return false
		}
		other = true
	}
	return other
}

// reciprocal reports whether a topic phrase is said of "each other" ("each other's sovereignty",
// "سيادة كل منهما").
func (a *article) reciprocal(t match) bool {
	words := a.doc.Words
	if t.w0 >= 2 && words[t.w0-2].Key == "each" && baseKey(&words[t.w0-1]) == "other" {
		return true
	}
	return t.w1+1 < len(words) && words[t.w1].Key == "كل" && words[t.w1+1].Key == "منهما"
}

// rememberedTarget returns the target of the last position on the same topic when the phrase names
// none: "the sanctions", "التخصيب" after "البرنامج النووي الإيراني" speak of the same state. A state
// does not become its own target this way unless the topic allows it.
func (a *article) rememberedTarget(t match, hc string) *recognize.Entity {
	id, ok := a.topicTarget[t.topic.Topic]
	if !ok {
		return nil
	}
	e := a.entityByID(id)
	if e != nil && e.Code == hc && hc != "" && t.topic.Target != "state" {
		return nil
	}
	return e
}

// possessiveBefore reports whether "its" or "their" stands right before an English topic phrase, or
// before the one adjective in front of it ("its sovereignty", "its nuclear facilities").
func (a *article) possessiveBefore(t match) bool {
	for i := t.w0 - 1; i >= max(0, t.w0-2); i-- {
		if k := a.doc.Words[i].Key; k == "its" || k == "their" {
			return true
		}
		if a.rec.MentionAt(i) != nil {
			return false
		}
	}
	return false
}

// namedStateBefore returns the state last named before word w in the sentence by its name, capital
// or seat, not by an adjective.
func (a *article) namedStateBefore(s *sent, w int) *recognize.Entity {
	for i := w - 1; i >= s.w0; i-- {
		m := a.rec.MentionAt(i)
		if m == nil || m.Entity == nil {
			continue
		}
		if m.Entity.Type == diplograph.EntityCountry && m.Kind != recognize.MentionDemonym {
			return m.Entity
		}
		i = m.W0
	}
	return nil
}

// possessiveAfter reports whether "its" or "their" follows an English topic phrase after a
// preposition: "humanitarian aid to its civilians", "the unity of its territory".
func (a *article) possessiveAfter(t match) bool {
	words := a.doc.Words
	if t.w1+1 >= len(words) || words[t.w1].Gap != 0 || words[t.w1+1].Gap != 0 || !ofWords[words[t.w1].Key] {
		return false
	}
	return possessiveWords[words[t.w1+1].Key] && words[t.w1+1].Key != "his" && words[t.w1+1].Key != "her"
}

// conflictTopics are the topics about a state in conflict whose state news often leaves unsaid once
// named: the truce, the aid, the talks, the return of refugees, the rebuilding.
var conflictTopics = map[diplograph.Topic]bool{
	diplograph.TopicCeasefire: true, diplograph.TopicHumanitarianAid: true, diplograph.TopicPoliticalSettlement: true,
	diplograph.TopicRefugeeReturn: true, diplograph.TopicReconstruction: true,
}

// antecedentState returns the state a pronoun or "البلاد" in a topic phrase refers to: the last state
// named before the phrase in the sentence ("أن لبنان يلتزم … حفاظاً على وحدته"), else the target of
// the last position.
func (a *article) antecedentState(s *sent, t match) *recognize.Entity {
	for i := t.w0 - 1; i >= s.w0; i-- {
		if m := a.rec.MentionAt(i); m != nil && m.Entity != nil && m.Entity.Type == diplograph.EntityCountry {
			return m.Entity
		}
	}
	if a.lastTarget != "" {
		return a.entityByID(a.lastTarget)
	}
	return nil
}

// actorTarget finds the state that acts: a nisba or demonym next to the phrase ("الانتهاكات
// الإسرائيلية", "Israeli strikes"), or "by X".
func (a *article) actorTarget(s *sent, t match) *recognize.Entity {
	words := a.doc.Words
	if words[t.w0].Script == normalize.ScriptArabic {
		for i := t.w0 + 1; i < min(s.w1, t.w1+3); i++ {
			m := a.rec.MentionAt(i)
			if m == nil {
				continue
			}
			if m.Entity != nil && m.Entity.Type == diplograph.EntityCountry && m.Kind == recognize.MentionDemonym {
				return m.Entity
			}
			break
		}
		if e := a.genitiveActor(t); e != nil {
			return e
		}
		if e := a.addresseeActor(t); e != nil {
			return e
		}
		// "من قبل إسرائيل"
		return a.afterWords(s, t, byWords, 5, "")
	}
	// "Iran's ballistic missile attack", "Israeli air strikes" (a name alone is where: "Gaza violence").
	if e := a.modifierActor(s, t); e != nil {
		return e
	}
	if e := a.afterWords(s, t, byWords, 4, ""); e != nil {
		return e
	}
	// "press Israel to halt its strikes": the possessive refers to the state named before.
	for i := t.w0 - 1; i >= max(s.w0, t.w0-3); i-- {
		if k := a.doc.Words[i].Key; k == "its" || k == "their" {
			return a.antecedentState(s, match{w0: i})
		}
	}
	return nil
}

// modifierActor returns the state an English phrase of action names as its doer before it: a demonym
// or a possessive within four words, with adjectives between ("Iran's ballistic missile attack",
// "Israeli air strikes"), or the subject of an infinitive ("Israel to withdraw").
func (a *article) modifierActor(s *sent, t match) *recognize.Entity {
	words := a.doc.Words
	for i := t.w0 - 1; i >= max(s.w0, t.w0-4); i-- {
		if words[i+1].Gap != 0 && words[i+1].Gap != '-' {
			return nil
		}
		m := a.rec.MentionAt(i)
		if m == nil {
			continue
		}
		if m.Entity == nil || m.Entity.Type != diplograph.EntityCountry {
			return nil
		}
		if m.Kind == recognize.MentionDemonym || strings.HasSuffix(words[m.W1-1].Key, "'s") {
			return m.Entity
		}
		if m.W1 == t.w0-1 && words[m.W1].Key == "to" {
			return m.Entity // "pressure on Israel to withdraw": the subject of the infinitive
		}
		return nil
	}
	return nil
}

// addresseeActor returns the state an appeal is addressed to when the thing asked follows it with ب:
// "مطالباً إسرائيل بالانسحاب" asks Israel to withdraw.
func (a *article) addresseeActor(t match) *recognize.Entity {
	w := &a.doc.Words[t.w0]
	if t.w0 == 0 || w.Gap != 0 || !strings.HasPrefix(w.Key, "ب") || len(w.Stems()) < 2 {
		return nil
	}
	m := a.rec.MentionAt(t.w0 - 1)
	if m == nil || m.Entity == nil || m.Entity.Type != diplograph.EntityCountry || m.Kind == recognize.MentionDemonym {
		return nil
	}
	return m.Entity
}

// genitiveActor returns the state named right after an Arabic verbal noun and followed by the thing
// acted on with ل: the masdar's subject, "احتلال إسرائيل للمنطقة العازلة" (Israel's occupation of the
// zone). Without the ل the genitive is the object: "احتلال العراق" is the occupation of Iraq.
func (a *article) genitiveActor(t match) *recognize.Entity {
	words := a.doc.Words
	m := a.rec.MentionAt(t.w1)
	if m == nil || m.Entity == nil || m.Entity.Type != diplograph.EntityCountry || m.W0 != t.w1 || a.proclitic(m) != "" ||
		m.W1 >= len(words) || words[m.W1].Gap != 0 {
		return nil
	}
	if k := words[m.W1].Key; strings.HasPrefix(k, "ل") && len(words[m.W1].Stems()) > 1 {
		return m.Entity
	}
	return nil
}

// adjacentCountry returns the first state named within n words after (right) or before the topic
// phrase, skipping a state equal to exclude.
func (a *article) adjacentCountry(s *sent, t match, n int, right bool, exclude string) *recognize.Entity {
	words := a.doc.Words
	if right {
		for i := t.w0 + 1; i < min(s.w1, t.w1+n); i++ {
			if i > t.w1 && (words[i].Gap == ',' || words[i].Gap == '،' || words[i].Gap == '.') {
				break
			}
			m := a.rec.MentionAt(i)
			if m == nil || m.Entity == nil {
				continue
			}
			if m.Entity.Type == diplograph.EntityCountry && m.Entity.Code != exclude && (m.W0 == t.w1 || !a.placeAsName(m)) {
				return m.Entity
			}
			i = m.W1 - 1
		}
		return nil
	}
	for i := t.w0 - 1; i >= max(s.w0, t.w0-n); i-- {
		if words[i+1].Gap == ',' || words[i+1].Gap == '.' {
			break
		}
		m := a.rec.MentionAt(i)
		if m == nil || m.Entity == nil {
			continue
		}
		if m.Entity.Type == diplograph.EntityCountry && m.Entity.Code != exclude {
			return m.Entity
		}
		i = m.W0
	}
	return nil
}

// placeAsName reports whether a city names a meeting, an agreement or a statement held there, in the
// genitive of its noun: "الحل القائم على بيان جنيف" (the Geneva communiqué) speaks of no Swiss matter,
// while "عبر معبر رفح", "في غزة" speak of Palestinian ones.
func (a *article) placeAsName(m *recognize.Mention) bool {
	if m.Kind != recognize.MentionPlace || a.proclitic(m) != "" || m.W0 == 0 || a.doc.Words[m.W0].Gap != 0 {
		return false
	}
	if prev := &a.doc.Words[m.W0-1]; documentWords[prev.Key] || documentWords[baseKey(prev)] {
		return true
	}
	for k := max(0, m.W0-2); k < m.W0; k++ {
		if e, ok := a.trig.Events.MatchAt(a.doc, k); ok && e.W1 == m.W0 {
			return true
		}
		if sp, ok := a.trig.Speech.MatchAt(a.doc, k); ok && sp.W1 == m.W0 {
			return true
		}
	}
	return false
}

// isAdjective reports whether the state is named by a nisba right after the phrase ("العقوبات
// الأمريكية": the state imposing, not the one sanctioned).
func (a *article) isAdjective(e *recognize.Entity, t match) bool {
	m := a.rec.MentionAt(t.w1)
	return m != nil && m.Entity == e && m.Kind == recognize.MentionDemonym
}

// afterWords returns the first state named within n words after one of the given words that follows
// the topic phrase ("العلاقات مع روسيا", "sanctions on Iran"), skipping exclude.
func (a *article) afterWords(s *sent, t match, set map[string]bool, n int, exclude string) *recognize.Entity {
	words := a.doc.Words
	// A name counts as one word: "العقوبات التي فرضتها الولايات المتحدة والاتحاد الأوروبي على سوريا".
	for i, seen := t.w1, 0; i < s.w1 && seen < n; i, seen = i+1, seen+1 {
		if i > t.w1 && (words[i].Gap == '.' || words[i].Gap == ';') {
			break
		}
		if m := a.rec.MentionAt(i); m != nil {
			// "بالاتفاق مع الجانب السوري": the proclitic may carry the word ("مع" is a word, but "لسوريا"
			// carries ل).
			i = m.W1 - 1
			continue
		}
		if !set[words[i].Key] && !set[baseKey(&words[i])] {
			continue
		}
		for j := i + 1; j < min(s.w1, i+4); j++ {
			m := a.rec.MentionAt(j)
			if m == nil || m.Entity == nil {
				if k := baseKey(&words[j]); j == i+1 && a.isDelegationWord(j) || k == "the" || k == "9" || words[j].Number {
					continue
				}
				continue
			}
			var c string
			switch m.Entity.Type {
			case diplograph.EntityCountry:
				c = m.Entity.Code
			case diplograph.EntityPerson:
				c = m.Entity.CountryCode()
			}
			if c != "" && c != exclude {
				return a.countryEntity(c)
			}
			j = m.W1 - 1
		}
	}
	return nil
}

// countryEntity returns the entity of a state, creating it (without mentions) when the article does
// not name it, as a two-state position targets Palestine.
func (a *article) countryEntity(code string) *recognize.Entity {
	if e := a.rec.EntityByID("country:" + code); e != nil {
		return e
	}
	for _, e := range a.extra {
		if e.Code == code {
			return e
		}
	}
	c := a.lex.Countries[code]
	if c == nil {
		return nil
	}
	e := &recognize.Entity{ID: "country:" + code, Type: diplograph.EntityCountry, Code: code, Name: c.Name, NameAr: c.NameAr, Country: c}
	a.extra = append(a.extra, e)
	return e
}

// entityByID returns a recognized entity or one the relater added.
func (a *article) entityByID(id string) *recognize.Entity {
	if e := a.rec.EntityByID(id); e != nil {
		return e
	}
	for _, e := range a.extra {
		if e.ID == id {
			return e
		}
	}
	return nil
}
