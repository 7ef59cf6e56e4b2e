package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/diplograph/diplograph"
)

// The codes of extensions.code. GraphQL's own (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
// COMPLEXITY_LIMIT_EXCEEDED, PERSISTED_QUERY_NOT_FOUND) pass through.
const (
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeForbidden       = "FORBIDDEN"
	CodeUnavailable     = "SERVICE_UNAVAILABLE"
	CodeInternal        = "INTERNAL_SERVER_ERROR"
	CodeDepthLimit      = "DEPTH_LIMIT_EXCEEDED"
	CodeTimeout         = "TIMEOUT"
)

// codes maps the domain's error codes to GraphQL's.
var codes = map[string]string{
	diplograph.EINVALID:      CodeBadUserInput,
	diplograph.ENOTFOUND:     CodeNotFound,
	diplograph.EUNAUTHORIZED: CodeUnauthenticated,
	diplograph.EUNAVAILABLE:  CodeUnavailable,
	diplograph.ECONFLICT:     CodeUnavailable,
	diplograph.EINTERNAL:     CodeInternal,
}

// forbidden is the error of a caller whose credentials do not allow the operation.
func forbidden(format string, args ...any) error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": CodeForbidden}
	return err
}

// errorPresenter turns every error into a GraphQL error whose extensions.code says what went wrong.
// Errors of the domain show their user-safe message; internal errors (a database failure, a panic) are
// logged and shown as "internal error", so that no Cypher or driver text ever reaches a client.
func errorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var de *diplograph.Error
		switch {
		case errors.As(err, &de):
			code := codes[de.Code]
			if code == "" {
				code = CodeInternal
			}
			gerr = &gqlerror.Error{Message: de.Message, Path: gerr.Path, Locations: gerr.Locations}
			if code == CodeInternal || code == CodeUnavailable {
				log.ErrorContext(ctx, "graphql error", "code", code, "path", gerr.Path.String(), "err", err)
				if code == CodeInternal {
					gerr.Message = "internal error"
				}
			}
			setCode(gerr, code)
		case errors.Is(err, context.DeadlineExceeded):
			gerr = &gqlerror.Error{Message: "the request took too long and was stopped", Path: gerr.Path, Locations: gerr.Locations}
			setCode(gerr, CodeTimeout)
		case errors.Is(err, context.Canceled):
			gerr = &gqlerror.Error{Message: "the request was cancelled", Path: gerr.Path, Locations: gerr.Locations}
			setCode(gerr, CodeUnavailable)
		case gerr.Extensions["code"] != nil:
			// GraphQL's own errors (parsing, validation, complexity, persisted queries) and ours.
		case gerr.Err != nil:
			log.ErrorContext(ctx, "graphql error", "path", gerr.Path.String(), "err", err)
			gerr = &gqlerror.Error{Message: "internal error", Path: gerr.Path, Locations: gerr.Locations}
			setCode(gerr, CodeInternal)
		case strings.Contains(gerr.Message, "must not be null") || strings.Contains(gerr.Message, "schema does not allow"):
			log.ErrorContext(ctx, "graphql error", "path", gerr.Path.String(), "err", err)
			setCode(gerr, CodeInternal)
		default:
			// gqlgen's own messages about the caller's arguments and variables.
			setCode(gerr, CodeBadUserInput)
		}
		return gerr
	}
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

// recoverFunc turns a panic in a resolver into an internal error, logged with its stack.
func recoverFunc(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in a resolver", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		return &diplograph.Error{Code: diplograph.EINTERNAL, Message: "internal error", Err: fmt.Errorf("panic: %v", p)}
	}
}
