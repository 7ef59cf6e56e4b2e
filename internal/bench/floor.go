package bench

import (
	"context"
	"fmt"
	"maps"
	"strconv"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// FloorWriter is the other bound the loader is measured against: the least work Neo4j can be given to
// store the same graph. It writes the nodes, relationships and properties the store writes for a
// batch of articles with plain CREATE in one transaction per batch — no MERGE, no reads before
// writing, no merging of events or positions across articles, no locks but those of creation — so
// its speed is what this Neo4j on this machine can take, whatever a loader does. (Role observations,
// a few lists on a few hundred relationships, are left out.)
//
// It is a diplograph.TurnWriter, so that the loader runs it as it runs the store: two batches in
// flight, here without waiting for each other's commit (plain CREATE takes no lock another batch
// needs).
type FloorWriter struct {
	Driver   neo4j.DriverWithContext
	Database string

	mu           sync.Mutex
	transactions int
	entities     map[string]string // element ids of the entities of committed batches
}

// Transactions returns how many transactions the writer committed.
func (w *FloorWriter) Transactions() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.transactions
}

// Write writes a batch of documents in one transaction.
func (w *FloorWriter) Write(ctx context.Context, docs []*diplograph.Extraction) (diplograph.WriteStats, error) {
	w.mu.Lock()
	known := maps.Clone(w.entities)
	w.mu.Unlock()
	created := map[string]string{}
	sess := w.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: w.Database})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		clear(created)
		return nil, w.write(ctx, tx, docs, known, created)
	})
	if err != nil {
		return diplograph.WriteStats{}, fmt.Errorf("floor write: %w", err)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.transactions++
	if w.entities == nil {
		w.entities = map[string]string{}
	}
	maps.Copy(w.entities, created)
	return diplograph.WriteStats{New: len(docs)}, nil
}

// WriteInTurn writes docs as Write does; the next batch may start at once.
func (w *FloorWriter) WriteInTurn(ctx context.Context, docs []*diplograph.Extraction, _, turn *diplograph.Turn) (diplograph.WriteStats, error) {
	turn.MarkSent()
	st, err := w.Write(ctx, docs)
	turn.Finish(err)
	return st, err
}

// write writes the batch; known are the element ids of the entities already stored, and created
// receives those of the entities it writes.
func (w *FloorWriter) write(ctx context.Context, tx neo4j.ManagedTransaction, docs []*diplograph.Extraction, known, created map[string]string) error {
	now := time.Now().UTC()
	var ents, arts, events, positions []map[string]any
	newEnt := map[string]bool{}
	for _, x := range docs {
		for _, e := range x.Entities {
			if _, ok := known[e.ID]; !ok && !newEnt[e.ID] {
				newEnt[e.ID] = true
				ents = append(ents, map[string]any{"id": e.ID, "props": map[string]any{"id": e.ID, "type": string(e.Type), "name": e.Name, "nameAr": e.NameAr, "code": e.Code}})
			}
		}
		a := x.Article
		arts = append(arts, map[string]any{"id": a.ID, "props": map[string]any{"id": a.ID, "url": a.URL, "title": a.Title,
			"source": a.Source, "language": a.Language, "published": a.Published.String(), "publishedDate": day(a.Published),
			"body": a.Body, "ingestedAt": now}})
		for i, ev := range x.Events {
			id := x.Article.ID + ":event:" + strconv.Itoa(i)
			props := map[string]any{"id": id, "type": string(ev.Type), "group": ev.Type.Group(), "matchKey": id, "mergeable": true,
				"date": ev.Date.String(), "datePrecision": string(ev.Date.Precision()), "dateStart": day(ev.Date), "dateEnd": day(ev.Date.End()),
				"modality": string(ev.Modality), "confidence": ev.Confidence, "reportedFirst": a.Published.String(), "ingestedAt": now}
			if l := ev.Location; l != nil {
				props["location"], props["locationAr"], props["locationCountry"] = l.Name, l.NameAr, l.Country
			}
			events = append(events, map[string]any{"id": id, "props": props})
		}
		for i, p := range x.Positions {
			id := x.Article.ID + ":position:" + strconv.Itoa(i)
			positions = append(positions, map[string]any{"id": id, "props": map[string]any{"id": id, "stance": string(p.Stance),
				"stanceKind": string(p.StanceKind), "topic": string(p.Topic), "date": p.Date.String(), "datePrecision": string(p.Date.Precision()),
				"dateStart": day(p.Date), "dateEnd": day(p.Date.End()), "modality": string(p.Modality), "holder": p.Holder,
				"target": string(p.Target), "confidence": p.Confidence, "reportedFirst": a.Published.String(), "ingestedAt": now}})
		}
	}
	eids := maps.Clone(known)
	if eids == nil {
		eids = map[string]string{}
	}
	for _, q := range []struct {
		rows  []map[string]any
		label string
		into  map[string]string
	}{
		{ents, "Entity", created}, {arts, "Article", eids}, {events, "Event", eids}, {positions, "Position", eids},
	} {
		if len(q.rows) == 0 {
			continue
		}
		// Entities are merged (a few hundred, each once or twice), so that batches may run at once.
		create := "CREATE (n:" + q.label + ")"
		if q.label == "Entity" {
			create = "MERGE (n:Entity {id: r.id})"
		}
		res, err := tx.Run(ctx, "UNWIND $rows AS r "+create+" SET n = r.props RETURN r.id AS id, elementId(n) AS eid",
			map[string]any{"rows": q.rows})
		if err != nil {
			return err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return err
		}
		for _, rec := range recs {
			id, _ := rec.Get("id")
			eid, _ := rec.Get("eid")
			q.into[id.(string)] = eid.(string)
			eids[id.(string)] = eid.(string)
		}
	}
	rels := map[string][]map[string]any{}
	rel := func(typ, from, to string, props map[string]any) {
		if eids[from] == "" || eids[to] == "" {
			return
		}
		rels[typ] = append(rels[typ], map[string]any{"from": eids[from], "to": eids[to], "props": props})
	}
	for _, x := range docs {
		aid := x.Article.ID
		for _, e := range x.Entities {
			texts := make([]string, 0, len(e.Mentions))
			first := 0
			for i, m := range e.Mentions {
				texts = append(texts, m.Text)
				if i == 0 {
					first = m.Start
				}
			}
			rel("MENTIONS", aid, e.ID, map[string]any{"count": len(e.Mentions), "first": first, "texts": texts})
		}
		source := func(fact string, v diplograph.Evidence, conf float64, rule string) {
			rel("REPORTED_IN", fact, aid, map[string]any{"start": v.Start, "end": v.End, "quote": v.Text, "confidence": conf,
				"rule": rule, "published": x.Article.Published.String()})
		}
		for i, ev := range x.Events {
			id := aid + ":event:" + strconv.Itoa(i)
			for _, p := range ev.Participants {
				rel("PARTICIPATED_IN", p.Entity, id, map[string]any{"role": string(p.Role), "articles": []string{aid}})
			}
			for _, v := range ev.Evidence {
				source(id, v, ev.Confidence, ev.Rule)
			}
		}
		for i, p := range x.Positions {
			id := aid + ":position:" + strconv.Itoa(i)
			rel("HELD_BY", id, p.Holder, map[string]any{})
			if p.Target != "" {
				rel("ABOUT", id, string(p.Target), map[string]any{})
			}
			for _, v := range p.Evidence {
				source(id, v, p.Confidence, p.Rule)
			}
		}
	}
	for _, typ := range []string{"MENTIONS", "PARTICIPATED_IN", "HELD_BY", "ABOUT", "REPORTED_IN"} {
		if len(rels[typ]) == 0 {
			continue
		}
		res, err := tx.Run(ctx, `UNWIND $rows AS r
MATCH (a) WHERE elementId(a) = r.from
MATCH (b) WHERE elementId(b) = r.to
CREATE (a)-[x:`+typ+`]->(b) SET x = r.props`, map[string]any{"rows": rels[typ]})
		if err != nil {
			return err
		}
		if _, err := res.Consume(ctx); err != nil {
			return err
		}
	}
	return nil
}

// day is the first day of a date as a Neo4j date, or nil.
func day(d diplograph.Date) any {
	if d.IsZero() {
		return nil
	}
	return neo4j.DateOf(d.Start().Time())
}
