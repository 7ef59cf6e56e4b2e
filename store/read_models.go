package store

import (
	"time"

	"github.com/diplograph/diplograph"
)

// The read side: what the GraphQL API reads from the graph. These are plain values; the references
// between them (an event's participants, a source's article) are ids that the API resolves in batches.

// Entity is a country, person or organization.
type Entity struct {
	ID   string
	Type diplograph.EntityType
	// Name is never empty: the English name, else the Arabic one, else the code or the id.
	Name     string
	NameAr   *string
	Code     *string
	Aliases  []string
	Wikidata *string
}

// Article is a stored article, without its body (ArticleBodies reads bodies).
type Article struct {
	ID        string
	Title     *string
	URL       *string
	Source    *string
	Language  *string
	Published diplograph.Date
}

// Event is an interaction between entities.
type Event struct {
	ID         string
	Type       diplograph.EventType
	Date       diplograph.Date
	Modality   diplograph.Modality
	Confidence float64
	Location   *string
	LocationAr *string
	// LocationCountry is the ISO code of the country of the place, when known.
	LocationCountry string
	ReportedFirst   diplograph.Date
	IngestedAt      time.Time
	// SourceCount is the number of distinct articles that report the event.
	SourceCount int
}

// Position is a stance of a holder on a topic about a target, stated on a date.
type Position struct {
	ID            string
	HolderID      string
	TargetID      string // "" when the position has no target
	Stance        diplograph.Stance
	StanceKind    *diplograph.StanceKind
	Topic         diplograph.Topic
	Date          diplograph.Date
	Modality      diplograph.Modality
	Confidence    float64
	ReportedFirst diplograph.Date
	IngestedAt    time.Time
	SourceCount   int
}

// Participant is an entity taking part in an event.
type Participant struct {
	EntityID string
	Role     string
}

// Source is where a fact was read: a sentence of an article.
type Source struct {
	ArticleID  string
	Quote      string
	Start, End int
	Confidence *float64
	Rule       *string
	Published  diplograph.Date
}

// Place is where an event took place.
type Place struct {
	ID          string
	Name        *string
	NameAr      *string
	CountryCode string
}

// TermSource says where the term of a role comes from.
type TermSource string

const (
	TermLexicon  TermSource = "LEXICON"  // the lexicon of officials knows from/to
	TermObserved TermSource = "OBSERVED" // only the articles' publication dates tell
)

// Role is an office a person holds in a country or an organization (a HOLDS_ROLE relationship).
type Role struct {
	PersonID  string
	HolderID  string
	Title     diplograph.Title
	Office    *string
	From, To  diplograph.Date // the lexicon's term, when known
	FirstSeen diplograph.Date // first and last publication day of an article that saw it (not as former)
	LastSeen  diplograph.Date
	Former    bool
	Evidence  []RoleObservation
}

// RoleObservation is one article's observation of a role.
type RoleObservation struct {
	ArticleID string
	Seen      diplograph.Date
	Former    bool
}

// TermSource tells whether the lexicon knows the term.
func (r *Role) TermSource() TermSource {
	if !r.From.IsZero() || !r.To.IsZero() {
		return TermLexicon
	}
	return TermObserved
}

// Start is the first day of the best known term: from, else firstSeen.
func (r *Role) Start() diplograph.Date {
	if r.TermSource() == TermLexicon {
		return r.From
	}
	return r.FirstSeen
}

// End is the last day of the best known term: to (zero while in office), else lastSeen.
func (r *Role) End() diplograph.Date {
	if r.TermSource() == TermLexicon {
		return r.To
	}
	return r.LastSeen
}

// HeldDuring reports whether the role was held at some time in start..end (days). A lexicon term
// without an end is open; an observed term is the days articles saw it; a role every article calls
// former was never seen held.
func (r *Role) HeldDuring(start, end diplograph.Date) bool {
	if r.Former {
		return false
	}
	if r.TermSource() == TermLexicon {
		if !r.From.IsZero() && r.From.Start().Time().After(end.Time()) {
			return false
		}
		return r.To.IsZero() || !r.To.End().Time().Before(start.Time())
	}
	if r.FirstSeen.IsZero() || r.LastSeen.IsZero() {
		return false
	}
	return !r.FirstSeen.Start().Time().After(end.Time()) && !r.LastSeen.End().Time().Before(start.Time())
}

// Page is one page of a list, with the size of the whole list when it was asked for.
type Page[T any] struct {
	Items   []T
	Total   int  // -1 when not counted
	HasMore bool // items follow this page
}

// Window is a span of days; a zero bound is open.
type Window struct {
	From, To diplograph.Date
}

// params adds the window's bounds to params as ISO days ("from", "to"), nil when open.
func (w Window) params(p map[string]any) map[string]any {
	p["from"], p["to"] = nil, nil
	if !w.From.IsZero() {
		p["from"] = w.From.Start().String()
	}
	if !w.To.IsZero() {
		p["to"] = w.To.End().String()
	}
	return p
}

// Open reports whether the window has no bounds.
func (w Window) Open() bool { return w.From.IsZero() && w.To.IsZero() }
