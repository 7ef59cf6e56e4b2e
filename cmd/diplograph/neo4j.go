package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strconv"

	"github.com/diplograph/diplograph/localneo4j"
)

// exitNotRunning is the status of "diplograph neo4j status" when the local Neo4j does not run.
const exitNotRunning = 3

// neo4jSubcommand is one subcommand of "diplograph neo4j".
type neo4jSubcommand struct {
	name, short, long string
	run               func(ctx context.Context, a *app, o localneo4j.Options) error
}

var neo4jSubcommands = []neo4jSubcommand{
	{
		name:  "start",
		short: "start the local Neo4j in the background (fetching it the first time) and print NEO4J_URI=…",
		long: `Starts the local Neo4j in the background, fetching Neo4j Community ` + localneo4j.Version + ` with Maven the
first time, and waits until Bolt answers. Prints the URI to use as one line, NEO4J_URI=bolt://127.0.0.1:<port>,
on stdout (progress goes to stderr), so that

	export "$(diplograph neo4j start)"

sets it in a shell. If it already runs, prints the URI at once. Needs Java 17+ (and Maven the first time).`,
		run: func(ctx context.Context, a *app, o localneo4j.Options) error {
			uri, err := localneo4j.Start(ctx, o)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "NEO4J_URI=%s\n", uri)
			return nil
		},
	},
	{
		name:  "stop",
		short: "stop the local Neo4j started by start (safe when it does not run)",
		long:  `Stops the local Neo4j started by "diplograph neo4j start": SIGTERM, a clean shutdown, SIGKILL after 60s.`,
		run: func(ctx context.Context, a *app, o localneo4j.Options) error {
			return localneo4j.Stop(ctx, o)
		},
	},
	{
		name:  "status",
		short: "tell whether the local Neo4j runs; exit status 0 when it runs and answers, 3 when it does not run",
		long: `Prints whether the local Neo4j of the home runs. Exits 0 when it runs and Bolt answers, 3 when it
does not run, 1 when its process runs but Bolt does not answer (still starting, or hung).`,
		run: func(ctx context.Context, a *app, o localneo4j.Options) error {
			st, err := localneo4j.Status(ctx, o)
			if err != nil {
				return err
			}
			switch {
			case !st.Running:
				fmt.Fprintf(a.stdout, "not running (Neo4j %s, home %s)\n", st.Version, st.Home)
				return &exitError{code: exitNotRunning}
			case !st.Ready:
				fmt.Fprintf(a.stdout, "starting or not answering: pid %d, %s, Neo4j %s, home %s\n", st.PID, st.URI, st.Version, st.Home)
				return &exitError{code: exitFailure}
			}
			fmt.Fprintf(a.stdout, "running: pid %d, Neo4j %s, home %s\nNEO4J_URI=%s\n", st.PID, st.Version, st.Home, st.URI)
			return nil
		},
	},
	{
		name:  "run",
		short: "run the local Neo4j in the foreground until interrupted",
		long: `Runs the local Neo4j in the foreground: prints NEO4J_URI=… on stdout once Bolt answers and stops it
cleanly on Ctrl-C or SIGTERM. The database also stops if this process dies. If the local Neo4j of the
home already runs (from start), uses it and leaves it running.`,
		run: func(ctx context.Context, a *app, o localneo4j.Options) error {
			return localneo4j.Run(ctx, o, func(uri string) {
				fmt.Fprintf(a.stdout, "NEO4J_URI=%s\n", uri)
				fmt.Fprintln(a.stderr, "press Ctrl-C to stop")
			})
		},
	},
}

func init() {
	register(&command{
		name:  "neo4j",
		short: "start, stop or inspect a local Neo4j for development, tests and CI",
		usage: "start|stop|status|run [flags]",
		long:  neo4jLong(),
		setup: func(fs *flag.FlagSet, a *app) func(context.Context, []string) error {
			return func(ctx context.Context, args []string) error {
				if len(args) == 0 {
					return usageError("missing subcommand: start, stop, status or run (see diplograph neo4j -h)")
				}
				for _, sc := range neo4jSubcommands {
					if sc.name == args[0] {
						return runNeo4jSubcommand(ctx, a, sc, args[1:])
					}
				}
				return usageError("unknown subcommand %q: want start, stop, status or run", args[0])
			}
		},
	})
}

func neo4jLong() string {
	s := `Runs a local Neo4j Community ` + localneo4j.Version + ` (embedded, Bolt on 127.0.0.1, no authentication) for
development, tests and CI, without Docker. Neo4j is fetched with Maven into <home>/neo4j the first
time; its data and logs live there too. See docs/neo4j-local.md.

subcommands (each takes -h):
`
	for _, sc := range neo4jSubcommands {
		s += fmt.Sprintf("  %-7s %s\n", sc.name, sc.short)
	}
	return s[:len(s)-1]
}

// runNeo4jSubcommand parses the flags of one "neo4j" subcommand and runs it.
func runNeo4jSubcommand(ctx context.Context, a *app, sc neo4jSubcommand, args []string) error {
	fs := flag.NewFlagSet("diplograph neo4j "+sc.name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	var o localneo4j.Options
	badEnv := map[string]error{} // flag name → its variable's error, reported unless the flag is given
	envInt := func(flagName, env string, def int) int {
		if s := envOr(env, ""); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				badEnv[flagName] = fmt.Errorf("$%s=%q: not a number", env, s)
			}
			return n
		}
		return def
	}
	fs.StringVar(&o.Home, "home", envOr("DIPLOGRAPH_HOME", localneo4j.DefaultHome), "directory for Diplograph's local files; Neo4j goes under <home>/neo4j [$DIPLOGRAPH_HOME]")
	fs.IntVar(&o.Port, "port", envInt("port", "DIPLOGRAPH_NEO4J_PORT", localneo4j.DefaultPort), "Bolt port on 127.0.0.1 [$DIPLOGRAPH_NEO4J_PORT]")
	fs.IntVar(&o.HeapMB, "heap", envInt("heap", "DIPLOGRAPH_NEO4J_HEAP_MB", localneo4j.DefaultHeapMB), "JVM heap in MB (start, run) [$DIPLOGRAPH_NEO4J_HEAP_MB]")
	fs.IntVar(&o.PageCacheMB, "pagecache", envInt("pagecache", "DIPLOGRAPH_NEO4J_PAGECACHE_MB", localneo4j.DefaultPageCacheMB), "Neo4j page cache in MB (start, run) [$DIPLOGRAPH_NEO4J_PAGECACHE_MB]")
	// The logging flags again, so they may follow the subcommand; they keep what was given before it.
	fs.StringVar(&a.logFlags.format, "log-format", a.logFlags.format, "log format: text, json, or auto [$DIPLOGRAPH_LOG_FORMAT]")
	fs.StringVar(&a.logFlags.level, "log-level", a.logFlags.level, "log level: debug, info, warn, error [$DIPLOGRAPH_LOG_LEVEL]")
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: diplograph neo4j %s [flags]\n\n%s\n\nflags:\n", sc.name, sc.long)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return &exitError{code: exitUsage} // the flag package has printed the error
	}
	if fs.NArg() > 0 {
		return usageError("neo4j %s takes no arguments, got %q", sc.name, fs.Args())
	}
	fs.Visit(func(f *flag.Flag) { delete(badEnv, f.Name) })
	for _, name := range []string{"port", "heap", "pagecache"} {
		if err := badEnv[name]; err != nil {
			return usageError("%v", err)
		}
	}
	logger, err := a.logFlags.logger(a.stderr)
	if err != nil {
		return usageError("%v", err)
	}
	setDefaultLogger(logger)
	o.Log = slog.Default()
	o.Progress = a.stderr
	return sc.run(ctx, a, o)
}
