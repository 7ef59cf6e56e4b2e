package bench

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// NaiveWriter is the baseline the loader is measured against: it writes an Extraction the obvious
// way, one transaction per fact — the article, each entity, each mention, each role, each event and
// each of its participants and sources, each position and its links. It writes the same kind of graph
// as the store, without cross-article event merging.
type NaiveWriter struct {
	Driver   neo4j.DriverWithContext
	Database string
	// Transactions counts the transactions sent.
	Transactions int
}

func (w *NaiveWriter) tx(ctx context.Context, cypher string, params map[string]any) error {
	w.Transactions++
	_, err := neo4j.ExecuteQuery(ctx, w.Driver, cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(w.Database))
	return err
}

// Write writes one document.
func (w *NaiveWriter) Write(ctx context.Context, x *diplograph.Extraction) error {
	aid := x.Article.ID
	if err := w.tx(ctx, "MERGE (a:Article {id: $id}) SET a.title = $title, a.body = $body, a.published = $published",
		map[string]any{"id": aid, "title": x.Article.Title, "body": x.Article.Body, "published": x.Article.Published.String()}); err != nil {
		return fmt.Errorf("naive write: %w", err)
	}
	for _, e := range x.Entities {
		if err := w.tx(ctx, "MERGE (n:Entity {id: $id}) SET n.name = $name, n.nameAr = $nameAr, n.type = $type",
			map[string]any{"id": e.ID, "name": e.Name, "nameAr": e.NameAr, "type": string(e.Type)}); err != nil {
			return err
		}
		if err := w.tx(ctx, "MATCH (a:Article {id: $a}), (n:Entity {id: $e}) MERGE (a)-[m:MENTIONS]->(n) SET m.count = $c",
			map[string]any{"a": aid, "e": e.ID, "c": len(e.Mentions)}); err != nil {
			return err
		}
		for _, r := range e.Roles {
			if r.Country == "" {
				continue
			}
			if err := w.tx(ctx, "MATCH (p:Entity {id: $p}) MERGE (c:Entity {id: $c}) MERGE (p)-[x:HOLDS_ROLE {title: $t}]->(c)",
				map[string]any{"p": e.ID, "c": "country:" + r.Country, "t": string(r.Title)}); err != nil {
				return err
			}
		}
	}
	for i, ev := range x.Events {
		id := fmt.Sprintf("naive-event:%s:%d", aid, i)
		if err := w.tx(ctx, "MERGE (e:Event {id: $id}) SET e.type = $type, e.date = $date",
			map[string]any{"id": id, "type": string(ev.Type), "date": ev.Date.String()}); err != nil {
			return err
		}
		for _, p := range ev.Participants {
			if err := w.tx(ctx, "MATCH (e:Event {id: $id}), (n:Entity {id: $n}) MERGE (n)-[r:PARTICIPATED_IN]->(e) SET r.role = $role",
				map[string]any{"id": id, "n": p.Entity, "role": string(p.Role)}); err != nil {
				return err
			}
		}
		for _, v := range ev.Evidence {
			if err := w.tx(ctx, "MATCH (e:Event {id: $id}), (a:Article {id: $a}) MERGE (e)-[r:REPORTED_IN {start: $s}]->(a) SET r.quote = $q, r.end = $end",
				map[string]any{"id": id, "a": aid, "s": v.Start, "end": v.End, "q": v.Text}); err != nil {
				return err
			}
		}
	}
	for i, p := range x.Positions {
		id := fmt.Sprintf("naive-position:%s:%d", aid, i)
		if err := w.tx(ctx, "MERGE (p:Position {id: $id}) SET p.stance = $s, p.topic = $t",
			map[string]any{"id": id, "s": string(p.Stance), "t": string(p.Topic)}); err != nil {
			return err
		}
		if err := w.tx(ctx, "MATCH (p:Position {id: $id}), (h:Entity {id: $h}) MERGE (p)-[:HELD_BY]->(h)",
			map[string]any{"id": id, "h": p.Holder}); err != nil {
			return err
		}
		if p.Target != "" {
			if err := w.tx(ctx, "MATCH (p:Position {id: $id}), (t:Entity {id: $t}) MERGE (p)-[:ABOUT]->(t)",
				map[string]any{"id": id, "t": string(p.Target)}); err != nil {
				return err
			}
		}
		for _, v := range p.Evidence {
			if err := w.tx(ctx, "MATCH (p:Position {id: $id}), (a:Article {id: $a}) MERGE (p)-[r:REPORTED_IN {start: $s}]->(a) SET r.quote = $q",
				map[string]any{"id": id, "a": aid, "s": v.Start, "q": v.Text}); err != nil {
				return err
			}
		}
	}
	return nil
}
