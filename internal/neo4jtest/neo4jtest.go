// Package neo4jtest gives tests a real Neo4j: the one NEO4J_URI points at (the README's test command,
// "make test", starts the local one and sets it). Tests of several packages share that database, so
// each test holds an exclusive lock on it for its duration (a lock file, across processes) and starts
// from an empty, migrated graph.
//
// Since every test empties the database, a database is only emptied when it is known to be disposable:
// it is empty, or tests marked it (a DiplographTestDatabase node, written after each wipe), or
// DIPLOGRAPH_TEST_DB_DISPOSABLE=1 says so (the test command sets it for the local Neo4j it starts). A
// NEO4J_URI left pointing at a real graph makes the tests fail instead of wiping it.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/diplograph/diplograph/store"
)

// TestCommand is the command that runs the tests with a database.
const TestCommand = "make test"

// URI returns NEO4J_URI, or skips the test (fails it under CI) when it is unset.
func URI(t testing.TB) string {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		msg := "NEO4J_URI is not set: run the tests with `" + TestCommand + "`, which starts a local Neo4j"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return uri
}

// Open returns a store on the test database, emptied and migrated, locked for this test alone.
func Open(t testing.TB) *store.Store {
	t.Helper()
	uri := URI(t)
	lock(t, uri)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := store.Open(ctx, store.Config{URI: uri, Username: os.Getenv("NEO4J_USERNAME"), Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE")})
	if err != nil {
		t.Fatalf("open Neo4j at %s: %v", uri, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := checkDisposable(ctx, s, uri); err != nil {
		t.Fatal(err)
	}
	if err := s.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkTestDatabase(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// DisposableEnv names the variable that declares the test database disposable.
const DisposableEnv = "DIPLOGRAPH_TEST_DB_DISPOSABLE"

// checkDisposable refuses a database that holds data no test wrote, unless DisposableEnv is set.
func checkDisposable(ctx context.Context, s *store.Store, uri string) error {
	if os.Getenv(DisposableEnv) == "1" {
		return nil
	}
	marked, err := s.Count(ctx, "MATCH (m:"+store.TestDatabaseLabel+") RETURN count(m)", nil)
	if err != nil || marked > 0 {
		return err
	}
	data, err := s.Count(ctx, "MATCH (n) WHERE NOT n:Migration RETURN count(n)", nil)
	if err != nil || data == 0 {
		return err
	}
	return fmt.Errorf("refusing to empty the database at %s: it holds %d nodes that no test wrote, and every test "+
		"empties the database. Run the tests with `%s` (its own local Neo4j), point NEO4J_URI at a disposable "+
		"database, or set %s=1 if this one is", uri, data, TestCommand, DisposableEnv)
}

// lock takes an exclusive lock on the database for the test, released at its end.
func lock(t testing.TB, uri string) {
	t.Helper()
	sum := sha256.Sum256([]byte(uri))
	path := filepath.Join(os.TempDir(), "diplograph-neo4j-"+hex.EncodeToString(sum[:6])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		t.Fatalf("lock %s: %v", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock %s: %v", path, err)
	}
	t.Cleanup(func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}
