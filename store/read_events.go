package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/diplograph/diplograph"
)

// MaxPage bounds the items of one page of a list.
const MaxPage = 100

// EventQuery selects events. The Cypher it makes is assembled from constant fragments; every value is
// a parameter.
type EventQuery struct {
	// Participants must all have taken part. An entity takes part through itself or through any of its
	// officials: persons with a HOLDS_ROLE to it that not every observation calls former.
	Participants []string
	Types        []diplograph.EventType
	// Window keeps events whose date span overlaps it.
	Window Window
	// Place is a Place id, or a country id for events held in that country.
	Place      string
	MinSources int
	// Modalities defaults to ASSERTED.
	Modalities []diplograph.Modality
	Desc       bool // newest first
	Offset     int
	Limit      int  // 1..MaxPage
	Count      bool // count the whole list into Page.Total
}

// Events returns a page of the events the query selects, oldest first (newest first with Desc); events
// without a date come last.
func (s *Store) Events(ctx context.Context, q EventQuery) (Page[Event], error) {
	params := map[string]any{}
	match := q.match(params)
	order := "ORDER BY e.dateStart IS NULL, e.dateStart, e.id"
	if q.Desc {
		order = "ORDER BY e.dateStart IS NULL, e.dateStart DESC, e.id DESC"
	}
	page, err := s.page(ctx, match, "e", order, eventProjection, q.Offset, q.Limit, q.Count, params)
	if err != nil {
		return Page[Event]{}, fmt.Errorf("read events: %w", err)
	}
	out := Page[Event]{Total: page.Total, HasMore: page.HasMore, Items: make([]Event, len(page.Items))}
	for i, m := range page.Items {
		out.Items[i] = eventOf(m)
	}
	return out, nil
}

// match returns the MATCH … WHERE of the query, binding e, and adds its parameters.
func (q *EventQuery) match(p map[string]any) string {
	var b strings.Builder
	if len(q.Participants) > 0 {
		p["p0"] = q.Participants[0]
		b.WriteString(`
MATCH (x0:Entity {id: $p0})
OPTIONAL MATCH (o0:Person)-[r0:HOLDS_ROLE]->(x0) WHERE NOT r0.former
WITH x0, collect(o0) AS o0s
UNWIND [x0] + o0s AS a0
MATCH (a0)-[:PARTICIPATED_IN]->(e:Event)
WITH DISTINCT e`)
	} else {
		b.WriteString("\nMATCH (e:Event)")
	}
	conds := []string{"e.modality IN $modalities"}
	p["modalities"] = modalityParams(q.Modalities)
	if len(q.Participants) > 1 {
		p["prest"] = q.Participants[1:]
		conds = append(conds, `all(pid IN $prest WHERE EXISTS {
    MATCH (y:Entity)-[:PARTICIPATED_IN]->(e)
    WHERE y.id = pid OR EXISTS { MATCH (y)-[ry:HOLDS_ROLE]->(h:Entity) WHERE h.id = pid AND NOT ry.former } })`)
	}
	if len(q.Types) > 0 {
		types := make([]string, len(q.Types))
		for i, t := range q.Types {
			types[i] = string(t)
		}
		p["types"] = types
		conds = append(conds, "e.type IN $types")
	}
	conds = append(conds, windowConds("e", q.Window, p)...)
	if q.Place != "" {
		if code, ok := strings.CutPrefix(q.Place, "country:"); ok {
			p["placeCountry"] = code
			conds = append(conds, "e.locationCountry = $placeCountry")
		} else {
			p["place"] = q.Place
			conds = append(conds, "EXISTS { MATCH (e)-[:HELD_IN]->(pl:Place) WHERE pl.id = $place }")
		}
	}
	if q.MinSources > 1 {
		p["minSources"] = q.MinSources
		conds = append(conds, "COUNT { MATCH (e)-[:REPORTED_IN]->(src:Article) RETURN DISTINCT src } >= $minSources")
	}
	b.WriteString("\nWHERE " + strings.Join(conds, "\n  AND "))
	return b.String()
}

// windowConds are the conditions that the date span of the fact v overlaps the window. A span is at most
// a year long, so a fact ending after from starts at most 366 days before it: saying so lets the planner
// seek the dateStart index from either bound.
func windowConds(v string, w Window, p map[string]any) []string {
	w.params(p)
	var conds []string
	if p["from"] != nil {
		conds = append(conds, v+".dateEnd >= date($from)", v+".dateStart >= date($from) - duration('P366D')")
	}
	if p["to"] != nil {
		conds = append(conds, v+".dateStart <= date($to)")
	}
	return conds
}

func modalityParams(ms []diplograph.Modality) []string {
	if len(ms) == 0 {
		return []string{string(diplograph.ModalityAsserted)}
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = string(m)
	}
	return out
}

// page runs a list query: match binds the variable v, order sorts it, proj projects it. It reads one item
// more than the limit to tell whether more follow, and counts the whole list in the same round trip when
// count is set.
func (s *Store) page(ctx context.Context, match, v, order, proj string, offset, limit int, count bool,
	params map[string]any) (Page[map[string]any], error) {
	if limit < 0 || limit > MaxPage {
		return Page[map[string]any]{}, diplograph.Errorf(diplograph.EINVALID, "first must be between 0 and %d, got %d", MaxPage, limit)
	}
	if offset < 0 {
		offset = 0
	}
	params["skip"], params["limit"] = offset, limit+1
	body := match + "\nWITH " + v + " " + order + " SKIP $skip LIMIT $limit\nRETURN collect(" + proj + ") AS page"
	cypher := "CALL () {" + body + "\n}\nRETURN -1 AS total, page"
	if count {
		cypher = "CALL () {" + match + "\nRETURN count(" + v + ") AS total\n}\nCALL () {" + body + "\n}\nRETURN total, page"
	}
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return Page[map[string]any]{}, err
	}
	out := Page[map[string]any]{Total: -1}
	if len(recs) == 0 {
		return out, nil
	}
	m := recs[0].AsMap()
	out.Total = getInt(m, "total")
	out.Items = getMaps(m, "page")
	if len(out.Items) > limit {
		out.Items, out.HasMore = out.Items[:limit], true
	}
	return out, nil
}

// EventsByID returns the events with the given ids; ids not in the graph are absent from the map.
func (s *Store) EventsByID(ctx context.Context, ids []string) (map[string]Event, error) {
	out := make(map[string]Event, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := s.read(ctx, "UNWIND $ids AS id\nMATCH (e:Event {id: id})\nRETURN "+eventProjection, map[string]any{"ids": ids})
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	for _, m := range firstMaps(recs) {
		ev := eventOf(m)
		out[ev.ID] = ev
	}
	return out, nil
}

// MaxPerArticle bounds the events (and the positions) listed for one article.
const MaxPerArticle = 100

// EventsByArticle returns the events each article reports, oldest first (at most MaxPerArticle).
func (s *Store) EventsByArticle(ctx context.Context, articleIDs []string) (map[string][]Event, error) {
	recs, err := s.read(ctx, `
UNWIND $ids AS id
MATCH (:Article {id: id})<-[:REPORTED_IN]-(e:Event)
WITH DISTINCT id, e ORDER BY e.dateStart IS NULL, e.dateStart, e.id
WITH id, collect(`+eventProjection+`)[..$max] AS events
RETURN id, events`, map[string]any{"ids": articleIDs, "max": MaxPerArticle})
	if err != nil {
		return nil, fmt.Errorf("read the events of articles: %w", err)
	}
	out := make(map[string][]Event, len(articleIDs))
	for _, id := range articleIDs {
		out[id] = []Event{}
	}
	for _, r := range recs {
		m := r.AsMap()
		id := getStr(m, "id")
		for _, e := range getMaps(m, "events") {
			out[id] = append(out[id], eventOf(e))
		}
	}
	return out, nil
}
