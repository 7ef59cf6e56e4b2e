package relate

import (
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

// Words that change how the mentions after them are read (folded keys).
var (
	// topicWords introduce what is talked about: the states after them are topics, not parties.
	topicWords = foldSet("حول", "بشأن", "عن", "ازاء", "إزاء", "تجاه", "لاسيما", "سيما", "خاصة", "خصوصا", "ومنها",
		"منها", "الأوضاع", "أوضاع", "تطورات", "مستجدات", "الأزمة", "أزمة", "الملف", "ملف", "القضية", "قضية", "النزاع",
		"الصراع", "التطورات", "المستجدات", "الساحة", "الموقف", "العلاقات", "علاقات", "الحرب", "الوضع", "وضع",
		"on", "about", "regarding", "concerning", "over", "including", "situation", "crisis", "developments", "issue",
		"issues", "conflict", "war", "relations", "ties", "question", "file", "matters", "region",
		// English puts the object of a discussion after the verb: "discussed Syria, the war in Ukraine".
		"discussed", "discuss", "discusses", "discussing", "reviewed")
	// accreditedWords make the state after them part of an envoy's title: "السفير الأمريكي لدى تركيا".
	accreditedWords = foldSet("لدى")
	// letterWords name a message whose sender, after "من"/"from", is not a party to the meeting it is
	// handed at: "سلّمه رسالة خطية من الملك", "a message from President X".
	letterWords = foldSet("رسالة", "رسالتين", "الرسالة", "message", "letter")
	// greetingWords name greetings conveyed on someone's behalf, whose sender (right after them, or
	// after "of"/"from") is not a party either: "نقل إليه تحيات خادم الحرمين الشريفين الملك سلمان".
	greetingWords = foldSet("تحيات", "تحية", "تحياته", "تهاني", "تمنيات", "greetings", "regards", "wishes")
	// actorWords introduce parties: "مع", "بين", "with", "between".
	actorWords = foldSet("مع", "بين", "برفقة", "بحضور", "بمشاركة", "with", "between", "alongside", "joined")
	// placeWords introduce where something happens.
	placeWords = foldSet("في", "داخل", "بمقر", "مقر", "بقصر", "قصر", "من", "in", "at", "inside", "from", "near")
	// eraWords make the person after them a time or a topic, not a party: "منذ سقوط نظام بشار الأسد",
	// "under the Assad regime".
	eraWords = foldSet("نظام", "عهد", "حكم", "فترة", "ولاية", "زمن", "أيام", "رحيل", "سقوط", "مقتل", "اغتيال", "وفاة",
		"إدارة", "حكومة", "regime", "era", "administration", "rule", "death", "fall", "ouster", "assassination", "government")
	// genitiveWords make an English state after them a modifier: "the needs of Egypt".
	genitiveWords = foldSet("of")
	// destinationWords introduce where a visit goes.
	destinationWords = foldSet("إلى", "الى", "نحو", "لـ", "to", "into", "for")
)

func foldSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[normalize.Fold(w)] = true
	}
	return m
}

// actor is an entity named in a sentence, read as a party, a place or a destination.
type actor struct {
	entity *recognize.Entity
	m      *recognize.Mention
	w      int
	place  bool // named as where something happens: "في موسكو", "in Riyadh"
	dest   bool // named as where a visit goes: "إلى موسكو", "arrived in Riyadh" (also place)
	pair   bool // stands for "the two sides"
}

// baseKey returns a word's key without proclitics.
func baseKey(w *normalize.Word) string {
	st := w.Stems()
	return st[len(st)-1].Key
}

// proclitic returns the letters written before a mention inside its first word ("ب" in "بموسكو").
func (a *article) proclitic(m *recognize.Mention) string {
	w := &a.doc.Words[m.W0]
	if m.Start <= w.Start {
		return ""
	}
	return normalize.Fold(a.doc.Slice(w.Start, m.Start))
}

// prevKey returns the folded key of the word before w, when only space separates them.
func (a *article) prevKey(w int) string {
	if w == 0 || a.doc.Words[w].Gap != 0 {
		return ""
	}
	return a.doc.Words[w-1].Key
}

// isDelegationWord reports whether a word is a noun whose nationality stands for the state itself:
// "الوفد السوري", "الجانب الروسي", "وزارة الخارجية الأردنية", "the Russian side".
func (a *article) isDelegationWord(w int) bool {
	if w < 0 || w >= len(a.doc.Words) {
		return false
	}
	m, ok := a.trig.Relations.MatchAt(a.doc, w)
	if !ok || m.Values[0] != "delegation" {
		return false
	}
	// "إلى جانب الشعب السوري" is "beside the Syrian people", not "the Syrian side".
	return w == 0 || baseKey(&a.doc.Words[w-1]) != "الي"
}

// actors reads the entities named in words [from, to) of a sentence as parties, places or
// destinations. States named after topic words ("الأوضاع في سوريا", "the situation in Syria") are
// skipped; nisbas and demonyms count only beside a delegation word ("الوفد السوري").
func (a *article) actors(from, to int) []actor {
	var out []actor
	words := a.doc.Words
	topic := false
	for i := from; i < to; i++ {
		w := &words[i]
		if (w.Gap == ',' || w.Gap == '،' || w.Gap == ';' || w.Gap == '؛') && !a.countryListGoesOn(i) {
			topic = false
		}
		m := a.rec.MentionAt(i)
		if m == nil {
			key, base := w.Key, baseKey(w)
			switch {
			case actorWords[key] || actorWords[base]:
				if !(i > from && topicWords[words[i-1].Key]) {
					topic = false
				}
			case topicWords[key] || topicWords[base]:
				topic = true
			}
			if rm, ok := a.trig.Relations.MatchAt(a.doc, i); ok && !topic && (rm.Values[0] == "pair" || rm.Values[0] == "group") && !partnerWords[a.prevKey(i)] {
				for _, p := range a.focusOf(i, rm.Values[0] == "pair") {
					out = append(out, actor{entity: p.entity, w: i, pair: true})
				}
				i = rm.W1 - 1
			}
			continue
		}
		i = m.W1 - 1
		if m.Entity == nil {
			continue
		}
		act := actor{entity: m.Entity, m: m, w: m.W0}
		prev := a.prevKey(m.W0)
		pro := a.proclitic(m)
		switch m.Entity.Type {
		case diplograph.EntityPerson:
			if (!eraWords[prev] && !eraWords[baseKey(&words[max(m.W0-1, 0)])] || m.W0 == 0) && !a.messageSender(m) {
				out = append(out, act)
			}
			continue
		case diplograph.EntityOrganization:
			if !topic {
				out = append(out, act)
			}
			continue
		}
		// A state.
		if accreditedWords[prev] {
			continue
		}
		switch {
		case strings.Contains(pro, "ب") || placeWords[prev] || a.dateline(m) || m.Kind == recognize.MentionPlace && !destinationWords[prev] && !strings.Contains(pro, "ل"):
			act.place = true
		case a.coordinatedPlace(out, m):
			act.place = true // "after stops in Pakistan and India"
		case destinationWords[prev] || strings.HasSuffix(pro, "ل"):
			act.place, act.dest = true, true
		case genitiveWords[prev] && !a.relationEndsAt(m.W0-1):
			topic = true // "the needs of Egypt, Sudan and Ethiopia": the whole list
			continue
		case topic:
			continue
		case m.Kind == recognize.MentionDemonym:
			// "الوفد السوري", "وزارة الخارجية الأردنية" (Arabic: the noun before); "the Russian side",
			// "Syrian officials" (English: the noun after).
			if w.Script == normalize.ScriptArabic && !a.isDelegationWord(m.W0-1) && !a.isDelegationWord(m.W0-2) && !a.afterEventNoun(m.W0) {
				continue
			}
			if w.Script == normalize.ScriptLatin && !a.isDelegationWord(m.W1) && !a.isDelegationWord(m.W1+1) {
				continue
			}
		case m.Kind == recognize.MentionName && w.Script == normalize.ScriptLatin && m.W1 < len(words) && words[m.W1].Gap == 0 && a.isDelegationWord(m.W1):
			// "Jordan's Foreign Ministry": the state itself.
		}
		out = append(out, act)
	}
	return out
}

// relationEndsAt reports whether a relation word ("The Foreign Ministers", "the delegations") ends
// right before word w: "The Foreign Ministers of Iraq, Jordan and Lebanon" names parties, not topics.
func (a *article) relationEndsAt(w int) bool {
	for k := max(0, w-4); k < w; k++ {
		if rm, ok := a.trig.Relations.MatchAt(a.doc, k); ok && rm.W1 == w {
			return true
		}
	}
	return false
}

// coordinatedPlace reports whether a state follows a place named just before it with "and"/"و":
// "in Pakistan and India", "في غزة ولبنان" name two places.
func (a *article) coordinatedPlace(acts []actor, m *recognize.Mention) bool {
	if len(acts) == 0 || !acts[len(acts)-1].place || acts[len(acts)-1].m == nil {
		return false
	}
	prev := acts[len(acts)-1].m
	return m.W0 == prev.W1+1 && a.doc.Words[prev.W1].Key == "and" || m.W0 == prev.W1 && a.proclitic(m) == "و"
}

// dateline reports whether a mention is the dateline that opens a story ("CAIRO —", "عمّان -",
// "PARIS, Jan. 13, 2014 (Press Service) —"): where it was written, not a party.
func (a *article) dateline(m *recognize.Mention) bool {
	words := a.doc.Words
	if a.doc.Sentences[words[m.W0].Sentence].W0 != m.W0 {
		return false
	}
	for i := m.W1; i < len(words) && i < m.W1+8; i++ {
		switch words[i].Gap {
		case '-', '—', '–':
			return true
		}
	}
	return false
}

// messageSender reports whether a person is named as the sender of a message: after "من"/"from"
// within a few words of a letter noun ("رسالة خطية من خادم الحرمين الشريفين"), or as the one whose
// greetings are conveyed ("تحيات الملك", "the greetings of King X").
func (a *article) messageSender(m *recognize.Mention) bool {
	if m.W0 == 0 {
		return false
	}
	// Greetings: the sender follows within a few words (his titles and honorifics in between).
	for i := m.W0 - 1; i >= max(0, m.W0-5); i-- {
		w := &a.doc.Words[i]
		if greetingWords[w.Key] || greetingWords[baseKey(w)] {
			return true
		}
		if w.Gap == ',' || w.Gap == '،' || w.Gap == '.' {
			break
		}
	}
	if k := baseKey(&a.doc.Words[m.W0-1]); k != "من" && k != "from" {
		return false
	}
	for i := m.W0 - 2; i >= max(0, m.W0-4); i-- {
		if letterWords[a.doc.Words[i].Key] || letterWords[baseKey(&a.doc.Words[i])] {
			return true
		}
	}
	return false
}

// countriesOf returns the distinct states the parties stand for, in order.
func countriesOf(ps []*party) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ps {
		c := p.entity.CountryCode()
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// addParty adds an entity to a list unless it is there.
func addParty(ps []*party, e *recognize.Entity, w int) []*party {
	for _, p := range ps {
		if p.entity == e {
			return ps
		}
	}
	return append(ps, &party{entity: e, w: w})
}

// afterEventNoun reports whether the nisba at w qualifies an event noun, alone or after other
// nisbas: "المباحثات الإيرانية السعودية" are talks between Iran and Saudi Arabia.
func (a *article) afterEventNoun(w int) bool {
	for w > 0 && a.doc.Words[w].Gap == 0 {
		if m := a.rec.MentionAt(w - 1); m != nil && m.Kind == recognize.MentionDemonym {
			w = m.W0
			continue
		}
		m, ok := a.trig.Events.MatchAt(a.doc, w-1)
		return ok && m.W1 == w && m.Values[0].Form == "noun"
	}
	return false
}

// countryListGoesOn reports whether the word at i continues a list of states ("Egypt, Sudan, and
// Ethiopia"): a state, or "and"/"و" and a state.
func (a *article) countryListGoesOn(i int) bool {
	for j := i; j < min(i+2, len(a.doc.Words)); j++ {
		if m := a.rec.MentionAt(j); m != nil && m.Entity != nil && m.Entity.Type == diplograph.EntityCountry {
			return true
		}
		if k := a.doc.Words[j].Key; k != "and" && k != "و" {
			return false
		}
	}
	return false
}
