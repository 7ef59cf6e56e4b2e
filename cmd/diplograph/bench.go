package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/internal/bench"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store"
)

func init() {
	register(&command{
		name:  "bench",
		short: "measure the loader (and the API) on a generated corpus and print a report (docs/benchmarks.md)",
		usage: "load|api [flags]",
		long: `Bench measures Diplograph on this machine and prints a Markdown report.

  bench load   generates a corpus (--articles, 10,000 by default), loads it with "diplograph load" in a
               child process (articles/s, peak memory), then writes part of it (--naive articles) with a
               naive writer that sends one transaction per fact, for comparison. It empties the database
               first: it refuses a database that holds articles unless --wipe is given.
  bench api    runs a fixed mix of GraphQL queries at --clients concurrent clients for --duration:
               latency percentiles, throughput and the server's peak memory. By default it builds its
               own graph (the generated corpus of --articles, loaded like bench load; same --wipe
               rule) and starts "diplograph serve" on it in a child process; with --url it measures a
               running server instead (--pid names that server, for its memory).`,
		setup: setupBench,
	})
}

// corpusFlags say which generated corpus a benchmark loads, and how.
type corpusFlags struct {
	articles, naive, batch, workers int
	wipe                            bool
	seed                            uint64
	keep                            string
}

func setupBench(fs *flag.FlagSet, a *app) func(context.Context, []string) error {
	var d dbFlags
	d.register(fs)
	var c corpusFlags
	fs.IntVar(&c.articles, "articles", 10000, "articles to generate")
	fs.IntVar(&c.naive, "naive", 300, "articles written by the naive writer (bench load)")
	fs.IntVar(&c.batch, "batch", 200, "loader batch size")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "loader workers")
	fs.BoolVar(&c.wipe, "wipe", false, "empty a database that holds articles; never on a database you need")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the generated corpus")
	fs.StringVar(&c.keep, "keep", "", "write the generated corpus into this directory and keep it")
	api := apiBenchFlags{}
	api.register(fs)
	return func(ctx context.Context, args []string) error {
		if len(args) == 0 || (args[0] != "load" && args[0] != "api") {
			return usageError("want one of: load, api")
		}
		// Flags may follow the subcommand ("bench load --articles 2000").
		if err := fs.Parse(args[1:]); err != nil {
			return &exitError{code: exitUsage}
		}
		if fs.NArg() > 0 {
			return usageError("unexpected arguments %q", fs.Args())
		}
		if args[0] == "api" {
			fs.Visit(func(f *flag.Flag) { api.external = api.external || f.Name == "url" })
			if api.external {
				return api.run(ctx, a)
			}
			return benchAPI(ctx, a, &d, &api, &c)
		}
		return benchLoad(ctx, a, &d, &c)
	}
}

// benchGraph is a generated corpus loaded by "diplograph load" into an emptied database.
type benchGraph struct {
	uri      string
	store    *store.Store
	lex      *lexicon.Lexicon
	dir      string // the corpus
	bytes    int64  // its size
	loadTime time.Duration
	peakKB   int64 // the loader's peak resident memory
	cleanup  func()
}

// close closes the store and removes a corpus that is not kept.
func (g *benchGraph) close() {
	g.store.Close(context.Background())
	g.cleanup()
}

// loadBenchGraph empties the database (see emptyDatabase), generates the corpus and loads it.
func loadBenchGraph(ctx context.Context, a *app, d *dbFlags, c *corpusFlags) (*benchGraph, error) {
	uri, err := d.resolve(ctx, a)
	if err != nil {
		return nil, err
	}
	s, err := d.open(ctx, a)
	if err != nil {
		return nil, err
	}
	g := &benchGraph{uri: uri, store: s, cleanup: func() {}}
	fail := func(err error) (*benchGraph, error) {
		g.close()
		return nil, err
	}
	if err := emptyDatabase(ctx, s, c.wipe); err != nil {
		return fail(err)
	}
	if g.lex, err = lexicon.Default(); err != nil {
		return fail(err)
	}
	if g.dir, g.cleanup, err = corpusDir(c.keep); err != nil {
		g.cleanup = func() {}
		return fail(err)
	}
	if g.bytes, err = generateCorpus(a, g.lex, g.dir, c.articles, c.seed); err != nil {
		return fail(err)
	}
	if g.loadTime, g.peakKB, err = runLoader(ctx, a, d.childEnv(uri), g.dir, c.batch, c.workers); err != nil {
		return fail(err)
	}
	return g, nil
}

func benchLoad(ctx context.Context, a *app, d *dbFlags, c *corpusFlags) error {
	g, err := loadBenchGraph(ctx, a, d, c)
	if err != nil {
		return err
	}
	defer g.close()
	s := g.store
	nodes, _ := s.Count(ctx, "MATCH (n) RETURN count(n)", nil)
	rels, _ := s.Count(ctx, "MATCH ()-[r]->() RETURN count(r)", nil)
	stored, _ := s.Count(ctx, "MATCH (a:Article) RETURN count(a)", nil)
	// The naive writer on the first articles of the same corpus, extraction excluded from its time.
	if err := emptyDatabase(ctx, s, true); err != nil {
		return err
	}
	docs, err := extractFirst(ctx, g.lex, g.dir, c.naive)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stderr, "writing %d articles with the naive writer…\n", len(docs))
	nw := &bench.NaiveWriter{Driver: s.Driver(), Database: s.Database()}
	start := time.Now()
	for _, x := range docs {
		if err := nw.Write(ctx, x); err != nil {
			return err
		}
	}
	naiveTime := time.Since(start)
	floor, err := benchFloor(ctx, a, s, g, c)
	if err != nil {
		return err
	}
	floorNeo4j, err := benchFloorExtracted(ctx, a, s, g, c)
	if err != nil {
		return err
	}
	version, _ := s.ServerVersion(ctx)
	loadRate := float64(stored) / g.loadTime.Seconds()
	naiveRate := float64(len(docs)) / naiveTime.Seconds()
	fmt.Fprintf(a.stdout, `## Loader benchmark

- machine: %d CPUs, %s/%s, %s; %s on %s
- corpus: %d generated articles (%.1f MB, about 400 words each, Arabic and English), seed %d

| writer | articles | time | articles/s | transactions | peak memory |
|---|---|---|---|---|---|
| diplograph load (batch %d, %d workers, extraction included) | %d | %s | %.0f | %d | %.0f MB |
| naive: one transaction per fact (extraction excluded) | %d | %s | %.1f | %d | — |
| floor: extraction, then plain CREATE of the same graph, batch %d, 2 transactions at once | %d | %s | %.0f | %d | — |
| floor, Neo4j alone: the same, extraction done beforehand and not timed | %d | %s | %.0f | %d | — |

- speed-up of the loader over the naive writer: **%.0f×**
- the floor is the most a loader can do on this machine: the same extraction, then the same nodes,
  relationships and properties created without MERGE, reads, locks or merging across articles
- graph after the load: %d nodes, %d relationships

Reproduce: `+"`make bench-load`"+` (or `+"`diplograph bench load --articles %d --naive %d --wipe`"+` on an empty database).
`,
		runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), version, g.uri,
		c.articles, float64(g.bytes)/1e6, c.seed,
		c.batch, c.workers, stored, g.loadTime.Round(10*time.Millisecond), loadRate, (stored+int64(c.batch)-1)/int64(c.batch), float64(g.peakKB)/1024,
		len(docs), naiveTime.Round(10*time.Millisecond), naiveRate, nw.Transactions,
		c.batch, floor.articles, floor.time.Round(10*time.Millisecond), float64(floor.articles)/floor.time.Seconds(), floor.transactions,
		floorNeo4j.articles, floorNeo4j.time.Round(10*time.Millisecond), float64(floorNeo4j.articles)/floorNeo4j.time.Seconds(), floorNeo4j.transactions,
		loadRate/naiveRate, nodes, rels, c.articles, c.naive)
	return s.Wipe(ctx)
}

// floorRun is what the floor writer did.
type floorRun struct {
	articles, transactions int
	time                   time.Duration
}

// benchFloor empties the database and loads the whole corpus with the loader — the same reading,
// extraction and batches, two in flight — writing with the floor writer instead of the store.
// Extraction is timed, as in the loader.
func benchFloor(ctx context.Context, a *app, s *store.Store, g *benchGraph, c *corpusFlags) (floorRun, error) {
	if err := emptyDatabase(ctx, s, true); err != nil {
		return floorRun{}, err
	}
	fmt.Fprintf(a.stderr, "loading %d articles with the floor writer…\n", c.articles)
	fw := &bench.FloorWriter{Driver: s.Driver(), Database: s.Database()}
	l := &loader.Loader{Writer: fw, Extractor: extract.New(g.lex),
		Opts: loader.Options{BatchSize: c.batch, Workers: c.workers, Log: slog.New(slog.DiscardHandler)}}
	sum, err := l.Load(ctx, []string{g.dir})
	if err != nil {
		return floorRun{}, err
	}
	if sum.Failed > 0 {
		return floorRun{}, fmt.Errorf("floor: %d inputs failed: %s", sum.Failed, sum.Failures[0].Reason)
	}
	return floorRun{articles: sum.Stats.New, transactions: fw.Transactions(), time: sum.Elapsed}, nil
}

// benchFloorExtracted empties the database again and writes the corpus, extracted beforehand (not
// timed), with the floor writer, two batches at once: what Neo4j alone takes on this machine.
func benchFloorExtracted(ctx context.Context, a *app, s *store.Store, g *benchGraph, c *corpusFlags) (floorRun, error) {
	if err := emptyDatabase(ctx, s, true); err != nil {
		return floorRun{}, err
	}
	docs, err := extractFirst(ctx, g.lex, g.dir, c.articles)
	if err != nil {
		return floorRun{}, err
	}
	fmt.Fprintf(a.stderr, "writing %d extracted articles with the floor writer…\n", len(docs))
	fw := &bench.FloorWriter{Driver: s.Driver(), Database: s.Database()}
	var (
		next  atomic.Int64 // the first article of the next batch to write
		wg    sync.WaitGroup
		errs  [2]error
		start = time.Now()
	)
	for w := range errs {
		wg.Go(func() {
			for i := int(next.Add(int64(c.batch))) - c.batch; i < len(docs) && errs[w] == nil; i = int(next.Add(int64(c.batch))) - c.batch {
				_, errs[w] = fw.Write(ctx, docs[i:min(i+c.batch, len(docs))])
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return floorRun{}, err
	}
	return floorRun{articles: len(docs), transactions: fw.Transactions(), time: time.Since(start)}, nil
}

// corpusDir returns the directory for the generated corpus: keep when given (created), else a
// temporary directory that cleanup removes.
func corpusDir(keep string) (string, func(), error) {
	if keep != "" {
		return keep, func() {}, os.MkdirAll(keep, 0o755)
	}
	dir, err := os.MkdirTemp("", "diplograph-bench-")
	if err != nil {
		return "", nil, err
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}

// generateCorpus writes n generated articles into dir, a thousand per JSON Lines file, and returns
// their size in bytes.
func generateCorpus(a *app, lex *lexicon.Lexicon, dir string, n int, seed uint64) (int64, error) {
	fmt.Fprintf(a.stderr, "generating %d articles in %s…\n", n, dir)
	gen := bench.NewGenerator(lex, seed)
	var bytes int64
	for i := 0; i*1000 < n; i++ {
		path := filepath.Join(dir, fmt.Sprintf("bench-%03d.jsonl", i))
		f, err := os.Create(path)
		if err != nil {
			return 0, err
		}
		w := bufio.NewWriter(f)
		err = gen.Write(w, min(1000, n-i*1000))
		if err == nil {
			err = w.Flush()
		}
		if err != nil {
			f.Close()
			return 0, fmt.Errorf("write %s: %w", path, err)
		}
		st, _ := f.Stat()
		bytes += st.Size()
		f.Close()
	}
	return bytes, nil
}

// runLoader loads dir with "diplograph load", as a user runs it, in a child process so that its
// memory is its own; it returns the time taken and the child's peak resident memory in kB.
func runLoader(ctx context.Context, a *app, env []string, dir string, batch, workers int) (time.Duration, int64, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, 0, err
	}
	fmt.Fprintf(a.stderr, "loading with diplograph load (batch %d, %d workers)…\n", batch, workers)
	cmd := exec.CommandContext(ctx, exe, "load", "--progress", "log", "--log-level", "warn", "--batch", fmt.Sprint(batch),
		"--workers", fmt.Sprint(workers), dir)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = io.Discard, a.stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return 0, 0, fmt.Errorf("diplograph load: %w", err)
	}
	took := time.Since(start)
	peakKB := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peakKB = ru.Maxrss
	}
	return took, peakKB, nil
}

// emptyDatabase checks that the database holds no articles, or empties it when wipe is set.
func emptyDatabase(ctx context.Context, s *store.Store, wipe bool) error {
	n, err := s.Count(ctx, "MATCH (a:Article) RETURN count(a)", nil)
	if err != nil {
		return err
	}
	if n > 0 && !wipe {
		return usageError("the database holds %d articles: bench empties it; use an empty database or pass --wipe", n)
	}
	if err := s.Wipe(ctx); err != nil {
		return err
	}
	_, err = s.Migrate(ctx)
	return err
}

// extractFirst extracts the first n articles of a directory.
func extractFirst(ctx context.Context, lex *lexicon.Lexicon, dir string, n int) ([]*diplograph.Extraction, error) {
	x := extract.New(lex)
	var docs []*diplograph.Extraction
	stop := fmt.Errorf("enough")
	err := loader.Read(ctx, []string{dir}, loader.ReadOptions{}, func(it loader.Item) error {
		if len(docs) >= n {
			return stop
		}
		if it.Article != nil {
			docs = append(docs, x.Extract(it.Article))
		}
		return nil
	})
	if err != nil && err != stop {
		return nil, err
	}
	return docs, nil
}
