package store

import (
	"fmt"
)

// retract removes what the given articles (replaced by new content at the same URL) brought to the
// graph: their sources of events and positions, the facts left without any source, their part in
// participations, places and role observations, their mentions, the entities no longer connected to
// anything, and the articles themselves. The facts other articles also report stay, with their other
// sources.
func (b *batch) retract(old []string) error {
	p := map[string]any{"old": old}
	recs, err := b.exec("retract sources", `
UNWIND $old AS oid
MATCH (f)-[r:REPORTED_IN]->(:Article {id: oid})
DELETE r
RETURN DISTINCT f.id AS id`, p)
	if err != nil {
		return err
	}
	var facts []string
	for _, rec := range recs {
		if id, ok := rec.Get("id"); ok {
			facts = append(facts, id.(string))
		}
	}
	p["facts"] = facts
	ents, err := b.exec("entities of retracted articles", `
UNWIND $old AS oid
MATCH (:Article {id: oid})-[:MENTIONS]->(e:Entity)
RETURN collect(DISTINCT e.id) AS ids`, p)
	if err != nil {
		return err
	}
	var entities []string
	if len(ents) > 0 {
		if v, ok := ents[0].Get("ids"); ok {
			for _, x := range v.([]any) {
				entities = append(entities, x.(string))
			}
		}
	}
	p["entities"] = entities
	steps := []struct{ what, query string }{
		{"retract participations", `
UNWIND $facts AS fid
MATCH (e:Event {id: fid})<-[x:PARTICIPATED_IN]-()
WHERE any(a IN x.articles WHERE a IN $old)
SET x.articles = [a IN x.articles WHERE NOT a IN $old]
WITH x WHERE size(x.articles) = 0
DELETE x`},
		{"retract places", `
UNWIND $facts AS fid
MATCH (e:Event {id: fid})-[x:HELD_IN]->()
WHERE any(a IN x.articles WHERE a IN $old)
SET x.articles = [a IN x.articles WHERE NOT a IN $old]
WITH x WHERE size(x.articles) = 0
DELETE x`},
		{"delete events without sources", `
UNWIND $facts AS fid
MATCH (f:Event {id: fid})
WHERE NOT (f)-[:REPORTED_IN]->()
DETACH DELETE f`},
		{"delete positions without sources", `
UNWIND $facts AS fid
MATCH (f:Position {id: fid})
WHERE NOT (f)-[:REPORTED_IN]->()
DETACH DELETE f`},
		// The retracted articles' role observations go with their MENTIONS; the roles of their
		// persons are summarized again from the other articles', and deleted when none is left.
		{"delete roles without observations", `
UNWIND $entities AS pid
MATCH (p:Person {id: pid})-[x:HOLDS_ROLE]->(h)` + roleObservations + `
WHERE size(obs) = 0
DELETE x`},
		{"summarize remaining roles", `
UNWIND $entities AS pid
MATCH (p:Person {id: pid})-[x:HOLDS_ROLE]->(h)` + roleObservations + roleSummary},
		{"delete retracted articles", `
UNWIND $old AS oid
MATCH (a:Article {id: oid})
DETACH DELETE a`},
		{"delete orphan entities", `
UNWIND $entities AS eid
MATCH (e:Entity {id: eid})
WHERE NOT (e)--()
DELETE e`},
		{"delete orphan places", `
MATCH (pl:Place)
WHERE NOT (pl)<-[:HELD_IN]-()
DETACH DELETE pl`},
	}
	for _, st := range steps {
		if _, err := b.exec(st.what, st.query, p); err != nil {
			return fmt.Errorf("replace articles: %w", err)
		}
	}
	return b.rebuildAliases(entities)
}
