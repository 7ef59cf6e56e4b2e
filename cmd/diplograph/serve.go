package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/web/graphiql"
)

func init() {
	register(&command{
		name:  "serve",
		short: "serve the graph over GraphQL (GraphiQL at /), optionally loading inputs first",
		long: `Serve answers GraphQL at /graphql (POST, GET, and websockets for subscriptions) and serves GraphiQL
at /, with /healthz, /readyz (Neo4j reachable) and /metrics (Prometheus). docs/api.md describes the API,
its limits and its errors.

--load PATH (repeatable) loads files or directories with the loader before serving, as "diplograph load"
would: "diplograph serve --load testdata/corpus" serves the sample corpus. When NEO4J_URI is unset the
local Neo4j is started in the background (or reused).

Reads are open unless a read token is set (--read-token, DIPLOGRAPH_READ_TOKEN); the mutation
ingestArticles needs the write token (--token, DIPLOGRAPH_TOKEN) and is disabled without one. Clients
send "Authorization: Bearer <token>" (on websockets, in the connection_init payload).

The server stops cleanly on Ctrl-C or SIGTERM.`,
		setup: setupServe,
	})
}

// serveFlags are the server's flags, each mirroring an environment variable.
type serveFlags struct {
	addr       string
	loads      stringList
	token      string
	readToken  string
	cors       string
	complexity int
	depth      int
	maxBody    int64
	timeout    time.Duration
	queryCache int
	apqCache   int
	poll       time.Duration
	keepAlive  time.Duration
	respCache  int
	respTTL    time.Duration
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", envOr("DIPLOGRAPH_ADDR", "127.0.0.1:8080"), "address to listen on [$DIPLOGRAPH_ADDR]")
	fs.Var(&f.loads, "load", "file or directory of articles to load before serving; repeatable")
	fs.StringVar(&f.token, "token", envOr("DIPLOGRAPH_TOKEN", ""), "write token: enables the ingestArticles mutation for requests with Authorization: Bearer <token> [$DIPLOGRAPH_TOKEN]")
	fs.StringVar(&f.readToken, "read-token", envOr("DIPLOGRAPH_READ_TOKEN", ""), "read token: when set, every request needs it (or the write token) [$DIPLOGRAPH_READ_TOKEN]")
	fs.StringVar(&f.cors, "cors-origins", envOr("DIPLOGRAPH_CORS_ORIGINS", ""), "comma-separated origins whose pages may call the API (https://app.example.org, or *); empty: same origin only [$DIPLOGRAPH_CORS_ORIGINS]")
	fs.IntVar(&f.complexity, "complexity-limit", envIntOr("DIPLOGRAPH_COMPLEXITY_LIMIT", graph.DefaultComplexityLimit), "largest complexity of an operation [$DIPLOGRAPH_COMPLEXITY_LIMIT]")
	fs.IntVar(&f.depth, "depth-limit", envIntOr("DIPLOGRAPH_DEPTH_LIMIT", graph.DefaultDepthLimit), "deepest field nesting of an operation [$DIPLOGRAPH_DEPTH_LIMIT]")
	fs.Int64Var(&f.maxBody, "max-body", int64(envIntOr("DIPLOGRAPH_MAX_BODY_BYTES", graph.DefaultMaxBodyBytes)), "largest request body in bytes [$DIPLOGRAPH_MAX_BODY_BYTES]")
	fs.DurationVar(&f.timeout, "timeout", envDurationOr("DIPLOGRAPH_TIMEOUT", graph.DefaultTimeout), "longest a query or mutation may run [$DIPLOGRAPH_TIMEOUT]")
	fs.IntVar(&f.queryCache, "query-cache", envIntOr("DIPLOGRAPH_QUERY_CACHE", graph.DefaultQueryCacheSize), "parsed queries kept in the LRU cache [$DIPLOGRAPH_QUERY_CACHE]")
	fs.IntVar(&f.apqCache, "apq-cache", envIntOr("DIPLOGRAPH_APQ_CACHE", graph.DefaultAPQCacheSize), "automatic persisted queries kept [$DIPLOGRAPH_APQ_CACHE]")
	fs.DurationVar(&f.poll, "poll-interval", envDurationOr("DIPLOGRAPH_POLL_INTERVAL", graph.DefaultPollInterval), "how often subscriptions and the response cache look for what other processes stored [$DIPLOGRAPH_POLL_INTERVAL]")
	fs.IntVar(&f.respCache, "response-cache", envIntOr("DIPLOGRAPH_RESPONSE_CACHE", graph.DefaultResponseCacheSize), "query responses kept until the graph changes (checked every --poll-interval); 0 turns the cache off [$DIPLOGRAPH_RESPONSE_CACHE]")
	fs.DurationVar(&f.respTTL, "response-cache-ttl", envDurationOr("DIPLOGRAPH_RESPONSE_CACHE_TTL", graph.DefaultResponseCacheTTL), "longest a cached response is kept [$DIPLOGRAPH_RESPONSE_CACHE_TTL]")
	fs.DurationVar(&f.keepAlive, "keepalive", envDurationOr("DIPLOGRAPH_KEEPALIVE", graph.DefaultKeepAlive), "websocket keep-alive interval [$DIPLOGRAPH_KEEPALIVE]")
}

func (f *serveFlags) config() graph.Config {
	var origins []string
	for _, o := range strings.Split(f.cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	return graph.Config{
		Auth:        graph.Auth{ReadToken: f.readToken, WriteToken: f.token},
		CORSOrigins: origins, ComplexityLimit: f.complexity, DepthLimit: f.depth, MaxBodyBytes: f.maxBody,
		Timeout: f.timeout, QueryCacheSize: f.queryCache, APQCacheSize: f.apqCache, PollInterval: f.poll,
		KeepAlive: f.keepAlive, ResponseCache: responseCacheSize(f.respCache), ResponseCacheTTL: f.respTTL, Log: slog.Default(),
	}
}

// responseCacheSize maps the flag (0 turns the cache off) to graph.Config (negative turns it off).
func responseCacheSize(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

func setupServe(fs *flag.FlagSet, a *app) func(context.Context, []string) error {
	var d dbFlags
	d.register(fs)
	var lf loadFlags
	lf.register(fs)
	var sf serveFlags
	sf.register(fs)
	return func(ctx context.Context, args []string) error {
		if len(args) > 0 {
			return usageError("serve takes no arguments (give inputs with --load PATH)")
		}
		if sf.token != "" && sf.token == sf.readToken {
			return usageError("the write token and the read token must differ")
		}
		lex, err := lf.read.lexicon()
		if err != nil {
			return usageError("%v", err)
		}
		s, err := d.openMigrated(ctx, a)
		if err != nil {
			return err
		}
		defer s.Close(context.Background())
		if len(sf.loads) > 0 {
			l, err := lf.loader(a, s)
			if err != nil {
				return err
			}
			sum, err := l.Load(ctx, sf.loads)
			printSummary(a.stdout, sum)
			if err != nil {
				return err
			}
			if ctx.Err() != nil {
				return nil
			}
		}
		ingest := &graph.Ingester{Writer: s, Extractor: extract.New(lex)}
		known := func(code string) bool { return lex.Countries[code] != nil }
		srv := graph.NewServer(s, ingest, known, sf.config())
		return listenAndServe(ctx, a, sf.addr, srv)
	}
}

// listenAndServe serves until ctx is done, then shuts down: it stops accepting, ends the subscriptions
// and waits up to 10s for requests in flight.
func listenAndServe(ctx context.Context, a *app, addr string, srv *graph.Server) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	base, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn),
	}
	go srv.Run(base)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	url := "http://" + ln.Addr().String() + "/"
	slog.Info("serving GraphQL", "graphql", url+"graphql", "graphiql", url, "graphiql_built", graphiql.Built())
	fmt.Fprintf(a.stdout, "GraphiQL: %s  (GraphQL: %sgraphql)\n", url, url)
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	stop() // ends subscriptions and the poller
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

// envDurationOr returns the duration of an environment variable ("30s"), or def when it is unset or invalid.
func envDurationOr(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(strings.TrimSpace(envOr(name, ""))); err == nil {
		return d
	}
	return def
}
