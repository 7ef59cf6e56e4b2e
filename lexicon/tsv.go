package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// row is one data line of a lexicon file, with the header to read its cells by column name.
type row struct {
	file   string
	line   int
	header map[string]int
	cells  []string
}

// get returns the trimmed cell of a column, or "" when the column or the cell is missing.
func (r *row) get(col string) string {
	i, ok := r.header[col]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return strings.TrimSpace(r.cells[i])
}

// list returns the |-separated values of a column, trimmed, without empty ones.
func (r *row) list(col string) []string {
	return splitList(r.get(col))
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// origin returns "file:line" of the row.
func (r *row) origin() string { return fmt.Sprintf("%s:%d", r.file, r.line) }

// errorf returns an error that names the file and line of the row.
func (r *row) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

// readTSV reads a lexicon file: '#' comment lines, a header line, then rows. required names the
// columns the header must have.
func readTSV(name string, r io.Reader, required []string, fn func(*row) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var header map[string]int
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if header == nil {
			header = make(map[string]int, len(cells))
			for i, c := range cells {
				header[strings.TrimSpace(c)] = i
			}
			for _, col := range required {
				if _, ok := header[col]; !ok {
					return fmt.Errorf("%s:%d: header lacks the column %q (columns are tab-separated; see docs/lexicons.md)", name, line, col)
				}
			}
			continue
		}
		if err := fn(&row{file: name, line: line, header: header, cells: cells}); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if header == nil {
		return fmt.Errorf("%s: no header line", name)
	}
	return nil
}
