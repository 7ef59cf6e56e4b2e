package recognize

import (
	"iter"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
)

// titleInfo is what a title phrase and the words around it say about an office.
type titleInfo struct {
	entry       *lexicon.TitleEntry
	w0, w1      int // the title phrase with its nationality and complements
	titleW0     int // where the title itself starts (after a nationality written before it)
	start       int // code-point offset of the first word
	country     string
	org         string
	former      bool
	nationality *Mention // the demonym or country mention giving the nationality, if any
}

// holderFrom takes the state (or organization) a nationality mention names as the title's holder.
func (t *titleInfo) holderFrom(m *Mention) {
	t.nationality = m
	if m.Entity.Type == diplograph.EntityOrganization {
		t.org = m.Entity.Code
		return
	}
	t.country = m.Nationality
}

// role returns the role the title states.
func (t *titleInfo) role(office string) diplograph.Role {
	r := diplograph.Role{Title: t.entry.Title, Country: t.country, Office: office, Former: t.former}
	if t.country == "" {
		if t.org != "" {
			r.Org = "org:" + t.org
		} else if t.entry.Country != "" {
			r.Country = t.entry.Country
		}
	}
	return r
}

// institutionWords may stand between a title and the nationality that qualifies it: "المتحدث باسم
// وزارة الخارجية السودانية", "أمير دولة قطر". Keys are folded when the package loads.
var institutionWords = foldKeys(map[string]bool{
	"وزاره": true, "الوزاره": true, "الخارجيه": true, "خارجيه": true, "الحكومه": true, "حكومه": true,
	"الرئاسه": true, "رئاسه": true, "الجيش": true, "الدفاع": true, "الداخليه": true, "دوله": true,
	"جمهوريه": true, "مملكه": true, "سلطنه": true, "اماره": true, "الدوله": true, "الجمهوريه": true,
	"المملكه": true, "السلطنه": true, "مجلس": true, "المجلس": true, "القياده": true, "البرلمان": true,
	"الشعب": true, "الامه": true, "النواب": true, "الشوري": true, "الخاص": true, "الخاصه": true,
	"الرسمي": true, "الرسميه": true, "الدائم": true, "الدائمه": true, "المكلف": true, "المكلفه": true,
	"المؤقت": true, "الموقت": true, "بالوكاله": true, "الجديد": true, "الجديده": true, "الحالي": true,
	"الاعلي": true, "العام": true, "الشؤون": true, "الخارجيه،": true, "حكومتها": true, "خارجيتها": true,
	"وزارتها": true, "بلاده": true, "للشؤون": true, "الدبلوماسيه": true, "الاول": true, "الانتقالي": true,
	"الشؤون الخارجيه": true, "لشؤون": true, "شؤون": true, "المسؤول": true, "عن": false,
	// portfolios coordinated in long ministry names
	"الهجره": true, "المغتربين": true, "الجاليه": true, "الوطنيه": true, "بالخارج": true, "الخارج": true,
	"المقيمين": true, "المغاربه": true, "التعاون": true, "الدولي": true, "الافريقي": true, "الافريقيه": true,
	"العربيه": true, "الاقليمي": true, "الاقتصاد": true, "التخطيط": true, "التجاره": true, "الصناعه": true,
	"الاستثمار": true, "الانتاج": true, "الحربي": true,
})

// foldKeys returns the map with every key folded (normalize.Fold), so that it can be written readably.
func foldKeys(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		if v {
			out[normalize.Fold(k)] = true
		}
	}
	return out
}

var formerWords = foldKeys(map[string]bool{
	"السابق": true, "السابقه": true, "الاسبق": true, "الاسبقه": true, "المخلوع": true, "المخلوعه": true,
	"الراحل": true, "الراحله": true, "المعزول": true, "المقال": true, "البائد": true,
	"former": true, "late": true, "ex": true, "deposed": true, "ousted": true,
})

// postingWords introduce the state an ambassador or envoy is posted to, which is not his own:
// "سفير X لدى Y", "المبعوث الأممي إلى سوريا", "ambassador to Syria".
var postingWords = foldKeys(map[string]bool{"لدى": true, "إلى": true, "to": true, "في": true})

// titled reads a person named with a title at word i: "وزير الخارجية السوري أسعد الشيباني", "Syrian
// Foreign Minister Asaad al-Shaibani", "President Biden", "الرئيس الروسي" (title only).
func (s *scan) titled(i int) (int, bool) {
	words := s.doc.Words
	var nat *Mention
	ti := i
	former := false
	// English: "former …", a nationality before the title ("Syrian Foreign Minister", "Russia's
	// Foreign Minister", "U.S. Secretary of State", "Kremlin spokesman", "UN envoy").
	if words[i].Script == normalize.ScriptLatin {
		if formerWords[words[i].Key] && i+1 < len(words) && (words[i+1].Gap == 0 || words[i+1].Gap == '-' && words[i].Key == "ex") {
			former = true
			ti = i + 1
		}
		if ti < len(words) && (words[ti].Key == "the" || words[ti].Key == "then") && ti+1 < len(words) {
			ti++
		}
		if ti+1 < len(words) {
			if nm, ok := s.lex.MatchName(s.doc, ti); ok && nm.W1 < len(words) && words[nm.W1].Gap == 0 && !words[nm.W1].Newline {
				if _, ok := s.lex.MatchTitle(s.doc, nm.W1); ok {
					if v := nationalityOf(nm.Values); v != nil {
						nat = s.nationalityMention(nm, v)
						ti = nm.W1
					}
				}
			}
		}
	}
	tm, ok := s.lex.MatchTitle(s.doc, ti)
	if !ok {
		return 0, false
	}
	// A longer lexicon name at the same place ("الملك سلمان", "Supreme Leader Ali Khamenei" as an
	// alias) is read as that name.
	if nat == nil && !former {
		if nm, ok := s.lex.MatchName(s.doc, i); ok && nm.W1 > tm.W1 {
			return 0, false
		}
	}
	// The same after a nationality, when the words after the title are no known name by themselves:
	// "Bahrain's King Hamad" is the alias "King Hamad" ("Hamad" alone names nobody).
	if nat != nil && ti > i {
		if nm, ok := s.lex.MatchName(s.doc, ti); ok && nm.W1 > tm.W1 && hasPerson(nm.Values) {
			if after, ok := s.lex.MatchName(s.doc, tm.W1); !ok || !hasPerson(after.Values) {
				return s.named(nm), true
			}
		}
	}
	info := &titleInfo{entry: tm.Values[0], w0: i, w1: tm.W1, titleW0: tm.W0, start: tm.Start, former: former}
	if nat != nil {
		info.holderFrom(nat)
	}
	for _, v := range tm.Values {
		// Prefer the reading of the title that holds for the nationality ("Secretary of State" is US).
		if nat != nil && v.Country == info.country {
			info.entry = v
		}
	}
	j := s.complement(info, tm.W1)
	// "Deputy Prime Minister and Foreign Minister Ayman Safadi", "نائب رئيس الوزراء ووزير الخارجية
	// أيمن الصفدي": two titles of one name. The name is read after the second; both roles are its.
	var first *titleInfo
	if second, k, ok := s.secondTitle(info, j); ok {
		first, info, j = info, second, k
	}
	if info.entry.NeedsCountry && info.country == "" && info.org == "" {
		if nat != nil {
			return nat.W1, true
		}
		return 0, false
	}
	nameStart := j
	j = s.skipHonorifics(j)
	// The name.
	if j < len(words) && !words[j].Newline && (words[j].Gap == 0 || words[j].Gap == ',' || words[j].Gap == '،') {
		if e, end, ok := s.nameAt(j, info); ok {
			s.recordTitled(e, info, nameStart, j, end)
			if first != nil {
				s.addTextRole(e, first.role(s.doc.Slice(words[first.titleW0].Start, words[first.w1-1].End)), nil)
			}
			if n2, ok := s.apposition(e, end); ok {
				return n2, true
			}
			return s.ofCountryAfter(e, info, end), true
		}
	}
	if info.entry.NeedsName || info.entry.NeedsCountry && info.country == "" && info.org == "" {
		if nat != nil {
			return nat.W1, true
		}
		return 0, false
	}
	// "الرئيس عون": a title before the surname of a person named in full earlier is that person's.
	if j < len(words) && words[j].Gap == 0 && !words[j].Newline {
		if e := s.surnameEntity(j); e != nil {
			s.recordTitled(e, info, nameStart, j, j+1)
			return j + 1, true
		}
	}
	// A title without a name stands for the person who holds it: "الرئيس الروسي", "the minister".
	if e := s.titleHolder(info); e != nil {
		m := &Mention{W0: info.w0, W1: info.w1, Start: info.start, End: words[info.w1-1].End, NameStart: info.start,
			Kind: MentionTitle, Nationality: info.country}
		s.addMention(e, m)
		s.markCovered(m)
		s.addTextRole(e, info.role(s.doc.Slice(words[tm.W0].Start, words[tm.W1-1].End)), nil)
		return info.w1, true
	}
	if nat != nil {
		return nat.W1, true
	}
	// Nothing to attach: still consume the title so that its nisba is read as part of it (the country
	// is recorded by the complement).
	return info.w1, info.country != "" || info.org != ""
}

// nationalityOf returns the country or organization a name before a title gives as nationality.
func nationalityOf(vals []*lexicon.Name) *lexicon.Name {
	for _, v := range vals {
		switch v.Kind {
		case lexicon.NameDemonym, lexicon.NameCountry, lexicon.NameSeat, lexicon.NameOrg, lexicon.NameCapital:
			return v
		}
	}
	return nil
}

// nationalityMention records the country or organization mention that qualifies a title.
func (s *scan) nationalityMention(nm normalize.PhraseMatch[*lexicon.Name], v *lexicon.Name) *Mention {
	if v.Kind == lexicon.NameOrg {
		e := s.org(v.Org)
		if m := sameSpan(e, nm.W0, nm.W1); m != nil {
			return m
		}
		m := &Mention{W0: nm.W0, W1: nm.W1, Start: nm.Start, End: nm.End, NameStart: nm.Start, Kind: MentionName}
		s.addMention(e, m)
		s.markCovered(m)
		return m
	}
	kind := MentionDemonym
	switch v.Kind {
	case lexicon.NameCountry:
		kind = MentionName
	case lexicon.NameSeat:
		kind = MentionSeat
	case lexicon.NameCapital:
		kind = MentionCapital
	}
	e := s.country(v.Country)
	// A title read and given up (an apposition that names someone else) may have recorded the same
	// words already.
	if m := sameSpan(e, nm.W0, nm.W1); m != nil {
		return m
	}
	m := &Mention{W0: nm.W0, W1: nm.W1, Start: nm.Start, End: nm.End, NameStart: nm.Start, Kind: kind, Nationality: v.Country.Code, Place: v.Place}
	s.addMention(e, m)
	s.markCovered(m)
	return m
}

// complement reads what follows a title and qualifies it — nationality (nisba, country, "of Cuba"),
// organization ("للأمم المتحدة", "الأممي"), institution words, "former" — and returns where the name
// may start.
func (s *scan) complement(info *titleInfo, j int) int {
	words := s.doc.Words
	limit := min(len(words), j+8)
	for j < limit {
		w := &words[j]
		if w.Newline || (w.Gap != 0 && w.Gap != '-' && !(w.Gap == ',' && formerWords[w.Key])) {
			break
		}
		key := w.Key
		switch {
		case formerWords[key] || strings.HasPrefix(key, "ex") && w.Script == normalize.ScriptLatin && key == "ex":
			info.former = true
			j++
			continue
		case institutionWords[key]:
			j++
			continue
		case w.Script == normalize.ScriptArabic && postingWords[key] && info.isPosting():
			// "سفير الأردن لدى سوريا": skip the host state.
			if nm, ok := s.lex.MatchName(s.doc, j+1); ok {
				s.named(nm)
				j = nm.W1
				continue
			}
			// "لدى المملكة", "في بلادنا": a host named by a common noun.
			if j+1 < len(words) && words[j+1].Gap == 0 && strings.HasPrefix(words[j+1].Key, "ال") {
				j += 2
				continue
			}
			return j
		case w.Script == normalize.ScriptLatin && (key == "of" || key == "for") && info.country == "" && info.org == "":
			if nm, ok := s.lex.MatchName(s.doc, j+1); ok {
				if v := nationalityOf(nm.Values); v != nil {
					info.holderFrom(s.nationalityMention(nm, v))
					j = nm.W1
					info.w1 = j
					continue
				}
			}
			return j
		}
		// "سفير خادم الحرمين الشريفين", "المبعوث الخاص للرئيس الروسي": a title in the genitive gives
		// the state the holder serves; it names no one here.
		if inner, ok := s.lex.MatchTitle(s.doc, j); ok && info.takesGenitive() && info.country == "" && info.org == "" {
			in := &titleInfo{entry: inner.Values[0], w0: j, w1: inner.W1, start: w.Start}
			k := s.complement(in, inner.W1)
			c := in.country
			if c == "" {
				c = inner.Values[0].Country
			}
			if c == "" && in.org == "" {
				return j
			}
			info.country, info.org, info.nationality = c, in.org, in.nationality
			j = k
			info.w1 = j
			continue
		}
		if w.Script == normalize.ScriptArabic && strings.HasPrefix(key, "و") && institutionWords[w.Stems()[len(w.Stems())-1].Key] {
			j++ // "وزير الخارجية والهجرة وشؤون المصريين بالخارج": a coordinated portfolio
			continue
		}
		if nm, ok := s.lex.MatchName(s.doc, j); ok {
			v := nationalityOf(nm.Values)
			if v == nil {
				return j // a person's name: the title ends here
			}
			if info.country != "" || info.org != "" {
				if v.Kind != lexicon.NameOrg || info.org != "" {
					return j
				}
			}
			info.holderFrom(s.nationalityMention(nm, v))
			j = nm.W1
			info.w1 = j
			continue
		}
		if w.Script == normalize.ScriptArabic && (key == "الاممي" || key == "الامميه" || key == "اممي") {
			if o := s.lex.Orgs["UN"]; o != nil {
				e := s.org(o)
				m := &Mention{W0: j, W1: j + 1, Start: w.Start, End: w.End, NameStart: w.Start, Kind: MentionDemonym}
				s.addMention(e, m)
				s.markCovered(m)
				if info.org == "" && info.country == "" {
					info.org = "UN"
				}
			}
			j++
			info.w1 = j
			continue
		}
		break
	}
	if j > info.w1 {
		info.w1 = j
	}
	return j
}

// takesGenitive reports whether the title is held on behalf of someone named after it: the
// ambassador, envoy, spokesman or adviser of a head of state ("سفير خادم الحرمين الشريفين").
func (t *titleInfo) takesGenitive() bool {
	switch t.entry.Title {
	case diplograph.TitleAmbassador, diplograph.TitleEnvoy, diplograph.TitleSpokesperson, diplograph.TitleOfficial,
		diplograph.TitleMinister:
		return true
	}
	return false
}

// isPosting reports whether the title is one whose holder is posted abroad.
func (t *titleInfo) isPosting() bool {
	switch t.entry.Title {
	case diplograph.TitleAmbassador, diplograph.TitleEnvoy:
		return true
	}
	return false
}

// skipHonorifics skips "الشيخ", "الدكتور", "Sheikh", "His Majesty" … before a name.
func (s *scan) skipHonorifics(j int) int {
	for k := 0; k < 3 && j < len(s.doc.Words); k++ {
		hm, ok := s.lex.MatchHonorific(s.doc, j)
		if !ok || s.doc.Words[j].Gap != 0 && k > 0 {
			break
		}
		j = hm.W1
	}
	return j
}

// nameAt reads the name of a person at word j after a title: a known official, or a name the
// lexicon does not know (Arabic: given names up to a family name; English: capitalized words).
func (s *scan) nameAt(j int, info *titleInfo) (*Entity, int, bool) {
	words := s.doc.Words
	if nm, ok := s.lex.MatchName(s.doc, j); ok {
		var persons []*lexicon.Name
		for _, v := range nm.Values {
			if v.Kind == lexicon.NamePerson {
				persons = append(persons, v)
			}
		}
		if len(persons) > 0 {
			// "أحمد بن عبدالعزيز قطان" is not the prince "أحمد بن عبدالعزيز": when the name goes on
			// past the lexicon's and the title does not fit the known person, it is someone else.
			if ext := s.readName(j); ext > nm.W1 && s.fittingPerson(persons, info) == nil && s.plausibleName(j, ext) {
				return s.unknownPerson(j, ext, info), ext, true
			}
			p := s.pickPersonFor(persons, info)
			e := s.person(p, "", "")
			// A known person written with more words than the lexicon has ("عادل بن أحمد الجبير" when
			// the lexicon has "عادل الجبير") is still that person: the extra words are read below.
			return e, nm.W1, true
		}
		return nil, 0, false
	}
	end := s.readName(j)
	if end <= j {
		return nil, 0, false
	}
	// One word after a title is a name only when the lexicon knows it as a surname of someone in
	// office, or in English when it is capitalized and not a common word.
	if end-j == 1 && words[j].Script == normalize.ScriptArabic || !s.plausibleName(j, end) {
		return nil, 0, false
	}
	// The person may already be named in the article: "Prime Minister Johnson" after "Boris Johnson",
	// "Foreign Minister Faisal" after "Prince Faisal bin Farhan".
	if e := s.surnames[words[end-1].Key]; e != nil && (end-j == 1 || sharesGivenName(e, words[j:end])) {
		return e, end, true
	}
	if end-j == 1 {
		if e := s.personWithWord(words[j].Key, info); e != nil {
			return e, end, true
		}
	}
	// Or known to the lexicon under a shorter form: "Joseph R. Biden" is "Joe Biden", whose surname
	// "Biden" is a listed alias; accepted when the title fits one of the person's terms.
	if nm, ok := s.lex.MatchName(s.doc, end-1); ok && nm.W1 == end {
		if p := s.fittingPerson(personsOf(nm.Values), info); p != nil {
			return s.person(p, "", ""), end, true
		}
	}
	return s.unknownPerson(j, end, info), end, true
}

// unknownPerson returns the entity of a person the lexicon does not know, named by words [j, end).
func (s *scan) unknownPerson(j, end int, info *titleInfo) *Entity {
	words := s.doc.Words
	return s.person(nil, s.doc.Slice(words[j].Start, words[end-1].End), keyOf(words[j:end]))
}

// personWithWord returns a person of the article one of whose name words is key and whose known
// roles fit the title.
func (s *scan) personWithWord(key string, info *titleInfo) *Entity {
	for _, e := range s.res.Entities {
		if e.Type != diplograph.EntityPerson {
			continue
		}
		found := false
		for _, n := range append([]string{e.Name, e.NameAr}, e.Aliases...) {
			for _, w := range normalize.NewDoc(n).Words {
				if w.Key == key {
					found = true
				}
			}
		}
		if !found {
			continue
		}
		for r := range s.rolesSoFar(e) {
			if sameTitle(r.Title, info.entry.Title) || r.Title == info.entry.Title {
				return e
			}
		}
	}
	return nil
}

// fittingPerson returns the known person whose terms fit a title (and its state, when given).
func (s *scan) fittingPerson(vals []*lexicon.Name, info *titleInfo) *lexicon.Person {
	for _, v := range vals {
		for _, t := range v.Person.Terms {
			if (t.Title == info.entry.Title || sameTitle(t.Title, info.entry.Title)) && (info.country == "" || t.Country == info.country) {
				return v.Person
			}
		}
	}
	return nil
}

// sharesGivenName reports whether the words of a name start like the entity's known name.
func sharesGivenName(e *Entity, ws []normalize.Word) bool {
	for _, n := range append([]string{e.Name, e.NameAr}, e.Person.Aliases...) {
		d := normalize.NewDoc(n)
		if len(d.Words) > 1 && d.Words[0].Key == ws[0].Key {
			return true
		}
	}
	return false
}

// pickPersonFor chooses among known persons sharing a name the one the title fits.
func (s *scan) pickPersonFor(vals []*lexicon.Name, info *titleInfo) *lexicon.Person {
	if len(vals) > 1 && info != nil {
		for _, v := range vals {
			for _, t := range v.Person.Terms {
				if t.Title == info.entry.Title && (info.country == "" || t.Country == info.country) && t.Covers(s.res.Published) {
					return v.Person
				}
			}
		}
	}
	return s.pickPerson(vals)
}

func keyOf(ws []normalize.Word) string {
	parts := make([]string, len(ws))
	for i := range ws {
		parts[i] = ws[i].Key
	}
	return strings.Join(parts, " ")
}

// sameSpan returns the mention of e over words [w0, w1), if it has one.
func sameSpan(e *Entity, w0, w1 int) *Mention {
	for i := len(e.Mentions) - 1; i >= 0; i-- {
		if m := e.Mentions[i]; m.W0 == w0 && m.W1 == w1 {
			return m
		}
	}
	return nil
}

// secondTitle reads a second title joined to the first by "and"/"و" at word j, before a name: it
// returns the second title, spanning both for the mention and taking the first one's nationality
// when it states none, with the word after it.
func (s *scan) secondTitle(first *titleInfo, j int) (*titleInfo, int, bool) {
	words := s.doc.Words
	if j+1 >= len(words) || words[j].Gap != 0 || words[j].Newline {
		return nil, j, false
	}
	at := j
	switch {
	case words[j].Script == normalize.ScriptLatin && words[j].Key == "and":
		at = j + 1
	case words[j].Script == normalize.ScriptArabic && strings.HasPrefix(words[j].Key, "و"):
	default:
		return nil, j, false
	}
	tm, ok := s.lex.MatchTitle(s.doc, at)
	if !ok || tm.W0 != at || at == j && tm.Start == words[j].Start {
		return nil, j, false // Arabic: the title must follow the proclitic و, not include it
	}
	second := &titleInfo{entry: tm.Values[0], w0: first.w0, w1: tm.W1, titleW0: tm.W0, start: first.start,
		country: first.country, org: first.org, former: first.former, nationality: first.nationality}
	for _, v := range tm.Values {
		if first.country != "" && v.Country == first.country {
			second.entry = v
		}
	}
	k := s.complement(second, tm.W1)
	// A name must follow: "the minister and the ambassador", "لأمير دولة قطر والرئيس المصري على
	// دورهما" are two people.
	n := s.skipHonorifics(k)
	if n >= len(words) || words[n].Gap != 0 || words[n].Newline {
		return nil, j, false
	}
	if nm, ok := s.lex.MatchName(s.doc, n); ok && hasPerson(nm.Values) {
		return second, k, true
	}
	if r := s.readName(n); r-n >= 2 || r-n == 1 && words[n].Script == normalize.ScriptLatin {
		return second, k, true
	}
	return nil, j, false
}

// recordTitled records a person named with a title.
func (s *scan) recordTitled(e *Entity, info *titleInfo, nameStart, j, end int) {
	words := s.doc.Words
	inherit := s.coordinated(info.w0)
	ctx := s.contextNationality(info.w0)
	m := &Mention{W0: info.w0, W1: end, Start: info.start, End: words[end-1].End, NameStart: words[j].Start,
		Kind: MentionTitled, Nationality: info.country}
	s.addMention(e, m)
	s.markCovered(m)
	office := s.doc.Slice(words[info.w0].Start, words[max(info.w0, nameStart-1)].End)
	if info.nationality != nil && info.nationality.W0 < info.w0 {
		office = s.doc.Slice(words[info.nationality.W1].Start, words[max(info.nationality.W1, nameStart-1)].End)
	}
	s.addTextRoleCtx(e, info.role(strings.TrimSpace(office)), inherit, ctx)
	if e.Person == nil && e.surname != "" && s.surnames[e.surname] == nil {
		s.surnames[e.surname] = e
	}
}

// ofCountryAfter reads "of Israel" after "Prime Minister Netanyahu" and returns the word after.
func (s *scan) ofCountryAfter(e *Entity, info *titleInfo, j int) int {
	words := s.doc.Words
	if info.country != "" || j+1 >= len(words) || words[j].Gap != 0 || words[j].Key != "of" {
		return j
	}
	nm, ok := s.lex.MatchName(s.doc, j+1)
	if !ok {
		return j
	}
	v := nationalityOf(nm.Values)
	if v == nil || v.Kind == lexicon.NameOrg && info.org != "" {
		return j
	}
	s.nationalityMention(nm, v)
	roles := s.textRoles[e]
	if n := len(roles); n > 0 {
		if v.Kind == lexicon.NameOrg {
			roles[n-1].role.Org = "org:" + v.Org.Code
		} else {
			roles[n-1].role.Country = v.Country.Code
		}
	}
	return nm.W1
}

// titleHolder returns the person a title without a name stands for: the official the lexicon says
// held it for that state on the article's date, or the last person of the article with that title.
func (s *scan) titleHolder(info *titleInfo) *Entity {
	t := info.entry.Title
	if !uniqueOffice(t) {
		return s.lastWith(func(r diplograph.Role) bool {
			return sameTitle(r.Title, t) && (info.country == "" || r.Country == info.country)
		})
	}
	if info.country != "" || info.org != "" {
		country := info.country
		if country == "" {
			country = "org:" + info.org
		}
		if !s.res.Published.IsZero() && !info.former {
			if ps := s.lex.HoldersAt(t, country, s.res.Published); len(ps) > 0 {
				return s.person(ps[0], "", "")
			}
		}
		// The last person of the article with that title and state.
		return s.lastWith(func(r diplograph.Role) bool {
			return sameTitle(r.Title, t) && (r.Country == info.country && info.country != "" || info.org != "" && r.Org == "org:"+info.org)
		})
	}
	if info.entry.Country != "" && !s.res.Published.IsZero() {
		if ps := s.lex.HoldersAt(t, info.entry.Country, s.res.Published); len(ps) > 0 {
			return s.person(ps[0], "", "")
		}
	}
	return s.lastWith(func(r diplograph.Role) bool { return sameTitle(r.Title, t) })
}

// uniqueOffice reports whether one person at a time holds the title for a state, so that the title
// and the state name the person: "the Russian president" does, "the American ambassador" does not.
func uniqueOffice(t diplograph.Title) bool {
	switch t {
	case diplograph.TitleHeadOfState, diplograph.TitlePresident, diplograph.TitleVicePresident, diplograph.TitleKing,
		diplograph.TitleEmir, diplograph.TitleSultan, diplograph.TitleCrownPrince, diplograph.TitlePrimeMinister,
		diplograph.TitleForeignMinister, diplograph.TitleDefenseMinister, diplograph.TitleInteriorMinister,
		diplograph.TitleSecretaryGeneral:
		return true
	}
	return false
}

// sameTitle reports whether a title mentioned without a name (t) may refer back to a person holding
// title r: the same title, or "the minister" for any minister, "the president" for a head of state.
func sameTitle(r, t diplograph.Title) bool {
	if r == t {
		return true
	}
	switch t {
	case diplograph.TitleMinister:
		return strings.HasSuffix(string(r), "MINISTER") && r != diplograph.TitlePrimeMinister
	case diplograph.TitlePresident:
		return r == diplograph.TitleHeadOfState
	case diplograph.TitleOfficial:
		return true
	}
	return false
}

// lastWith returns the person of the most recent person mention whose roles satisfy ok.
func (s *scan) lastWith(ok func(diplograph.Role) bool) *Entity {
	for i := len(s.lastPersons) - 1; i >= 0; i-- {
		e := s.lastPersons[i].Entity
		for r := range s.rolesSoFar(e) {
			if ok(r) {
				return e
			}
		}
	}
	return nil
}

// rolesSoFar yields the roles known for a person while scanning: those the text stated, then the
// lexicon's at the article's date. Callers stop at the first role that answers them, so nothing is
// collected.
func (s *scan) rolesSoFar(e *Entity) iter.Seq[diplograph.Role] {
	return func(yield func(diplograph.Role) bool) {
		for _, tr := range s.textRoles[e] {
			if !yield(tr.role) {
				return
			}
		}
		for _, r := range s.lexiconRoles(e) {
			if !yield(r) {
				return
			}
		}
	}
}

// lexiconRoles returns the lexicon's roles of a person at the article's date, computed once per
// person and article: the scan asks for them at nearly every title and name.
func (s *scan) lexiconRoles(e *Entity) []diplograph.Role {
	if e.Person == nil {
		return nil
	}
	if roles, ok := s.lexRoles[e]; ok {
		return roles
	}
	var roles []diplograph.Role
	for _, t := range e.Person.TermsAt(s.res.Published) {
		roles = append(roles, termRole(t, false))
	}
	if s.lexRoles == nil {
		s.lexRoles = map[*Entity][]diplograph.Role{}
	}
	s.lexRoles[e] = roles
	return roles
}

func termRole(t lexicon.Term, former bool) diplograph.Role {
	r := diplograph.Role{Title: t.Title, Country: t.Country, Former: former, From: t.From, To: t.To}
	if t.Org != "" {
		r.Org = "org:" + t.Org
	}
	return r
}

// coordinated returns the person named just before a title joined to it by "و"/"and"/"،" in the same
// sentence ("الشيباني ووزير الدفاع مرهف أبو قصرة"): the new person is likely of the same state.
func (s *scan) coordinated(w0 int) *Entity {
	if w0 == 0 || len(s.lastPersons) == 0 {
		return nil
	}
	words := s.doc.Words
	last := s.lastPersons[len(s.lastPersons)-1]
	if last.W1 > w0 || words[w0].Sentence != words[last.W0].Sentence {
		return nil
	}
	between := w0 - last.W1
	first := &words[w0]
	conj := first.Script == normalize.ScriptArabic && strings.HasPrefix(first.Key, "و") && first.Stems()[len(first.Stems())-1].Skip > 0
	if between == 0 && (conj || first.Gap == ',') || between == 1 && (words[last.W1].Key == "and" || words[last.W1].Key == "و") {
		return last.Entity
	}
	return nil
}

// textRole is a role the text states, with the person whose state it inherits when it names none,
// and the state the context suggests (context) as the last resort.
type textRole struct {
	role    diplograph.Role
	inherit *Entity
	context string
}

func (s *scan) addTextRole(e *Entity, r diplograph.Role, inherit *Entity) {
	s.addTextRoleCtx(e, r, inherit, "")
}

func (s *scan) addTextRoleCtx(e *Entity, r diplograph.Role, inherit *Entity, context string) {
	for _, tr := range s.textRoles[e] {
		if tr.role.Title == r.Title && tr.role.Country == r.Country && tr.role.Org == r.Org && tr.role.Former == r.Former {
			return
		}
	}
	s.textRoles[e] = append(s.textRoles[e], textRole{role: r, inherit: inherit, context: context})
}

// contextNationality returns the state the words before w0 suggest for a title that names none: the
// state of the last ministry or government named in this or the previous sentence ("أدانت وزارة
// الخارجية الأردنية … وأكد الناطق باسم الوزارة"), else the last state named earlier in the same
// sentence ("وفد صيني برئاسة نائب وزير الخارجية").
func (s *scan) contextNationality(w0 int) string {
	sent := s.doc.Words[w0].Sentence
	if s.lastInstitution != nil && s.lastInstitution.W1 <= w0 && s.lastInstitution.Sentence >= sent-1 {
		return s.lastInstitution.Nationality
	}
	for k := len(s.res.Mentions) - 1; k >= 0; k-- {
		m := s.res.Mentions[k]
		if m.Sentence < sent {
			break
		}
		if m.W1 <= w0 && m.Entity.Type == diplograph.EntityCountry && m.Kind != MentionPlace {
			return m.Entity.Code
		}
	}
	return ""
}
