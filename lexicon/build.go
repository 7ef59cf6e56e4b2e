package lexicon

import (
	"fmt"
	"sort"
	"strings"

	"golang.org/x/text/language"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

type pendingPlace struct {
	place  *Place
	names  []string
	origin string // file:line of the row
}

// build turns the rows read into the lexicon's indexes.
func (b *builder) build() (*Lexicon, error) {
	lex := b.lex
	lex.names = normalize.NewPhraseSet[*Name]()
	lex.names.ProperNouns = true
	codes := make([]string, 0, len(lex.Countries))
	for code := range lex.Countries {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		b.addCountry(lex.Countries[code], b.countryRow[code])
		for _, n := range lex.Countries[code].Aliases {
			f := normalize.Fold(n)
			if strings.HasPrefix(f, "المملكه ") || strings.HasPrefix(f, "مملكه ") || strings.HasPrefix(f, "kingdom of") || strings.HasSuffix(f, " kingdom") {
				lex.Kingdoms = append(lex.Kingdoms, code)
				break
			}
		}
	}
	orgCodes := make([]string, 0, len(lex.Orgs))
	for code := range lex.Orgs {
		orgCodes = append(orgCodes, code)
	}
	sort.Strings(orgCodes)
	for _, code := range orgCodes {
		o := lex.Orgs[code]
		for _, n := range o.Aliases {
			lex.names.Add(n, &Name{Kind: NameOrg, Org: o})
		}
	}
	for _, pp := range b.pendingPlaces {
		c := lex.Countries[pp.place.Country]
		if c == nil {
			return nil, fmt.Errorf("%s: place %q: country %s is not in countries.tsv", pp.origin, pp.place.Name, pp.place.Country)
		}
		n := &Name{Kind: NamePlace, Country: c, Place: pp.place}
		for _, s := range pp.names {
			if s != "" {
				lex.names.Add(s, n)
			}
		}
	}
	ids := make([]string, 0, len(lex.Persons))
	for id := range lex.Persons {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p := lex.Persons[id]
		if p.Name == "" && p.NameAr == "" {
			return nil, fmt.Errorf("%s: official %s: no name and no nameAr on any of its rows", b.personOrigin[id], id)
		}
		for _, t := range p.Terms {
			if t.Country != "" {
				if _, err := language.ParseRegion(t.Country); err != nil && lex.Countries[t.Country] == nil {
					return nil, fmt.Errorf("%s: official %s: country %s is not an ISO 3166-1 code", b.personOrigin[id], id, t.Country)
				}
			}
			k := holderKey(t.Title, t.Country, t.Org)
			if !containsPerson(lex.holders[k], p) {
				lex.holders[k] = append(lex.holders[k], p)
			}
		}
		sort.SliceStable(p.Terms, func(i, j int) bool { return p.Terms[i].From.Before(p.Terms[j].From) })
		n := &Name{Kind: NamePerson, Person: p}
		for _, s := range append([]string{p.Name, p.NameAr}, p.Aliases...) {
			if s != "" {
				lex.names.Add(s, n)
			}
		}
	}
	lex.titles = normalize.NewPhraseSet[*TitleEntry]()
	for _, t := range b.titles {
		lex.titles.Add(t.Phrase, t)
	}
	lex.honorifics = normalize.NewPhraseSet[string]()
	lex.honorifics.KeepArticle = true
	for _, h := range b.honorifics {
		lex.honorifics.Add(h[0], h[1])
	}
	lex.ambiguous = make(map[string]map[string]bool, len(b.ambiguous))
	for form, cues := range b.ambiguous {
		set := map[string]bool{}
		for _, c := range cues {
			set[normalize.Fold(c)] = true
		}
		lex.ambiguous[form] = set
	}
	lex.stopwords = make(map[string]bool, len(b.stopwords))
	for _, w := range b.stopwords {
		lex.stopwords[normalize.Fold(w)] = true
	}
	if err := b.triggers.build(); err != nil {
		return nil, err
	}
	lex.Triggers = b.triggers
	return lex, nil
}

func containsPerson(list []*Person, p *Person) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

func holderKey(t diplograph.Title, country, org string) string {
	if country == "" {
		return string(t) + "|org:" + org
	}
	return string(t) + "|" + country
}

// addCountry indexes every name of a country: its names (with the CLDR ones), demonyms and nisbas in
// all their forms, capitals and seats of government.
func (b *builder) addCountry(c *Country, f *countryForms) {
	lex := b.lex
	en, ar := cldrNames(c.Code)
	if c.Name == "" {
		c.Name = en
	}
	if c.NameAr == "" {
		c.NameAr = ar
	}
	name := &Name{Kind: NameCountry, Country: c}
	for _, s := range append(f.names, en, ar) {
		if s != "" {
			lex.names.Add(s, name)
			c.Aliases = appendNew(c.Aliases, s)
		}
	}
	dem := &Name{Kind: NameDemonym, Country: c}
	for _, s := range f.demonymsEn {
		lex.names.Add(s, dem)
		if p := englishPlural(s); p != "" {
			lex.names.Add(p, dem)
		}
	}
	for _, s := range f.nisbaAr {
		for _, form := range NisbaForms(s) {
			lex.names.Add(form, dem)
		}
	}
	capital := &Name{Kind: NameCapital, Country: c, Place: &Place{Country: c.Code, Capital: true}}
	for i, s := range f.capitalsEn {
		if i == 0 {
			capital.Place.Name, c.CapitalEn = s, s
		}
		lex.names.Add(s, capital)
	}
	for i, s := range f.capitalsAr {
		if i == 0 {
			capital.Place.NameAr, c.CapitalAr = s, s
		}
		lex.names.Add(s, capital)
	}
	if capital.Place.Name != "" || capital.Place.NameAr != "" {
		lex.Places = append(lex.Places, capital.Place)
	}
	seat := &Name{Kind: NameSeat, Country: c}
	for _, s := range f.seats {
		lex.names.Add(s, seat)
	}
}

// NisbaForms returns the forms of an Arabic nisba given in the masculine singular without the article
// ("سوري"): with and without the article, feminine, dual and plural ("السورية", "السوريين", …). Every
// word of a two-word nisba ("كوري جنوبي") takes the same ending and article.
func NisbaForms(base string) []string {
	words := strings.Fields(base)
	if len(words) == 0 {
		return nil
	}
	var out []string
	for _, suffix := range []string{"", "ة", "ون", "ين", "ان", "ات", "تان", "تين"} {
		for _, article := range []string{"", "ال"} {
			parts := make([]string, len(words))
			for i, w := range words {
				w = strings.TrimPrefix(w, "ال")
				parts[i] = article + w + suffix
			}
			out = append(out, strings.Join(parts, " "))
		}
	}
	return out
}

// englishPlural returns the plural of a demonym ("Syrian" → "Syrians"), or "" when it has none
// ("Chinese", "British").
func englishPlural(s string) string {
	l := strings.ToLower(s)
	for _, suf := range []string{"s", "sh", "ch", "ese", "x", "z"} {
		if strings.HasSuffix(l, suf) {
			return ""
		}
	}
	return s + "s"
}

// MatchName returns the longest known name starting at word wi. A state name that is also a common
// word (ambiguous.tsv) is a name only after one of its cues; MatchAmbiguousName finds the others.
func (l *Lexicon) MatchName(d *normalize.Doc, wi int) (normalize.PhraseMatch[*Name], bool) {
	m, ok := l.names.MatchAt(d, wi)
	if ok && l.uncued(d, m) {
		return normalize.PhraseMatch[*Name]{}, false
	}
	return m, ok
}

// MatchAmbiguousName returns the name starting at word wi when it is a common word without its cue
// ("الدعم المالي"): the recognizer takes it for the state only when the article names that state
// otherwise too.
func (l *Lexicon) MatchAmbiguousName(d *normalize.Doc, wi int) (normalize.PhraseMatch[*Name], bool) {
	m, ok := l.names.MatchAt(d, wi)
	if ok && l.uncued(d, m) {
		return m, true
	}
	return normalize.PhraseMatch[*Name]{}, false
}

// uncued reports whether a one-word match is an ambiguous form (ambiguous.tsv) that neither follows one
// of its cues nor carries the preposition ب or ل.
func (l *Lexicon) uncued(d *normalize.Doc, m normalize.PhraseMatch[*Name]) bool {
	if len(l.ambiguous) == 0 || m.W1 != m.W0+1 {
		return false
	}
	w := &d.Words[m.W0]
	// The longest form the word holds, alone or after و ف (which do not make it a noun, unlike ب ل):
	// "والمالي" is "المالي" after و.
	var cues map[string]bool
	form := ""
	for _, st := range w.Stems() {
		c, ok := l.ambiguous[st.Key]
		if !ok || len(st.Key) <= len(form) {
			continue
		}
		if st.Skip > 0 && strings.HasSuffix(w.Key, st.Key) && strings.ContainsAny(w.Key[:len(w.Key)-len(st.Key)], "بل") {
			continue
		}
		if st.Skip > 0 && !strings.HasSuffix(w.Key, st.Key) {
			continue // "لل" + a name: ل + ال, a preposition
		}
		cues, form = c, st.Key
	}
	if cues == nil {
		return false
	}
	if m.W0 == 0 || d.Words[m.W0].Gap != 0 || d.Words[m.W0].Newline {
		return true
	}
	prev := &d.Words[m.W0-1]
	if cues[prev.Key] {
		return false
	}
	for _, st := range prev.Stems() {
		if st.Skip <= 1 && cues[st.Key] {
			return false
		}
	}
	// Two-word cues ("السلطات العسكرية"): the word before and this one.
	if m.W0 >= 2 && cues[d.Words[m.W0-2].Key+" "+prev.Key] {
		return false
	}
	return true
}

// MatchTitle returns the longest title starting at word wi.
func (l *Lexicon) MatchTitle(d *normalize.Doc, wi int) (normalize.PhraseMatch[*TitleEntry], bool) {
	return l.titles.MatchAt(d, wi)
}

// MatchHonorific returns the longest honorific starting at word wi.
func (l *Lexicon) MatchHonorific(d *normalize.Doc, wi int) (normalize.PhraseMatch[string], bool) {
	return l.honorifics.MatchAt(d, wi)
}

// IsStopword reports whether a folded word (or its form without proclitics) never belongs to a name.
func (l *Lexicon) IsStopword(w *normalize.Word) bool {
	if l.stopwords[w.Key] {
		return true
	}
	if w.Script == normalize.ScriptArabic {
		for _, s := range w.Stems()[1:] {
			if s.Skip <= 2 && l.stopwords[s.Key] {
				return true
			}
		}
	}
	return false
}

// IsStopKey reports whether a folded key is a stop word.
func (l *Lexicon) IsStopKey(key string) bool { return l.stopwords[key] }

// HoldersAt returns the known persons who held a title for a state (or organization: "org:CODE") on
// a date, most recently appointed first. With a zero date every holder is returned.
func (l *Lexicon) HoldersAt(t diplograph.Title, country string, at diplograph.Date) []*Person {
	org := ""
	if strings.HasPrefix(country, "org:") {
		org, country = strings.TrimPrefix(country, "org:"), ""
	}
	var out []*Person
	for _, p := range l.holders[holderKey(t, country, org)] {
		for _, term := range p.Terms {
			if term.Title == t && term.Country == country && term.Org == org && term.Covers(at) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// Covers reports whether the term includes the date (a zero date is covered by every term). Dates at
// month or year precision are covered when their span overlaps the term.
func (t Term) Covers(at diplograph.Date) bool {
	if at.IsZero() {
		return true
	}
	if !t.From.IsZero() && at.End().Before(t.From.Start()) {
		return false
	}
	if !t.To.IsZero() && t.To.End().Before(at.Start()) {
		return false
	}
	return true
}

// TermsAt returns the person's terms that cover the date, most senior title first.
func (p *Person) TermsAt(at diplograph.Date) []Term {
	var out []Term
	for _, t := range p.Terms {
		if t.Covers(at) {
			out = append(out, t)
		}
	}
	sortTerms(out)
	return out
}

// LastTermBefore returns the term that ended most recently before the date, for a former holder.
func (p *Person) LastTermBefore(at diplograph.Date) (Term, bool) {
	var best Term
	found := false
	for _, t := range p.Terms {
		if t.To.IsZero() || at.IsZero() || !t.To.Before(at) {
			continue
		}
		if !found || best.To.Before(t.To) || best.To == t.To && rank(t.Title) < rank(best.Title) {
			best, found = t, true
		}
	}
	return best, found
}

func sortTerms(ts []Term) {
	sort.SliceStable(ts, func(i, j int) bool { return rank(ts[i].Title) < rank(ts[j].Title) })
}

// rank orders titles by seniority (diplograph.Titles order).
func rank(t diplograph.Title) int {
	for i, x := range diplograph.Titles {
		if x == t {
			return i
		}
	}
	return len(diplograph.Titles)
}

// Rank returns the seniority of a title: lower is more senior.
func Rank(t diplograph.Title) int { return rank(t) }
