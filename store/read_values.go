package store

import (
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/diplograph/diplograph"
)

// neo4jRecord is a record of a query result.
type neo4jRecord = neo4j.Record

// Conversions from the values of Neo4j records (maps from RETURN x {…} projections) to Go values. A
// missing or null property gives the zero value; a malformed date gives the zero Date, as unknown.

func getStr(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func getOptStr(m map[string]any, k string) *string {
	if s, ok := m[k].(string); ok && s != "" {
		return &s
	}
	return nil
}

func getStrs(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func getBools(m map[string]any, k string) []bool {
	l, _ := m[k].([]any)
	out := make([]bool, 0, len(l))
	for _, v := range l {
		b, _ := v.(bool)
		out = append(out, b)
	}
	return out
}

func getInt(m map[string]any, k string) int {
	switch v := m[k].(type) {
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}

func getFloat(m map[string]any, k string) float64 {
	switch v := m[k].(type) {
	case float64:
		return v
	case int64:
		return float64(v)
	}
	return 0
}

func getOptFloat(m map[string]any, k string) *float64 {
	switch v := m[k].(type) {
	case float64:
		return &v
	case int64:
		f := float64(v)
		return &f
	}
	return nil
}

func getBool(m map[string]any, k string) bool {
	b, _ := m[k].(bool)
	return b
}

// getDate reads an ISO date at its precision ("2025", "2025-12", "2025-12-24") or a Neo4j date.
func getDate(m map[string]any, k string) diplograph.Date {
	switch v := m[k].(type) {
	case string:
		d, err := diplograph.ParseDate(v)
		if err != nil {
			return diplograph.Date{}
		}
		return d
	case dbtype.Date:
		return diplograph.DayDate(v.Time())
	case time.Time:
		return diplograph.DayDate(v)
	}
	return diplograph.Date{}
}

func getTime(m map[string]any, k string) time.Time {
	switch v := m[k].(type) {
	case time.Time:
		return v.UTC()
	case dbtype.LocalDateTime:
		return v.Time().UTC()
	}
	return time.Time{}
}

func getMap(m map[string]any, k string) map[string]any {
	v, _ := m[k].(map[string]any)
	return v
}

func getMaps(m map[string]any, k string) []map[string]any {
	l, _ := m[k].([]any)
	out := make([]map[string]any, 0, len(l))
	for _, v := range l {
		if x, ok := v.(map[string]any); ok {
			out = append(out, x)
		}
	}
	return out
}

// entityProjection is the Cypher map projection of an entity node n, read by entityOf.
const entityProjection = `n {.id, .type, .name, .nameAr, .code, .aliases, .wikidata, labels: labels(n)}`

// entityOf reads an entity projected with entityProjection.
func entityOf(m map[string]any) Entity {
	e := Entity{ID: getStr(m, "id"), Type: diplograph.EntityType(getStr(m, "type")), NameAr: getOptStr(m, "nameAr"),
		Code: getOptStr(m, "code"), Aliases: getStrs(m, "aliases"), Wikidata: getOptStr(m, "wikidata")}
	if e.Type == "" {
		for _, l := range getStrs(m, "labels") {
			switch l {
			case "Country":
				e.Type = diplograph.EntityCountry
			case "Person":
				e.Type = diplograph.EntityPerson
			case "Organization":
				e.Type = diplograph.EntityOrganization
			}
		}
	}
	e.Name = getStr(m, "name")
	switch {
	case e.Name != "":
	case e.NameAr != nil:
		e.Name = *e.NameAr
	case e.Code != nil:
		e.Name = *e.Code
	default:
		e.Name = e.ID
	}
	return e
}

// articleProjection is the projection of an article node a (without its body), read by articleOf.
const articleProjection = `a {.id, .title, .url, .source, .language, .published}`

func articleOf(m map[string]any) Article {
	return Article{ID: getStr(m, "id"), Title: getOptStr(m, "title"), URL: getOptStr(m, "url"),
		Source: getOptStr(m, "source"), Language: getOptStr(m, "language"), Published: getDate(m, "published")}
}

// eventProjection is the projection of an event node e, read by eventOf.
const eventProjection = `e {.id, .type, .date, .modality, .confidence, .location, .locationAr, .locationCountry,
    .reportedFirst, .ingestedAt, sources: size(COLLECT { MATCH (e)-[:REPORTED_IN]->(src:Article) RETURN DISTINCT src.id })}`

func eventOf(m map[string]any) Event {
	return Event{ID: getStr(m, "id"), Type: diplograph.EventType(getStr(m, "type")), Date: getDate(m, "date"),
		Modality: modality(getStr(m, "modality")), Confidence: getFloat(m, "confidence"),
		Location: getOptStr(m, "location"), LocationAr: getOptStr(m, "locationAr"), LocationCountry: getStr(m, "locationCountry"),
		ReportedFirst: getDate(m, "reportedFirst"), IngestedAt: getTime(m, "ingestedAt"), SourceCount: getInt(m, "sources")}
}

// positionProjection is the projection of a position node p, read by positionOf.
const positionProjection = `p {.id, .holder, .target, .stance, .stanceKind, .topic, .date, .modality, .confidence,
    .reportedFirst, .ingestedAt, sources: size(COLLECT { MATCH (p)-[:REPORTED_IN]->(src:Article) RETURN DISTINCT src.id })}`

func positionOf(m map[string]any) Position {
	p := Position{ID: getStr(m, "id"), HolderID: getStr(m, "holder"), TargetID: getStr(m, "target"),
		Stance: diplograph.Stance(getStr(m, "stance")), Topic: diplograph.Topic(getStr(m, "topic")), Date: getDate(m, "date"),
		Modality: modality(getStr(m, "modality")), Confidence: getFloat(m, "confidence"),
		ReportedFirst: getDate(m, "reportedFirst"), IngestedAt: getTime(m, "ingestedAt"), SourceCount: getInt(m, "sources")}
	if k := getStr(m, "stanceKind"); k != "" {
		sk := diplograph.StanceKind(k)
		p.StanceKind = &sk
	}
	return p
}

func modality(s string) diplograph.Modality {
	if s == "" {
		return diplograph.ModalityAsserted
	}
	return diplograph.Modality(s)
}

// firstMaps returns the first column of each record as a map.
func firstMaps(recs []*neo4jRecord) []map[string]any {
	out := make([]map[string]any, 0, len(recs))
	for _, r := range recs {
		if len(r.Values) > 0 {
			if m, ok := r.Values[0].(map[string]any); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// compareDates orders dates by their first day, the coarser first on the same day, unknown dates last.
func compareDates(a, b diplograph.Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	if c := a.Start().Time().Compare(b.Start().Time()); c != 0 {
		return c
	}
	return strings.Compare(a.String(), b.String())
}
