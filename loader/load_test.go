package loader_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/internal/neo4jtest"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store"
)

const corpus = "../testdata/corpus"

func newLoader(t *testing.T, w diplograph.Writer, o loader.Options) *loader.Loader {
	t.Helper()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	if o.Check == nil {
		o.Check = store.Check
	}
	if o.BatchSize == 0 {
		o.BatchSize = 16
	}
	return &loader.Loader{Writer: w, Extractor: extract.New(lex), Opts: o}
}

func load(t *testing.T, l *loader.Loader, inputs ...string) loader.Summary {
	t.Helper()
	sum, err := l.Load(context.Background(), inputs)
	if err != nil {
		t.Fatalf("load %v: %v", inputs, err)
	}
	return sum
}

func dump(t *testing.T, s *store.Store) string {
	t.Helper()
	d, err := s.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLoadTwiceChangesNothing(t *testing.T) {
	s := neo4jtest.Open(t)
	l := newLoader(t, s, loader.Options{})
	first := load(t, l, corpus)
	if first.Failed != 0 || first.Read < 50 || first.Stats.New != first.Read {
		t.Fatalf("first load: %+v, want every corpus article new and none failed", first)
	}
	before := dump(t, s)
	second := load(t, l, corpus)
	if second.Stats.Unchanged != first.Read || second.Stats.New != 0 || second.Stats.NodesCreated != 0 {
		t.Errorf("second load: new %d, unchanged %d, nodes created %d; want everything unchanged",
			second.Stats.New, second.Stats.Unchanged, second.Stats.NodesCreated)
	}
	if after := dump(t, s); after != before {
		t.Error("the graph changed when the same corpus was loaded again")
	}
	// The corpus has events reported by several outlets in Arabic and English: they are one event
	// each, with several sources.
	n, err := s.Count(context.Background(), `MATCH (e:Event) WHERE COUNT { (e)-[:REPORTED_IN]->() } >= 2 RETURN count(e)`, nil)
	if err != nil || n < 3 {
		t.Errorf("events with two or more sources: %d (%v), want at least 3", n, err)
	}
}

func TestLoadGoesOnPastBadInputs(t *testing.T) {
	s := neo4jtest.Open(t)
	dir := t.TempDir()
	files := map[string][]byte{
		"good.json":    []byte(`{"title": "Test", "body": "Jordanian Foreign Minister Ayman Safadi met Egyptian Foreign Minister Badr Abdelatty in Cairo on Monday.", "published": "2025-02-10", "url": "https://example.org/a"}`),
		"bad-utf8.txt": []byte("headline\n\nbody \xff\xfe broken"),
		"empty.txt":    {},
		"binary.json":  {0x00, 0x01, 0x02, 0x03},
		"mixed.jsonl": []byte(`{"body": "Saudi Foreign Minister Faisal bin Farhan received his Iranian counterpart Abbas Araghchi in Riyadh on Wednesday.", "published": "2024-11-13"}
{"body": broken json}
{"title": "no body"}
{"body": "Turkish Foreign Minister Hakan Fidan spoke by phone with Russian Foreign Minister Sergei Lavrov on Friday.", "published": "2025-01-10"}
`),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := newLoader(t, s, loader.Options{})
	sum := load(t, l, dir)
	if sum.Read != 3 || sum.Stats.New != 3 {
		t.Errorf("read %d, new %d; want the 3 good articles stored", sum.Read, sum.Stats.New)
	}
	want := map[string]string{
		"bad-utf8.txt": "invalid UTF-8", "empty.txt": "empty", "binary.json": "binary",
		"mixed.jsonl:2": "broken JSON", "mixed.jsonl:3": "body",
	}
	if sum.Failed != len(want) {
		t.Errorf("failed %d, want %d: %+v", sum.Failed, len(want), sum.Failures)
	}
	for _, f := range sum.Failures {
		base := filepath.Base(f.Origin)
		w, ok := want[base]
		if !ok || !strings.Contains(f.Reason, w) {
			t.Errorf("failure %s: %q, want one naming %q", f.Origin, f.Reason, w)
		}
	}
}

func TestExtractedRoundTrip(t *testing.T) {
	s := neo4jtest.Open(t)
	// The graph from the articles.
	load(t, newLoader(t, s, loader.Options{}), corpus)
	want := dump(t, s)
	// The same articles extracted to a file of Extraction documents, then loaded as such.
	lex, _ := lexicon.Default()
	x := extract.New(lex)
	path := filepath.Join(t.TempDir(), "extracted.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	err = loader.Read(context.Background(), []string{corpus}, loader.ReadOptions{}, func(it loader.Item) error {
		if it.Err != nil {
			return it.Err
		}
		b, err := json.Marshal(x.Extract(it.Article))
		if err != nil {
			return err
		}
		bw.Write(b)
		return bw.WriteByte('\n')
	})
	if err != nil {
		t.Fatal(err)
	}
	bw.Flush()
	f.Close()
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	sum := load(t, &loader.Loader{Writer: s, Opts: loader.Options{Extracted: true, Check: store.Check, BatchSize: 16}}, path)
	if sum.Failed != 0 {
		t.Fatalf("extracted load failed: %+v", sum.Failures)
	}
	if got := dump(t, s); got != want {
		t.Error("loading the extracted documents gave another graph than loading the articles")
	}
}

func TestChangedLoadsOnlyNewFiles(t *testing.T) {
	s := neo4jtest.Open(t)
	dir := t.TempDir()
	copyFile(t, filepath.Join(corpus, "levant-wire.jsonl"), filepath.Join(dir, "a.jsonl"))
	l := newLoader(t, s, loader.Options{Changed: true, Checkpoints: s})
	first := load(t, l, dir)
	if first.Read == 0 || first.SkippedFiles != 0 {
		t.Fatalf("first run: %+v", first)
	}
	second := load(t, l, dir)
	if second.Read != 0 || second.SkippedFiles != 1 {
		t.Errorf("second run: read %d, skipped files %d; want the recorded file skipped", second.Read, second.SkippedFiles)
	}
	copyFile(t, filepath.Join(corpus, "world-desk.jsonl"), filepath.Join(dir, "b.jsonl"))
	third := load(t, l, dir)
	if third.SkippedFiles != 1 || third.Files != 1 || third.Stats.New == 0 {
		t.Errorf("third run: files %d, skipped %d, new %d; want only the new file read", third.Files, third.SkippedFiles, third.Stats.New)
	}
}

// cancelAfter is a Writer that cancels the load after its first batch, as Ctrl-C would.
type cancelAfter struct {
	w      diplograph.Writer
	cancel context.CancelFunc
	calls  atomic.Int32
}

func (c *cancelAfter) Write(ctx context.Context, docs []*diplograph.Extraction) (diplograph.WriteStats, error) {
	st, err := c.w.Write(ctx, docs)
	if c.calls.Add(1) == 1 {
		c.cancel()
	}
	return st, err
}

func TestInterruptedLoadFinishesItsBatchAndResumes(t *testing.T) {
	s := neo4jtest.Open(t)
	load(t, newLoader(t, s, loader.Options{}), corpus)
	want := dump(t, s)
	if err := s.Wipe(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.Migrate(context.Background())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &cancelAfter{w: s, cancel: cancel}
	sum, err := newLoader(t, w, loader.Options{BatchSize: 8}).Load(ctx, []string{corpus})
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Interrupted || sum.Stats.New == 0 || sum.Stats.New%8 != 0 {
		t.Errorf("interrupted load: interrupted %v, new %d; want whole batches of 8 stored", sum.Interrupted, sum.Stats.New)
	}
	rest := load(t, newLoader(t, s, loader.Options{BatchSize: 8}), corpus)
	if rest.Stats.Unchanged != sum.Stats.New {
		t.Errorf("resumed load: %d unchanged, want the %d stored before", rest.Stats.Unchanged, sum.Stats.New)
	}
	if got := dump(t, s); got != want {
		t.Error("an interrupted and resumed load gave another graph than an uninterrupted one")
	}
}

// failingWriter stands for Neo4j becoming unreachable: every write fails.
type failingWriter struct{}

func (failingWriter) Write(context.Context, []*diplograph.Extraction) (diplograph.WriteStats, error) {
	return diplograph.WriteStats{}, &diplograph.Error{Code: diplograph.EUNAVAILABLE, Message: "Neo4j is not reachable"}
}

func TestUnavailableStoreStopsTheLoad(t *testing.T) {
	sum, err := newLoader(t, failingWriter{}, loader.Options{BatchSize: 4}).Load(context.Background(), []string{corpus})
	if diplograph.ErrorCode(err) != diplograph.EUNAVAILABLE {
		t.Fatalf("err = %v, want EUNAVAILABLE", err)
	}
	if sum.Stats.New != 0 {
		t.Errorf("new %d, want nothing stored", sum.Stats.New)
	}
	if !strings.Contains(err.Error(), "store a batch") {
		t.Errorf("err = %q, want it to say which batch failed", err)
	}
	if errors.Is(err, context.Canceled) {
		t.Error("the error is a cancellation")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentLoadersDoNotDuplicate(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	load(t, newLoader(t, s, loader.Options{}), corpus)
	counts := func() string {
		recs, err := s.Count(ctx, "MATCH (n) WHERE n:Article OR n:Event OR n:Position OR n:Entity RETURN count(n)", nil)
		if err != nil {
			t.Fatal(err)
		}
		ev, _ := s.Count(ctx, "MATCH (n:Event) RETURN count(n)", nil)
		rels, _ := s.Count(ctx, "MATCH ()-[r]->() RETURN count(r)", nil)
		return fmt.Sprintf("%d nodes, %d events, %d relationships", recs, ev, rels)
	}
	want := counts()
	if err := s.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	s.Migrate(ctx)
	// Two loaders at once on overlapping inputs: the whole corpus and one of its files.
	errs := make(chan error, 2)
	for _, in := range []string{corpus, filepath.Join(corpus, "gulf-daily.jsonl")} {
		go func(in string) {
			_, err := newLoader(t, s, loader.Options{BatchSize: 4}).Load(ctx, []string{in})
			errs <- err
		}(in)
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if got := counts(); got != want {
		t.Errorf("two loaders at once: %s, one loader: %s", got, want)
	}
}

// serialWriter hides the store's WriteInTurn: the loader writes one batch after another.
type serialWriter struct{ s *store.Store }

func (w serialWriter) Write(ctx context.Context, docs []*diplograph.Extraction) (diplograph.WriteStats, error) {
	return w.s.Write(ctx, docs)
}

// Two batches in flight (the store is a TurnWriter) give the graph one batch after another gives: the
// batches commit in order, and a batch reads what the one before wrote (the events it merges with)
// only once that one has committed.
func TestBatchesInFlightGiveTheSerialGraph(t *testing.T) {
	s := neo4jtest.Open(t)
	sum := load(t, newLoader(t, serialWriter{s}, loader.Options{BatchSize: 3}), corpus)
	if sum.Stats.New < 30 {
		t.Fatalf("corpus too small for the test: %d articles", sum.Stats.New)
	}
	want := dump(t, s)
	for run := 0; run < 3; run++ {
		if err := s.Wipe(context.Background()); err != nil {
			t.Fatal(err)
		}
		s.Migrate(context.Background())
		load(t, newLoader(t, s, loader.Options{BatchSize: 3}), corpus)
		if got := dump(t, s); got != want {
			t.Fatalf("run %d: batches in flight gave another graph:\n%s", run, firstDiff(want, got))
		}
	}
}

// failThird is the store, failing its third batch written in turn.
type failThird struct {
	*store.Store
	mu    sync.Mutex
	calls int
}

func (w *failThird) WriteInTurn(ctx context.Context, docs []*diplograph.Extraction, prev, turn *diplograph.Turn) (diplograph.WriteStats, error) {
	w.mu.Lock()
	w.calls++
	n := w.calls
	w.mu.Unlock()
	if n == 3 {
		err := &diplograph.Error{Code: diplograph.EUNAVAILABLE, Message: "Neo4j went away"}
		turn.Finish(err)
		return diplograph.WriteStats{}, err
	}
	return w.Store.WriteInTurn(ctx, docs, prev, turn)
}

// When a batch fails, the batch written in flight after it is rolled back: what is stored is the
// batches before the failed one, and the load reports the failure.
func TestBatchAfterAFailedOneIsNotStored(t *testing.T) {
	s := neo4jtest.Open(t)
	_, err := newLoader(t, &failThird{Store: s}, loader.Options{BatchSize: 4}).Load(context.Background(), []string{corpus})
	if err == nil || !strings.Contains(err.Error(), "Neo4j went away") {
		t.Fatalf("err = %v, want the third batch's error", err)
	}
	n, err := s.Count(context.Background(), "MATCH (a:Article) RETURN count(a)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n != 8 {
		t.Errorf("%d articles stored, want the 8 of the two batches before the failed one", n)
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "want " + al[i] + "\ngot  " + bl[i]
		}
	}
	return "one dump is longer"
}
