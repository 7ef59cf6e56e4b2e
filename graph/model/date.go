// Package model holds the GraphQL types that are not the store's read models: the Entity interface and
// its three implementations, the Date scalar, and what gqlgen generates (models_gen.go).
package model

import (
	"io"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"github.com/diplograph/diplograph"
)

// MarshalDate writes a Date as an ISO string at its precision ("2025", "2025-12", "2025-12-24"), or null
// when unknown.
func MarshalDate(d diplograph.Date) graphql.Marshaler {
	if d.IsZero() {
		return graphql.Null
	}
	return graphql.WriterFunc(func(w io.Writer) {
		io.WriteString(w, strconv.Quote(d.String()))
	})
}

// UnmarshalDate reads a Date from an ISO string at any precision.
func UnmarshalDate(v any) (diplograph.Date, error) {
	s, ok := v.(string)
	if !ok {
		return diplograph.Date{}, diplograph.Errorf(diplograph.EINVALID, "Date: want a string such as \"2025\", \"2025-12\" or \"2025-12-24\", got %T", v)
	}
	d, err := diplograph.ParseDate(s)
	if err != nil {
		return diplograph.Date{}, diplograph.Errorf(diplograph.EINVALID, "%v", err)
	}
	if d.IsZero() {
		return d, diplograph.Errorf(diplograph.EINVALID, "Date: empty string: want \"2025\", \"2025-12\" or \"2025-12-24\"")
	}
	return d, nil
}
