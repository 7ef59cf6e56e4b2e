package bench_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/internal/bench"
	"github.com/diplograph/diplograph/internal/neo4jtest"
)

// The floor writer writes what it stands for: every article, event and position of its documents as
// a node, and every mention, participant, holder, target and source as a relationship.
func TestFloorWriterWritesTheWholeGraph(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "store", "*.extraction.json"))
	if err != nil || len(paths) < 2 {
		t.Fatalf("fixtures: %v (%d found)", err, len(paths))
	}
	var docs []*diplograph.Extraction
	want := map[string]int64{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var x diplograph.Extraction
		if err := json.Unmarshal(b, &x); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		docs = append(docs, &x)
		want["Article"]++
		want["Event"] += int64(len(x.Events))
		want["Position"] += int64(len(x.Positions))
		want["MENTIONS"] += int64(len(x.Entities))
		for _, ev := range x.Events {
			want["PARTICIPATED_IN"] += int64(len(ev.Participants))
			want["REPORTED_IN"] += int64(len(ev.Evidence))
		}
		for _, p := range x.Positions {
			want["HELD_BY"]++
			if p.Target != "" {
				want["ABOUT"]++
			}
			want["REPORTED_IN"] += int64(len(p.Evidence))
		}
	}
	// Two writers, as the benchmark may run them: the entities the documents share are one node each.
	w1 := &bench.FloorWriter{Driver: s.Driver(), Database: s.Database()}
	w2 := &bench.FloorWriter{Driver: s.Driver(), Database: s.Database()}
	if _, err := w1.Write(ctx, docs[:1]); err != nil {
		t.Fatal(err)
	}
	if _, err := w2.Write(ctx, docs[1:]); err != nil {
		t.Fatal(err)
	}
	for label, n := range want {
		q := "MATCH (n:" + label + ") RETURN count(n)"
		if label == "MENTIONS" || label == "PARTICIPATED_IN" || label == "HELD_BY" || label == "ABOUT" || label == "REPORTED_IN" {
			q = "MATCH ()-[r:" + label + "]->() RETURN count(r)"
		}
		got, err := s.Count(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != n {
			t.Errorf("%s: %d written, want %d", label, got, n)
		}
	}
	dup, err := s.Count(ctx, "MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if dup != 0 {
		t.Errorf("%d entities written twice", dup)
	}
	if n := w1.Transactions() + w2.Transactions(); n != 2 {
		t.Errorf("transactions = %d, want one per batch (2)", n)
	}
}
