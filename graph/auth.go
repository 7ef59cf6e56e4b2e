package graph

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/diplograph/diplograph"
)

// Auth holds the bearer tokens. Reads are open unless ReadToken is set; writes (the mutation) need
// WriteToken and are disabled without one. The write token also allows reads.
type Auth struct {
	ReadToken  string
	WriteToken string
}

// access is what a request's credentials allow.
type access int

const (
	accessNone access = iota
	accessRead
	accessWrite
)

// credential is what a request presented.
type credential struct {
	given  bool // an Authorization header (or websocket payload) was sent
	access access
}

// check reads an Authorization value ("Bearer <token>").
func (a Auth) check(authorization string) credential {
	authorization = strings.TrimSpace(authorization)
	if authorization == "" {
		return credential{}
	}
	token, ok := strings.CutPrefix(authorization, "Bearer ")
	if !ok {
		token, ok = strings.CutPrefix(authorization, "bearer ")
	}
	c := credential{given: true}
	if !ok {
		return c
	}
	token = strings.TrimSpace(token)
	switch {
	case a.WriteToken != "" && equal(token, a.WriteToken):
		c.access = accessWrite
	case a.ReadToken != "" && equal(token, a.ReadToken):
		c.access = accessRead
	}
	return c
}

func equal(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// canRead reports whether the credential may read.
func (a Auth) canRead(c credential) bool { return a.ReadToken == "" || c.access >= accessRead }

type credentialKey struct{}

func withCredential(ctx context.Context, c credential) context.Context {
	return context.WithValue(ctx, credentialKey{}, c)
}

func credentialFrom(ctx context.Context) credential {
	c, _ := ctx.Value(credentialKey{}).(credential)
	return c
}

// middleware reads the Authorization header into the context and refuses reads without the read token
// when one is set. Websocket upgrades pass: their credentials come in the connection_init payload
// (wsInit), as browsers cannot set headers on a websocket.
func (a Auth) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c := a.check(r.Header.Get("Authorization"))
		if !isWebsocket(r) && !a.canRead(c) {
			msg := "this server needs Authorization: Bearer <token> (DIPLOGRAPH_READ_TOKEN)"
			if c.given {
				msg = "the bearer token is not valid"
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="diplograph"`)
			writeGraphQLError(w, http.StatusUnauthorized, msg, CodeUnauthenticated)
			return
		}
		next.ServeHTTP(w, r.WithContext(withCredential(r.Context(), c)))
	})
}

// wsInit checks the credentials of a websocket connection: the payload's Authorization, else the
// upgrade request's header.
func (a Auth) wsInit(ctx context.Context, payload transport.InitPayload) (context.Context, *transport.InitPayload, error) {
	c := credentialFrom(ctx)
	if v := payload.Authorization(); v != "" {
		c = a.check(v)
	}
	if !a.canRead(c) {
		return ctx, nil, errors.New("unauthenticated: send {\"Authorization\": \"Bearer <token>\"} in the connection_init payload")
	}
	return withCredential(ctx, c), nil, nil
}

// authorizeWrite checks that the request may write.
func (a Auth) authorizeWrite(ctx context.Context) error {
	if a.WriteToken == "" {
		return forbidden("writes are disabled: the server has no write token (set DIPLOGRAPH_TOKEN or --token)")
	}
	c := credentialFrom(ctx)
	switch {
	case !c.given:
		return diplograph.Errorf(diplograph.EUNAUTHORIZED, "this mutation needs Authorization: Bearer <write token>")
	case c.access == accessNone:
		return diplograph.Errorf(diplograph.EUNAUTHORIZED, "the bearer token is not valid")
	case c.access < accessWrite:
		return forbidden("the read token does not allow writes: use the write token")
	}
	return nil
}

func isWebsocket(r *http.Request) bool {
	return strings.EqualFold(r.Header.Get("Upgrade"), "websocket")
}

// writeGraphQLError writes a response with one GraphQL error, for refusals before GraphQL runs.
func writeGraphQLError(w http.ResponseWriter, status int, msg, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
}
