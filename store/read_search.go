package store

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

// MaxSearch bounds the results of one search.
const MaxSearch = 50

// Search returns the entities whose names or aliases match query, best first: the query is folded like
// the names (diacritics, alef forms, ى/ي, ة/ه, the article), every word must match, and the last may be
// the start of a word. When the full-text index finds nothing, names containing the folded query are
// returned. types, when not empty, keeps those kinds of entity.
func (s *Store) Search(ctx context.Context, query string, types []diplograph.EntityType, limit int) ([]Entity, error) {
	if limit <= 0 || limit > MaxSearch {
		limit = MaxSearch
	}
	folded := strings.TrimSpace(normalize.Fold(query))
	if folded == "" {
		return []Entity{}, nil
	}
	kinds := make([]string, 0, len(diplograph.EntityTypes))
	for _, t := range types {
		kinds = append(kinds, string(t))
	}
	if len(kinds) == 0 {
		for _, t := range diplograph.EntityTypes {
			kinds = append(kinds, string(t))
		}
	}
	params := map[string]any{"q": luceneQuery(SearchKeys(query)), "types": kinds, "limit": limit, "fetch": limit * 4}
	var recs []*neo4jRecord
	var err error
	if params["q"] != "" {
		recs, err = s.read(ctx, `
CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $fetch}) YIELD node AS n, score
WHERE n.type IN $types
RETURN `+entityProjection+` AS entity
ORDER BY score DESC, n.id
LIMIT $limit`, params)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
	}
	if len(recs) == 0 {
		params["folded"] = folded
		recs, err = s.read(ctx, `
MATCH (n:Entity)
WHERE n.type IN $types AND any(k IN n.keys WHERE k CONTAINS $folded)
RETURN `+entityProjection+` AS entity
ORDER BY size(n.name), n.id
LIMIT $limit`, params)
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
	}
	out := make([]Entity, 0, len(recs))
	for _, m := range firstMaps(recs) {
		out = append(out, entityOf(m))
	}
	return out, nil
}

// luceneQuery builds the full-text query of folded search keys: each key's words must all match (the
// last one also as a prefix of at least three letters), and any key may match. Lucene's special
// characters are escaped, so the text of the query is never syntax.
func luceneQuery(keys []string) string {
	var clauses []string
	for _, k := range keys {
		words := strings.Fields(k)
		if len(words) == 0 {
			continue
		}
		terms := make([]string, len(words))
		for i, w := range words {
			terms[i] = escapeLucene(w)
			if i == len(words)-1 && utf8.RuneCountInString(w) >= 3 {
				terms[i] = "(" + terms[i] + " OR " + terms[i] + "*)"
			}
		}
		clauses = append(clauses, "("+strings.Join(terms, " AND ")+")")
	}
	return strings.Join(clauses, " OR ")
}

// escapeLucene escapes the characters the Lucene query parser reads as syntax, and its operator words.
func escapeLucene(s string) string {
	switch s {
	case "AND", "OR", "NOT":
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
