// Package store keeps the graph of diplomatic relations in Neo4j: it writes Extraction documents
// (idempotently, one transaction per batch, every fact with its sources) and answers the queries of
// the GraphQL API. docs/model.md describes the graph it writes.
//
// Every query is parameterised and names the database; writes run in managed transactions, which the
// driver retries on transient errors — the writes are idempotent, so a retry is safe.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/diplograph/diplograph"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j:// (routing), bolt+s://, neo4j+s:// (Aura)
	Username string
	Password string
	Database string // default "neo4j"
	// MaxRetry bounds how long a managed transaction is retried on transient errors (default 30s).
	MaxRetry time.Duration
	Log      *slog.Logger
}

// Store is a connection to the graph. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	log    *slog.Logger
	// queries counts the Cypher round trips, for tests that bound them and for metrics.
	queries atomic.Int64
}

// Open connects to Neo4j and checks that it answers. The error has the code EUNAVAILABLE when the
// server cannot be reached.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.URI == "" {
		return nil, diplograph.Errorf(diplograph.EINVALID, "no Neo4j URI: set NEO4J_URI or --neo4j-uri")
	}
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	retry := cfg.MaxRetry
	if retry == 0 {
		retry = 30 * time.Second
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = retry
		c.MaxConnectionPoolSize = 50
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.SocketConnectTimeout = 5 * time.Second
	})
	if err != nil {
		return nil, diplograph.Errorf(diplograph.EINVALID, "Neo4j URI %q: %v", cfg.URI, err)
	}
	s := &Store{driver: driver, db: cfg.Database, log: cfg.Log}
	if err := s.Ping(ctx); err != nil {
		driver.Close(ctx)
		return nil, err
	}
	return s, nil
}

// Close releases the connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Database returns the name of the database the store uses.
func (s *Store) Database() string { return s.db }

// Ping checks that the database answers a query (for /readyz). The error has the code EUNAVAILABLE.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return &diplograph.Error{Code: diplograph.EUNAVAILABLE, Message: "Neo4j is not reachable", Err: err}
	}
	if _, err := s.read(ctx, "RETURN 1", nil); err != nil {
		return &diplograph.Error{Code: diplograph.EUNAVAILABLE, Message: fmt.Sprintf("database %q does not answer", s.db), Err: err}
	}
	return nil
}

// QueryCount returns how many Cypher round trips the store has made.
func (s *Store) QueryCount() int64 { return s.queries.Load() }

// read runs one read query and returns its records.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.queries.Add(1)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, wrapNeo4j(err)
	}
	return res.Records, nil
}

// exec runs one write query in its own managed transaction and returns its records.
func (s *Store) exec(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.queries.Add(1)
	res, err := neo4j.ExecuteQuery(ctx, s.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return nil, wrapNeo4j(err)
	}
	return res.Records, nil
}

// write runs fn in a managed write transaction (retried on transient errors).
func (s *Store) write(ctx context.Context, fn func(tx neo4j.ManagedTransaction) error) error {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, fn(tx)
	})
	return wrapNeo4j(err)
}

// run runs one query inside a transaction and returns its records.
func (s *Store) run(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.queries.Add(1)
	if traceWrites {
		defer func(t time.Time) { fmt.Fprintf(os.Stderr, "%-28s %v\n", "read "+queryLabel(cypher), time.Since(t)) }(time.Now())
	}
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// queryLabel names a query in traces by the start of its first MATCH or MERGE line.
func queryLabel(cypher string) string {
	for _, line := range strings.Split(cypher, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "MATCH") || strings.HasPrefix(line, "OPTIONAL MATCH") || strings.HasPrefix(line, "MERGE") {
			return line[:min(len(line), 30)]
		}
	}
	return "query"
}

// wrapNeo4j gives connection failures the code EUNAVAILABLE; other errors stay internal, their text
// kept for logs but never shown to API users.
func wrapNeo4j(err error) error {
	if err == nil {
		return nil
	}
	var de *diplograph.Error
	if errors.As(err, &de) {
		return err
	}
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) || neo4j.IsRetryable(err) && !isTransientConflict(err) {
		return &diplograph.Error{Code: diplograph.EUNAVAILABLE, Message: "Neo4j is not reachable", Err: err}
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return &diplograph.Error{Code: diplograph.EINTERNAL, Message: "database error", Err: err}
}

func isTransientConflict(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne.Classification() == "TransientError"
}

// Count runs a read query that returns one number (its first column), for tests and diagnostics.
func (s *Store) Count(ctx context.Context, cypher string, params map[string]any) (int64, error) {
	recs, err := s.read(ctx, cypher, params)
	if err != nil {
		return 0, err
	}
	if len(recs) == 0 || len(recs[0].Values) == 0 {
		return 0, nil
	}
	n, _ := recs[0].Values[0].(int64)
	return n, nil
}

// Driver returns the Neo4j driver, for benchmarks that compare other ways of writing.
func (s *Store) Driver() neo4j.DriverWithContext { return s.driver }

// ServerVersion returns the Neo4j version and edition the store talks to.
func (s *Store) ServerVersion(ctx context.Context) (string, error) {
	recs, err := s.read(ctx, "CALL dbms.components() YIELD name, versions, edition RETURN name + ' ' + versions[0] + ' ' + edition AS v", nil)
	if err != nil || len(recs) == 0 {
		return "", err
	}
	v, _ := recs[0].Get("v")
	return fmt.Sprint(v), nil
}
