package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/hashicorp/golang-lru/v2/expirable"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/store"
)

// ResponseCache keeps the responses of queries until the graph changes. Analysts and dashboards send
// the same questions again and again while the graph changes only when a loader runs, so a repeated
// query is answered from memory instead of costing Neo4j a few dozen milliseconds of both cores.
//
// Correctness rests on invalidation: the cache is emptied when this server stores articles (the
// ingest mutation) and when the graph's version (store.Version: the number of articles and the newest
// ingest time) changes, which the server polls every PollInterval to notice what other processes
// wrote. A response is therefore at most one poll interval stale, and never older than TTL. Only
// queries are cached (not mutations or subscriptions), only whole successful responses, and only
// below MaxResponseBytes.
type ResponseCache struct {
	Store            *store.Store
	PollInterval     time.Duration
	MaxResponseBytes int
	Log              *slog.Logger

	mu      sync.Mutex
	lru     *expirable.LRU[string, *graphql.Response]
	version string
	hits    func() // metrics hooks, set by the server
	misses  func()
}

// Defaults of the response cache.
const (
	DefaultResponseCacheSize = 2000
	DefaultResponseCacheTTL  = 5 * time.Minute
	defaultMaxResponseBytes  = 1 << 20
)

// NewResponseCache returns a cache of at most size responses, each kept at most ttl.
func NewResponseCache(s *store.Store, size int, ttl, poll time.Duration, log *slog.Logger) *ResponseCache {
	if poll <= 0 {
		poll = DefaultPollInterval
	}
	if log == nil {
		log = slog.Default()
	}
	return &ResponseCache{Store: s, PollInterval: poll, MaxResponseBytes: defaultMaxResponseBytes, Log: log,
		lru: expirable.NewLRU[string, *graphql.Response](size, nil, ttl), hits: func() {}, misses: func() {}}
}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = (*ResponseCache)(nil)

// ExtensionName names the extension for gqlgen.
func (c *ResponseCache) ExtensionName() string { return "ResponseCache" }

// Validate checks nothing: the cache works with any schema.
func (c *ResponseCache) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse answers a query from the cache, or runs it and keeps a successful answer.
func (c *ResponseCache) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	op := graphql.GetOperationContext(ctx)
	if op.Operation == nil || op.Operation.Operation != ast.Query {
		return next(ctx)
	}
	key, ok := cacheKey(op)
	if !ok {
		return next(ctx)
	}
	if resp, ok := c.lru.Get(key); ok {
		c.hits()
		return resp
	}
	c.misses()
	c.mu.Lock()
	version := c.version
	c.mu.Unlock()
	resp := next(ctx)
	if resp == nil || len(resp.Errors) > 0 || len(resp.Data) > c.MaxResponseBytes {
		return resp
	}
	// A response computed while the graph changed may hold old data: keep it only if no invalidation
	// happened meanwhile.
	c.mu.Lock()
	if c.version == version {
		c.lru.Add(key, resp)
	}
	c.mu.Unlock()
	return resp
}

// cacheKey identifies a query by its text, operation name and variables (JSON with sorted keys).
func cacheKey(op *graphql.OperationContext) (string, bool) {
	vars, err := json.Marshal(op.Variables)
	if err != nil {
		return "", false
	}
	h := sha256.New()
	h.Write([]byte(op.OperationName))
	h.Write([]byte{0})
	h.Write([]byte(op.RawQuery))
	h.Write([]byte{0})
	h.Write(vars)
	return hex.EncodeToString(h.Sum(nil)), true
}

// Invalidate empties the cache (the graph changed).
func (c *ResponseCache) Invalidate(version string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version == "" {
		version = "local-" + time.Now().UTC().Format(time.RFC3339Nano)
	}
	c.version = version
	c.lru.Purge()
}

// Run polls the graph's version until ctx is done and empties the cache when it changes.
func (c *ResponseCache) Run(ctx context.Context) {
	t := time.NewTicker(c.PollInterval)
	defer t.Stop()
	for {
		c.check(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (c *ResponseCache) check(ctx context.Context) {
	v, err := c.Store.Version(ctx)
	if err != nil {
		if ctx.Err() == nil {
			// Unknown state: serve nothing old.
			c.Log.Warn("response cache: cannot read the graph version; emptying the cache", "err", err)
			c.Invalidate("")
		}
		return
	}
	c.mu.Lock()
	changed := v != c.version
	c.mu.Unlock()
	if changed {
		c.Invalidate(v)
	}
}
