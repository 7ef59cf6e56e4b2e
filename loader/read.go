// Package loader reads articles (plain text in the seed's form, JSON, JSON Lines, directories, standard
// input) and runs the load pipeline that feeds the graph: read → extract → resolve → store.
package loader

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
)

// DefaultMaxArticleBytes bounds one article (a text file, a JSON object, a JSON line). News articles
// are a few kilobytes; anything this large is a wrong file, not an article.
const DefaultMaxArticleBytes = 2 << 20

// DefaultInclude are the file names a directory walk reads.
var DefaultInclude = []string{"*.txt", "*.json", "*.jsonl", "*.ndjson"}

// Stdin is the input name that reads standard input.
const Stdin = "-"

// ReadOptions configures reading.
type ReadOptions struct {
	// MaxArticleBytes bounds one article; 0 means DefaultMaxArticleBytes.
	MaxArticleBytes int64
	// Include and Exclude are glob patterns (path.Match syntax) on file names, applied when walking
	// directories; files named directly are always read. Include defaults to DefaultInclude.
	Include, Exclude []string
	// Stdin is read for the input "-"; nil means no standard input.
	Stdin io.Reader
}

func (o *ReadOptions) maxBytes() int64 {
	if o.MaxArticleBytes > 0 {
		return o.MaxArticleBytes
	}
	return DefaultMaxArticleBytes
}

// Item is one article read, or the error that kept an input (a file, a line) from being read.
type Item struct {
	Article *diplograph.Article
	Err     error
}

// InputError is a failure to read one input; Origin names the file, and the line when there is one.
type InputError struct {
	Origin string
	Err    error
}

func (e *InputError) Error() string { return e.Origin + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(origin string, format string, args ...any) *InputError {
	return &InputError{Origin: origin, Err: fmt.Errorf(format, args...)}
}

// Read reads every input in order — files, directories (walked recursively in name order) and "-" for
// standard input — and passes each article or input error to emit. It stops early when ctx is done or
// emit returns an error, and returns that error.
func Read(ctx context.Context, inputs []string, opts ReadOptions, emit func(Item) error) error {
	for _, in := range inputs {
		files, err := Files(in, opts)
		if err != nil {
			if e := emit(Item{Err: err}); e != nil {
				return e
			}
			continue
		}
		for _, f := range files {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := ReadFile(ctx, f, opts, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

// Files expands one input into the files to read: the file itself, "-", or the files of a directory
// that pass the Include and Exclude patterns, in lexical order.
func Files(input string, opts ReadOptions) ([]string, error) {
	if input == Stdin {
		return []string{Stdin}, nil
	}
	st, err := os.Stat(input)
	if err != nil {
		return nil, &InputError{Origin: input, Err: errors.Unwrap(err)}
	}
	if !st.IsDir() {
		return []string{input}, nil
	}
	include := opts.Include
	if len(include) == 0 {
		include = DefaultInclude
	}
	var files []string
	err = filepath.WalkDir(input, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != input && strings.HasPrefix(name, ".") {
				return filepath.SkipDir // .git and friends
			}
			return nil
		}
		if matchAny(include, name) && !matchAny(opts.Exclude, name) && !matchAny(opts.Exclude, p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, &InputError{Origin: input, Err: err}
	}
	sort.Strings(files)
	return files, nil
}

func matchAny(patterns []string, name string) bool {
	for _, p := range patterns {
		if ok, _ := filepath.Match(p, name); ok {
			return true
		}
	}
	return false
}

// ReadFile reads one file ("-" for standard input) and passes its articles or errors to emit.
func ReadFile(ctx context.Context, path string, opts ReadOptions, emit func(Item) error) error {
	var r io.Reader
	origin := path
	if path == Stdin {
		origin = "<stdin>"
		if opts.Stdin == nil {
			return emit(Item{Err: inputErr(origin, "standard input is not available")})
		}
		r = opts.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return emit(Item{Err: &InputError{Origin: path, Err: errors.Unwrap(err)}})
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return emit(Item{Err: inputErr(path, "is a directory")})
		}
		r = f
	}
	return readFrom(ctx, r, path, origin, opts, emit)
}

// ReadBytes reads data as if it were the content of the file name: the format is chosen by the name's
// extension and the content, as ReadFile does, and every article or error is passed to emit with
// name as its origin.
func ReadBytes(name string, data []byte, opts ReadOptions, emit func(Item) error) error {
	return readFrom(context.Background(), bytes.NewReader(data), name, name, opts, emit)
}

// readFrom reads one input, whose file name (for its extension) is path.
func readFrom(ctx context.Context, r io.Reader, path, origin string, opts ReadOptions, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(4096)
	if len(bytes.TrimSpace(head)) == 0 && err != nil {
		// Peek read the whole input (it stopped short of 4096 bytes) and found only white space.
		return emit(Item{Err: inputErr(origin, "empty file: no article to read")})
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return emit(Item{Err: inputErr(origin, "binary file (it contains NUL bytes): want UTF-8 text, JSON or JSON Lines")})
	}
	ext := strings.ToLower(filepath.Ext(path))
	first := firstNonSpace(head)
	switch {
	case ext == ".jsonl" || ext == ".ndjson":
		return readJSONLines(ctx, br, origin, opts, emit)
	case ext == ".json" || first == '{' || first == '[':
		return readJSON(ctx, br, origin, opts, emit)
	}
	return readTextFile(br, origin, opts, emit)
}

func firstNonSpace(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n\ufeff")
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

// readAll reads at most max bytes and fails when there is more.
func readAll(r io.Reader, origin string, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, &InputError{Origin: origin, Err: err}
	}
	if int64(len(data)) > max {
		return nil, inputErr(origin, "larger than %s, the limit for one article (--max-article-size); split it into JSON Lines if it holds many articles", formatBytes(max))
	}
	return data, nil
}

// checkUTF8 returns an error locating the first invalid UTF-8 sequence of data.
func checkUTF8(data []byte, origin string) error {
	if utf8.Valid(data) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return inputErr(origin, "invalid UTF-8 at line %d, column %d (byte offset %d): want UTF-8 text", line, col, i)
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return nil
}

// checkUTF8Line is checkUTF8 for one line whose origin already names it: the error gives the column.
func checkUTF8Line(data []byte, origin string) error {
	if utf8.Valid(data) {
		return nil
	}
	col := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return inputErr(origin, "invalid UTF-8 at column %d (byte offset %d in the line): want UTF-8 text", col, i)
		}
		col++
		i += size
	}
	return nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
