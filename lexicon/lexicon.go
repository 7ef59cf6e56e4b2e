// Package lexicon holds what the extractor knows about the world — countries, organizations, places,
// titles, honorifics, officials with their terms of office, and trigger words — read from data files
// (docs/lexicons.md) embedded in the binary, plus any directory the user adds.
package lexicon

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

//go:embed data
var embedded embed.FS

// Country is a sovereign state or observer.
type Country struct {
	Code         string
	Name, NameAr string
	Aliases      []string // every other name, English and Arabic
	CapitalEn    string
	CapitalAr    string
}

// Org is an international organization.
type Org struct {
	Code         string
	Name, NameAr string
	Aliases      []string
}

// ID returns the entity id of the organization.
func (o *Org) ID() string { return "org:" + o.Code }

// Place is a city or region, with the state it lies in.
type Place struct {
	Name, NameAr string
	Country      string
	Capital      bool
}

// Person is a known official.
type Person struct {
	ID           string
	Name, NameAr string
	Aliases      []string
	Wikidata     string
	Terms        []Term
}

// Term is an office held from From to To (To zero: still held, or the end is unknown).
type Term struct {
	Title   diplograph.Title
	Country string // ISO code, or "" for an organization's officer
	Org     string // organization code, when Country is ""
	From    diplograph.Date
	To      diplograph.Date
}

// NameKind says what a name in the text stands for.
type NameKind uint8

const (
	NameCountry NameKind = iota + 1 // the state's own name: "سوريا", "Syria"
	NameDemonym                     // a nisba or demonym: "السوري", "Syrian"
	NameCapital                     // a capital: the state when it acts, a place when something happens there
	NameSeat                        // a seat of government standing for it: "الكرملين", "the White House"
	NameOrg                         // an organization
	NamePerson                      // a known official's name or alias
	NamePlace                       // a city or region that is not a capital
)

// Name is what one phrase of the text may stand for.
type Name struct {
	Kind    NameKind
	Country *Country // for countries, demonyms, capitals, seats, and the state of a place
	Org     *Org
	Person  *Person
	Place   *Place
}

// TitleEntry is one way of writing a title.
type TitleEntry struct {
	Title   diplograph.Title
	Country string // the phrase means this title only for that state ("Secretary of State" → US)
	// NeedsCountry: a title only when a country follows ("أمير دولة قطر" but not "الأمير محمد").
	NeedsCountry bool
	// NeedsName: a title only right before a name ("السفير X"), not alone.
	NeedsName bool
	Phrase    string
}

// Lexicon is the loaded lexicon. It is immutable after Load and safe for concurrent use.
type Lexicon struct {
	Countries map[string]*Country
	Orgs      map[string]*Org
	Persons   map[string]*Person
	Places    []*Place

	names      *normalize.PhraseSet[*Name]
	titles     *normalize.PhraseSet[*TitleEntry]
	honorifics *normalize.PhraseSet[string]
	stopwords  map[string]bool
	// ambiguous holds the state names that are also common words (ambiguous.tsv), by folded form,
	// with the folded cues that make them names.
	ambiguous map[string]map[string]bool
	Triggers  *Triggers
	// holders indexes persons by the title and country (or org) of their terms.
	holders map[string][]*Person
	// Kingdoms are the states whose names say "kingdom" (المملكة …, … Kingdom): the ones "المملكة"
	// and "the Kingdom" alone may stand for.
	Kingdoms []string
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
	defaultErr  error
)

// Default returns the embedded lexicon, loaded once.
func Default() (*Lexicon, error) {
	defaultOnce.Do(func() { defaultLex, defaultErr = Load() })
	return defaultLex, defaultErr
}

// Load reads the embedded lexicon and then every extra directory, whose files add to it.
func Load(extraDirs ...string) (*Lexicon, error) {
	b := newBuilder()
	sub, _ := fs.Sub(embedded, "data")
	if err := b.readFS(sub, "lexicon/data"); err != nil {
		return nil, fmt.Errorf("embedded lexicon: %w", err)
	}
	for _, dir := range extraDirs {
		st, err := os.Stat(dir)
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", dir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("lexicon %s: not a directory", dir)
		}
		if err := b.readFS(os.DirFS(dir), dir); err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", dir, err)
		}
	}
	return b.build()
}

// builder accumulates rows before the indexes are built.
type builder struct {
	lex        *Lexicon
	countryRow map[string]*countryForms
	titles     []*TitleEntry
	honorifics [][2]string
	stopwords  []string
	ambiguous  map[string][]string
	triggers   *Triggers

	pendingPlaces []pendingPlace
	// personOrigin is the file and line of each official's first row, for errors found when building.
	personOrigin map[string]string
}

type countryForms struct {
	names, demonymsEn, nisbaAr, capitalsEn, capitalsAr, seats []string
}

func newBuilder() *builder {
	return &builder{
		lex: &Lexicon{Countries: map[string]*Country{}, Orgs: map[string]*Org{}, Persons: map[string]*Person{},
			holders: map[string][]*Person{}},
		countryRow:   map[string]*countryForms{},
		ambiguous:    map[string][]string{},
		triggers:     newTriggers(),
		personOrigin: map[string]string{},
	}
}

// readFS reads every lexicon file of a directory tree by its path (docs/lexicons.md).
func (b *builder) readFS(fsys fs.FS, name string) error {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".tsv") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, p := range files {
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		full := path.Join(name, p)
		err = b.readFile(p, full, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) readFile(rel, full string, f fs.File) error {
	switch {
	case rel == "countries.tsv":
		return readTSV(full, f, []string{"code"}, b.countryRowFn)
	case rel == "organizations.tsv":
		return readTSV(full, f, []string{"code"}, b.orgRow)
	case rel == "places.tsv":
		return readTSV(full, f, []string{"country"}, b.placeRow)
	case rel == "titles.tsv":
		return readTSV(full, f, []string{"title", "phrase"}, b.titleRow)
	case rel == "honorifics.tsv":
		return readTSV(full, f, []string{"phrase"}, func(r *row) error {
			b.honorifics = append(b.honorifics, [2]string{r.get("phrase"), r.get("marks")})
			return nil
		})
	case rel == "stopwords.tsv":
		return readTSV(full, f, []string{"word"}, func(r *row) error {
			b.stopwords = append(b.stopwords, r.get("word"))
			return nil
		})
	case rel == "ambiguous.tsv":
		return readTSV(full, f, []string{"form"}, func(r *row) error {
			form := normalize.Fold(r.get("form"))
			b.ambiguous[form] = append(b.ambiguous[form], r.list("cues")...)
			return nil
		})
	case strings.HasPrefix(rel, "officials/"):
		return readTSV(full, f, []string{"id", "title", "country"}, b.personRow)
	case strings.HasPrefix(rel, "triggers/"):
		return b.triggers.read(rel, full, f)
	}
	return nil // other files (notes, examples) are not lexicon data
}

func isCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func (b *builder) countryRowFn(r *row) error {
	code := strings.ToUpper(r.get("code"))
	if !isCode(code) {
		return r.errorf("code %q: want an ISO 3166-1 alpha-2 code", r.get("code"))
	}
	c := b.lex.Countries[code]
	if c == nil {
		c = &Country{Code: code}
		b.lex.Countries[code] = c
		b.countryRow[code] = &countryForms{}
	}
	if v := r.get("en"); v != "" && c.Name == "" {
		c.Name = v
	}
	if v := r.get("ar"); v != "" && c.NameAr == "" {
		c.NameAr = v
	}
	f := b.countryRow[code]
	f.names = append(f.names, r.get("en"), r.get("ar"))
	f.names = append(f.names, r.list("names_en")...)
	f.names = append(f.names, r.list("names_ar")...)
	f.demonymsEn = append(f.demonymsEn, r.list("demonyms_en")...)
	f.nisbaAr = append(f.nisbaAr, r.list("nisba_ar")...)
	f.capitalsEn = append(f.capitalsEn, r.list("capitals_en")...)
	f.capitalsAr = append(f.capitalsAr, r.list("capitals_ar")...)
	f.seats = append(f.seats, r.list("seats_en")...)
	f.seats = append(f.seats, r.list("seats_ar")...)
	return nil
}

func (b *builder) orgRow(r *row) error {
	code := strings.ToUpper(r.get("code"))
	if code == "" || strings.ContainsFunc(code, func(c rune) bool { return !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') }) {
		return r.errorf("code %q: want letters, digits and _", r.get("code"))
	}
	o := b.lex.Orgs[code]
	if o == nil {
		o = &Org{Code: code}
		b.lex.Orgs[code] = o
	}
	if v := r.get("en"); v != "" && o.Name == "" {
		o.Name = v
	}
	if v := r.get("ar"); v != "" && o.NameAr == "" {
		o.NameAr = v
	}
	o.Aliases = appendNew(o.Aliases, r.get("en"), r.get("ar"))
	o.Aliases = appendNew(o.Aliases, r.list("names_en")...)
	o.Aliases = appendNew(o.Aliases, r.list("names_ar")...)
	return nil
}

func (b *builder) placeRow(r *row) error {
	code := strings.ToUpper(r.get("country"))
	if !isCode(code) {
		return r.errorf("country %q: want an ISO 3166-1 alpha-2 code", r.get("country"))
	}
	p := &Place{Name: r.get("en"), NameAr: r.get("ar"), Country: code}
	b.lex.Places = append(b.lex.Places, p)
	b.addPlaceNames(p, append(append([]string{p.Name, p.NameAr}, r.list("names_en")...), r.list("names_ar")...), r.origin())
	return nil
}

// addPlaceNames records a place's names, turned into names once countries are known; origin is the
// file and line of its row.
func (b *builder) addPlaceNames(p *Place, names []string, origin string) {
	b.pendingPlaces = append(b.pendingPlaces, pendingPlace{p, names, origin})
}

func (b *builder) titleRow(r *row) error {
	t := diplograph.Title(r.get("title"))
	if !diplograph.In(t, diplograph.Titles) {
		return r.errorf("title %q: not in the title vocabulary (docs/lexicons.md)", t)
	}
	e := &TitleEntry{Title: t, Country: strings.ToUpper(r.get("country")), Phrase: r.get("phrase")}
	switch r.get("needs") {
	case "country":
		e.NeedsCountry = true
	case "name":
		e.NeedsName = true
	case "":
	default:
		return r.errorf("needs %q: want \"country\", \"name\" or empty", r.get("needs"))
	}
	if e.Country != "" && !isCode(e.Country) {
		return r.errorf("country %q: want an ISO 3166-1 alpha-2 code", r.get("country"))
	}
	b.titles = append(b.titles, e)
	return nil
}

func (b *builder) personRow(r *row) error {
	id := r.get("id")
	if !strings.HasPrefix(id, "person:") || len(id) <= len("person:") {
		return r.errorf("id %q: want person:<slug>", id)
	}
	p := b.lex.Persons[id]
	if p == nil {
		p = &Person{ID: id}
		b.lex.Persons[id] = p
		b.personOrigin[id] = r.origin()
	}
	if v := r.get("name"); v != "" && p.Name == "" {
		p.Name = v
	}
	if v := r.get("nameAr"); v != "" && p.NameAr == "" {
		p.NameAr = v
	}
	if v := r.get("wikidata"); v != "" && p.Wikidata == "" {
		p.Wikidata = v
	}
	p.Aliases = appendNew(p.Aliases, r.list("aliases")...)
	t := Term{Title: diplograph.Title(r.get("title"))}
	if !diplograph.In(t.Title, diplograph.Titles) {
		return r.errorf("title %q: not in the title vocabulary", t.Title)
	}
	switch c := r.get("country"); {
	case strings.HasPrefix(c, "org:"):
		t.Org = strings.ToUpper(strings.TrimPrefix(c, "org:"))
	case isCode(strings.ToUpper(c)):
		t.Country = strings.ToUpper(c)
	default:
		return r.errorf("country %q: want an ISO code or org:CODE", c)
	}
	var err error
	if t.From, err = diplograph.ParseDate(r.get("from")); err != nil {
		return r.errorf("from: %v", err)
	}
	if t.To, err = diplograph.ParseDate(r.get("to")); err != nil {
		return r.errorf("to: %v", err)
	}
	p.Terms = append(p.Terms, t)
	return nil
}

func appendNew(list []string, vals ...string) []string {
	for _, v := range vals {
		if v == "" {
			continue
		}
		dup := false
		for _, x := range list {
			if x == v {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}

// cldrNames returns the English and Arabic CLDR names of a region.
func cldrNames(code string) (string, string) {
	r, err := language.ParseRegion(code)
	if err != nil {
		return "", ""
	}
	return display.English.Regions().Name(r), display.Arabic.Regions().Name(r)
}
