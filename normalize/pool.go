package normalize

import "sync"

// buffers are the large slices of a Doc. Extraction builds one Doc per article and drops it a
// millisecond later; reusing these slices (a few hundred kilobytes an article) instead of
// allocating them keeps the garbage collector from running every few dozen articles.
type buffers struct {
	tokens []Token
	folds  []byte
	spans  []int32
	words  []Word
	stems  []Stem
	hashes []uint64
	order  []uint8
	runes  []int32
}

var bufferPool = sync.Pool{New: func() any { return new(buffers) }}

// maxPooled is the largest backing array, in elements, kept for reuse: a huge document's slices go
// to the garbage collector rather than stay in the pool.
const maxPooled = 1 << 20

// reuse returns s emptied when it can hold n elements, else a new slice of capacity n.
func reuse[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, n)
}

// Release hands the Doc's slices back for reuse by later documents. The Doc, its Tokens, Words and
// Sentences must not be used afterwards; strings taken from it (keys, slices of Text) stay valid.
func (d *Doc) Release() {
	buf := d.buf
	if buf == nil {
		return
	}
	d.buf, d.Tokens, d.Words, d.Sentences, d.hashes, d.order, d.runeOffsets = nil, nil, nil, nil, nil, nil, nil
	if cap(buf.tokens) > maxPooled || cap(buf.folds) > 8*maxPooled || cap(buf.runes) > 8*maxPooled {
		return
	}
	bufferPool.Put(buf)
}
