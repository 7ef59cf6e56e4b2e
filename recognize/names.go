package recognize

import (
	"strings"
	"unicode"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
	"golang.org/x/text/unicode/norm"
)

// nameConnectors join the parts of an Arabic name: "محمد بن سلمان", "تميم بن حمد آل ثاني".
var nameConnectors = map[string]bool{"بن": true, "بنت": true, "ابن": true, "ال": true, "آل": true}

// latinParticles may stand lowercase inside an English name: "Ursula von der Leyen", "Bin Zayed".
var latinParticles = map[string]bool{"bin": true, "ibn": true, "bint": true, "de": true, "da": true, "dos": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "du": true, "di": true, "del": true}

// readName returns the end of a person's name starting at word j (j when there is none). Arabic: up to
// four name words, joined by بن/آل, ending after the first word with the article (the family name);
// English: capitalized words, initials and particles.
func (s *scan) readName(j int) int {
	words := s.doc.Words
	if j >= len(words) {
		return j
	}
	if words[j].Script == normalize.ScriptLatin {
		return s.readLatinName(j)
	}
	if words[j].Script != normalize.ScriptArabic {
		return j
	}
	k, parts := j, 0
	for k < len(words) && parts < 5 {
		w := &words[k]
		if w.Script != normalize.ScriptArabic || k > j && (w.Newline || w.Gap != 0 && w.Gap != '-') {
			break
		}
		if nameConnectors[w.Key] {
			if k+1 < len(words) && words[k+1].Gap == 0 && k > j {
				k += 2
				parts++
				continue
			}
			break
		}
		if s.notNameWord(k) {
			break
		}
		k++
		parts++
		// A word with the article ends the name, as a family name does, unless بن/آل follows.
		if strings.HasPrefix(w.Key, "ال") && k-j > 1 && !(k < len(words) && nameConnectors[words[k].Key]) {
			break
		}
		if strings.HasPrefix(w.Key, "ال") && k-j == 1 {
			break // a name cannot start with the article: this is not a name
		}
	}
	// A lone word with the article ("الوزير") is not a name.
	if k-j == 1 && strings.HasPrefix(words[j].Key, "ال") {
		return j
	}
	return k
}

// plausibleName reports whether words [j, end) read as a person's name rather than a noun phrase. In
// Arabic, which has no capitals, a name after a title is checked word by word: no word after the
// first is an indefinite feminine noun or adjective ("مذكرة رسمية"), none carries a pronoun suffix
// ("وسلمته", "بها"), and the first has no article.
func (s *scan) plausibleName(j, end int) bool {
	words := s.doc.Words
	if words[j].Script != normalize.ScriptArabic {
		return true
	}
	for k := j; k < end; k++ {
		key := words[k].Key
		if nameConnectors[key] {
			continue
		}
		if strings.ContainsAny(s.doc.Slice(words[k].Start, words[k].End), "\u064B\u064C\u064D") {
			return false // tanween marks an indefinite noun or an adverb ("مؤكداً"), never a name
		}
		particle := strings.HasPrefix(key, "ابو") || strings.HasPrefix(key, "عبد") || strings.HasPrefix(key, "ابي")
		article := strings.HasPrefix(key, "ال")
		if k == j && (article || strings.HasPrefix(key, "وال") || strings.HasPrefix(key, "بال") || strings.HasPrefix(key, "لل")) {
			return false
		}
		if k > j && !article && !particle && strings.HasSuffix(key, "ه") && len([]rune(key)) > 2 {
			return false
		}
		for _, suf := range []string{"ته", "تها", "تهم", "ها", "هم", "كم", "نا"} {
			if strings.HasSuffix(key, suf) && len([]rune(key)) > len([]rune(suf))+2 && !article && k > j {
				return false
			}
		}
		if k == j && strings.HasPrefix(key, "و") {
			st := words[k].Stems()
			rest := st[len(st)-1].Key
			if strings.HasSuffix(rest, "ته") || strings.HasSuffix(rest, "ها") {
				return false
			}
		}
	}
	return true
}

// notNameWord reports whether word k cannot be part of a name: a stop word, a title, a date word, or
// a country or organization name.
func (s *scan) notNameWord(k int) bool {
	w := &s.doc.Words[k]
	if s.lex.IsStopword(w) || formerWords[w.Key] || w.Number {
		return true
	}
	if _, ok := s.lex.MatchTitle(s.doc, k); ok {
		return true
	}
	if hm, ok := s.lex.MatchHonorific(s.doc, k); ok && clean(w, hm.Start) {
		return true
	}
	if nm, ok := s.lex.MatchName(s.doc, k); ok {
		for _, v := range nm.Values {
			if v.Kind == lexicon.NamePerson {
				return false
			}
		}
		return true
	}
	return false
}

// readLatinName reads capitalized words (with initials, "Jr." and lowercase particles) from j.
func (s *scan) readLatinName(j int) int {
	words := s.doc.Words
	k := j
	for k < len(words) && k-j < 6 {
		w := &words[k]
		if w.Script != normalize.ScriptLatin || k > j && w.Newline {
			break
		}
		if k > j && w.Gap != 0 && w.Gap != '-' && w.Gap != '\'' {
			// "Joseph R. Biden": a period after an initial.
			prev := &words[k-1]
			if !(w.Gap == '.' && len(prev.Key) == 1 && prev.Cap) {
				break
			}
		}
		if !w.Cap {
			if latinParticles[w.Key] && k > j && k+1 < len(words) && words[k+1].Cap {
				k++
				continue
			}
			break
		}
		if k == j && s.lex.IsStopword(w) || k > j && s.lex.IsStopKey(w.Key) && !w.Upper {
			break
		}
		if _, ok := s.lex.MatchTitle(s.doc, k); ok && k > j {
			break
		}
		if nm, ok := s.lex.MatchName(s.doc, k); ok && !hasPerson(nm.Values) {
			break
		}
		k++
	}
	return k
}

func hasPerson(vals []*lexicon.Name) bool {
	for _, v := range vals {
		if v.Kind == lexicon.NamePerson {
			return true
		}
	}
	return false
}

// honorificName reads "الشيخ تميم بن حمد أمير دولة قطر", "His Majesty King Abdullah": an honorific,
// then a title (read as a titled name) or a name followed by a title in apposition.
func (s *scan) honorificName(i int) (int, bool) {
	hm, ok := s.lex.MatchHonorific(s.doc, i)
	if !ok || !clean(&s.doc.Words[i], hm.Start) {
		return 0, false
	}
	j := s.skipHonorifics(hm.W1)
	if j >= len(s.doc.Words) || s.doc.Words[j].Gap != 0 || s.doc.Words[j].Newline {
		return 0, false
	}
	if _, ok := s.lex.MatchTitle(s.doc, j); ok {
		if n, ok := s.titled(j); ok {
			return n, true
		}
		return 0, false
	}
	if nm, ok := s.lex.MatchName(s.doc, j); ok {
		if !hasPerson(nm.Values) {
			return 0, false
		}
		n := s.named(nm)
		return n, true
	}
	end := s.readName(j)
	if end-j < 2 && s.doc.Words[j].Script == normalize.ScriptArabic || end <= j {
		return 0, false
	}
	// An unknown name after an honorific is an official only with a title in apposition.
	info, k := s.titleAfter(end)
	if info == nil {
		return 0, false
	}
	s.unknownTitled(j, end, info)
	return k, true
}

// unknownTitled records an official the lexicon does not know, named by words [w0, w1) with the title
// in apposition that info read.
func (s *scan) unknownTitled(w0, w1 int, info *titleInfo) {
	words := s.doc.Words
	e := s.person(nil, s.doc.Slice(words[w0].Start, words[w1-1].End), keyOf(words[w0:w1]))
	m := &Mention{W0: w0, W1: w1, Start: words[w0].Start, End: words[w1-1].End, NameStart: words[w0].Start, Kind: MentionName}
	s.addMention(e, m)
	s.markCovered(m)
	s.addTextRole(e, info.role(s.doc.Slice(words[info.w0].Start, words[info.w1-1].End)), nil)
}

// clean reports whether a match starting at offset start of word w has no proclitic but the
// conjunction و: "وسمو" may begin an honorific, "لدولة" may not.
func clean(w *normalize.Word, start int) bool {
	if start == w.Start {
		return true
	}
	return start == w.Start+1 && strings.HasPrefix(w.Key, "و")
}

// titleAfter reads a title in apposition at word j ("… أمير دولة قطر", "…, the foreign minister of
// Cuba", "…, Russia's top diplomat") and returns it with the word after it.
func (s *scan) titleAfter(j int) (*titleInfo, int) {
	words := s.doc.Words
	if j >= len(words) || words[j].Newline {
		return nil, j
	}
	k := j
	if words[k].Gap == ',' || words[k].Gap == '،' || words[k].Gap == 0 || words[k].Gap == '(' {
		// "the", a nationality, "former" before the title (English).
		if words[k].Script == normalize.ScriptLatin {
			if words[k].Key == "the" || words[k].Key == "a" {
				k++
			}
		}
	} else {
		return nil, j
	}
	if k >= len(words) {
		return nil, j
	}
	var nat *Mention
	former := false
	if words[k].Script == normalize.ScriptLatin {
		if formerWords[words[k].Key] {
			former = true
			k++
		}
		if k < len(words) {
			if nm, ok := s.lex.MatchName(s.doc, k); ok && nm.W1 < len(words) {
				if _, ok := s.lex.MatchTitle(s.doc, nm.W1); ok {
					if v := nationalityOf(nm.Values); v != nil {
						nat = s.nationalityMention(nm, v)
						k = nm.W1
					}
				}
			}
		}
	}
	tm, ok := s.lex.MatchTitle(s.doc, k)
	if !ok || k >= len(words) || tm.Start != words[k].Start {
		return nil, j // "للرئيس الروسي" after a name is not his title
	}
	info := &titleInfo{entry: tm.Values[0], w0: k, w1: tm.W1, start: words[k].Start, former: former}
	if nat != nil {
		info.holderFrom(nat)
	}
	end := s.complement(info, tm.W1)
	if info.entry.NeedsCountry && info.country == "" && info.org == "" {
		return nil, j
	}
	// A title followed by its own name belongs to that name, not to the one before:
	// "… يقوم بها وزير الخارجية السوري وليد المعلم".
	if n := s.skipHonorifics(end); n < len(words) && words[n].Gap == 0 && !words[n].Newline {
		if nm, ok := s.lex.MatchName(s.doc, n); ok && hasPerson(nm.Values) {
			return nil, j
		}
		if r := s.readName(n); r-n >= 2 || r-n == 1 && words[n].Script == normalize.ScriptLatin {
			return nil, j
		}
	}
	return info, end
}

// apposition reads a title after a person's name ("Lavrov, Russia's top diplomat", "عبدالله بن حمد
// نائب أمير دولة قطر") and records the role it states.
func (s *scan) apposition(e *Entity, j int) (int, bool) {
	info, end := s.titleAfter(j)
	if info == nil {
		return 0, false
	}
	// A bare title right after a name without a nationality is as likely the next clause's subject
	// ("… بوتين الرئيس …" is rare; "Lavrov, the minister" is not informative): require a nationality
	// or an organization, or a comma in English.
	if info.country == "" && info.org == "" && info.entry.Country == "" {
		return 0, false
	}
	// A known official in office at the article's date is not given another state's title: in
	// "استقبل فيصل بن فرحان وزير الخارجية الأردني" (verb, subject, object) the title names the guest.
	if info.country != "" || info.org != "" {
		if held := s.lexiconRoles(e); len(held) > 0 && !servesHolder(held, info) {
			return 0, false
		}
	}
	words := s.doc.Words
	s.addTextRole(e, info.role(s.doc.Slice(words[info.w0].Start, words[info.w1-1].End)), nil)
	return end, true
}

// servesHolder reports whether one of the roles is of the state or organization a title names.
func servesHolder(roles []diplograph.Role, info *titleInfo) bool {
	for _, r := range roles {
		if info.country != "" && r.Country == info.country || info.org != "" && r.Org == "org:"+info.org {
			return true
		}
	}
	return false
}

// englishName reads an unknown English name followed by a title in apposition: "Bruno Parrilla, the
// foreign affairs minister of Cuba".
func (s *scan) englishName(i int) (int, bool) {
	words := s.doc.Words
	if words[i].Script != normalize.ScriptLatin || !words[i].Cap {
		return 0, false
	}
	end := s.readLatinName(i)
	if end-i < 2 {
		return 0, false
	}
	info, k := s.titleAfter(end)
	if info == nil || words[end].Gap != ',' {
		return 0, false
	}
	s.unknownTitled(i, end, info)
	return k, true
}

// counterpartWords name the counterpart of the person just mentioned.
var counterpartWords = map[string]int{"نظيره": 1, "نظيرها": 1, "نظيريه": 2, "نظيريها": 2, "نظرائه": 3, "نظرائها": 3,
	"counterpart": 1, "counterparts": 3}

// counterpart reads "نظيره العماني يوسف بن علوي", "نظيريه الروسي والأمريكي", "his Jordanian
// counterpart (Ayman Safadi)": the counterpart holds the title of the person just mentioned, for the
// state the nisba or demonym names.
func (s *scan) counterpart(i int) (int, bool) {
	words := s.doc.Words
	w := &words[i]
	key, start := w.Key, w.Start
	if w.Script == normalize.ScriptArabic {
		if _, ok := counterpartWords[w.Key]; !ok {
			// "بنظيره": the mention starts after the preposition.
			st := w.Stems()[len(w.Stems())-1]
			key, start = st.Key, s.doc.StemStart(w, st)
		}
	}
	n, ok := counterpartWords[key]
	if !ok {
		return 0, false
	}
	subject := s.subjectBefore(i)
	var title diplograph.Title
	if subject != nil {
		for r := range s.rolesSoFar(subject) {
			title = r.Title
			break
		}
	}
	var nats []*Mention
	j := i + 1
	if w.Script == normalize.ScriptLatin {
		// "his Jordanian counterpart": the demonym comes before.
		if i > 0 && words[i].Gap == 0 {
			if m := s.mentionEndingAt(i); m != nil && m.Nationality != "" {
				nats = append(nats, m)
			}
		}
	} else {
		for k := 0; k < n+1 && j < len(words) && words[j].Gap == 0; k++ {
			nm, ok := s.lex.MatchName(s.doc, j)
			if !ok || nationalityOf(nm.Values) == nil {
				break
			}
			v := nationalityOf(nm.Values)
			if v.Kind == lexicon.NameOrg {
				break
			}
			nats = append(nats, s.nationalityMention(nm, v))
			j = nm.W1
		}
	}
	if title == "" || len(nats) == 0 {
		return j, len(nats) > 0
	}
	// A name after a single counterpart.
	if len(nats) == 1 {
		info := &titleInfo{entry: &lexicon.TitleEntry{Title: title}, w0: i, w1: j, start: start, country: nats[0].Nationality}
		k := s.skipHonorifics(j)
		if k < len(words) && words[k].Gap == 0 && !words[k].Newline && w.Script == normalize.ScriptArabic {
			if e, end, ok := s.nameAt(k, info); ok {
				s.recordTitled(e, info, k, k, end)
				return end, true
			}
		}
		if w.Script == normalize.ScriptLatin && k < len(words) && (words[k].Gap == ',' || words[k].Gap == '(' || words[k].Gap == 0) {
			if nm, ok := s.lex.MatchName(s.doc, k); ok && hasPerson(nm.Values) {
				e := s.person(s.pickPersonFor(personsOf(nm.Values), info), "", "")
				s.recordTitled(e, info, k, k, nm.W1)
				return nm.W1, true
			}
		}
	}
	for _, nat := range nats {
		if s.res.Published.IsZero() {
			continue
		}
		if ps := s.lex.HoldersAt(title, nat.Nationality, s.res.Published); len(ps) > 0 {
			e := s.person(ps[0], "", "")
			m := &Mention{W0: i, W1: i + 1, Start: start, End: words[i].End, NameStart: start,
				Kind: MentionCounterpart, Nationality: nat.Nationality}
			if len(nats) == 1 {
				m.W1, m.End = j, words[j-1].End
			}
			if !s.isCovered(m.W0) {
				s.addMention(e, m)
				s.markCovered(m)
			}
		}
	}
	return j, true
}

func personsOf(vals []*lexicon.Name) []*lexicon.Name {
	var out []*lexicon.Name
	for _, v := range vals {
		if v.Kind == lexicon.NamePerson {
			out = append(out, v)
		}
	}
	return out
}

// subjectBefore returns the person mentioned last before word i in the same or the previous sentence.
func (s *scan) subjectBefore(i int) *Entity {
	sent := s.doc.Words[i].Sentence
	for k := len(s.lastPersons) - 1; k >= 0; k-- {
		m := s.lastPersons[k]
		if m.W0 < i && m.Sentence >= sent-1 {
			return m.Entity
		}
	}
	return nil
}

// mentionEndingAt returns the mention whose last word is just before word i.
func (s *scan) mentionEndingAt(i int) *Mention {
	for k := len(s.res.Mentions) - 1; k >= 0; k-- {
		m := s.res.Mentions[k]
		if m.W1 == i {
			return m
		}
		if m.W1 < i-1 {
			break
		}
	}
	return nil
}

// surnameAt reads a surname alone ("الشيباني", "Lavrov") of a person already named in full.
func (s *scan) surnameAt(i int) (int, bool) {
	w := &s.doc.Words[i]
	for _, st := range w.Stems() {
		e := s.surnames[st.Key]
		if e == nil {
			continue
		}
		// "حافظ الأسد" is not "بشار الأسد": an unknown name word right before makes it another name.
		if i > 0 && w.Gap == 0 && !s.isCovered(i-1) {
			prev := &s.doc.Words[i-1]
			if prev.Script == w.Script && !s.lex.IsStopword(prev) && !prev.Number && (prev.Script != normalize.ScriptLatin || prev.Cap) {
				if _, ok := s.lex.MatchTitle(s.doc, i-1); !ok && !formerWords[prev.Key] {
					return 0, false
				}
			}
		}
		start := s.doc.StemStart(w, st)
		m := &Mention{W0: i, W1: i + 1, Start: start, End: w.End, NameStart: start, Kind: MentionSurname}
		s.addMention(e, m)
		s.markCovered(m)
		return i + 1, true
	}
	return 0, false
}

// surnameEntity returns the person already named in full whose surname word i is.
func (s *scan) surnameEntity(i int) *Entity {
	for _, st := range s.doc.Words[i].Stems() {
		if e := s.surnames[st.Key]; e != nil {
			return e
		}
	}
	return nil
}

// resolveSurnamesBefore finds surname-only mentions that come before the person is named in full.
func (s *scan) resolveSurnamesBefore() {
	words := s.doc.Words
	for i := range words {
		if s.isCovered(i) {
			continue
		}
		w := &words[i]
		for _, st := range w.Stems() {
			e := s.surnames[st.Key]
			if e == nil || len(e.Mentions) == 0 || e.Mentions[0].W0 < i {
				continue
			}
			if _, ok := s.lex.MatchName(s.doc, i); ok {
				break
			}
			start := s.doc.StemStart(w, st)
			m := &Mention{W0: i, W1: i + 1, Start: start, End: w.End, NameStart: start, Kind: MentionSurname}
			s.addMention(e, m)
			s.markCovered(m)
			break
		}
	}
}

func (s *scan) markCovered(m *Mention) {
	if s.covered == nil {
		s.covered = make([]bool, len(s.doc.Words))
	}
	for k := m.W0; k < m.W1 && k < len(s.covered); k++ {
		s.covered[k] = true
	}
}

func (s *scan) isCovered(i int) bool { return s.covered != nil && i < len(s.covered) && s.covered[i] }

// slug makes the stable key of a person the lexicon does not know from the folded name: Latin names
// in lowercase ASCII with hyphens ("bruno-parrilla"), Arabic names in folded Arabic letters with
// hyphens ("مرهف-ابوقصره").
func slug(key string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(key) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case normalize.IsArabicLetter(r):
			b.WriteRune(r)
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}
