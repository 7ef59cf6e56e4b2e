package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
)

func init() {
	register(&command{
		name:  "extract",
		short: "read articles and print one Extraction document (JSON) per article",
		usage: "FILE|DIR|- ...",
		long: `Extract reads articles — plain text in the seed's form, JSON, JSON Lines, directories of
them, or "-" for standard input — and prints for each article one Extraction document as a
line of JSON (docs/extraction.md). It touches no database. A file that cannot be read is
reported on standard error with its name and the reason; the other files are still
extracted, and the exit status is 1 at the end.`,
		setup: setupExtract,
	})
}

// readFlags are the reading flags of extract and load.
type readFlags struct {
	lexiconDirs stringList
	maxSize     int64
	include     stringList
	exclude     stringList
}

func (r *readFlags) register(fs *flag.FlagSet) {
	fs.Var(&r.lexiconDirs, "lexicon", "directory of extra lexicon files added to the embedded ones (docs/lexicons.md); repeatable [$DIPLOGRAPH_LEXICON]")
	if v := os.Getenv("DIPLOGRAPH_LEXICON"); v != "" {
		r.lexiconDirs = append(r.lexiconDirs, v)
	}
	fs.Int64Var(&r.maxSize, "max-article-size", loader.DefaultMaxArticleBytes, "largest article (a text file, a JSON object or line) in bytes")
	fs.Var(&r.include, "include", "file name pattern to read when walking directories (default *.txt, *.json, *.jsonl, *.ndjson); repeatable")
	fs.Var(&r.exclude, "exclude", "file name or path pattern to skip when walking directories; repeatable")
}

func (r *readFlags) options(a *app) loader.ReadOptions {
	return loader.ReadOptions{MaxArticleBytes: r.maxSize, Include: r.include, Exclude: r.exclude, Stdin: a.stdin}
}

func (r *readFlags) lexicon() (*lexicon.Lexicon, error) {
	if len(r.lexiconDirs) == 0 {
		return lexicon.Default()
	}
	return lexicon.Load(r.lexiconDirs...)
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return fmt.Sprint([]string(*s)) }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func setupExtract(fs *flag.FlagSet, a *app) func(context.Context, []string) error {
	var rf readFlags
	rf.register(fs)
	pretty := fs.Bool("pretty", false, "indent the JSON (then one document spans several lines)")
	noBody := fs.Bool("no-body", false, "leave the article body out of the output (article.body)")
	workers := fs.Int("workers", runtime.NumCPU(), "articles extracted at once")
	explain := fs.Bool("explain", false, "explain every sentence on standard error: its date, triggers, events and positions (implies --workers 1)")
	return func(ctx context.Context, args []string) error {
		if len(args) == 0 {
			return usageError("no input: give files, directories or - for standard input")
		}
		lex, err := rf.lexicon()
		if err != nil {
			return usageError("%v", err)
		}
		x := extract.New(lex)
		x.KeepBody = !*noBody
		if *explain {
			x.SetTrace(a.stderr)
			*workers = 1
		}
		out := bufio.NewWriterSize(a.stdout, 256<<10)
		defer out.Flush()
		failed := 0
		err = extractOrdered(ctx, args, rf.options(a), *workers, x, func(it loader.Item, doc *diplograph.Extraction) error {
			if it.Err != nil {
				failed++
				fmt.Fprintf(a.stderr, "diplograph extract: %v\n", it.Err)
				return nil
			}
			var b []byte
			var err error
			if *pretty {
				b, err = json.MarshalIndent(doc, "", "  ")
			} else {
				b, err = json.Marshal(doc)
			}
			if err != nil {
				return fmt.Errorf("encode %s: %w", it.Article.Origin, err)
			}
			out.Write(b)
			return out.WriteByte('\n')
		})
		if err != nil {
			return err
		}
		if err := out.Flush(); err != nil {
			return err
		}
		if failed > 0 {
			return &exitError{code: exitFailure, err: fmt.Errorf("%d input(s) could not be read (see above)", failed)}
		}
		return nil
	}
}

// extractOrdered reads the inputs and extracts with up to workers goroutines, calling emit in input
// order.
func extractOrdered(ctx context.Context, inputs []string, opts loader.ReadOptions, workers int, x *extract.Extractor,
	emit func(loader.Item, *diplograph.Extraction) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		item loader.Item
		done chan *diplograph.Extraction
	}
	jobs := make(chan *job, workers*4)
	order := make(chan *job, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.item.Article != nil {
					j.done <- x.Extract(j.item.Article)
				} else {
					j.done <- nil
				}
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- loader.Read(ctx, inputs, opts, func(it loader.Item) error {
			j := &job{item: it, done: make(chan *diplograph.Extraction, 1)}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- j
			return nil
		})
	}()
	var emitErr error
	for j := range order {
		doc := <-j.done
		if emitErr == nil {
			emitErr = emit(j.item, doc)
			if emitErr != nil {
				slog.Error("extract", "err", emitErr)
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	return <-readErr
}
