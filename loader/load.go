package loader

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/diplograph/diplograph"
)

// Extractor turns an article into its Extraction document (extract.Extractor).
type Extractor interface {
	Extract(a *diplograph.Article) *diplograph.Extraction
}

// Options configures a Loader.
type Options struct {
	Workers   int // articles extracted at once; default the number of CPUs
	BatchSize int // articles per write transaction; default 200
	Read      ReadOptions
	// Extracted makes the inputs Extraction documents that an outside pipeline produced: they are
	// validated (Validate) and stored as they are.
	Extracted bool
	Validate  func([]byte) error
	// Check, when set, is run on every document before it joins a batch (store.Check), so that one
	// broken document fails alone instead of failing its batch.
	Check func(*diplograph.Extraction) error
	// Changed loads only files whose content the checkpoints do not record, and records every file it
	// loads: the mode of scheduled jobs.
	Changed     bool
	Checkpoints diplograph.Checkpoints
	// Progress receives a progress bar (a terminal) or nothing; Log receives periodic progress lines
	// when there is no bar, and the failures.
	Progress Progress
	Log      *slog.Logger
	LogEvery time.Duration
}

// Progress shows how a load advances.
type Progress interface {
	Start(files int)
	File(path string, articles int)
	Finish()
}

// Loader feeds the graph: read → extract → store, in batches, in input order.
type Loader struct {
	Writer    diplograph.Writer
	Extractor Extractor
	Opts      Options
}

// Failure is an input that could not be loaded.
type Failure struct {
	Origin string // file, file:line, <stdin>:line
	Reason string
}

// Summary is what a load did.
type Summary struct {
	Files        int // files read
	SkippedFiles int // files the checkpoints record as loaded (Changed mode)
	Read         int // articles (or documents) read
	Failed       int
	Failures     []Failure
	Stats        diplograph.WriteStats
	Elapsed      time.Duration
	Interrupted  bool // stopped early by a signal, after finishing its batch
}

// ArticlesPerSecond returns the load rate.
func (s Summary) ArticlesPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Read) / s.Elapsed.Seconds()
}

// job is one input item moving through the pipeline, numbered so that results are stored in input
// order whatever the order in which workers finish: merging events across articles then depends only
// on the input, and a run killed and started again builds the same graph.
type job struct {
	seq      int
	file     int // index of the file it came from
	fileDone bool
	article  *diplograph.Article
	doc      *diplograph.Extraction
	origin   string
	err      error
	done     chan struct{}
}

// Load loads the inputs (files, directories, "-") and returns what it did. Inputs that cannot be read
// are counted as failures and the load goes on; an error from the store (Neo4j unavailable after the
// driver's retries) stops it and is returned, with nothing of the failed batch written. When ctx is
// cancelled the load finishes the batch it is writing and stops.
func (l *Loader) Load(ctx context.Context, inputs []string) (Summary, error) {
	start := time.Now()
	o := l.Opts
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
	if o.LogEvery == 0 {
		o.LogEvery = 10 * time.Second
	}
	var sum Summary
	fail := func(origin string, err error) {
		sum.Failed++
		sum.Failures = append(sum.Failures, Failure{Origin: origin, Reason: reason(err, origin)})
	}
	var files []string
	for _, in := range inputs {
		fs, err := Files(in, o.Read)
		if err != nil {
			fail(in, err)
			continue
		}
		files = append(files, fs...)
	}
	hashes := map[string]fileHash{}
	if o.Changed && o.Checkpoints != nil {
		var err error
		files, hashes, err = l.unloaded(ctx, files, &sum)
		if err != nil {
			return sum, err
		}
	}
	sum.Files = len(files)
	if o.Progress != nil {
		o.Progress.Start(len(files))
		defer o.Progress.Finish()
	}
	err := l.pipeline(ctx, o, files, hashes, &sum, fail)
	sum.Elapsed = time.Since(start)
	if errors.Is(err, context.Canceled) {
		sum.Interrupted = true
		err = nil
	}
	return sum, err
}

// fileHash is the content hash and size of an input file.
type fileHash struct {
	hash string
	size int64
}

// unloaded drops the files whose content the checkpoints record, and returns the hashes of the others.
func (l *Loader) unloaded(ctx context.Context, files []string, sum *Summary) ([]string, map[string]fileHash, error) {
	hashes := map[string]fileHash{}
	var keys []string
	for _, f := range files {
		if f == Stdin {
			continue
		}
		h, err := hashFile(f)
		if err != nil {
			continue // reported when the file is read
		}
		hashes[f] = h
		keys = append(keys, h.hash)
	}
	loaded, err := l.Opts.Checkpoints.Loaded(ctx, keys)
	if err != nil {
		return nil, nil, err
	}
	var out []string
	for _, f := range files {
		if h, ok := hashes[f]; ok && loaded[h.hash] {
			sum.SkippedFiles++
			continue
		}
		out = append(out, f)
	}
	return out, hashes, nil
}

// hashFile returns the sha256 and size of a file's content.
func hashFile(path string) (fileHash, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileHash{}, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return fileHash{}, err
	}
	return fileHash{hash: "file:sha256:" + hex.EncodeToString(h.Sum(nil)), size: n}, nil
}

// pipeline runs the reader, the extracting workers, the collector that puts the documents back in
// input order and cuts them into batches, and the writer that stores the batches one after another —
// while the next batch is being extracted.
func (l *Loader) pipeline(ctx context.Context, o Options, files []string, hashes map[string]fileHash, sum *Summary, fail func(string, error)) error {
	jobs := make(chan *job, o.BatchSize)
	ordered := make(chan *job, 2*o.BatchSize)
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	var readErr error
	go func() {
		defer close(jobs)
		defer close(ordered)
		readErr = l.read(readCtx, o, files, jobs, ordered)
	}()
	var wg sync.WaitGroup
	for range o.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.article != nil && l.Extractor != nil {
					j.doc = l.Extractor.Extract(j.article)
				}
				if j.doc != nil && o.Check != nil {
					if err := o.Check(j.doc); err != nil {
						j.err, j.doc = err, nil
					}
				}
				close(j.done)
			}
		}()
	}
	w := newWriter(ctx, l, o, sum, files, hashes)
	lastLog := time.Now()
	var batch []*diplograph.Extraction
	var pending []int
	counts := map[int]int{}
	for j := range ordered {
		<-j.done
		if w.failed() || ctx.Err() != nil {
			// Drain: after an error or an interruption nothing more joins a batch; the batch in
			// progress is written below.
			stopReading()
			continue
		}
		switch {
		case j.fileDone:
			pending = append(pending, j.file)
			if len(batch) == 0 {
				w.send(nil, pending, counts)
				pending = nil
			}
		case j.err != nil:
			fail(j.origin, j.err)
			o.Log.Warn("input skipped", "input", j.origin, "reason", reason(j.err, j.origin))
		case j.doc != nil:
			sum.Read++
			counts[j.file]++
			batch = append(batch, j.doc)
		}
		if len(batch) >= o.BatchSize {
			w.send(batch, pending, counts)
			batch, pending = nil, nil
		}
		if o.Progress == nil && time.Since(lastLog) >= o.LogEvery {
			lastLog = time.Now()
			st := w.stats()
			o.Log.Info("loading", "read", sum.Read, "new", st.New, "unchanged", st.Unchanged, "failed", sum.Failed)
		}
		if ctx.Err() != nil {
			stopReading()
		}
	}
	wg.Wait()
	if !w.failed() && (len(batch) > 0 || len(pending) > 0) {
		w.send(batch, pending, counts)
	}
	writeErr := w.close()
	sum.Stats = w.stats()
	if writeErr != nil {
		return writeErr
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if readErr != nil && !errors.Is(readErr, context.Canceled) {
		return readErr
	}
	return nil
}

// read reads the files in order, numbering the items, and sends each to the workers (jobs) and to the
// writer (ordered). After each file it sends a marker, so that the file is recorded once stored.
func (l *Loader) read(ctx context.Context, o Options, files []string, jobs, ordered chan<- *job) error {
	seq := 0
	send := func(j *job) error {
		j.seq = seq
		seq++
		j.done = make(chan struct{})
		select {
		case ordered <- j:
		case <-ctx.Done():
			return ctx.Err()
		}
		jobs <- j
		return nil
	}
	for fi, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if o.Extracted {
			err = ReadExtracted(ctx, f, o.Read, o.Validate, func(it ExtractedItem) error {
				return send(&job{file: fi, doc: it.Doc, origin: it.Origin, err: it.Err})
			})
		} else {
			err = ReadFile(ctx, f, o.Read, func(it Item) error {
				j := &job{file: fi, article: it.Article, err: it.Err}
				if it.Article != nil {
					j.origin = it.Article.Origin
				} else if ie, ok := it.Err.(*InputError); ok {
					j.origin = ie.Origin
				} else {
					j.origin = f
				}
				return send(j)
			})
		}
		if err != nil {
			return err
		}
		if err := send(&job{file: fi, fileDone: true}); err != nil {
			return err
		}
	}
	return nil
}

// writer stores batches one after another in its own goroutine, and records the files whose articles
// are all stored.
type writer struct {
	ctx    context.Context
	l      *Loader
	o      Options
	files  []string
	hashes map[string]fileHash
	reqs   chan flushReq
	done   chan struct{}

	mu  sync.Mutex
	st  diplograph.WriteStats
	err error
}

// flushReq is a batch to store, and the files fully read once it is stored.
type flushReq struct {
	docs   []*diplograph.Extraction
	files  []int
	counts map[int]int
}

func newWriter(ctx context.Context, l *Loader, o Options, sum *Summary, files []string, hashes map[string]fileHash) *writer {
	w := &writer{ctx: context.WithoutCancel(ctx), l: l, o: o, files: files, hashes: hashes,
		reqs: make(chan flushReq, 1), done: make(chan struct{})}
	go w.run()
	return w
}

// send queues a batch (and the files it completes). The write is not cancelled by the load's context:
// an interrupted load finishes the batch it has.
func (w *writer) send(docs []*diplograph.Extraction, files []int, counts map[int]int) {
	c := make(map[int]int, len(files))
	for _, f := range files {
		c[f] = counts[f]
	}
	w.reqs <- flushReq{docs: docs, files: files, counts: c}
}

// run writes the batches in order. With a diplograph.TurnWriter it keeps two in flight: a batch
// starts as soon as the one before has sent its queries (it is committing), and the batches still
// commit, and are recorded, in order.
func (w *writer) run() {
	defer close(w.done)
	tw, inTurns := w.l.Writer.(diplograph.TurnWriter)
	var prev *inFlight
	for r := range w.reqs {
		if w.failed() {
			continue
		}
		if !inTurns || len(r.docs) == 0 {
			w.finish(prev)
			prev = nil
			w.write(r)
			continue
		}
		cur := newInFlight(r)
		var after *diplograph.Turn
		if prev != nil {
			after = prev.turn
			if prev.shares(r.docs) {
				// Its articles are not visible to this batch until they commit: it would write
				// the same article again, or miss the one its URL replaces.
				<-prev.turn.Done()
			} else {
				select {
				case <-prev.turn.Sent():
				case <-prev.turn.Done():
				}
			}
		}
		go func() {
			defer close(cur.written)
			cur.st, cur.err = tw.WriteInTurn(w.ctx, r.docs, after, cur.turn)
		}()
		w.finish(prev)
		prev = cur
	}
	w.finish(prev)
}

// inFlight is a batch being written in its turn.
type inFlight struct {
	req     flushReq
	turn    *diplograph.Turn
	ids     map[string]bool // its articles' ids and URLs
	written chan struct{}
	st      diplograph.WriteStats
	err     error
}

func newInFlight(r flushReq) *inFlight {
	f := &inFlight{req: r, turn: diplograph.NewTurn(), ids: map[string]bool{}, written: make(chan struct{})}
	for _, x := range r.docs {
		f.ids["id "+x.Article.ID] = true
		if x.Article.URL != "" {
			f.ids["url "+x.Article.URL] = true
		}
	}
	return f
}

// shares reports whether docs hold an article of the batch, by id or URL.
func (f *inFlight) shares(docs []*diplograph.Extraction) bool {
	for _, x := range docs {
		if f.ids["id "+x.Article.ID] || x.Article.URL != "" && f.ids["url "+x.Article.URL] {
			return true
		}
	}
	return false
}

// finish waits for a batch in flight to be written and records it (nil: none).
func (w *writer) finish(f *inFlight) {
	if f == nil {
		return
	}
	<-f.written
	w.recordWrite(f.req, f.st, f.err)
}

// write writes one batch and records it.
func (w *writer) write(r flushReq) {
	var st diplograph.WriteStats
	var err error
	if len(r.docs) > 0 {
		st, err = w.l.Writer.Write(w.ctx, r.docs)
	}
	w.recordWrite(r, st, err)
}

// recordWrite records a written batch: its stats and the files it completes, or the first error.
func (w *writer) recordWrite(r flushReq, st diplograph.WriteStats, err error) {
	w.mu.Lock()
	if err != nil {
		if w.err == nil {
			w.err = fmt.Errorf("store a batch of %d articles: %w", len(r.docs), err)
		}
		w.mu.Unlock()
		return
	}
	w.st.Add(st)
	failed := w.err != nil
	w.mu.Unlock()
	if !failed {
		w.record(r)
	}
}

// record records the checkpoints of the files whose articles are all stored.
func (w *writer) record(r flushReq) {
	sort.Ints(r.files)
	for _, fi := range r.files {
		path := w.files[fi]
		if h, ok := w.hashes[path]; ok && w.o.Checkpoints != nil && w.o.Changed {
			if err := w.o.Checkpoints.Record(w.ctx, h.hash, path, h.size, r.counts[fi]); err != nil {
				w.o.Log.Warn("checkpoint not recorded; the file will be read again next time", "file", path, "err", err)
			}
		}
		if w.o.Progress != nil {
			w.o.Progress.File(path, r.counts[fi])
		}
	}
}

func (w *writer) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err != nil
}

func (w *writer) stats() diplograph.WriteStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.st
}

// close waits for the queued batches to be stored and returns the first error.
func (w *writer) close() error {
	close(w.reqs)
	<-w.done
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// reason returns the text of an input error without repeating its origin.
func reason(err error, origin string) string {
	var ie *InputError
	if errors.As(err, &ie) && ie.Origin == origin {
		return ie.Err.Error()
	}
	return diplograph.ErrorMessage(err) + detail(err)
}

func detail(err error) string {
	var de *diplograph.Error
	if errors.As(err, &de) {
		return ""
	}
	return ": " + err.Error()
}
