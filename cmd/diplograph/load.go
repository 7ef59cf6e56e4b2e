package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store"
)

// validateExtraction checks an Extraction document against the contract's JSON Schema; set by
// validate.go when the schema package is built in.
var validateExtraction func([]byte) error

func init() {
	register(&command{
		name:  "load",
		short: "read articles (or Extraction documents) into the graph: idempotent, resumable, in batches",
		usage: "FILE|DIR|- ...",
		long: `Load reads articles — plain text, JSON, JSON Lines, directories of them (recursively), or "-" for
JSON Lines on standard input — extracts their entities, events and positions, and stores them in
Neo4j in batches, one transaction per batch. Loading the same input again changes nothing: articles
already stored (same content) are skipped; an article whose URL is stored with other content replaces
it. A run killed at any moment and started again ends with the graph an uninterrupted run gives.

With --extracted the inputs are Extraction documents (docs/extraction.md) produced elsewhere: they
are checked against the contract's JSON Schema and stored as they are.

Scheduled jobs: --changed loads only the files whose content is not recorded yet (the record lives in
the graph, so any machine can run the job); --watch DIR keeps running and loads new and changed files
as they appear. See docs/loading.md for cron and Kubernetes CronJob examples.

Exit status: 0 when every input loaded, 1 when some failed (each listed with its reason), 2 for
usage errors.`,
		setup: setupLoad,
	})
}

// loadFlags are the flags that configure a loader (load, and serve --load).
type loadFlags struct {
	read      readFlags
	workers   int
	batch     int
	extracted bool
	changed   bool
	progress  string
}

func (lf *loadFlags) register(fs *flag.FlagSet) {
	lf.read.register(fs)
	fs.IntVar(&lf.workers, "workers", envIntOr("DIPLOGRAPH_WORKERS", runtime.NumCPU()), "articles extracted at once [$DIPLOGRAPH_WORKERS]")
	fs.IntVar(&lf.batch, "batch", envIntOr("DIPLOGRAPH_BATCH", 200), "articles per write transaction [$DIPLOGRAPH_BATCH]")
	fs.BoolVar(&lf.extracted, "extracted", false, "the inputs are Extraction documents (JSON or JSON Lines) to store as they are")
	fs.BoolVar(&lf.changed, "changed", false, "load only files not loaded before (by content), recording each file in the graph: for scheduled jobs")
	fs.StringVar(&lf.progress, "progress", "auto", "progress display: bar, log, or auto (a bar on a terminal, log lines otherwise)")
}

// loader builds the loader the flags describe, writing to s.
func (lf *loadFlags) loader(a *app, s *store.Store) (*loader.Loader, error) {
	if lf.batch < 1 || lf.workers < 1 {
		return nil, usageError("--batch and --workers must be at least 1")
	}
	l := &loader.Loader{Writer: s, Opts: loader.Options{Workers: lf.workers, BatchSize: lf.batch, Read: lf.read.options(a),
		Extracted: lf.extracted, Check: store.Check, Changed: lf.changed, Checkpoints: s, Log: slog.Default()}}
	if lf.extracted {
		l.Opts.Validate = validateExtraction
	} else {
		lex, err := lf.read.lexicon()
		if err != nil {
			return nil, usageError("%v", err)
		}
		l.Extractor = extract.New(lex)
	}
	if lf.progress == "bar" || lf.progress == "auto" && isTerminal(a.stderr) {
		l.Opts.Progress = &barProgress{w: a.stderr}
	}
	return l, nil
}

func setupLoad(fs *flag.FlagSet, a *app) func(context.Context, []string) error {
	var d dbFlags
	d.register(fs)
	var lf loadFlags
	lf.register(fs)
	watch := fs.String("watch", "", "keep running: load the files of this directory now and whenever they are created or changed")
	return func(ctx context.Context, args []string) error {
		if len(args) == 0 && *watch == "" {
			return usageError("no input: give files, directories or - (JSON Lines on standard input), or --watch DIR")
		}
		if *watch != "" {
			lf.changed = true
		}
		s, err := d.openMigrated(ctx, a)
		if err != nil {
			return err
		}
		defer s.Close(context.Background())
		l, err := lf.loader(a, s)
		if err != nil {
			return err
		}
		if *watch != "" {
			return watchDir(ctx, a, l, *watch, args)
		}
		sum, err := l.Load(ctx, args)
		printSummary(a.stdout, sum)
		if err != nil {
			return err
		}
		if sum.Failed > 0 {
			return &exitError{code: exitFailure, err: fmt.Errorf("%d input(s) failed (listed above)", sum.Failed)}
		}
		return nil
	}
}

// printSummary writes what a load did, with every failure and its reason.
func printSummary(w io.Writer, s loader.Summary) {
	st := s.Stats
	fmt.Fprintf(w, "read %d articles from %d files", s.Read, s.Files)
	if s.SkippedFiles > 0 {
		fmt.Fprintf(w, " (%d files unchanged since their last load, skipped)", s.SkippedFiles)
	}
	fmt.Fprintf(w, ": %d new, %d unchanged, %d replaced, %d failed\n", st.New, st.Unchanged, st.Replaced, s.Failed)
	fmt.Fprintf(w, "graph: %d nodes and %d relationships created, %d nodes and %d relationships deleted\n",
		st.NodesCreated, st.RelationshipsCreated, st.NodesDeleted, st.RelationshipsDeleted)
	fmt.Fprintf(w, "time: %s (%.0f articles/s)\n", s.Elapsed.Round(time.Millisecond), s.ArticlesPerSecond())
	if s.Interrupted {
		fmt.Fprintln(w, "interrupted: the batch in progress was finished; run the same command again to go on")
	}
	if len(s.Failures) > 0 {
		fmt.Fprintln(w, "failed inputs:")
		for _, f := range s.Failures {
			fmt.Fprintf(w, "  %s: %s\n", f.Origin, f.Reason)
		}
	}
}

// barProgress shows a progress bar of files on a terminal.
type barProgress struct {
	w        io.Writer
	bar      *progressbar.ProgressBar
	articles int
}

func (p *barProgress) Start(files int) {
	p.bar = progressbar.NewOptions(files,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionShowIts(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

func (p *barProgress) File(path string, articles int) {
	p.articles += articles
	p.bar.Describe(fmt.Sprintf("loading (%d articles)", p.articles))
	p.bar.Add(1)
}

func (p *barProgress) Finish() { p.bar.Finish() }

// envIntOr returns the integer value of an environment variable, or def when it is unset or invalid.
func envIntOr(name string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(envOr(name, ""))); err == nil {
		return n
	}
	return def
}
