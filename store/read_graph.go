package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
)

// GraphNodeType is the kind of a node of a Subgraph.
type GraphNodeType string

// GraphEdgeType is the kind of an edge of a Subgraph.
type GraphEdgeType string

const (
	NodeCountry      GraphNodeType = "COUNTRY"
	NodePerson       GraphNodeType = "PERSON"
	NodeOrganization GraphNodeType = "ORGANIZATION"
	NodeEvent        GraphNodeType = "EVENT"

	EdgeInteracted     GraphEdgeType = "INTERACTED"      // two entities took part in the same events
	EdgeHoldsRole      GraphEdgeType = "HOLDS_ROLE"      // a person holds an office of the target
	EdgePosition       GraphEdgeType = "POSITION"        // the source holds positions about the target
	EdgeParticipatedIn GraphEdgeType = "PARTICIPATED_IN" // an entity took part in an event
)

// GraphNode is a node for a drawing library.
type GraphNode struct {
	ID        string
	Label     string
	LabelAr   *string
	Type      GraphNodeType
	EventType *diplograph.EventType
	Date      diplograph.Date
	Distance  int
}

// GraphEdge is an edge for a drawing library.
type GraphEdge struct {
	ID             string
	Source, Target string
	Type           GraphEdgeType
	Label          *string
	Start, End     diplograph.Date
	Count          int
	Weight         float64
}

// Subgraph is a set of nodes and the edges between them.
type Subgraph struct {
	Nodes []GraphNode
	Edges []GraphEdge
}

// Bounds of the graph queries.
const (
	MaxDepth     = 3
	MaxGraphSize = 500
	MaxHops      = 6
)

// roleHeldCond holds when the HOLDS_ROLE r was held at some time in $from..$to (ISO days, null when
// open): by the lexicon's term where known, else by the days articles saw it. ISO dates of any precision
// compare as strings once the end of a term is extended with "~", which sorts after every digit.
const roleHeldCond = `(CASE WHEN r.from IS NOT NULL OR r.to IS NOT NULL
    THEN ($to IS NULL OR r.from IS NULL OR r.from <= $to) AND ($from IS NULL OR r.to IS NULL OR r.to + '~' >= $from)
    ELSE r.firstSeen IS NOT NULL AND ($to IS NULL OR r.firstSeen <= $to) AND ($from IS NULL OR r.lastSeen + '~' >= $from) END)`

// eventInWindowCond holds when the event e is asserted and its date span overlaps $from..$to.
const eventInWindowCond = `e.modality = 'ASSERTED'
    AND ($from IS NULL OR e.dateEnd >= date($from)) AND ($to IS NULL OR e.dateStart <= date($to))`

const neighborsQuery = `
UNWIND $frontier AS fid
MATCH (x:Entity {id: fid})
CALL (x) {
  MATCH (x)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y:Entity)
  WHERE y <> x AND ` + eventInWindowCond + `
  RETURN y, count(DISTINCT e) AS w
  UNION ALL
  MATCH (x)-[r:HOLDS_ROLE]-(y:Entity)
  WHERE NOT r.former AND ` + roleHeldCond + `
  RETURN y, 1 AS w
}
WITH y AS n, sum(w) AS w
WHERE NOT n.id IN $seen
RETURN ` + entityProjection + ` AS entity, w
ORDER BY w DESC, n.id
LIMIT $room`

const edgesQuery = `
CALL () {
  MATCH (x:Entity)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y:Entity)
  WHERE x.id IN $ids AND y.id IN $ids AND x.id < y.id AND ` + eventInWindowCond + `
  WITH x.id AS source, y.id AS target, count(DISTINCT e) AS n, min(e.dateStart) AS first, max(e.dateEnd) AS last
  ORDER BY source, target
  RETURN collect({source: source, target: target, count: n, start: toString(first), end: toString(last)}) AS interacted
}
CALL () {
  MATCH (x:Person)-[r:HOLDS_ROLE]->(y:Entity)
  WHERE x.id IN $ids AND y.id IN $ids AND NOT r.former AND ` + roleHeldCond + `
  RETURN collect(r {source: x.id, target: y.id, .title, .from, .to, .firstSeen, .lastSeen}) AS roles
}
CALL () {
  MATCH (p:Position)-[:HELD_BY]->(x:Entity)
  WHERE x.id IN $ids AND p.target IN $ids AND p.target <> x.id AND p.modality = 'ASSERTED'
    AND ($from IS NULL OR p.dateEnd >= date($from)) AND ($to IS NULL OR p.dateStart <= date($to))
  WITH x.id AS source, p.target AS target, p.stance AS stance, p.topic AS topic, count(p) AS n,
       min(p.dateStart) AS first, max(p.dateEnd) AS last
  RETURN collect({source: source, target: target, stance: stance, topic: topic, count: n,
                  start: toString(first), end: toString(last)}) AS positions
}
RETURN interacted, roles, positions`

// Neighborhood returns the entities around center (an entity in the graph) up to depth steps away
// (1..MaxDepth) and the edges among them, at most limit nodes (the most connected first at each step).
// A step joins two entities that took part in the same asserted events in the window, or a person and
// the country or organization of an office he held in it.
func (s *Store) Neighborhood(ctx context.Context, center Entity, depth int, w Window, limit int) (*Subgraph, error) {
	if depth < 1 || depth > MaxDepth {
		return nil, diplograph.Errorf(diplograph.EINVALID, "depth must be between 1 and %d, got %d", MaxDepth, depth)
	}
	if limit < 1 || limit > MaxGraphSize {
		return nil, diplograph.Errorf(diplograph.EINVALID, "limit must be between 1 and %d, got %d", MaxGraphSize, limit)
	}
	g := &Subgraph{Nodes: []GraphNode{entityNode(center, 0)}, Edges: []GraphEdge{}}
	seen := []string{center.ID}
	frontier := []string{center.ID}
	for d := 1; d <= depth && len(frontier) > 0 && len(seen) < limit; d++ {
		params := w.params(map[string]any{"frontier": frontier, "seen": seen, "room": limit - len(seen)})
		recs, err := s.read(ctx, neighborsQuery, params)
		if err != nil {
			return nil, fmt.Errorf("read the neighbours of %s: %w", center.ID, err)
		}
		frontier = frontier[:0:0]
		for _, m := range firstMaps(recs) {
			e := entityOf(m)
			g.Nodes = append(g.Nodes, entityNode(e, d))
			seen = append(seen, e.ID)
			frontier = append(frontier, e.ID)
		}
	}
	if err := s.addEdges(ctx, g, seen, w); err != nil {
		return nil, err
	}
	return g, nil
}

// addEdges adds the edges among the nodes ids: shared events, offices and positions.
func (s *Store) addEdges(ctx context.Context, g *Subgraph, ids []string, w Window) error {
	recs, err := s.read(ctx, edgesQuery, w.params(map[string]any{"ids": ids}))
	if err != nil {
		return fmt.Errorf("read the edges of a neighbourhood: %w", err)
	}
	if len(recs) == 0 {
		return nil
	}
	m := recs[0].AsMap()
	for _, x := range getMaps(m, "interacted") {
		n := getInt(x, "count")
		g.Edges = append(g.Edges, newEdge(EdgeInteracted, getStr(x, "source"), getStr(x, "target"),
			plural(n, "event"), getDate(x, "start"), getDate(x, "end"), n))
	}
	g.Edges = append(g.Edges, roleEdges(getMaps(m, "roles"))...)
	g.Edges = append(g.Edges, positionEdges(getMaps(m, "positions"))...)
	return nil
}

func newEdge(t GraphEdgeType, source, target, label string, start, end diplograph.Date, count int) GraphEdge {
	e := GraphEdge{ID: string(t) + ":" + source + "->" + target, Source: source, Target: target, Type: t,
		Start: start, End: end, Count: count, Weight: float64(count)}
	if label != "" {
		e.Label = &label
	}
	if e.Weight < 1 {
		e.Weight = 1
	}
	return e
}

// roleEdges makes one edge per person and holder from HOLDS_ROLE projections, its label the titles,
// most senior first.
func roleEdges(rows []map[string]any) []GraphEdge {
	type key struct{ s, t string }
	groups := map[key][]Role{}
	var keys []key
	for _, x := range rows {
		k := key{getStr(x, "source"), getStr(x, "target")}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], Role{Title: diplograph.Title(getStr(x, "title")), From: getDate(x, "from"), To: getDate(x, "to"),
			FirstSeen: getDate(x, "firstSeen"), LastSeen: getDate(x, "lastSeen")})
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].s < keys[j].s || keys[i].s == keys[j].s && keys[i].t < keys[j].t })
	var out []GraphEdge
	for _, k := range keys {
		rs := groups[k]
		sortRoles(rs)
		titles := make([]string, len(rs))
		var start, end diplograph.Date
		open := false
		for i := range rs {
			r := &rs[i]
			titles[i] = string(r.Title)
			if st := r.Start(); !st.IsZero() && (start.IsZero() || st.Before(start)) {
				start = st
			}
			if en := r.End(); en.IsZero() {
				open = true
			} else if end.IsZero() || end.Before(en) {
				end = en
			}
		}
		if open {
			end = diplograph.Date{}
		}
		out = append(out, newEdge(EdgeHoldsRole, k.s, k.t, strings.Join(titles, ", "), start, end, len(rs)))
	}
	return out
}

// positionEdges makes one edge per holder and target from groups of positions by stance and topic, its
// label how many favour and oppose the target.
func positionEdges(rows []map[string]any) []GraphEdge {
	type key struct{ s, t string }
	type agg struct {
		n, favour, oppose int
		start, end        diplograph.Date
	}
	groups := map[key]*agg{}
	var keys []key
	for _, x := range rows {
		k := key{getStr(x, "source"), getStr(x, "target")}
		a := groups[k]
		if a == nil {
			a = &agg{}
			groups[k] = a
			keys = append(keys, k)
		}
		n := getInt(x, "count")
		a.n += n
		p := Position{Stance: diplograph.Stance(getStr(x, "stance")), Topic: diplograph.Topic(getStr(x, "topic"))}
		switch p.Leaning() {
		case 1:
			a.favour += n
		case -1:
			a.oppose += n
		}
		if st := getDate(x, "start"); !st.IsZero() && (a.start.IsZero() || st.Before(a.start)) {
			a.start = st
		}
		if en := getDate(x, "end"); !en.IsZero() && (a.end.IsZero() || a.end.Before(en)) {
			a.end = en
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].s < keys[j].s || keys[i].s == keys[j].s && keys[i].t < keys[j].t })
	var out []GraphEdge
	for _, k := range keys {
		a := groups[k]
		label := fmt.Sprintf("%s: %d favour, %d oppose", plural(a.n, "position"), a.favour, a.oppose)
		out = append(out, newEdge(EdgePosition, k.s, k.t, label, a.start, a.end, a.n))
	}
	return out
}

func entityNode(e Entity, distance int) GraphNode {
	return GraphNode{ID: e.ID, Label: e.Name, LabelAr: e.NameAr, Type: GraphNodeType(e.Type), Distance: distance}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
