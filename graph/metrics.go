package graph

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/diplograph/diplograph/store"
)

// metrics are the server's Prometheus metrics, in a registry of its own.
type metrics struct {
	reg          *prometheus.Registry
	httpRequests *prometheus.CounterVec
	httpDuration *prometheus.HistogramVec
	operations   *prometheus.CounterVec
	opDuration   *prometheus.HistogramVec
	errors       *prometheus.CounterVec
	cache        *prometheus.CounterVec
}

func newMetrics(s *store.Store, live *Live) *metrics {
	m := &metrics{reg: prometheus.NewRegistry()}
	m.httpRequests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "diplograph_http_requests_total", Help: "HTTP requests by handler, method and status code.",
	}, []string{"handler", "method", "code"})
	m.httpDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "diplograph_http_request_duration_seconds", Help: "Time to answer HTTP requests, by handler.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"handler"})
	m.operations = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "diplograph_graphql_operations_total", Help: "GraphQL operations (and subscription messages) by type.",
	}, []string{"type"})
	m.opDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "diplograph_graphql_operation_duration_seconds", Help: "Time from the start of a query or mutation to its response.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"type"})
	m.errors = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "diplograph_graphql_errors_total", Help: "GraphQL errors by extensions.code.",
	}, []string{"code"})
	m.cache = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "diplograph_response_cache_total", Help: "Queries answered from the response cache (hit) or not (miss).",
	}, []string{"result"})
	m.reg.MustRegister(m.httpRequests, m.httpDuration, m.operations, m.opDuration, m.errors, m.cache,
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "diplograph_cypher_round_trips_total", Help: "Cypher queries sent to Neo4j by this process.",
		}, func() float64 { return float64(s.QueryCount()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "diplograph_subscriptions_active", Help: "Open GraphQL subscriptions.",
		}, func() float64 { return float64(live.Subscribers()) }),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

func (m *metrics) cacheHit()  { m.cache.WithLabelValues("hit").Inc() }
func (m *metrics) cacheMiss() { m.cache.WithLabelValues("miss").Inc() }

// observe counts an HTTP request.
func (m *metrics) observe(handler, method string, code int, d time.Duration) {
	m.httpRequests.WithLabelValues(handler, method, strconv.Itoa(code)).Inc()
	m.httpDuration.WithLabelValues(handler).Observe(d.Seconds())
}

// aroundResponses counts GraphQL operations, their duration and their errors.
func (m *metrics) aroundResponses(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	op := graphql.GetOperationContext(ctx)
	typ := "unknown"
	if op != nil && op.Operation != nil {
		typ = string(op.Operation.Operation)
	}
	m.operations.WithLabelValues(typ).Inc()
	if op != nil && typ != string(ast.Subscription) {
		m.opDuration.WithLabelValues(typ).Observe(time.Since(op.Stats.OperationStart).Seconds())
	}
	if resp != nil {
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			if code == "" {
				code = "UNKNOWN"
			}
			m.errors.WithLabelValues(code).Inc()
		}
	}
	return resp
}
