package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
)

// pathQuery finds the shortest paths between $src and $dst through asserted events in the window and
// offices held in it. The upper bound of a variable-length pattern cannot be a parameter, so the query
// exists once per bound (pathQueries).
const pathQuery = `
MATCH (a:Entity {id: $src}), (b:Entity {id: $dst})
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN|HOLDS_ROLE*..%d]-(b))
WHERE all(e IN nodes(p) WHERE NOT e:Event OR (` + eventInWindowCond + `))
  AND all(r IN relationships(p) WHERE type(r) = 'PARTICIPATED_IN' OR (NOT r.former AND ` + roleHeldCond + `))
WITH p LIMIT 100
RETURN [n IN nodes(p) | n {.id, .type, .name, .nameAr, .date, .location, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | r {type: type(r), source: startNode(r).id, target: endNode(r).id, .role, .title,
                                   .from, .to, .firstSeen, .lastSeen}] AS rels`

var pathQueries = map[int]string{}

func init() {
	for hops := 1; hops <= MaxHops; hops++ {
		pathQueries[hops] = fmt.Sprintf(pathQuery, hops)
	}
}

// Path returns the shortest connection between the entities src and dst (in the graph) of at most maxHops
// steps (1..MaxHops): from an entity to an event it took part in, or from a person to the holder of an
// office. Among paths of the same length it prefers those through events to those through offices, then
// those through fewer countries, then the first by ids, so the answer is stable. It returns an empty
// Subgraph when there is none.
func (s *Store) Path(ctx context.Context, src, dst string, maxHops int, w Window) (*Subgraph, error) {
	if maxHops < 1 || maxHops > MaxHops {
		return nil, diplograph.Errorf(diplograph.EINVALID, "maxHops must be between 1 and %d, got %d", MaxHops, maxHops)
	}
	if src == dst {
		return nil, diplograph.Errorf(diplograph.EINVALID, "a path needs two different entities, got %s twice", src)
	}
	recs, err := s.read(ctx, pathQueries[maxHops], w.params(map[string]any{"src": src, "dst": dst}))
	if err != nil {
		return nil, fmt.Errorf("read the path from %s to %s: %w", src, dst, err)
	}
	type path struct {
		nodes, rels []map[string]any
		key         string
		roles       int
		countries   int
	}
	var paths []path
	for _, r := range recs {
		m := r.AsMap()
		p := path{nodes: getMaps(m, "nodes"), rels: getMaps(m, "rels")}
		ids := make([]string, len(p.nodes))
		for i, n := range p.nodes {
			ids[i] = getStr(n, "id")
			if i > 0 && i < len(p.nodes)-1 && getStr(n, "type") == string(diplograph.EntityCountry) {
				p.countries++
			}
		}
		for _, rel := range p.rels {
			if getStr(rel, "type") == string(EdgeHoldsRole) {
				p.roles++
			}
		}
		p.key = strings.Join(ids, "|")
		paths = append(paths, p)
	}
	g := &Subgraph{Nodes: []GraphNode{}, Edges: []GraphEdge{}}
	if len(paths) == 0 {
		return g, nil
	}
	sort.Slice(paths, func(i, j int) bool {
		a, b := paths[i], paths[j]
		if a.roles != b.roles {
			return a.roles < b.roles
		}
		if a.countries != b.countries {
			return a.countries < b.countries
		}
		return a.key < b.key
	})
	best := paths[0]
	for i, n := range best.nodes {
		g.Nodes = append(g.Nodes, pathNode(n, i))
	}
	for _, r := range best.rels {
		g.Edges = append(g.Edges, pathEdge(r, best.nodes))
	}
	return g, nil
}

func pathNode(n map[string]any, distance int) GraphNode {
	for _, l := range getStrs(n, "labels") {
		if l == "Event" {
			t := diplograph.EventType(getStr(n, "type"))
			label := string(t)
			d := getDate(n, "date")
			if !d.IsZero() {
				label += " " + d.String()
			}
			if loc := getStr(n, "location"); loc != "" {
				label += ", " + loc
			}
			return GraphNode{ID: getStr(n, "id"), Label: label, Type: NodeEvent, EventType: &t, Date: d, Distance: distance}
		}
	}
	return entityNode(entityOf(n), distance)
}

func pathEdge(r map[string]any, nodes []map[string]any) GraphEdge {
	src, dst := getStr(r, "source"), getStr(r, "target")
	if getStr(r, "type") == string(EdgeHoldsRole) {
		role := Role{Title: diplograph.Title(getStr(r, "title")), From: getDate(r, "from"), To: getDate(r, "to"),
			FirstSeen: getDate(r, "firstSeen"), LastSeen: getDate(r, "lastSeen")}
		return newEdge(EdgeHoldsRole, src, dst, string(role.Title), role.Start(), role.End(), 1)
	}
	var d diplograph.Date
	for _, n := range nodes {
		if getStr(n, "id") == dst {
			d = getDate(n, "date")
		}
	}
	return newEdge(EdgeParticipatedIn, src, dst, getStr(r, "role"), d, d, 1)
}
