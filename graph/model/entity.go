package model

import (
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/store"
)

// Entity is the GraphQL interface of countries, persons and organizations.
type Entity interface {
	IsEntity()
	// Base returns the entity's stored values.
	Base() *store.Entity
}

// Country is a country entity.
type Country struct{ store.Entity }

// Person is a person entity.
type Person struct{ store.Entity }

// Organization is an organization entity.
type Organization struct{ store.Entity }

func (*Country) IsEntity()      {}
func (*Person) IsEntity()       {}
func (*Organization) IsEntity() {}

func (c *Country) Base() *store.Entity      { return &c.Entity }
func (p *Person) Base() *store.Entity       { return &p.Entity }
func (o *Organization) Base() *store.Entity { return &o.Entity }

// CountryCode is the country's ISO code, from its code or its id.
func (c *Country) CountryCode() string {
	if c.Code != nil {
		return *c.Code
	}
	return strings.TrimPrefix(c.ID, "country:")
}

// NewEntity wraps a stored entity in the Go type of its GraphQL type; nil for nil.
func NewEntity(e *store.Entity) Entity {
	if e == nil {
		return nil
	}
	switch e.Type {
	case diplograph.EntityCountry:
		return &Country{*e}
	case diplograph.EntityOrganization:
		return &Organization{*e}
	}
	return &Person{*e}
}
