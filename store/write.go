package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// WriteStats is what a Write did (diplograph.WriteStats).
type WriteStats = diplograph.WriteStats

// Write stores Extraction documents in one transaction: articles already stored with the same content
// are skipped; an article whose URL is stored with other content has its old facts retracted first.
// Events that several articles report are merged into one Event (see resolveEvents); positions with the
// same holder, stance, topic, target and date are one Position with every article as a source. Writing
// the same documents again changes nothing.
//
// Errors: EINVALID for a document that breaks the contract (a participant or holder that is not among
// its entities), EUNAVAILABLE when Neo4j cannot be reached; nothing is written then.
func (s *Store) Write(ctx context.Context, docs []*diplograph.Extraction) (WriteStats, error) {
	return s.writeBatch(ctx, docs, nil, nil)
}

// WriteInTurn is Write for a batch written while the batch before it (prev) commits: its queries run
// at once, and it commits after prev has (diplograph.TurnWriter). Two batches in flight overlap one's
// commit with the other's queries without changing the graph: a batch that reads what the one before
// wrote (the events it may merge with) takes the same locks and waits for that commit anyway, and
// committing in order keeps every "first writer wins" as it is batch after batch.
//
// The wait is at the end of the transaction, holding its locks, which is safe because prev has sent
// all its queries and needs no lock this batch holds — unless its transaction starts over (a
// transient error at commit): then this batch rolls back at once, waits for prev to end, and writes
// again.
func (s *Store) WriteInTurn(ctx context.Context, docs []*diplograph.Extraction, prev, turn *diplograph.Turn) (WriteStats, error) {
	st, err := s.writeBatch(ctx, docs, prev, turn)
	if errors.Is(err, errPreviousRestarted) {
		if perr := prev.Err(); perr != nil {
			err = fmt.Errorf("%w: %v", diplograph.ErrPreviousFailed, perr)
		} else {
			st, err = s.writeBatch(ctx, docs, nil, turn)
		}
	}
	turn.Finish(err)
	return st, err
}

// errPreviousRestarted rolls back a batch whose previous batch started its transaction over.
var errPreviousRestarted = errors.New("the previous batch started over")

func (s *Store) writeBatch(ctx context.Context, docs []*diplograph.Extraction, prev, turn *diplograph.Turn) (WriteStats, error) {
	docs = lastPerURL(dedupe(docs))
	for _, x := range docs {
		if err := Check(x); err != nil {
			return WriteStats{}, err
		}
	}
	if len(docs) == 0 {
		if prev != nil {
			if err := prev.Err(); err != nil {
				return WriteStats{}, fmt.Errorf("%w: %v", diplograph.ErrPreviousFailed, err)
			}
		}
		return WriteStats{}, nil
	}
	var stats WriteStats
	if traceWrites {
		defer func(t time.Time) { fmt.Fprintf(os.Stderr, "%-28s %v\n", "WRITE BATCH", time.Since(t)) }(time.Now())
	}
	attempts := 0
	err := s.write(ctx, func(tx neo4j.ManagedTransaction) error {
		if attempts++; attempts > 1 && turn != nil {
			turn.MarkRestarted() // the next batch may hold locks this attempt needs: it rolls back
		}
		stats = WriteStats{} // a retried transaction starts over
		w := &batch{s: s, tx: tx, ctx: ctx, stats: &stats, now: time.Now().UTC(), prev: prev}
		if err := w.run(docs); err != nil {
			return err
		}
		if err := w.awaitTurn(); err != nil {
			return err
		}
		if turn != nil {
			turn.MarkSent() // every query is sent: the next batch may start
		}
		return nil
	})
	if err != nil {
		return WriteStats{}, err
	}
	return stats, nil
}

// dedupe drops repeated documents of the same article (same id), keeping the first.
func dedupe(docs []*diplograph.Extraction) []*diplograph.Extraction {
	seen := map[string]bool{}
	out := docs[:0:0]
	for _, x := range docs {
		if x == nil || seen[x.Article.ID] {
			continue
		}
		seen[x.Article.ID] = true
		out = append(out, x)
	}
	return out
}

// lastPerURL keeps, of documents sharing a URL in one batch, the last: it replaces the others.
func lastPerURL(docs []*diplograph.Extraction) []*diplograph.Extraction {
	last := map[string]int{}
	for i, x := range docs {
		if x.Article.URL != "" {
			last[x.Article.URL] = i
		}
	}
	out := docs[:0:0]
	for i, x := range docs {
		if x.Article.URL == "" || last[x.Article.URL] == i {
			out = append(out, x)
		}
	}
	return out
}

// Check reports whether a document is complete enough to store: an article id, entity ids with
// their type, and every reference to an entity of the document.
func Check(x *diplograph.Extraction) error {
	if x.Article.ID == "" {
		return diplograph.Errorf(diplograph.EINVALID, "article.id: missing")
	}
	ids := map[string]bool{}
	for i, e := range x.Entities {
		if e.ID == "" {
			return diplograph.Errorf(diplograph.EINVALID, "article %s: entities[%d].id: missing", x.Article.ID, i)
		}
		if !diplograph.In(e.Type, diplograph.EntityTypes) {
			return diplograph.Errorf(diplograph.EINVALID, "article %s: entities[%d].type: %q is not COUNTRY, PERSON or ORGANIZATION", x.Article.ID, i, e.Type)
		}
		ids[e.ID] = true
	}
	for i, ev := range x.Events {
		if !diplograph.In(ev.Type, diplograph.EventTypes) {
			return diplograph.Errorf(diplograph.EINVALID, "article %s: events[%d].type: %q is not an event type", x.Article.ID, i, ev.Type)
		}
		for j, p := range ev.Participants {
			if !ids[p.Entity] {
				return diplograph.Errorf(diplograph.EINVALID, "article %s: events[%d].participants[%d].entity: %q is not among the entities", x.Article.ID, i, j, p.Entity)
			}
		}
	}
	for i, p := range x.Positions {
		if !ids[p.Holder] {
			return diplograph.Errorf(diplograph.EINVALID, "article %s: positions[%d].holder: %q is not among the entities", x.Article.ID, i, p.Holder)
		}
		if p.Target != "" && !ids[string(p.Target)] {
			return diplograph.Errorf(diplograph.EINVALID, "article %s: positions[%d].target: %q is not among the entities", x.Article.ID, i, p.Target)
		}
		if !diplograph.In(p.Stance, diplograph.Stances) || !diplograph.In(p.Topic, diplograph.Topics) {
			return diplograph.Errorf(diplograph.EINVALID, "article %s: positions[%d]: stance %q or topic %q is not in the vocabulary", x.Article.ID, i, p.Stance, p.Topic)
		}
	}
	return nil
}

var traceWrites = os.Getenv("DIPLOGRAPH_TRACE_WRITES") != ""

// batch is one write transaction.
type batch struct {
	s     *Store
	tx    neo4j.ManagedTransaction
	ctx   context.Context
	stats *WriteStats
	now   time.Time
	// prev is the batch that commits before this one (WriteInTurn), awaited once (awaited).
	prev    *diplograph.Turn
	awaited bool
}

// awaitTurn waits for the previous batch to commit. Until it does, this batch has seen the graph
// without it: what it wrote since is safe (MERGE and lock-taking SETs wait for its locks, and every
// summary it updates only grows), but the aliases of entities are rewritten from what is read, so
// they are written after (writeEvents).
func (b *batch) awaitTurn() error {
	if b.prev == nil || b.awaited {
		return nil
	}
	select {
	case <-b.prev.Done():
		if err := b.prev.Err(); err != nil {
			return fmt.Errorf("%w: %v", diplograph.ErrPreviousFailed, err)
		}
		b.awaited = true
		return nil
	case <-b.prev.Restarted():
		return errPreviousRestarted
	case <-b.ctx.Done():
		return b.ctx.Err()
	}
}

func (b *batch) run(docs []*diplograph.Extraction) error {
	fresh, replaced, err := b.classify(docs)
	if err != nil {
		return err
	}
	if len(replaced) > 0 {
		if err := b.retract(replaced); err != nil {
			return err
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	eids := elementIDs{}
	if fresh, err = b.writeArticles(fresh, eids); err != nil {
		return err
	}
	if len(fresh) == 0 {
		return nil
	}
	r := b.rows(fresh)
	if err := b.writeFacts(r, eids); err != nil {
		return err
	}
	final, err := b.resolveEvents(fresh)
	if err != nil {
		return err
	}
	r.eventRows(fresh, final)
	return b.writeEvents(r, eids)
}

// writeArticles writes the batch's new articles and returns those this transaction created: another
// loader may have stored one of them since classify read (MERGE waits for its commit, then finds it),
// and the facts of an article are written only by the transaction that creates it.
func (b *batch) writeArticles(fresh []*diplograph.Extraction, eids elementIDs) ([]*diplograph.Extraction, error) {
	rows := make([]map[string]any, len(fresh))
	for i, x := range fresh {
		rows[i] = articleRow(x)
	}
	recs, err := b.exec("write articles", qArticles, map[string]any{"rows": rows})
	if err != nil {
		return nil, err
	}
	eids.add(recs)
	ours := map[string]bool{}
	for _, rec := range recs {
		if c, _ := rec.Get("created"); c == true {
			id, _ := rec.Get("id")
			ours[id.(string)] = true
		}
	}
	if len(ours) == len(fresh) {
		return fresh, nil
	}
	var out []*diplograph.Extraction
	b.stats.NewIDs = b.stats.NewIDs[:0]
	for _, x := range fresh {
		if ours[x.Article.ID] {
			out = append(out, x)
			b.stats.NewIDs = append(b.stats.NewIDs, x.Article.ID)
		} else {
			b.stats.New--
			b.stats.Unchanged++
		}
	}
	return out, nil
}

// classify splits documents into new ones and already stored ones, and returns the ids of stored
// articles that new ones replace (same URL, other content).
func (b *batch) classify(docs []*diplograph.Extraction) ([]*diplograph.Extraction, []string, error) {
	params := make([]map[string]any, len(docs))
	for i, x := range docs {
		params[i] = map[string]any{"id": x.Article.ID, "url": x.Article.URL}
	}
	recs, err := b.s.run(b.ctx, b.tx, `
UNWIND $arts AS x
OPTIONAL MATCH (same:Article {id: x.id})
OPTIONAL MATCH (old:Article {url: x.url}) WHERE x.url <> '' AND old.id <> x.id
RETURN x.id AS id, same IS NOT NULL AS stored, collect(DISTINCT old.id) AS replaced`, map[string]any{"arts": params})
	if err != nil {
		return nil, nil, fmt.Errorf("read stored articles: %w", err)
	}
	stored := map[string]bool{}
	var replaced []string
	for _, rec := range recs {
		id, _ := rec.Get("id")
		if st, _ := rec.Get("stored"); st == true {
			stored[id.(string)] = true
		}
		if rs, _ := rec.Get("replaced"); rs != nil {
			for _, r := range rs.([]any) {
				replaced = append(replaced, r.(string))
			}
		}
	}
	var fresh []*diplograph.Extraction
	for _, x := range docs {
		if stored[x.Article.ID] {
			b.stats.Unchanged++
			continue
		}
		fresh = append(fresh, x)
		b.stats.New++
		b.stats.NewIDs = append(b.stats.NewIDs, x.Article.ID)
	}
	sort.Strings(replaced)
	b.stats.Replaced = len(replaced)
	return fresh, replaced, nil
}

// exec runs a write query and adds its counters to the stats.
func (b *batch) exec(what, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	b.s.queries.Add(1)
	if traceWrites {
		defer func(t time.Time) { fmt.Fprintf(os.Stderr, "%-28s %v\n", what, time.Since(t)) }(time.Now())
	}
	params["now"] = b.now // the ingest time of whatever the query creates
	res, err := b.tx.Run(b.ctx, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	recs, err := res.Collect(b.ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	sum, err := res.Consume(b.ctx)
	if err == nil && sum != nil {
		c := sum.Counters()
		b.stats.NodesCreated += c.NodesCreated()
		b.stats.NodesDeleted += c.NodesDeleted()
		b.stats.RelationshipsCreated += c.RelationshipsCreated()
		b.stats.RelationshipsDeleted += c.RelationshipsDeleted()
		b.stats.PropertiesSet += c.PropertiesSet()
	}
	return recs, nil
}
