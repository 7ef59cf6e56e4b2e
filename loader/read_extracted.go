package loader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/diplograph/diplograph"
)

// ExtractedItem is one Extraction document read from a file of documents, or the error that kept it
// from being read.
type ExtractedItem struct {
	Doc    *diplograph.Extraction
	Origin string
	Err    error
}

// ReadExtracted reads Extraction documents (docs/extraction.md) from a file — one JSON document, or
// JSON Lines — and passes each to emit after validate accepts it (validate may be nil). A document
// that does not parse or validate is reported with its line and the others are still read.
func ReadExtracted(ctx context.Context, path string, opts ReadOptions, validate func([]byte) error, emit func(ExtractedItem) error) error {
	var r io.Reader
	origin := path
	if path == Stdin {
		origin = "<stdin>"
		if opts.Stdin == nil {
			return emit(ExtractedItem{Origin: origin, Err: inputErr(origin, "standard input is not available")})
		}
		r = opts.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return emit(ExtractedItem{Origin: origin, Err: &InputError{Origin: path, Err: unwrapPath(err)}})
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(1 << 20)
	if len(bytes.TrimSpace(head)) == 0 {
		return emit(ExtractedItem{Origin: origin, Err: inputErr(origin, "empty file: no Extraction document to read")})
	}
	// A pretty-printed single document spans lines; JSON Lines has one document per line.
	if nl := bytes.IndexByte(bytes.TrimSpace(head), '\n'); nl < 0 || !json.Valid(bytes.TrimSpace(bytes.TrimSpace(head)[:nl])) {
		data, err := readAll(br, origin, 64<<20)
		if err != nil {
			return emit(ExtractedItem{Origin: origin, Err: err})
		}
		return emit(parseExtracted(data, origin, validate))
	}
	max := opts.maxBytes() * 4 // a document carries its article body and more
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, tooLong, err := readLine(br, max)
		lineOrigin := fmt.Sprintf("%s:%d", origin, line)
		switch {
		case tooLong:
			if e := emit(ExtractedItem{Origin: lineOrigin, Err: inputErr(lineOrigin, "line longer than %s", formatBytes(max))}); e != nil {
				return e
			}
		case len(bytes.TrimSpace(data)) > 0:
			if e := emit(parseExtracted(data, lineOrigin, validate)); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return emit(ExtractedItem{Origin: lineOrigin, Err: &InputError{Origin: lineOrigin, Err: err}})
		}
	}
}

// parseExtracted decodes and validates one Extraction document.
func parseExtracted(data []byte, origin string, validate func([]byte) error) ExtractedItem {
	if err := checkUTF8(data, origin); err != nil {
		return ExtractedItem{Origin: origin, Err: err}
	}
	if validate != nil {
		if err := validate(data); err != nil {
			return ExtractedItem{Origin: origin, Err: inputErr(origin, "not a valid Extraction document: %v", err)}
		}
	}
	var doc diplograph.Extraction
	if err := json.Unmarshal(data, &doc); err != nil {
		return ExtractedItem{Origin: origin, Err: inputErr(origin, "broken JSON: %v", err)}
	}
	if doc.Version != 0 && doc.Version != diplograph.ContractVersion {
		return ExtractedItem{Origin: origin, Err: inputErr(origin, "field version: %d is not supported (want %d)", doc.Version, diplograph.ContractVersion)}
	}
	if doc.Article.ID == "" && doc.Article.Body != "" {
		doc.Article.ID = ArticleID(doc.Article.Body)
	}
	if doc.Article.ID == "" {
		return ExtractedItem{Origin: origin, Err: inputErr(origin, "field article.id: missing (and no article.body to compute it from)")}
	}
	doc.FillPrecision()
	return ExtractedItem{Doc: &doc, Origin: origin}
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
