package store

import (
	"context"
	"fmt"

	"github.com/diplograph/diplograph"
)

// Relation is the timeline between two entities: their asserted, dated events together and the positions
// each stated about the other, counted in buckets.
type Relation struct {
	AID, BID  string
	Interval  Interval
	From, To  diplograph.Date
	Buckets   []RelationBucket
	Total     *RelationBucket // nil when the window is open and there are no facts
	Events    []Event         // oldest first, at most MaxRelationList
	Positions []Position      // oldest first, at most MaxRelationList
}

// MaxRelationList bounds the events and the positions a Relation lists; MaxRelationFacts bounds those
// it counts.
const (
	MaxRelationList  = 500
	MaxRelationFacts = 5000
)

// relationQuery reads the facts between $a and $b. A side is the entity and its officials (persons with a
// HOLDS_ROLE to it not called former everywhere); what a side's positions may be about is the entity and,
// for a person, the countries he serves. Events need a participant of each side.
var relationQuery = `
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
OPTIONAL MATCH (oa:Person)-[ra:HOLDS_ROLE]->(a) WHERE NOT ra.former
WITH a, b, [a] + collect(DISTINCT oa) AS sideA
OPTIONAL MATCH (ob:Person)-[rb:HOLDS_ROLE]->(b) WHERE NOT rb.former
WITH a, b, sideA, [b] + collect(DISTINCT ob) AS sideB
WITH sideA, sideB,
     [a.id] + [(a)-[r:HOLDS_ROLE]->(c:Country) WHERE NOT r.former | c.id] AS aboutA,
     [b.id] + [(b)-[r:HOLDS_ROLE]->(c:Country) WHERE NOT r.former | c.id] AS aboutB
CALL (sideA, sideB) {
  UNWIND sideA AS x
  MATCH (x)-[:PARTICIPATED_IN]->(e:Event)
  WHERE e.modality = 'ASSERTED' AND e.dateStart IS NOT NULL %s
  WITH DISTINCT e, sideB
  WHERE any(y IN sideB WHERE EXISTS { (y)-[:PARTICIPATED_IN]->(e) })
  WITH e ORDER BY e.dateStart, e.id LIMIT $max
  RETURN collect(` + eventProjection + `) AS events
}
CALL (sideA, sideB, aboutA, aboutB) {
  UNWIND [x IN sideA | [x, aboutB]] + [y IN sideB | [y, aboutA]] AS pair
  WITH pair[0] AS h, pair[1] AS about
  MATCH (p:Position)-[:HELD_BY]->(h)
  WHERE p.target IN about AND p.modality = 'ASSERTED' AND p.dateStart IS NOT NULL %s
  WITH DISTINCT p ORDER BY p.dateStart, p.id LIMIT $max
  RETURN collect(` + positionProjection + `) AS positions
}
RETURN events, positions`

// The query in its four shapes: with or without each bound of the window.
var relationQueries = map[[2]bool]string{}

func init() {
	for _, from := range []bool{false, true} {
		for _, to := range []bool{false, true} {
			var ce, cp string
			if from {
				ce, cp = ce+" AND e.dateEnd >= date($from)", cp+" AND p.dateEnd >= date($from)"
			}
			if to {
				ce, cp = ce+" AND e.dateStart <= date($to)", cp+" AND p.dateStart <= date($to)"
			}
			relationQueries[[2]bool{from, to}] = fmt.Sprintf(relationQuery, ce, cp)
		}
	}
}

// Relation reads the relation between the entities a and b (ids of entities in the graph) in the window,
// in buckets of the interval. The error has the code EINVALID when the window holds more than MaxBuckets
// buckets.
func (s *Store) Relation(ctx context.Context, a, b string, w Window, interval Interval) (*Relation, error) {
	params := w.params(map[string]any{"a": a, "b": b, "max": MaxRelationFacts})
	cypher := relationQueries[[2]bool{params["from"] != nil, params["to"] != nil}]
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("read the relation of %s and %s: %w", a, b, err)
	}
	r := &Relation{AID: a, BID: b, Interval: interval, From: w.From, To: w.To}
	if len(recs) > 0 {
		m := recs[0].AsMap()
		for _, e := range getMaps(m, "events") {
			r.Events = append(r.Events, eventOf(e))
		}
		for _, p := range getMaps(m, "positions") {
			r.Positions = append(r.Positions, positionOf(p))
		}
	}
	if err := r.count(); err != nil {
		return nil, err
	}
	if len(r.Events) > MaxRelationList {
		r.Events = r.Events[:MaxRelationList]
	}
	if len(r.Positions) > MaxRelationList {
		r.Positions = r.Positions[:MaxRelationList]
	}
	if r.Events == nil {
		r.Events = []Event{}
	}
	if r.Positions == nil {
		r.Positions = []Position{}
	}
	return r, nil
}
