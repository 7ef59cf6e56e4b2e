package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"

	"github.com/diplograph/diplograph/localneo4j"
	"github.com/diplograph/diplograph/store"
)

// dbFlags are the flags of the commands that use Neo4j, mirroring the NEO4J_* variables.
type dbFlags struct {
	uri, username, password, database string
	local                             bool
	home                              string
	port                              int
}

// childEnv is the environment of a child diplograph process that must use the same database.
func (d *dbFlags) childEnv(uri string) []string {
	return append(os.Environ(), "NEO4J_URI="+uri, "NEO4J_USERNAME="+d.username, "NEO4J_PASSWORD="+d.password,
		"NEO4J_DATABASE="+d.database)
}

func (d *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&d.uri, "neo4j-uri", envOr("NEO4J_URI", ""), "Neo4j URI: bolt://host:7687, neo4j://host (cluster routing), neo4j+s://….databases.neo4j.io (Aura); empty: the local Neo4j [$NEO4J_URI]")
	fs.StringVar(&d.username, "neo4j-username", envOr("NEO4J_USERNAME", "neo4j"), "Neo4j user [$NEO4J_USERNAME]")
	fs.StringVar(&d.password, "neo4j-password", envOr("NEO4J_PASSWORD", ""), "Neo4j password [$NEO4J_PASSWORD]")
	fs.StringVar(&d.database, "neo4j-database", envOr("NEO4J_DATABASE", "neo4j"), "Neo4j database [$NEO4J_DATABASE]")
	fs.BoolVar(&d.local, "local-neo4j", envOr("DIPLOGRAPH_LOCAL_NEO4J", "true") == "true", "when no Neo4j URI is given, start (or reuse) the local Neo4j, fetching it the first time (docs/neo4j-local.md) [$DIPLOGRAPH_LOCAL_NEO4J]")
	fs.StringVar(&d.home, "home", envOr("DIPLOGRAPH_HOME", localneo4j.DefaultHome), "directory for the local Neo4j [$DIPLOGRAPH_HOME]")
	port := localneo4j.DefaultPort
	if v, err := strconv.Atoi(envOr("DIPLOGRAPH_NEO4J_PORT", "")); err == nil {
		port = v
	}
	fs.IntVar(&d.port, "neo4j-port", port, "Bolt port of the local Neo4j [$DIPLOGRAPH_NEO4J_PORT]")
}

// resolve returns the Neo4j URI to use: the one given, or the local Neo4j's (started in the
// background if it does not run) when none is given and --local-neo4j allows it.
func (d *dbFlags) resolve(ctx context.Context, a *app) (string, error) {
	if d.uri != "" {
		return d.uri, nil
	}
	if !d.local {
		return "", usageError("no Neo4j: set NEO4J_URI (or --neo4j-uri), or allow the local one with --local-neo4j")
	}
	uri, err := localneo4j.Start(ctx, localneo4j.Options{Home: d.home, Port: d.port, Log: slog.Default(), Progress: a.stderr})
	if err != nil {
		return "", fmt.Errorf("local Neo4j: %w", err)
	}
	slog.Info("NEO4J_URI is not set: using the local Neo4j", "uri", uri, "stop", "diplograph neo4j stop")
	d.uri = uri
	return uri, nil
}

// open connects to Neo4j (see resolve).
func (d *dbFlags) open(ctx context.Context, a *app) (*store.Store, error) {
	uri, err := d.resolve(ctx, a)
	if err != nil {
		return nil, err
	}
	s, err := store.Open(ctx, store.Config{URI: uri, Username: d.username, Password: d.password, Database: d.database, Log: slog.Default()})
	if err != nil {
		return nil, fmt.Errorf("connect to Neo4j at %s: %w", uri, err)
	}
	return s, nil
}

// openMigrated opens the store and applies the migrations, as load and serve do at start.
func (d *dbFlags) openMigrated(ctx context.Context, a *app) (*store.Store, error) {
	s, err := d.open(ctx, a)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close(context.Background())
		return nil, err
	}
	return s, nil
}

func init() {
	register(&command{
		name:  "migrate",
		short: "create the constraints and indexes of the graph (idempotent; load and serve run it too)",
		long: `Migrate creates the uniqueness constraints, the indexes and the full-text index the graph needs
(docs/model.md lists them), each IF NOT EXISTS, and records the versions applied. Running it twice
changes nothing.`,
		setup: func(fs *flag.FlagSet, a *app) func(context.Context, []string) error {
			var d dbFlags
			d.register(fs)
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usageError("migrate takes no arguments")
				}
				s, err := d.open(ctx, a)
				if err != nil {
					return err
				}
				defer s.Close(context.Background())
				added, err := s.Migrate(ctx)
				if err != nil {
					return err
				}
				last := store.Migrations[len(store.Migrations)-1].Version
				if len(added) == 0 {
					fmt.Fprintf(a.stdout, "schema up to date (version %d)\n", last)
				} else {
					fmt.Fprintf(a.stdout, "applied migrations %v; schema at version %d\n", added, last)
				}
				return nil
			}
		},
	})
}
