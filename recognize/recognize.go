// Package recognize finds who and where in an article: countries (by name, demonym or nisba, capital,
// seat of government), organizations, places, and persons — known officials from the lexicon and
// unknown ones found by the patterns of news language (title + nationality + name, name + apposition),
// with the roles they hold at the article's date and every later mention of them (surname, title,
// "نظيره"/"his counterpart").
package recognize

import (
	"sort"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
)

// MentionKind says how an entity is named at one place.
type MentionKind uint8

const (
	MentionName        MentionKind = iota // its name: "سوريا", "Sergei Lavrov", "الأمم المتحدة"
	MentionDemonym                        // a nisba or demonym: "السوري", "Syrian"
	MentionCapital                        // its capital standing for it or as a place: "موسكو"
	MentionSeat                           // its seat of government: "الكرملين"
	MentionPlace                          // a place in it: "حلب"
	MentionSurname                        // a person's surname alone, after the full name
	MentionTitle                          // a title standing for a person: "الرئيس الروسي", "the minister"
	MentionCounterpart                    // "نظيره", "his counterpart"
	MentionTitled                         // a person named with a title: "وزير الخارجية السوري أسعد الشيباني"
)

// Mention is one place an entity is named. For a person named with a title, W0/Start include the
// title and NameW0/NameStart mark where the name itself begins.
type Mention struct {
	W0, W1     int
	Start, End int
	NameStart  int
	Kind       MentionKind
	Entity     *Entity
	Sentence   int
	// Place is set for capitals and places: where something may happen.
	Place *lexicon.Place
	// Nationality is the state a title or demonym in the mention names, if any.
	Nationality string
}

// Entity is a country, organization or person found in the article.
type Entity struct {
	ID       string
	Type     diplograph.EntityType
	Code     string
	Name     string
	NameAr   string
	Aliases  []string
	Wikidata string
	Roles    []diplograph.Role
	Mentions []*Mention

	Country *lexicon.Country
	Org     *lexicon.Org
	Person  *lexicon.Person // nil for a person the lexicon does not know

	surname string // folded key of the last name word, for later surname-only mentions
	first   int    // word index of the first mention
}

// CountryCode returns the state an entity stands for: a country's code, or the country of a person's
// first role.
func (e *Entity) CountryCode() string {
	switch e.Type {
	case diplograph.EntityCountry:
		return e.Code
	case diplograph.EntityPerson:
		for _, r := range e.Roles {
			if r.Country != "" {
				return r.Country
			}
		}
	}
	return ""
}

// Result is what Recognize found.
type Result struct {
	Doc       *normalize.Doc
	Published diplograph.Date
	Language  string
	Entities  []*Entity
	Mentions  []*Mention // in text order, without overlaps
	// Home is the state the outlet is from, when its URL or source says so: the default nationality of
	// officials named without one.
	Home string

	byID   map[string]*Entity
	byWord []int32 // word index → index into Mentions+1 (0: no mention)
}

// MentionAt returns the mention covering word wi, or nil.
func (r *Result) MentionAt(wi int) *Mention {
	if wi < 0 || wi >= len(r.byWord) || r.byWord[wi] == 0 {
		return nil
	}
	return r.Mentions[r.byWord[wi]-1]
}

// EntityByID returns the entity with the given id, or nil.
func (r *Result) EntityByID(id string) *Entity { return r.byID[id] }

// Recognizer finds entities with a lexicon.
type Recognizer struct {
	Lex *lexicon.Lexicon
}

// Recognize finds the entities of an article body.
func (rz *Recognizer) Recognize(a *diplograph.Article, d *normalize.Doc) *Result {
	s := &scan{rz: rz, lex: rz.Lex, doc: d, res: &Result{Doc: d, Published: a.Published, Language: a.Language,
		byID: map[string]*Entity{}, Home: homeCountry(rz.Lex, a)}}
	s.run()
	s.resolveSurnamesBefore()
	s.assignRoles()
	s.finish()
	return s.res
}

// finish orders entities and mentions and builds the word index.
func (s *scan) finish() {
	res := s.res
	sort.SliceStable(res.Mentions, func(i, j int) bool { return res.Mentions[i].W0 < res.Mentions[j].W0 })
	res.byWord = make([]int32, len(s.doc.Words))
	for i, m := range res.Mentions {
		for w := m.W0; w < m.W1 && w < len(res.byWord); w++ {
			res.byWord[w] = int32(i + 1)
		}
	}
	for _, e := range res.Entities {
		sort.SliceStable(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
		if len(e.Mentions) > 0 {
			e.first = e.Mentions[0].W0
		}
	}
	sort.SliceStable(res.Entities, func(i, j int) bool { return res.Entities[i].first < res.Entities[j].first })
}
