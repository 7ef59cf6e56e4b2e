package graph

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	coderws "github.com/coder/websocket"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/graph/generated"
	"github.com/diplograph/diplograph/store"
	"github.com/diplograph/diplograph/web/graphiql"
)

// Config configures the server. Zero values take the defaults below (docs/api.md lists them).
type Config struct {
	Auth Auth
	// CORSOrigins are the origins whose pages may call /graphql ("https://app.example.org"; "*" for any).
	// Empty: same-origin only.
	CORSOrigins     []string
	ComplexityLimit int           // the largest cost of an operation (limits.go)
	DepthLimit      int           // the deepest field nesting
	MaxBodyBytes    int64         // the largest request body
	Timeout         time.Duration // the longest a query or mutation may run
	QueryCacheSize  int           // parsed and validated queries kept
	APQCacheSize    int           // automatic persisted queries kept
	KeepAlive       time.Duration // websocket keep-alive interval
	PollInterval    time.Duration // how often subscriptions look for new facts
	LoaderWait      time.Duration // how long dataloaders wait to batch
	// ResponseCache is how many query responses are kept until the graph changes (cache.go): 0 takes
	// DefaultResponseCacheSize, a negative number turns the cache off. ResponseCacheTTL bounds the age of
	// any kept response.
	ResponseCache    int
	ResponseCacheTTL time.Duration
	Log              *slog.Logger
}

// Defaults of Config.
const (
	DefaultComplexityLimit = 10000
	DefaultDepthLimit      = 12
	DefaultMaxBodyBytes    = 4 << 20
	DefaultTimeout         = 30 * time.Second
	DefaultQueryCacheSize  = 1000
	DefaultAPQCacheSize    = 1000
	DefaultKeepAlive       = 15 * time.Second
)

func (c *Config) defaults() {
	if c.ComplexityLimit <= 0 {
		c.ComplexityLimit = DefaultComplexityLimit
	}
	if c.DepthLimit <= 0 {
		c.DepthLimit = DefaultDepthLimit
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.QueryCacheSize <= 0 {
		c.QueryCacheSize = DefaultQueryCacheSize
	}
	if c.APQCacheSize <= 0 {
		c.APQCacheSize = DefaultAPQCacheSize
	}
	if c.KeepAlive <= 0 {
		c.KeepAlive = DefaultKeepAlive
	}
	if c.ResponseCache == 0 {
		c.ResponseCache = DefaultResponseCacheSize
	}
	if c.ResponseCacheTTL <= 0 {
		c.ResponseCacheTTL = DefaultResponseCacheTTL
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
}

// Server is the HTTP API: GraphQL at /graphql (POST, GET, websocket), GraphiQL at /, /healthz, /readyz
// and /metrics.
type Server struct {
	cfg     Config
	store   *store.Store
	live    *Live
	metrics *metrics
	cache   *ResponseCache // nil when turned off
	handler http.Handler
}

// NewServer assembles the server. ingest may be nil (the mutation then answers that it cannot extract);
// knownCountry tells valid country codes (nil accepts any two letters).
func NewServer(s *store.Store, ingest *Ingester, knownCountry func(string) bool, cfg Config) *Server {
	cfg.defaults()
	live := NewLive(s, cfg.PollInterval, cfg.Log)
	srv := &Server{cfg: cfg, store: s, live: live, metrics: newMetrics(s, live)}
	res := &Resolver{Store: s, KnownCountry: knownCountry, Auth: cfg.Auth, Ingest: ingest, Live: live}
	if cfg.ResponseCache > 0 {
		srv.cache = NewResponseCache(s, cfg.ResponseCache, cfg.ResponseCacheTTL, cfg.PollInterval, cfg.Log)
		srv.cache.hits, srv.cache.misses = srv.metrics.cacheHit, srv.metrics.cacheMiss
		res.OnWrite = func() { srv.cache.Invalidate("") }
	}

	gql := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: res, Complexity: complexity()}))
	gql.AddTransport(transport.Websocket{
		KeepAlivePingInterval: cfg.KeepAlive,
		InitFunc:              cfg.Auth.wsInit,
		InitTimeout:           10 * time.Second,
		Implementation:        transport.CoderWebsocketImplementation{AcceptOptions: wsOrigins(cfg.CORSOrigins)},
	})
	gql.AddTransport(transport.Options{})
	gql.AddTransport(transport.GET{})
	gql.AddTransport(transport.POST{})
	gql.SetQueryCache(lru.New[*ast.QueryDocument](cfg.QueryCacheSize))
	gql.Use(extension.Introspection{})
	gql.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](cfg.APQCacheSize)})
	gql.Use(depthLimit{Max: cfg.DepthLimit})
	gql.Use(extension.FixedComplexityLimit(cfg.ComplexityLimit))
	gql.SetErrorPresenter(errorPresenter(cfg.Log))
	gql.SetRecoverFunc(recoverFunc(cfg.Log))
	gql.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		return next(WithLoaders(ctx, NewLoaders(s, cfg.LoaderWait)))
	})
	// Response middlewares added later run outside those added before: a cached answer skips the
	// loaders but is still counted and logged.
	if srv.cache != nil {
		gql.Use(srv.cache)
	}
	gql.AroundResponses(srv.metrics.aroundResponses)
	gql.AroundResponses(logOperation(cfg.Log))

	api := cfg.Auth.middleware(limitRequest(cfg.MaxBodyBytes, cfg.Timeout, gql))
	if len(cfg.CORSOrigins) > 0 {
		api = cors.New(cors.Options{
			AllowedOrigins: cfg.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
			AllowedHeaders: []string{"Content-Type", "Authorization"},
			MaxAge:         600,
		}).Handler(api)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", srv.instrument("graphql", api))
	mux.Handle("/healthz", srv.instrument("healthz", http.HandlerFunc(healthz)))
	mux.Handle("/readyz", srv.instrument("readyz", http.HandlerFunc(srv.readyz)))
	mux.Handle("/metrics", srv.instrument("metrics", srv.metrics.handler()))
	mux.Handle("/", srv.instrument("graphiql", graphiql.Handler()))
	srv.handler = recoverHTTP(cfg.Log, mux)
	return srv
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Run feeds the subscriptions and keeps the response cache current until ctx is done.
func (s *Server) Run(ctx context.Context) {
	if s.cache != nil {
		go s.cache.Run(ctx)
	}
	s.live.Run(ctx)
}

// wsOrigins lets the allowed CORS origins open websockets too (the request's own host always may).
func wsOrigins(origins []string) coderws.AcceptOptions {
	var o coderws.AcceptOptions
	for _, origin := range origins {
		if origin == "*" {
			o.InsecureSkipVerify = true
			continue
		}
		if u, err := url.Parse(origin); err == nil && u.Host != "" {
			o.OriginPatterns = append(o.OriginPatterns, u.Host)
		} else {
			o.OriginPatterns = append(o.OriginPatterns, strings.TrimSuffix(origin, "/"))
		}
	}
	return o
}

func healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// readyz answers 200 when Neo4j answers a query, 503 otherwise.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := s.store.Ping(ctx); err != nil {
		s.cfg.Log.Warn("not ready", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("Neo4j is not reachable\n"))
		return
	}
	w.Write([]byte("ready\n"))
}
