package recognize

import (
	"net/url"
	"strings"
	"sync"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
)

// scan holds the state of one left-to-right pass over an article.
type scan struct {
	rz  *Recognizer
	lex *lexicon.Lexicon
	doc *normalize.Doc
	res *Result

	// surnames maps the folded surname of each person named in full so far to that person.
	surnames map[string]*Entity
	// textRoles are the roles the text itself states for a person (title patterns), by entity.
	textRoles map[*Entity][]textRole
	// lexRoles caches the lexicon's roles of each person at the article's date (see lexiconRoles).
	lexRoles map[*Entity][]diplograph.Role
	// lastPerson is the most recent person mention, for "نظيره" and title-only references.
	lastPersons []*Mention
	// ambiguous are state names that are also common words, met without their cue (resolveAmbiguous).
	ambiguous []normalize.PhraseMatch[*lexicon.Name]
	// deferred are ambiguous name matches decided once the unambiguous countries are known.
	deferred []deferredName
	// covered marks the words already taken by a mention.
	covered []bool
	// kingdoms are the words "المملكة"/"the Kingdom" standing alone, resolved at the end.
	kingdoms []int
	// lastInstitution is the last nationality that qualified a ministry or government ("وزارة
	// الخارجية الأردنية", "Jordan's Foreign Ministry").
	lastInstitution *Mention
}

// governmentWords are the institutions whose nationality later titles without one inherit.
var governmentWords = foldKeys(map[string]bool{
	"وزارة": true, "الوزارة": true, "الخارجية": true, "خارجية": true, "الحكومة": true, "حكومة": true,
	"الرئاسة": true, "رئاسة": true, "المغتربين": true, "الدبلوماسية": true, "بيان": true, "البيان": true,
	"ministry": true, "government": true, "foreign": true, "office": true, "presidency": true,
})

type deferredName struct {
	m    normalize.PhraseMatch[*lexicon.Name]
	kind MentionKind
}

func (s *scan) run() {
	s.surnames = map[string]*Entity{}
	s.textRoles = map[*Entity][]textRole{}
	words := s.doc.Words
	for i := 0; i < len(words); {
		if n := s.at(i); n > i {
			i = n
			continue
		}
		i++
	}
	s.resolveDeferred()
	s.resolveAmbiguous()
	s.resolveKingdoms()
}

// resolveAmbiguous takes the state names that are also common words ("مالي": Mali, or "financial"),
// met without a cue, for the state when the article names that state otherwise too. Only names: a
// nisba without its cue ("الدعم المالي") stays an adjective even in an article about Mali.
func (s *scan) resolveAmbiguous() {
	for _, m := range s.ambiguous {
		if m.W0 < len(s.covered) && s.covered[m.W0] {
			continue
		}
		for _, n := range m.Values {
			if n.Kind == lexicon.NameCountry && n.Country != nil && s.res.byID["country:"+n.Country.Code] != nil {
				s.place(m, n)
				break
			}
		}
	}
	s.ambiguous = nil
}

// at tries every pattern at word i and returns the word after what it consumed (i when nothing).
func (s *scan) at(i int) int {
	if n, ok := s.titled(i); ok {
		return n
	}
	if n, ok := s.honorificName(i); ok {
		return n
	}
	if n, ok := s.surnameAt(i); ok {
		return n
	}
	if m, ok := s.lex.MatchName(s.doc, i); ok {
		return s.named(m)
	}
	if m, ok := s.lex.MatchAmbiguousName(s.doc, i); ok {
		s.ambiguous = append(s.ambiguous, m) // decided at the end (resolveAmbiguous)
	}
	if n, ok := s.englishName(i); ok {
		return n
	}
	if n, ok := s.counterpart(i); ok {
		return n
	}
	if s.kingdomWord(i) {
		s.kingdoms = append(s.kingdoms, i)
		return i + 1
	}
	return i
}

// kingdomWord reports whether word i is "المملكة" or "the Kingdom" standing alone for a state.
func (s *scan) kingdomWord(i int) bool {
	w := &s.doc.Words[i]
	switch w.Script {
	case normalize.ScriptArabic:
		for _, st := range w.Stems() {
			if st.Key == "المملكه" {
				return true
			}
		}
	case normalize.ScriptLatin:
		return w.Key == "kingdom" && w.Cap && i > 0 && s.doc.Words[i-1].Key == "the" || w.Key == "kingdom's" && w.Cap
	}
	return false
}

// resolveKingdoms decides which state "المملكة" alone stands for: the kingdom the article names most
// (its officials included), or the outlet's home state when it is a kingdom.
func (s *scan) resolveKingdoms() {
	if len(s.kingdoms) == 0 {
		return
	}
	best, bestN := "", 0
	for _, code := range s.lex.Kingdoms {
		n := 0
		if e := s.res.byID["country:"+code]; e != nil {
			n += len(e.Mentions)
		}
		for _, e := range s.res.Entities {
			if e.Type == diplograph.EntityPerson {
				for r := range s.rolesSoFar(e) {
					if r.Country == code {
						n += len(e.Mentions)
						break
					}
				}
			}
		}
		if n > bestN || n == bestN && n > 0 && code == s.res.Home {
			best, bestN = code, n
		}
	}
	if best == "" {
		for _, code := range s.lex.Kingdoms {
			if code == s.res.Home {
				best = code
			}
		}
	}
	if best == "" {
		return
	}
	e := s.countryByCode(best)
	for _, i := range s.kingdoms {
		w := &s.doc.Words[i]
		start := w.Start
		for _, st := range w.Stems() {
			if st.Key == "المملكه" {
				start = s.doc.StemStart(w, st)
			}
		}
		s.addMention(e, &Mention{W0: i, W1: i + 1, Start: start, End: w.End, NameStart: start, Kind: MentionName, Nationality: best})
	}
}

// named records a lexicon name match and returns the word after it.
func (s *scan) named(m normalize.PhraseMatch[*lexicon.Name]) int {
	vals := m.Values
	if len(vals) > 1 {
		if v := s.choosePersonOrOther(m); v != nil {
			vals = []*lexicon.Name{v}
		}
	}
	if len(vals) > 1 && !sameCountry(vals) {
		s.deferred = append(s.deferred, deferredName{m: m})
		return m.W1
	}
	n := vals[0]
	if n.Kind == lexicon.NamePerson && s.namesAFacility(m) {
		return m.W1 // "مطار رفيق الحريري", "John F. Kennedy Airport": a place named after the person
	}
	if n.Kind == lexicon.NamePerson {
		p := s.pickPerson(vals)
		e := s.person(p, "", "")
		s.addMention(e, &Mention{W0: m.W0, W1: m.W1, Start: m.Start, End: m.End, NameStart: m.Start, Kind: MentionName})
		s.nestedCountries(m.W0+1, m.W1)
		// "Prime Minister Netanyahu of Israel", "King Abdullah of Jordan": nothing to add, the
		// lexicon knows the state; but "Bashar al-Assad, the former president" is read by apposition.
		if n2, ok := s.apposition(e, m.W1); ok {
			return n2
		}
		return m.W1
	}
	s.place(m, n)
	return m.W1
}

// facilityBefore and facilityAfter are nouns of places named after people.
var (
	facilityBefore = foldKeys(map[string]bool{"مطار": true, "شارع": true, "مستشفى": true, "جامعة": true, "ملعب": true,
		"ساحة": true, "مسجد": true, "مدرسة": true, "جسر": true, "قاعة": true, "مركز": true, "مؤسسة": true, "جائزة": true,
		"ميناء": true, "مرفأ": true, "مدينة": true, "قاعدة": true, "سد": true, "ضريح": true, "نفق": true})
	facilityAfter = foldKeys(map[string]bool{"airport": true, "international": true, "street": true, "hospital": true,
		"university": true, "stadium": true, "square": true, "mosque": true, "bridge": true, "foundation": true,
		"center": true, "centre": true, "prize": true, "avenue": true, "boulevard": true, "dam": true, "port": true})
)

// namesAFacility reports whether a person's name is part of a place's name: "مطار رفيق الحريري",
// "Rafic Hariri International Airport".
func (s *scan) namesAFacility(m normalize.PhraseMatch[*lexicon.Name]) bool {
	words := s.doc.Words
	if m.W0 > 0 && words[m.W0].Gap == 0 {
		st := words[m.W0-1].Stems()
		if facilityBefore[words[m.W0-1].Key] || facilityBefore[st[len(st)-1].Key] {
			return true
		}
	}
	return m.W1 < len(words) && words[m.W1].Gap == 0 && words[m.W1].Script == normalize.ScriptLatin && words[m.W1].Cap && facilityAfter[words[m.W1].Key]
}

// nestedCountries records the states named inside a person's name as the lexicon writes it ("King
// Abdullah of Jordan"): they count as mentioned, but the words stay the person's.
func (s *scan) nestedCountries(w0, w1 int) {
	for k := w0; k < w1; k++ {
		nm, ok := s.lex.MatchName(s.doc, k)
		if !ok || nm.W1 > w1 {
			continue
		}
		for _, v := range nm.Values {
			if v.Kind == lexicon.NameCountry || v.Kind == lexicon.NameDemonym {
				e := s.country(v.Country)
				m := &Mention{W0: nm.W0, W1: nm.W1, Start: nm.Start, End: nm.End, NameStart: nm.Start, Kind: MentionName,
					Nationality: v.Country.Code, Entity: e, Sentence: s.doc.Words[nm.W0].Sentence}
				e.Mentions = append(e.Mentions, m)
				break
			}
		}
		k = nm.W1 - 1
	}
}

// place records a country, organization or place name.
func (s *scan) place(m normalize.PhraseMatch[*lexicon.Name], n *lexicon.Name) {
	switch n.Kind {
	case lexicon.NameOrg:
		e := s.org(n.Org)
		s.addMention(e, &Mention{W0: m.W0, W1: m.W1, Start: m.Start, End: m.End, NameStart: m.Start, Kind: MentionName})
	case lexicon.NameCountry, lexicon.NameDemonym, lexicon.NameCapital, lexicon.NameSeat, lexicon.NamePlace:
		kind := map[lexicon.NameKind]MentionKind{lexicon.NameCountry: MentionName, lexicon.NameDemonym: MentionDemonym,
			lexicon.NameCapital: MentionCapital, lexicon.NameSeat: MentionSeat, lexicon.NamePlace: MentionPlace}[n.Kind]
		e := s.country(n.Country)
		mm := &Mention{W0: m.W0, W1: m.W1, Start: m.Start, End: m.End, NameStart: m.Start, Kind: kind,
			Place: n.Place, Nationality: n.Country.Code}
		s.addMention(e, mm)
		s.noteInstitution(mm)
	}
}

// noteInstitution remembers a nationality that qualifies a government body: the word before it in
// Arabic ("وزارة الخارجية الأردنية"), the word after it in English ("Jordan's Foreign Ministry").
func (s *scan) noteInstitution(m *Mention) {
	words := s.doc.Words
	if m.W0 > 0 && words[m.W0].Gap == 0 && words[m.W0].Script == normalize.ScriptArabic {
		st := words[m.W0-1].Stems()
		if governmentWords[words[m.W0-1].Key] || governmentWords[st[len(st)-1].Key] {
			s.lastInstitution = m
			return
		}
	}
	if m.W1 < len(words) && words[m.W1].Gap == 0 && words[m.W1].Script == normalize.ScriptLatin && governmentWords[words[m.W1].Key] {
		s.lastInstitution = m
	}
}

// sameCountry reports whether every value names the same state (and none a person or organization),
// as "سورية" the country and "سورية" the feminine nisba do.
func sameCountry(vals []*lexicon.Name) bool {
	for _, v := range vals {
		if v.Country == nil || v.Kind == lexicon.NamePerson || v.Kind == lexicon.NameOrg || v.Country != vals[0].Country {
			return false
		}
	}
	return true
}

// addMention attaches a mention to an entity and records it.
func (s *scan) addMention(e *Entity, m *Mention) {
	m.Entity = e
	if m.W0 < len(s.doc.Words) {
		m.Sentence = s.doc.Words[m.W0].Sentence
	}
	e.Mentions = append(e.Mentions, m)
	s.res.Mentions = append(s.res.Mentions, m)
	if e.Type == diplograph.EntityPerson {
		s.lastPersons = append(s.lastPersons, m)
	}
}

// country returns the entity of a state, creating it on first use.
func (s *scan) country(c *lexicon.Country) *Entity {
	id := "country:" + c.Code
	if e := s.res.byID[id]; e != nil {
		return e
	}
	e := &Entity{ID: id, Type: diplograph.EntityCountry, Code: c.Code, Name: c.Name, NameAr: c.NameAr, Country: c}
	s.res.byID[id] = e
	s.res.Entities = append(s.res.Entities, e)
	return e
}

// countryByCode returns the entity of a state by ISO code, or nil when the lexicon does not know it.
func (s *scan) countryByCode(code string) *Entity {
	if c := s.lex.Countries[code]; c != nil {
		return s.country(c)
	}
	return nil
}

// org returns the entity of an organization.
func (s *scan) org(o *lexicon.Org) *Entity {
	id := o.ID()
	if e := s.res.byID[id]; e != nil {
		return e
	}
	e := &Entity{ID: id, Type: diplograph.EntityOrganization, Code: o.Code, Name: o.Name, NameAr: o.NameAr, Org: o}
	s.res.byID[id] = e
	s.res.Entities = append(s.res.Entities, e)
	return e
}

// person returns the entity of a known official (p set) or of a person named nameText in the text.
func (s *scan) person(p *lexicon.Person, nameText, key string) *Entity {
	var id string
	if p != nil {
		id = p.ID
	} else {
		id = "person:" + slug(key)
	}
	if e := s.res.byID[id]; e != nil {
		return e
	}
	e := &Entity{ID: id, Type: diplograph.EntityPerson, Person: p}
	if p != nil {
		e.Name, e.NameAr, e.Wikidata = p.Name, p.NameAr, p.Wikidata
		if e.Name == "" {
			e.Name = p.NameAr
		}
		e.surname = surnameKey(p.Name)
		for _, n := range append([]string{p.NameAr}, p.Aliases...) {
			if k := surnameKey(n); k != "" && s.surnames[k] == nil && !s.lex.IsStopKey(k) {
				s.surnames[k] = e
			}
		}
	} else {
		e.Name = nameText
		if s.res.Language == "ar" || normalize.IsArabicLetter([]rune(nameText + " ")[0]) {
			e.NameAr = nameText
		}
		e.surname = lastWordKey(key)
	}
	if e.surname != "" && !s.lex.IsStopKey(e.surname) && strings.Contains(strings.TrimSpace(key+" "+e.Name), " ") {
		if s.surnames[e.surname] == nil {
			s.surnames[e.surname] = e
		}
	}
	s.res.byID[id] = e
	s.res.Entities = append(s.res.Entities, e)
	return e
}

// surnameKey returns the folded key of the last word of a full name, or "" for a one-word name. The
// names come from the lexicon, so the keys are computed once per name and kept.
func surnameKey(name string) string {
	if k, ok := surnameCache.Load(name); ok {
		return k.(string)
	}
	d := normalize.NewDoc(name)
	k := ""
	if len(d.Words) >= 2 {
		k = d.Words[len(d.Words)-1].Key
	}
	surnameCache.Store(name, k)
	return k
}

// surnameCache maps a name to its surname key (surnameKey).
var surnameCache sync.Map

func lastWordKey(key string) string {
	f := strings.Fields(key)
	if len(f) < 2 {
		return ""
	}
	return f[len(f)-1]
}

// pickPerson chooses among known persons sharing a name: the one in office at the article's date,
// else the one whose last term ended most recently before it, else the first.
func (s *scan) pickPerson(vals []*lexicon.Name) *lexicon.Person {
	var persons []*lexicon.Person
	for _, v := range vals {
		if v.Kind == lexicon.NamePerson {
			persons = append(persons, v.Person)
		}
	}
	if len(persons) == 1 || s.res.Published.IsZero() {
		return persons[0]
	}
	for _, p := range persons {
		if len(p.TermsAt(s.res.Published)) > 0 {
			return p
		}
	}
	var best *lexicon.Person
	var bestEnd diplograph.Date
	for _, p := range persons {
		if t, ok := p.LastTermBefore(s.res.Published); ok && (best == nil || bestEnd.Before(t.To)) {
			best, bestEnd = p, t.To
		}
	}
	if best != nil {
		return best
	}
	return persons[0]
}

// choosePersonOrOther decides a phrase that is both a known person's alias and a country word (the
// surname "السوداني" and the nisba "Sudanese"): after a title or a common noun it is the nisba; else
// the person when in office at the article's date. It returns nil when the phrase is not of that kind.
func (s *scan) choosePersonOrOther(m normalize.PhraseMatch[*lexicon.Name]) *lexicon.Name {
	var person, other *lexicon.Name
	for _, v := range m.Values {
		if v.Kind == lexicon.NamePerson {
			if person == nil {
				person = v
			}
		} else if other == nil {
			other = v
		}
	}
	if person == nil || other == nil {
		return nil
	}
	if m.W0 > 0 {
		prev := &s.doc.Words[m.W0-1]
		if prev.Gap == 0 && !prev.Newline && s.doc.Words[m.W0].Gap == 0 {
			if _, ok := s.lex.MatchTitle(s.doc, m.W0-1); ok || s.lex.IsStopword(prev) {
				return other
			}
		}
	}
	if s.res.Published.IsZero() || len(person.Person.TermsAt(s.res.Published)) > 0 {
		return person
	}
	return other
}

// resolveDeferred decides ambiguous place names ("عمان": Oman or Amman) now that every unambiguous
// state of the article is known: a state already named wins; otherwise the country reading.
func (s *scan) resolveDeferred() {
	for _, dn := range s.deferred {
		m := dn.m
		var pick *lexicon.Name
		if prev := s.prevKey(m.W0); prev != "" {
			for _, v := range m.Values {
				if v.Kind == lexicon.NameCountry && (prev == "سلطنه" || prev == "دوله" || prev == "مملكه" || prev == "جمهوريه") {
					pick = v
				}
				if v.Kind == lexicon.NameCapital && (prev == "العاصمه" || prev == "عاصمه") {
					pick = v
				}
			}
		}
		if pick == nil {
			for _, v := range m.Values {
				if v.Country != nil && s.res.byID["country:"+v.Country.Code] != nil {
					pick = v
					break
				}
			}
		}
		if pick == nil {
			for _, v := range m.Values {
				if v.Kind == lexicon.NameCountry {
					pick = v
					break
				}
			}
		}
		if pick == nil {
			pick = m.Values[0]
		}
		if pick.Kind == lexicon.NamePerson {
			e := s.person(pick.Person, "", "")
			s.addMention(e, &Mention{W0: m.W0, W1: m.W1, Start: m.Start, End: m.End, NameStart: m.Start, Kind: MentionName})
			continue
		}
		s.place(m, pick)
	}
}

// prevKey returns the key of the word before wi when nothing but space separates them.
func (s *scan) prevKey(wi int) string {
	if wi == 0 || s.doc.Words[wi].Gap != 0 {
		return ""
	}
	st := s.doc.Words[wi-1].Stems()
	return st[len(st)-1].Key
}

// homeCountry returns the state of the outlet: the country-code top-level domain of the article's URL
// ("https://example-news.sa/…" → SA), when the lexicon knows that state.
func homeCountry(lex *lexicon.Lexicon, a *diplograph.Article) string {
	if a.URL == "" {
		return ""
	}
	u, err := url.Parse(a.URL)
	if err != nil {
		return ""
	}
	host := u.Hostname()
	i := strings.LastIndexByte(host, '.')
	if i < 0 {
		return ""
	}
	tld := strings.ToUpper(host[i+1:])
	if tld == "UK" {
		tld = "GB"
	}
	if len(tld) == 2 && lex.Countries[tld] != nil && tld != "TV" && tld != "IO" && tld != "ME" && tld != "CO" && tld != "AI" {
		return tld
	}
	return ""
}
