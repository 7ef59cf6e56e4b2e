package store

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
)

// rows builds the parameters of the write queries for the new documents of a batch but those of
// their events (eventRows), which need the stored events they merge with.
func (b *batch) rows(docs []*diplograph.Extraction) *rows {
	r := &rows{}
	for _, x := range docs {
		published := nilIfEmpty(x.Article.Published.String())
		for i := range x.Entities {
			r.addEntity(&x.Entities[i])
		}
		roles := roleRows(x)
		for _, e := range holderEntities(x, roles) {
			r.addEntity(&e)
		}
		r.mentions = append(r.mentions, mentionRows(x, roles)...)
		for _, row := range roles {
			r.addRole(row)
		}
		for pi := range x.Positions {
			p := &x.Positions[pi]
			id := positionID(p)
			for _, v := range p.Evidence {
				r.posEvid = append(r.posEvid, evidenceRow(id, x, v, p.Confidence, p.Rule))
			}
			// One row per position and batch: the first report creates it, the others add sources.
			if prev, ok := r.positionIdx[id]; ok {
				if p.Confidence > prev["confidence"].(float64) {
					prev["confidence"] = p.Confidence
				}
				if pub, ok := published.(string); ok && (prev["published"] == nil || pub < prev["published"].(string)) {
					prev["published"] = pub
				}
				continue
			}
			if r.positionIdx == nil {
				r.positionIdx = map[string]map[string]any{}
			}
			row := map[string]any{
				"id": id, "holder": p.Holder, "stance": string(p.Stance), "stanceKind": nilIfEmpty(string(p.StanceKind)),
				"topic": string(p.Topic), "target": nilIfEmpty(string(p.Target)),
				"date": nilIfEmpty(p.Date.String()), "datePrecision": nilIfEmpty(string(p.Date.Precision())),
				"dateStart": dayOrNil(p.Date.Start()), "dateEnd": dayOrNil(p.Date.End()),
				"modality": modalityOf(p.Modality), "confidence": p.Confidence, "published": published,
			}
			r.positionIdx[id] = row
			r.positions = append(r.positions, row)
		}
	}
	return r
}

// eventRows adds the rows of the batch's events, participants, places and sources, each event under
// the id resolveEvents gave it.
func (r *rows) eventRows(docs []*diplograph.Extraction, final map[[2]int]*candidate) {
	for di, x := range docs {
		published := nilIfEmpty(x.Article.Published.String())
		for ei := range x.Events {
			ev := &x.Events[ei]
			c := final[[2]int{di, ei}]
			r.events = append(r.events, map[string]any{
				"id": c.id, "type": string(c.typ), "group": c.typ.Group(), "matchKey": c.key, "mergeable": c.key != "",
				"date": nilIfEmpty(c.date.String()), "datePrecision": nilIfEmpty(string(c.date.Precision())),
				"dateStart": dayOrNil(c.date.Start()), "dateEnd": dayOrNil(c.date.End()),
				"modality": modalityOf(ev.Modality), "confidence": ev.Confidence, "published": published,
				"location": locName(ev.Location), "locationAr": locNameAr(ev.Location), "locationCountry": nilIfEmpty(c.locCountry),
			})
			for _, p := range ev.Participants {
				r.parts = append(r.parts, map[string]any{"event": c.id, "entity": p.Entity, "role": string(p.Role), "article": x.Article.ID})
			}
			if l := ev.Location; l != nil && l.Country != "" && (l.Name != "" || l.NameAr != "") {
				r.places = append(r.places, map[string]any{"event": c.id, "id": placeID(l), "name": l.Name, "nameAr": l.NameAr,
					"country": l.Country, "article": x.Article.ID})
			}
			for _, v := range ev.Evidence {
				r.evidence = append(r.evidence, evidenceRow(c.id, x, v, ev.Confidence, ev.Rule))
			}
		}
	}
}

func evidenceRow(fact string, x *diplograph.Extraction, v diplograph.Evidence, conf float64, rule string) map[string]any {
	return map[string]any{"fact": fact, "article": x.Article.ID, "start": v.Start, "end": v.End, "quote": v.Text,
		"confidence": conf, "rule": rule, "published": nilIfEmpty(x.Article.Published.String())}
}

func modalityOf(m diplograph.Modality) string {
	if m == "" {
		return string(diplograph.ModalityAsserted)
	}
	return string(m)
}

func locName(l *diplograph.Location) any {
	if l == nil {
		return nil
	}
	return nilIfEmpty(l.Name)
}

func locNameAr(l *diplograph.Location) any {
	if l == nil {
		return nil
	}
	return nilIfEmpty(l.NameAr)
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// addRole adds one article's observation of a role to the batch's row for that relationship: a
// minister named by two hundred articles of a batch is one row, whose summary (first and last day
// seen in office, whether every observation calls him former) covers the two hundred. The
// observations themselves are on the articles' MENTIONS (mentionRows).
func (r *rows) addRole(obs map[string]any) {
	key := obs["person"].(string) + "|" + obs["title"].(string) + "|" + obs["holder"].(string)
	row, ok := r.roleIdx[key]
	if !ok {
		if r.roleIdx == nil {
			r.roleIdx = map[string]map[string]any{}
		}
		row = map[string]any{"person": obs["person"], "holder": obs["holder"], "title": obs["title"],
			"office": nilIfEmpty(obs["office"].(string)), "from": nilIfEmpty(obs["from"].(string)), "to": nilIfEmpty(obs["to"].(string)),
			"firstSeen": nil, "lastSeen": nil, "allFormer": true}
		r.roleIdx[key] = row
		r.roles = append(r.roles, row)
	}
	for _, k := range []string{"office", "from", "to"} {
		if row[k] == nil {
			row[k] = nilIfEmpty(obs[k].(string))
		}
	}
	seen, former := obs["seen"].(string), obs["former"].(bool)
	row["allFormer"] = row["allFormer"].(bool) && former
	// The summary roleSummary computes from all the observations, for this batch's.
	if seen != "" && !former {
		if first, _ := row["firstSeen"].(string); first == "" || seen < first {
			row["firstSeen"] = seen
		}
		if last, _ := row["lastSeen"].(string); last == "" || seen > last {
			row["lastSeen"] = seen
		}
	}
}

// addEntity adds an entity's row to the list of its type, once per entity and batch: a country named
// by two hundred articles of a batch is one row, with the first non-empty value of each property (the
// order the store keeps anyway: it never overwrites a name).
func (r *rows) addEntity(e *diplograph.Entity) {
	if r.entityIdx == nil {
		r.entityIdx = map[string]map[string]any{}
	}
	if prev, ok := r.entityIdx[e.ID]; ok {
		for k, v := range map[string]string{"name": e.Name, "nameAr": e.NameAr, "wikidata": e.Wikidata, "code": e.Code} {
			if prev[k] == nil && v != "" {
				prev[k] = v
			}
		}
		return
	}
	row := entityRow(e)
	for _, k := range []string{"name", "nameAr", "wikidata", "code"} {
		row[k] = nilIfEmpty(row[k].(string))
	}
	r.entityIdx[e.ID] = row
	switch e.Type {
	case diplograph.EntityCountry:
		r.countries = append(r.countries, row)
	case diplograph.EntityPerson:
		r.persons = append(r.persons, row)
	case diplograph.EntityOrganization:
		r.orgs = append(r.orgs, row)
	}
}

// The write queries, one shape each, so that their plans are cached. Node queries return the element
// id of each node; relationship queries find their ends by element id, a direct record lookup,
// instead of an index seek (and its lock) per row: a batch links the same article and the same
// popular countries hundreds of times. Element ids are only used inside the transaction that read
// them.
const (
	qArticles = `
UNWIND $rows AS r
MERGE (a:Article {id: r.id})
ON CREATE SET a.ingestedAt = $now
SET a.url = r.url, a.title = r.title, a.source = r.source, a.language = r.language, a.published = r.published,
    a.publishedDate = r.publishedDate, a.body = r.body
RETURN r.id AS id, elementId(a) AS eid, a.ingestedAt = $now AS created`

	// An entity is written (and so locked) only when the batch gives it something it lacks: the
	// popular countries are in every batch, and a lock held until commit would make every batch wait
	// for the one before.
	entitySet = `
ON CREATE SET n.type = r.type, n.code = r.code, n.name = r.name, n.nameAr = r.nameAr, n.wikidata = r.wikidata
FOREACH (_ IN CASE WHEN n.type <> r.type OR n.code IS NULL AND r.code IS NOT NULL OR n.name IS NULL AND r.name IS NOT NULL
        OR n.nameAr IS NULL AND r.nameAr IS NOT NULL OR n.wikidata IS NULL AND r.wikidata IS NOT NULL THEN [1] ELSE [] END |
    SET n.type = r.type, n.code = coalesce(n.code, r.code), n.name = coalesce(n.name, r.name),
        n.nameAr = coalesce(n.nameAr, r.nameAr), n.wikidata = coalesce(n.wikidata, r.wikidata))
RETURN r.id AS id, elementId(n) AS eid`

	qCountries = `
UNWIND $rows AS r
MERGE (n:Entity:Country {id: r.id})` + entitySet
	qPersons = `
UNWIND $rows AS r
MERGE (n:Entity:Person {id: r.id})` + entitySet
	qOrgs = `
UNWIND $rows AS r
MERGE (n:Entity:Organization {id: r.id})` + entitySet

	// Relationships that belong to an article are created, not merged: the batch writes only new
	// articles (stored ones are skipped), and a retried transaction starts over.
	qMentions = `
UNWIND $rows AS r
MATCH (a) WHERE elementId(a) = r.articleEid
MATCH (e) WHERE elementId(e) = r.entityEid
CREATE (a)-[:MENTIONS {count: r.count, first: r.first, texts: r.texts, roles: r.roles, formerRoles: r.formerRoles}]->(e)`

	// roleObservations are the observations of the HOLDS_ROLE x from person p to holder h that the
	// articles other than $old make (the articles a retraction removes): the publication day of each
	// and whether it calls the person former.
	roleObservations = `
WITH x, x.title + '|' + h.id AS key, p
WITH x, [(a:Article)-[m:MENTIONS]->(p) WHERE key IN m.roles AND NOT a.id IN $old |
    {seen: a.published, former: key IN coalesce(m.formerRoles, [])}] AS obs`

	// roleSummary recomputes what a HOLDS_ROLE x says from its observations obs: the first and last
	// day the person was seen holding the office (not as a former holder), and whether every
	// observation calls him former.
	roleSummary = `
SET x.firstSeen = reduce(m = null, o IN obs |
        CASE WHEN o.seen IS NOT NULL AND o.seen <> '' AND NOT o.former AND (m IS NULL OR o.seen < m) THEN o.seen ELSE m END),
    x.lastSeen = reduce(m = null, o IN obs |
        CASE WHEN o.seen IS NOT NULL AND o.seen <> '' AND NOT o.former AND (m IS NULL OR o.seen > m) THEN o.seen ELSE m END),
    x.former = all(o IN obs WHERE o.former)`

	// The batch holds only articles not stored yet (see classify): their observations widen the
	// summary. A role whose summary does not change is not written (nor locked).
	qRoles = `
UNWIND $rows AS r
MATCH (p) WHERE elementId(p) = r.personEid
MATCH (h) WHERE elementId(h) = r.holderEid
MERGE (p)-[x:HOLDS_ROLE {title: r.title}]->(h)
ON CREATE SET x.office = r.office, x.from = r.from, x.to = r.to, x.firstSeen = r.firstSeen, x.lastSeen = r.lastSeen,
    x.former = r.allFormer
WITH x, r
WHERE x.office IS NULL AND r.office IS NOT NULL OR x.from IS NULL AND r.from IS NOT NULL OR x.to IS NULL AND r.to IS NOT NULL
   OR r.firstSeen IS NOT NULL AND (x.firstSeen IS NULL OR r.firstSeen < x.firstSeen)
   OR r.lastSeen IS NOT NULL AND (x.lastSeen IS NULL OR r.lastSeen > x.lastSeen)
   OR x.former AND NOT r.allFormer
SET x.office = coalesce(x.office, r.office), x.from = coalesce(x.from, r.from), x.to = coalesce(x.to, r.to),
    x.firstSeen = CASE WHEN r.firstSeen IS NOT NULL AND (x.firstSeen IS NULL OR r.firstSeen < x.firstSeen) THEN r.firstSeen ELSE x.firstSeen END,
    x.lastSeen = CASE WHEN r.lastSeen IS NOT NULL AND (x.lastSeen IS NULL OR r.lastSeen > x.lastSeen) THEN r.lastSeen ELSE x.lastSeen END,
    x.former = x.former AND r.allFormer`

	qEvents = `
UNWIND $rows AS r
MERGE (e:Event {id: r.id})
ON CREATE SET e.ingestedAt = $now, e.reportedFirst = r.published, e.confidence = r.confidence, e.modality = r.modality,
    e.location = r.location, e.locationAr = r.locationAr
SET e.type = r.type, e.group = r.group, e.matchKey = r.matchKey, e.mergeable = r.mergeable,
    e.date = r.date, e.datePrecision = r.datePrecision,
    e.dateStart = r.dateStart, e.dateEnd = r.dateEnd,
    e.locationCountry = coalesce(e.locationCountry, r.locationCountry),
    e.location = coalesce(e.location, r.location), e.locationAr = coalesce(e.locationAr, r.locationAr),
    e.confidence = CASE WHEN r.confidence > e.confidence THEN r.confidence ELSE e.confidence END,
    e.reportedFirst = CASE WHEN r.published IS NOT NULL AND (e.reportedFirst IS NULL OR r.published < e.reportedFirst)
        THEN r.published ELSE e.reportedFirst END
RETURN r.id AS id, elementId(e) AS eid`

	qParticipants = `
UNWIND $rows AS r
MATCH (e) WHERE elementId(e) = r.eventEid
MATCH (n) WHERE elementId(n) = r.entityEid
MERGE (n)-[p:PARTICIPATED_IN]->(e)
ON CREATE SET p.role = r.role
SET p.articles = CASE WHEN r.article IN coalesce(p.articles, []) THEN p.articles ELSE coalesce(p.articles, []) + r.article END`

	qPlaces = `
UNWIND $rows AS r
MATCH (e) WHERE elementId(e) = r.eventEid
MERGE (pl:Place {id: r.id})
ON CREATE SET pl.name = r.name, pl.nameAr = r.nameAr, pl.country = r.country
MERGE (e)-[h:HELD_IN]->(pl)
SET h.articles = CASE WHEN r.article IN coalesce(h.articles, []) THEN h.articles ELSE coalesce(h.articles, []) + r.article END
WITH pl, r
MATCH (c:Country {id: 'country:' + r.country})
MERGE (pl)-[:IN_COUNTRY]->(c)`

	// Sources of events and positions alike.
	qEvidence = `
UNWIND $rows AS r
MATCH (f) WHERE elementId(f) = r.factEid
MATCH (a) WHERE elementId(a) = r.articleEid
CREATE (f)-[:REPORTED_IN {start: r.start, end: r.end, quote: r.quote, confidence: r.confidence, rule: r.rule, published: r.published}]->(a)`

	// A position's holder, topic and target are part of its id, so the query that creates a position
	// links it to its holder and target; a position already stored only gains sources. A position is
	// new when its ingest time is this transaction's ($now): no flag to set and remove again.
	qPositions = `
UNWIND $rows AS r
MERGE (p:Position {id: r.id})
ON CREATE SET p.ingestedAt = $now, p.stance = r.stance, p.stanceKind = r.stanceKind, p.topic = r.topic,
    p.date = r.date, p.datePrecision = r.datePrecision, p.dateStart = r.dateStart, p.dateEnd = r.dateEnd,
    p.modality = r.modality, p.holder = r.holder, p.target = r.target, p.confidence = r.confidence,
    p.reportedFirst = r.published
ON MATCH SET p.confidence = CASE WHEN r.confidence > p.confidence THEN r.confidence ELSE p.confidence END,
    p.reportedFirst = CASE WHEN r.published IS NOT NULL AND (p.reportedFirst IS NULL OR r.published < p.reportedFirst)
        THEN r.published ELSE p.reportedFirst END
WITH p, r, p.ingestedAt = $now AS fresh
MATCH (h) WHERE elementId(h) = r.holderEid
OPTIONAL MATCH (g) WHERE elementId(g) = r.targetEid
FOREACH (_ IN CASE WHEN fresh THEN [1] ELSE [] END | CREATE (p)-[:HELD_BY]->(h))
FOREACH (_ IN CASE WHEN fresh AND g IS NOT NULL THEN [1] ELSE [] END | CREATE (p)-[:ABOUT]->(g))
RETURN r.id AS id, elementId(p) AS eid`
)

// uniqueEvidence drops repeated sources (the same fact, article and offset), which two events of one
// article merged into one stored event can give.
func uniqueEvidence(rows []map[string]any) []map[string]any {
	seen := map[string]bool{}
	out := rows[:0:0]
	for _, r := range rows {
		k := fmt.Sprint(r["fact"], "|", r["article"], "|", r["start"])
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// elementIDs maps the ids of the nodes a batch wrote (articles, entities, events, positions, topics)
// to their element ids.
type elementIDs map[string]string

// writeNodes runs a node query and records the element id of each node it returns.
func (b *batch) writeNodes(what, query string, rows []map[string]any, eids elementIDs) error {
	if len(rows) == 0 {
		return nil
	}
	recs, err := b.exec(what, query, map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	eids.add(recs)
	return nil
}

// add records the id and element id ("id", "eid") of each record.
func (e elementIDs) add(recs []*neo4j.Record) {
	for _, rec := range recs {
		id, _ := rec.Get("id")
		eid, _ := rec.Get("eid")
		e[id.(string)] = eid.(string)
	}
}

// link gives each row the element id of the node each of its id fields names (field "article"
// gets "articleEid"). A node the batch did not write leaves the field nil, and the query's MATCH
// then drops the row; it is reported, since every end should be among the batch's nodes.
func link(what string, rows []map[string]any, eids elementIDs, fields ...string) error {
	for _, r := range rows {
		for _, f := range fields {
			id, _ := r[f].(string)
			if id == "" {
				r[f+"Eid"] = nil
				continue
			}
			eid, ok := eids[id]
			if !ok {
				return fmt.Errorf("%s: %s %q was not written by the batch", what, f, id)
			}
			r[f+"Eid"] = eid
		}
	}
	return nil
}

// writeFacts runs the write queries of everything in a batch but its events, in dependency order:
// nodes, then the relationships between them. Events come last (writeEvents): resolving them takes
// the locks of their families, which another batch may hold until it commits.
func (b *batch) writeFacts(r *rows, eids elementIDs) error {
	r.posEvid = uniqueEvidence(r.posEvid)
	for _, st := range []struct {
		what, query string
		rows        []map[string]any
	}{
		{"write countries", qCountries, r.countries},
		{"write persons", qPersons, r.persons},
		{"write organizations", qOrgs, r.orgs},
	} {
		if err := b.writeNodes(st.what, st.query, st.rows, eids); err != nil {
			return err
		}
	}
	if err := b.writePositions(r, eids); err != nil {
		return err
	}
	return b.writeLinks(eids, []linkQuery{
		{"write mentions", qMentions, r.mentions, []string{"article", "entity"}},
		{"write roles", qRoles, r.roles, []string{"person", "holder"}},
		{"write position sources", qEvidence, r.posEvid, []string{"fact", "article"}},
	})
}

// writeEvents writes the batch's events (resolved by resolveEvents) with their participants, places
// and sources, then the aliases of the batch's entities.
func (b *batch) writeEvents(r *rows, eids elementIDs) error {
	r.evidence = uniqueEvidence(r.evidence)
	if err := b.writeNodes("write events", qEvents, r.events, eids); err != nil {
		return err
	}
	if err := b.writeLinks(eids, []linkQuery{
		{"write participants", qParticipants, r.parts, []string{"event", "entity"}},
		{"write places", qPlaces, r.places, []string{"event"}},
		{"write event sources", qEvidence, r.evidence, []string{"fact", "article"}},
	}); err != nil {
		return err
	}
	if err := b.awaitTurn(); err != nil {
		return err
	}
	texts := map[string][]string{}
	for _, m := range r.mentions {
		id := m["entity"].(string)
		texts[id] = append(texts[id], m["texts"].([]string)...)
	}
	return b.addAliases(texts)
}

// linkQuery is a relationship query with its rows and the id fields whose nodes are its ends.
type linkQuery struct {
	what, query string
	rows        []map[string]any
	fields      []string
}

// writeLinks runs relationship queries, giving each row the element ids of its ends.
func (b *batch) writeLinks(eids elementIDs, qs []linkQuery) error {
	for _, q := range qs {
		if len(q.rows) == 0 {
			continue
		}
		if err := link(q.what, q.rows, eids, q.fields...); err != nil {
			return err
		}
		if _, err := b.exec(q.what, q.query, map[string]any{"rows": q.rows}); err != nil {
			return err
		}
	}
	return nil
}

// writePositions writes the batch's positions, linking those it creates to their holder and target.
func (b *batch) writePositions(r *rows, eids elementIDs) error {
	if len(r.positions) == 0 {
		return nil
	}
	if err := link("write positions", r.positions, eids, "holder", "target"); err != nil {
		return err
	}
	recs, err := b.exec("write positions", qPositions, map[string]any{"rows": r.positions})
	if err != nil {
		return err
	}
	eids.add(recs)
	return nil
}

// addAliases adds the texts the batch's articles name entities with to their aliases and search keys,
// kept sorted so that they never depend on the order articles came in. It reads and writes only the
// entities of the batch.
func (b *batch) addAliases(texts map[string][]string) error {
	if len(texts) == 0 {
		return nil
	}
	ids := make([]string, 0, len(texts))
	for id := range texts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	recs, err := b.s.run(b.ctx, b.tx, `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr, coalesce(n.aliases, []) AS aliases, n.searchText AS searchText`, map[string]any{"ids": ids})
	if err != nil {
		return fmt.Errorf("read entity names: %w", err)
	}
	rows := make([]map[string]any, 0, len(recs))
	for _, rec := range recs {
		m := rec.AsMap()
		id := m["id"].(string)
		var stored []string
		for _, a := range m["aliases"].([]any) {
			stored = append(stored, a.(string))
		}
		row := aliasRow(id, str(m["name"]), str(m["nameAr"]), append(append([]string{}, texts[id]...), stored...))
		// Unchanged aliases are not written again, so that the entity is not locked (entitySet).
		if m["searchText"] != nil && slices.Equal(row["aliases"].([]string), stored) && row["text"] == m["searchText"] {
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil
	}
	return b.writeAliases(rows)
}

// rebuildAliases remakes the aliases of entities from the articles that still name them, after a
// retraction.
func (b *batch) rebuildAliases(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := b.s.run(b.ctx, b.tx, `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(n)
RETURN n.id AS id, n.name AS name, n.nameAr AS nameAr, collect(m.texts) AS texts`, map[string]any{"ids": ids})
	if err != nil {
		return fmt.Errorf("read entity names: %w", err)
	}
	rows := make([]map[string]any, 0, len(recs))
	for _, rec := range recs {
		m := rec.AsMap()
		var texts []string
		for _, l := range m["texts"].([]any) {
			for _, t := range l.([]any) {
				texts = append(texts, t.(string))
			}
		}
		rows = append(rows, aliasRow(m["id"].(string), str(m["name"]), str(m["nameAr"]), texts))
	}
	return b.writeAliases(rows)
}

// aliasRow computes an entity's sorted aliases and search keys.
func aliasRow(id, name, nameAr string, texts []string) map[string]any {
	aliases := aliasesOf(name, nameAr, texts)
	keys := SearchKeys(append([]string{name, nameAr}, aliases...)...)
	sort.Strings(keys)
	return map[string]any{"id": id, "aliases": aliases, "keys": keys, "text": strings.Join(keys, " ")}
}

func (b *batch) writeAliases(rows []map[string]any) error {
	_, err := b.exec("write entity aliases", `
UNWIND $rows AS r
MATCH (n:Entity {id: r.id})
SET n.aliases = r.aliases, n.keys = r.keys, n.searchText = r.text`, map[string]any{"rows": rows})
	return err
}
