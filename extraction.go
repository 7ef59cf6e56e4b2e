package diplograph

import (
	"encoding/json"
)

// Article is one news article as a reader returns it, before extraction.
type Article struct {
	// ID is "sha256:" and the hex digest of the normalized body: the same content gives the same ID.
	ID    string
	Title string
	// Body is the article text that every offset refers to, after the reader removed what is not body
	// (the aggregator's note, trailing navigation words).
	Body      string
	URL       string
	Source    string
	Published Date
	Language  string // "ar" or "en"
	// Origin names where the article was read ("path", "path:line", "<stdin>:line") for diagnostics.
	Origin string
}

// Extraction is what the extractor finds in one article: the document of the Extraction contract
// (docs/extraction.md). The store writes exactly what it says.
type Extraction struct {
	Version   int         `json:"version"`
	Article   ArticleMeta `json:"article"`
	Entities  []Entity    `json:"entities"`
	Events    []Event     `json:"events"`
	Positions []Position  `json:"positions"`
}

// ArticleMeta describes the article an Extraction was made from.
type ArticleMeta struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published Date   `json:"published"`
	Language  string `json:"language,omitempty"`
	// Body is the text the offsets refer to. Outside pipelines may leave it out.
	Body string `json:"body,omitempty"`
}

// Entity is a country, person or organization named in an article.
type Entity struct {
	ID       string     `json:"id"`
	Type     EntityType `json:"type"`
	Code     string     `json:"code,omitempty"`
	Name     string     `json:"name"`
	NameAr   string     `json:"nameAr,omitempty"`
	Aliases  []string   `json:"aliases,omitempty"`
	Wikidata string     `json:"wikidata,omitempty"`
	Roles    []Role     `json:"roles,omitempty"`
	Mentions []Mention  `json:"mentions"`
}

// Role is an office a person is reported to hold, or to have held when Former is set.
type Role struct {
	Title Title `json:"title"`
	// Country is the ISO 3166-1 alpha-2 code of the state the person serves; empty for an officer of
	// an organization, who has Org instead.
	Country string `json:"country,omitempty"`
	Org     string `json:"org,omitempty"`
	// Office is the title as the text wrote it ("وزير الخارجية والمغتربين", "Secretary of State").
	Office string `json:"office,omitempty"`
	Former bool   `json:"former"`
	// From and To bound the term of office when the lexicon knows it.
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
}

// Mention is one place in the body where an entity is named.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Evidence is the sentence an event or position was read from. Start and End are code-point offsets
// into the article body and Text equals that slice.
type Evidence struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Event is a meeting, visit, call, agreement or another PLOVER-aligned interaction.
type Event struct {
	ID            string        `json:"id"`
	Type          EventType     `json:"type"`
	Date          Date          `json:"date"`
	DatePrecision Precision     `json:"datePrecision,omitempty"`
	Location      *Location     `json:"location,omitempty"`
	Participants  []Participant `json:"participants"`
	Evidence      []Evidence    `json:"evidence"`
	Confidence    float64       `json:"confidence"`
	Modality      Modality      `json:"modality,omitempty"`
	// Rule names the extraction rule that produced the event (see docs/extraction.md).
	Rule string `json:"rule,omitempty"`
}

// Location is where an event took place.
type Location struct {
	Name    string `json:"name"`
	NameAr  string `json:"nameAr,omitempty"`
	Country string `json:"country,omitempty"`
}

// Participant is an entity taking part in an event, with its part.
type Participant struct {
	Entity string          `json:"entity"`
	Role   ParticipantRole `json:"role"`
}

// Position is a stance of a holder on a topic, about a target.
type Position struct {
	ID            string     `json:"id"`
	Holder        string     `json:"holder"`
	Stance        Stance     `json:"stance"`
	StanceKind    StanceKind `json:"stanceKind,omitempty"`
	Topic         Topic      `json:"topic"`
	Target        RefOrNull  `json:"target"`
	Date          Date       `json:"date"`
	DatePrecision Precision  `json:"datePrecision,omitempty"`
	Evidence      []Evidence `json:"evidence"`
	Confidence    float64    `json:"confidence"`
	Modality      Modality   `json:"modality,omitempty"`
	Rule          string     `json:"rule,omitempty"`
}

// RefOrNull is an entity id that is written as JSON null when empty.
type RefOrNull string

// MarshalJSON writes null for the empty reference.
func (r RefOrNull) MarshalJSON() ([]byte, error) {
	if r == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(r))
}

// UnmarshalJSON reads a string or null.
func (r *RefOrNull) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*r = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*r = RefOrNull(s)
	return nil
}

// Entity returns the entity with the given id, or nil.
func (x *Extraction) Entity(id string) *Entity {
	for i := range x.Entities {
		if x.Entities[i].ID == id {
			return &x.Entities[i]
		}
	}
	return nil
}

// FillPrecision sets DatePrecision of every event and position from its Date, so that the two fields
// never disagree.
func (x *Extraction) FillPrecision() {
	for i := range x.Events {
		x.Events[i].DatePrecision = x.Events[i].Date.Precision()
	}
	for i := range x.Positions {
		x.Positions[i].DatePrecision = x.Positions[i].Date.Precision()
	}
}

// CountryOf returns the ISO code an entity stands for: a country's own code, or the country of a
// person's first role. It returns "" for organizations and for persons without a state role.
func (e *Entity) CountryOf() string {
	switch e.Type {
	case EntityCountry:
		return e.Code
	case EntityPerson:
		for _, r := range e.Roles {
			if r.Country != "" {
				return r.Country
			}
		}
	}
	return ""
}
