package loader

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/diplograph/diplograph"
)

// jsonArticle is the JSON form of an input article (docs/extraction.md). Only body is required.
type jsonArticle struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Body      *string         `json:"body"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Published json.RawMessage `json:"published"`
	Language  string          `json:"language"`
}

// readJSONLines reads one article per line. A bad line is reported with its number and the others are
// still read.
func readJSONLines(ctx context.Context, r *bufio.Reader, origin string, opts ReadOptions, emit func(Item) error) error {
	max := opts.maxBytes()
	line := 0
	articles := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, tooLong, err := readLine(r, max)
		if len(data) == 0 && err == io.EOF && !tooLong {
			break
		}
		line++
		lineOrigin := fmt.Sprintf("%s:%d", origin, line)
		switch {
		case tooLong:
			if e := emit(Item{Err: inputErr(lineOrigin, "line longer than %s, the limit for one article (--max-article-size)", formatBytes(max))}); e != nil {
				return e
			}
		case len(bytes.TrimSpace(data)) == 0:
			// Blank lines between records are allowed.
		default:
			articles++
			var a *diplograph.Article
			perr := checkUTF8Line(data, lineOrigin)
			if perr == nil {
				a, perr = parseJSONArticle(data, lineOrigin)
			}
			item := Item{Article: a}
			if perr != nil {
				item = Item{Err: perr}
			}
			if e := emit(item); e != nil {
				return e
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return emit(Item{Err: &InputError{Origin: lineOrigin, Err: err}})
		}
	}
	if articles == 0 {
		return emit(Item{Err: inputErr(origin, "empty file: no article to read")})
	}
	return nil
}

// readLine reads one line of at most max bytes (without the newline). When the line is longer, the rest
// of it is skipped and tooLong is set.
func readLine(r *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if int64(len(buf)+len(chunk)) > max+1 {
			tooLong = true
			buf = buf[:0]
		} else if !tooLong {
			buf = append(buf, chunk...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err != nil:
			return bytes.TrimRight(buf, "\r\n"), tooLong, err
		}
		return bytes.TrimRight(buf, "\r\n"), tooLong, nil
	}
}

// readJSON reads a .json file: one object, an array of objects, or (when the first line is a whole
// object) JSON Lines.
func readJSON(ctx context.Context, r *bufio.Reader, origin string, opts ReadOptions, emit func(Item) error) error {
	head, _ := r.Peek(int(min(opts.maxBytes(), 1<<20)))
	if nl := bytes.IndexByte(head, '\n'); nl > 0 && firstNonSpace(head) == '{' {
		if rest := bytes.TrimSpace(head[nl:]); len(rest) > 0 && rest[0] == '{' && json.Valid(bytes.TrimSpace(head[:nl])) {
			return readJSONLines(ctx, r, origin, opts, emit)
		}
	}
	if firstNonSpace(head) == '[' {
		return readJSONArray(ctx, r, origin, opts, emit)
	}
	data, err := readAll(r, origin, opts.maxBytes())
	if err != nil {
		return emit(Item{Err: err})
	}
	a, perr := parseJSONArticle(data, origin)
	if perr != nil {
		return emit(Item{Err: perr})
	}
	return emit(Item{Article: a})
}

// readJSONArray reads an array of article objects, element by element.
func readJSONArray(ctx context.Context, r io.Reader, origin string, opts ReadOptions, emit func(Item) error) error {
	dec := json.NewDecoder(r)
	if _, err := dec.Token(); err != nil {
		return emit(Item{Err: inputErr(origin, "broken JSON: %v", err)})
	}
	for i := 0; dec.More(); i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		elemOrigin := fmt.Sprintf("%s[%d]", origin, i)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return emit(Item{Err: inputErr(elemOrigin, "broken JSON: %v; the rest of the file is skipped", err)})
		}
		if int64(len(raw)) > opts.maxBytes() {
			if e := emit(Item{Err: inputErr(elemOrigin, "larger than %s, the limit for one article", formatBytes(opts.maxBytes()))}); e != nil {
				return e
			}
			continue
		}
		a, perr := parseJSONArticle(raw, elemOrigin)
		item := Item{Article: a}
		if perr != nil {
			item = Item{Err: perr}
		}
		if e := emit(item); e != nil {
			return e
		}
	}
	return nil
}

// parseJSONArticle decodes and checks one JSON article.
func parseJSONArticle(data []byte, origin string) (*diplograph.Article, error) {
	if err := checkUTF8(data, origin); err != nil {
		return nil, err
	}
	var ja jsonArticle
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&ja); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return nil, inputErr(origin, "field %s: want a %s, got a JSON %s", te.Field, jsonKind(te.Type.Kind().String()), te.Value)
		}
		if te != nil {
			// The value itself is not an object: say so without naming Go types.
			return nil, inputErr(origin, "want a JSON object with a body field, got a JSON %s", te.Value)
		}
		return nil, inputErr(origin, "broken JSON: %v", err)
	}
	if dec.More() {
		return nil, inputErr(origin, "broken JSON: more than one value (use JSON Lines, one article per line)")
	}
	if ja.Body == nil || strings.TrimSpace(*ja.Body) == "" {
		return nil, inputErr(origin, "field body: missing or empty (the article text is required)")
	}
	a := &diplograph.Article{Title: strings.TrimSpace(ja.Title), Body: strings.TrimSpace(*ja.Body),
		URL: strings.TrimSpace(ja.URL), Source: strings.TrimSpace(ja.Source), Origin: origin}
	if p := bytes.TrimSpace(ja.Published); len(p) > 0 && string(p) != "null" {
		var s string
		if err := json.Unmarshal(p, &s); err != nil {
			return nil, inputErr(origin, "field published: want an ISO 8601 date string such as \"2025-12-24\", got %s", string(p))
		}
		d, err := diplograph.ParseDate(s)
		if err != nil {
			return nil, inputErr(origin, "field published: %v", err)
		}
		a.Published = d
	}
	if ja.Language != "" {
		l, ok := normalizeLanguage(ja.Language)
		if !ok {
			return nil, inputErr(origin, "field language: %q is not supported (want \"ar\" or \"en\")", ja.Language)
		}
		a.Language = l
	}
	if err := finishArticle(a); err != nil {
		return nil, &InputError{Origin: origin, Err: err}
	}
	return a, nil
}

func jsonKind(k string) string {
	if k == "ptr" {
		return "string"
	}
	return k
}
