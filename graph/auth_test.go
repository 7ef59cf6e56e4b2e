package graph_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/graph"
)

const ingestMutation = `mutation Ingest($articles: [ArticleInput!]!) {
  ingestArticles(articles: $articles) {
    received new unchanged replaced failed
    articles { index id status events positions error }
  }
}`

func bearer(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }

// testAuth checks the tokens: reads open unless a read token is set, writes only with the write token.
func (e *env) testAuth(t *testing.T) {
	article := map[string]any{"articles": []any{map[string]any{"body": "A short test article that is never stored."}}}
	const read = `{ country(code: "SY") { name } }`

	t.Run("no tokens", func(t *testing.T) {
		u := e.url // the default server has no tokens
		if _, resp := post(t, u, read, nil, nil); resp["errors"] != nil {
			t.Errorf("open read refused: %v", resp)
		}
		_, resp := post(t, u, ingestMutation, article, bearer("anything"))
		if errorCode(resp) != "FORBIDDEN" || !strings.Contains(jsonString(resp), "writes are disabled") {
			t.Errorf("mutation without a write token on the server: %v", resp)
		}
	})

	t.Run("write token", func(t *testing.T) {
		u := e.serve(t, graph.Config{Auth: graph.Auth{WriteToken: "w-secret"}}) + "/graphql"
		if _, resp := post(t, u, read, nil, nil); resp["errors"] != nil {
			t.Errorf("open read refused: %v", resp)
		}
		if _, resp := post(t, u, ingestMutation, article, nil); errorCode(resp) != "UNAUTHENTICATED" {
			t.Errorf("mutation without a token: %v", resp)
		}
		if _, resp := post(t, u, ingestMutation, article, bearer("wrong")); errorCode(resp) != "UNAUTHENTICATED" {
			t.Errorf("mutation with a wrong token: %v", resp)
		}
	})

	t.Run("read token", func(t *testing.T) {
		u := e.serve(t, graph.Config{Auth: graph.Auth{ReadToken: "r-secret", WriteToken: "w-secret"}}) + "/graphql"
		status, resp := post(t, u, read, nil, nil)
		if status != http.StatusUnauthorized || errorCode(resp) != "UNAUTHENTICATED" {
			t.Errorf("read without the read token: %d %v", status, resp)
		}
		if status, resp := post(t, u, read, nil, bearer("wrong")); status != http.StatusUnauthorized {
			t.Errorf("read with a wrong token: %d %v", status, resp)
		}
		if _, resp := post(t, u, read, nil, bearer("r-secret")); resp["errors"] != nil {
			t.Errorf("read with the read token: %v", resp)
		}
		if _, resp := post(t, u, read, nil, bearer("w-secret")); resp["errors"] != nil {
			t.Errorf("read with the write token: %v", resp)
		}
		if _, resp := post(t, u, ingestMutation, article, bearer("r-secret")); errorCode(resp) != "FORBIDDEN" {
			t.Errorf("mutation with the read token: %v", resp)
		}
	})
}
