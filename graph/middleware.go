package graph

import (
	"context"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/99designs/gqlgen/graphql"
)

// recorder remembers the status and size of a response. Unwrap lets http.ResponseController and the
// websocket library reach the connection to hijack it.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// instrument logs each request (debug for health checks and scrapes) and counts it in the metrics.
func (s *Server) instrument(name string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		d := time.Since(start)
		if rec.status == 0 {
			rec.status = http.StatusOK // hijacked (websocket) or empty
		}
		s.metrics.observe(name, r.Method, rec.status, d)
		level := slog.LevelInfo
		if name != "graphql" && name != "graphiql" {
			level = slog.LevelDebug
		}
		s.cfg.Log.Log(r.Context(), level, "http request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "duration", d.Round(time.Microsecond), "remote", r.RemoteAddr)
	})
}

// limitRequest bounds the request body and, except for websockets, the time a request may run.
func limitRequest(maxBody int64, timeout time.Duration, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		}
		if isWebsocket(r) {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// recoverHTTP answers 500 to a request whose handler panicked, and logs the panic.
func recoverHTTP(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				log.Error("panic in an HTTP handler", "panic", p, "path", r.URL.Path, "stack", string(debug.Stack()))
				writeGraphQLError(w, http.StatusInternalServerError, "internal error", CodeInternal)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// logOperation logs each GraphQL response at debug level: the operation, its duration and its errors.
func logOperation(log *slog.Logger) graphql.ResponseMiddleware {
	return func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		if !log.Enabled(ctx, slog.LevelDebug) {
			return resp
		}
		op := graphql.GetOperationContext(ctx)
		attrs := []any{}
		if op != nil {
			attrs = append(attrs, "operation", op.OperationName, "duration", time.Since(op.Stats.OperationStart).Round(time.Microsecond))
			if op.Operation != nil {
				attrs = append(attrs, "type", string(op.Operation.Operation))
			}
		}
		if resp != nil && len(resp.Errors) > 0 {
			attrs = append(attrs, "errors", resp.Errors.Error())
		}
		log.DebugContext(ctx, "graphql", attrs...)
		return resp
	}
}
