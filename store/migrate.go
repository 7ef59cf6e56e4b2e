package store

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Migration is one versioned change of the database schema. Statements are idempotent (IF NOT
// EXISTS), so running a migration twice changes nothing.
type Migration struct {
	Version    int
	Name       string
	Statements []string
}

// Migrations lists the schema of the graph in the order it was introduced (docs/model.md lists them
// too). Append new ones; never edit a released one.
var Migrations = []Migration{
	{1, "unique ids", []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:EventKey) REQUIRE n.key IS UNIQUE",
		"CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE",
	}},
	{2, "indexes for filters", []string{
		"CREATE INDEX article_url IF NOT EXISTS FOR (n:Article) ON (n.url)",
		"CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.publishedDate)",
		"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateStart)",
		"CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
		"CREATE INDEX event_match IF NOT EXISTS FOR (n:Event) ON (n.matchKey)",
		"CREATE INDEX position_date IF NOT EXISTS FOR (n:Position) ON (n.dateStart)",
		"CREATE INDEX position_topic IF NOT EXISTS FOR (n:Position) ON (n.topic)",
		"CREATE INDEX position_stance IF NOT EXISTS FOR (n:Position) ON (n.stance)",
		"CREATE INDEX entity_type IF NOT EXISTS FOR (n:Entity) ON (n.type)",
		"CREATE INDEX country_code IF NOT EXISTS FOR (n:Country) ON (n.code)",
		"CREATE INDEX reported_in_published IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.published)",
	}},
	{3, "full-text search over names", []string{
		"CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.searchText] " +
			"OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}}",
	}},
	{4, "load checkpoints", []string{
		"CREATE CONSTRAINT checkpoint_key IF NOT EXISTS FOR (n:LoadCheckpoint) REQUIRE n.key IS UNIQUE",
	}},
	{5, "ingest times for live updates", []string{
		"CREATE INDEX event_ingested IF NOT EXISTS FOR (n:Event) ON (n.ingestedAt)",
		"CREATE INDEX position_ingested IF NOT EXISTS FOR (n:Position) ON (n.ingestedAt)",
	}},
	{6, "ingest times of articles, for the version of the graph", []string{
		"CREATE INDEX article_ingested IF NOT EXISTS FOR (n:Article) ON (n.ingestedAt)",
	}},
	// A position's topic is its property (indexed by position_topic); the Topic nodes and the ON_TOPIC
	// relationships to them were written for every position and read by no query: six nodes with
	// tens of thousands of relationships each, the dearest part of writing a position. (Version 1
	// created the constraint topic_id until then; it no longer does, and this drops it.)
	{7, "topics are a property of positions, not nodes", []string{
		"MATCH (:Topic)<-[r:ON_TOPIC]-() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (t:Topic) DELETE t",
		"DROP CONSTRAINT topic_id IF EXISTS",
	}},
	// Role observations moved from lists on HOLDS_ROLE (rewritten whole by every batch that saw the
	// role: a third of the transaction log) to the MENTIONS of the person by each article.
	{8, "role observations on the mentions", []string{
		`MATCH (p:Person)-[x:HOLDS_ROLE]->(h) WHERE x.articles IS NOT NULL
CALL {
  WITH p, x, h
  CALL {
    WITH p, x, h
    UNWIND range(0, size(x.articles) - 1) AS i
    MATCH (a:Article {id: x.articles[i]})-[m:MENTIONS]->(p)
    WITH m, x.title + '|' + h.id AS key, coalesce(x.formerFlags[i], false) AS former
    SET m.roles = CASE WHEN key IN coalesce(m.roles, []) THEN m.roles ELSE coalesce(m.roles, []) + key END,
        m.formerRoles = CASE WHEN former AND NOT key IN coalesce(m.formerRoles, []) THEN coalesce(m.formerRoles, []) + key ELSE m.formerRoles END
  }
  REMOVE x.articles, x.seen, x.formerFlags
} IN TRANSACTIONS OF 100 ROWS`,
	}},
}

// Migrate applies every migration (idempotently) and records the versions applied. It returns the
// versions that were new to this database.
func (s *Store) Migrate(ctx context.Context) ([]int, error) {
	recs, err := s.read(ctx, "MATCH (m:Migration) RETURN m.version AS v", nil)
	if err != nil {
		// A fresh database has no Migration label yet; that is not an error.
		recs = nil
	}
	applied := map[int]bool{}
	for _, r := range recs {
		if v, ok := r.Get("v"); ok {
			if n, ok := v.(int64); ok {
				applied[int(n)] = true
			}
		}
	}
	var added []int
	for _, m := range Migrations {
		for _, stmt := range m.Statements {
			// Schema statements cannot share a transaction with writes; each runs on its own, in an
			// implicit transaction so that a data migration may commit in pieces (IN TRANSACTIONS).
			s.queries.Add(1)
			if err := s.runImplicit(ctx, stmt); err != nil {
				return added, fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, wrapNeo4j(err))
			}
		}
		if !applied[m.Version] {
			s.queries.Add(1)
			if _, err := neo4j.ExecuteQuery(ctx, s.driver,
				"MERGE (m:Migration {version: $v}) ON CREATE SET m.name = $name, m.appliedAt = datetime()",
				map[string]any{"v": m.Version, "name": m.Name}, neo4j.EagerResultTransformer,
				neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
				return added, fmt.Errorf("record migration %d: %w", m.Version, wrapNeo4j(err))
			}
			added = append(added, m.Version)
		}
	}
	// Wait for the indexes to be online, so that the first queries use them.
	s.queries.Add(1)
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		return added, fmt.Errorf("await indexes: %w", wrapNeo4j(err))
	}
	return added, nil
}

// runImplicit runs a statement in an implicit (auto-commit) transaction and waits for its end.
func (s *Store) runImplicit(ctx context.Context, stmt string) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, stmt, nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
