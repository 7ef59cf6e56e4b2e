// Package schema holds the JSON Schema (draft 2020-12) of the Extraction document, the contract that
// `diplograph extract` writes and the loader reads, and validates documents against it.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/diplograph/diplograph"
)

// ExtractionJSON is the JSON Schema of the Extraction document.
//
//go:embed extraction.schema.json
var ExtractionJSON []byte

// schemaURL is the name the schema is compiled under.
const schemaURL = "extraction.schema.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ExtractionJSON))
	if err != nil {
		return nil, fmt.Errorf("extraction schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, fmt.Errorf("extraction schema: %w", err)
	}
	s, err := c.Compile(schemaURL)
	if err != nil {
		return nil, fmt.Errorf("extraction schema: %w", err)
	}
	return s, nil
})

// FieldError is one failing field of a document.
type FieldError struct {
	// Path names the field: "article.id", "positions[0].stance", "entities[2].mentions[0].start";
	// "(document)" for the document itself.
	Path    string
	Message string
}

func (f FieldError) String() string { return f.Path + ": " + f.Message }

// Error is the list of fields of a document that do not match the schema (or, from CheckExtraction,
// that are inconsistent).
type Error struct {
	Fields []FieldError
}

// maxListed bounds the fields Error() lists.
const maxListed = 10

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("invalid extraction document: ")
	for i, f := range e.Fields {
		if i == maxListed {
			fmt.Fprintf(&b, "; and %d more", len(e.Fields)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.String())
	}
	return b.String()
}

// ValidateExtraction checks one Extraction document (JSON) against the schema. It returns nil when the
// document is valid, an *Error naming every failing field otherwise, or an error saying the input is
// not JSON.
func ValidateExtraction(doc []byte) error {
	s, err := compiled()
	if err != nil {
		return err
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return fmt.Errorf("extraction document is not JSON: %w", err)
	}
	err = s.Validate(v)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return err
	}
	return &Error{Fields: fieldErrors(ve)}
}

var printer = message.NewPrinter(language.English)

// fieldErrors flattens a validation error into its leaves, one per field and message.
func fieldErrors(ve *jsonschema.ValidationError) []FieldError {
	var out []FieldError
	seen := map[FieldError]bool{}
	add := func(f FieldError) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		loc := e.InstanceLocation
		switch k := e.ErrorKind.(type) {
		case *kind.Required:
			for _, m := range k.Missing {
				add(FieldError{fieldPath(append(loc[:len(loc):len(loc)], m)), "missing (required)"})
			}
		case *kind.Not:
			// The schema's only "not": datePrecision with a null date.
			add(FieldError{fieldPath(append(loc[:len(loc):len(loc)], "datePrecision")), "must be absent when date is null"})
		case *kind.Pattern:
			add(FieldError{fieldPath(loc), fmt.Sprintf("%q is not %s", k.Got, patternName(k.Want))})
		default:
			add(FieldError{fieldPath(loc), e.ErrorKind.LocalizedString(printer)})
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// fieldPath writes a JSON pointer's tokens as a field path: entities[2].mentions[0].start.
func fieldPath(tokens []string) string {
	if len(tokens) == 0 {
		return "(document)"
	}
	var b strings.Builder
	for _, t := range tokens {
		if _, err := strconv.Atoi(t); err == nil {
			b.WriteString("[" + t + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(t)
	}
	return b.String()
}

// patternName describes a pattern of the schema in words.
func patternName(p string) string {
	switch p {
	case `^\d{4}(-\d{2}(-\d{2})?)?$`:
		return "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null"
	case `^[A-Z]{2}$`:
		return "an ISO 3166-1 alpha-2 code"
	case `^sha256:[0-9a-f]{64}$`:
		return "sha256: and 64 lowercase hex digits"
	case `^country:`:
		return "a country id (country:XX)"
	case `^org:`:
		return "an organization id (org:CODE)"
	case `^person:`:
		return "a person id (person:slug)"
	case `^Q[1-9][0-9]*$`:
		return "a Wikidata id (Q and digits)"
	}
	if p == entityIDPattern() {
		return "an entity id (country:XX, org:CODE or person:slug)"
	}
	return "of the form " + p
}

var entityIDPattern = sync.OnceValue(func() string {
	var s struct {
		Defs map[string]struct {
			Pattern string `json:"pattern"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(ExtractionJSON, &s); err != nil {
		return ""
	}
	return s.Defs["entityIdPattern"].Pattern
})

// CheckExtraction reports what the schema cannot say about a document: every mention and evidence
// span lies inside article.body and its text equals the body sliced in code points (when the body is
// given), every entity id that events and positions refer to is an entity of the document, and entity,
// event and position ids are unique. It returns nil or an *Error.
func CheckExtraction(x *diplograph.Extraction) error {
	var errs []FieldError
	fail := func(path, format string, args ...any) {
		errs = append(errs, FieldError{path, fmt.Sprintf(format, args...)})
	}
	body := x.Article.Body
	// offsets[i] is the byte offset of code point i; the last entry is len(body).
	var offsets []int
	if body != "" {
		offsets = make([]int, 0, len(body)+1)
		for i := range body {
			offsets = append(offsets, i)
		}
		offsets = append(offsets, len(body))
	}
	span := func(path, text string, start, end int) {
		switch {
		case start < 0 || end < start:
			fail(path, "bad span [%d, %d)", start, end)
		case body == "":
		case end >= len(offsets):
			fail(path, "span [%d, %d) ends after the body (%d code points)", start, end, len(offsets)-1)
		case body[offsets[start]:offsets[end]] != text:
			fail(path, "text %q is not the body's [%d, %d): %q", text, start, end, body[offsets[start]:offsets[end]])
		case !utf8.ValidString(text):
			fail(path, "text is not valid UTF-8")
		}
	}
	entities := make(map[string]bool, len(x.Entities))
	for i, e := range x.Entities {
		p := fmt.Sprintf("entities[%d]", i)
		if entities[e.ID] {
			fail(p+".id", "%q is the id of another entity too", e.ID)
		}
		entities[e.ID] = true
		for j, m := range e.Mentions {
			span(fmt.Sprintf("%s.mentions[%d]", p, j), m.Text, m.Start, m.End)
		}
	}
	ref := func(path, id string) {
		if !entities[id] {
			fail(path, "%q is not an entity of the document", id)
		}
	}
	ids := map[string]bool{}
	for i, ev := range x.Events {
		p := fmt.Sprintf("events[%d]", i)
		if ids[ev.ID] {
			fail(p+".id", "%q is the id of another event or position too", ev.ID)
		}
		ids[ev.ID] = true
		for j, pt := range ev.Participants {
			ref(fmt.Sprintf("%s.participants[%d].entity", p, j), pt.Entity)
		}
		for j, e := range ev.Evidence {
			span(fmt.Sprintf("%s.evidence[%d]", p, j), e.Text, e.Start, e.End)
		}
	}
	for i, pos := range x.Positions {
		p := fmt.Sprintf("positions[%d]", i)
		if ids[pos.ID] {
			fail(p+".id", "%q is the id of another event or position too", pos.ID)
		}
		ids[pos.ID] = true
		ref(p+".holder", pos.Holder)
		if pos.Target != "" {
			ref(p+".target", string(pos.Target))
		}
		for j, e := range pos.Evidence {
			span(fmt.Sprintf("%s.evidence[%d]", p, j), e.Text, e.Start, e.End)
		}
	}
	if len(errs) > 0 {
		return &Error{Fields: errs}
	}
	return nil
}
