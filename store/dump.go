package store

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// bookkeeping are the labels of nodes that serve the loader, not the graph of relations.
var bookkeeping = map[string]bool{"EventKey": true, "Migration": true, "LoadCheckpoint": true, TestDatabaseLabel: true}

// TestDatabaseLabel marks a database that tests empty and fill (internal/neo4jtest): one node with this
// label, which dumps leave out.
const TestDatabaseLabel = "DiplographTestDatabase"

// MarkTestDatabase records that the database belongs to tests.
func (s *Store) MarkTestDatabase(ctx context.Context) error {
	_, err := s.exec(ctx, "MERGE (:"+TestDatabaseLabel+" {id: 'tests'})", nil)
	return err
}

// volatile are properties that differ between two loads of the same input by nature: ingest times.
var volatile = map[string]bool{"ingestedAt": true, "appliedAt": true}

// Dump returns a canonical text of the whole graph — every node with its labels and properties, every
// relationship with its ends and properties, sorted — without bookkeeping nodes and ingest times, so
// that two graphs loaded from the same input compare equal. It is meant for tests and debugging of
// small graphs.
func (s *Store) Dump(ctx context.Context) (string, error) {
	nodes, err := s.read(ctx, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`, nil)
	if err != nil {
		return "", fmt.Errorf("dump nodes: %w", err)
	}
	rels, err := s.read(ctx, `
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS al, coalesce(a.id, a.key) AS a, labels(b) AS bl, coalesce(b.id, b.key) AS b,
       properties(r) AS props`, nil)
	if err != nil {
		return "", fmt.Errorf("dump relationships: %w", err)
	}
	var lines []string
	for _, rec := range nodes {
		m := rec.AsMap()
		labels := strs(m["labels"])
		if skipLabels(labels) {
			continue
		}
		lines = append(lines, "N "+strings.Join(labels, ":")+" "+formatProps(m["props"].(map[string]any)))
	}
	for _, rec := range rels {
		m := rec.AsMap()
		if skipLabels(strs(m["al"])) || skipLabels(strs(m["bl"])) {
			continue
		}
		lines = append(lines, fmt.Sprintf("R %v -[%v %s]-> %v", m["a"], m["type"], formatProps(m["props"].(map[string]any)), m["b"]))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n", nil
}

func skipLabels(labels []string) bool {
	for _, l := range labels {
		if bookkeeping[l] {
			return true
		}
	}
	return false
}

func strs(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, fmt.Sprint(x))
		}
	}
	sort.Strings(out)
	return out
}

// formatProps writes properties sorted by key, leaving out volatile ones.
func formatProps(p map[string]any) string {
	keys := make([]string, 0, len(p))
	for k := range p {
		if !volatile[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s: %s", k, formatValue(p[k]))
	}
	b.WriteByte('}')
	return b.String()
}

func formatValue(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 80 {
			return fmt.Sprintf("%q…(%d)", x[:60], len(x))
		}
		return fmt.Sprintf("%q", x)
	case dbtype.Date:
		return x.String()
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = formatValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// Wipe deletes everything in the database, in batches, but the mark of a test database. It is for
// tests and for the benchmarks (bench --wipe).
func (s *Store) Wipe(ctx context.Context) error {
	for {
		// The mark of a test database stays: the database is no less disposable for being emptied.
		recs, err := s.exec(ctx, "MATCH (n) WHERE NOT n:"+TestDatabaseLabel+" WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n", nil)
		if err != nil {
			return fmt.Errorf("wipe: %w", err)
		}
		if len(recs) == 0 {
			return nil
		}
		if n, _ := recs[0].Get("n"); n == int64(0) {
			return nil
		}
	}
}
