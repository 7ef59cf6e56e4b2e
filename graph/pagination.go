package graph

import (
	"context"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/store"
)

// DefaultPage is the page size of a list when first is not given.
const DefaultPage = 20

// Cursors are opaque to clients: "c:<offset>" in base64url. An offset suits lists sorted by date whose
// totals are counted anyway.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("c:" + strconv.Itoa(offset)))
}

func decodeCursor(c string) (int, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if n, ok := strings.CutPrefix(string(b), "c:"); ok {
			if off, err := strconv.Atoi(n); err == nil && off >= 0 {
				return off, nil
			}
		}
	}
	return 0, diplograph.Errorf(diplograph.EINVALID, "after: %q is not a cursor of this list (pass a pageInfo.endCursor)", c)
}

// pageArgs reads first and after: the offset of the page and its size.
func pageArgs(first *int, after *string) (offset, limit int, err error) {
	limit = DefaultPage
	if first != nil {
		limit = *first
	}
	if limit < 0 || limit > store.MaxPage {
		return 0, 0, diplograph.Errorf(diplograph.EINVALID, "first must be between 0 and %d, got %d", store.MaxPage, limit)
	}
	if after != nil && *after != "" {
		off, err := decodeCursor(*after)
		if err != nil {
			return 0, 0, err
		}
		offset = off + 1
	}
	return offset, limit, nil
}

// wantsTotal reports whether the selection of the current connection field asks for totalCount, which
// costs counting the whole list.
func wantsTotal(ctx context.Context) bool {
	if graphql.GetFieldContext(ctx) == nil {
		return true
	}
	for _, f := range graphql.CollectFieldsCtx(ctx, nil) {
		if f.Name == "totalCount" {
			return true
		}
	}
	return false
}

func pageInfo(offset, n int, hasMore bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasMore, HasPreviousPage: offset > 0}
	if n > 0 {
		s, e := encodeCursor(offset), encodeCursor(offset+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

func eventConnection(p store.Page[store.Event], offset int) *model.EventConnection {
	c := &model.EventConnection{TotalCount: p.Total, PageInfo: pageInfo(offset, len(p.Items), p.HasMore),
		Nodes: p.Items, Edges: make([]model.EventEdge, len(p.Items))}
	for i := range p.Items {
		c.Edges[i] = model.EventEdge{Cursor: encodeCursor(offset + i), Node: &p.Items[i]}
	}
	return c
}

func positionConnection(p store.Page[store.Position], offset int) *model.PositionConnection {
	c := &model.PositionConnection{TotalCount: p.Total, PageInfo: pageInfo(offset, len(p.Items), p.HasMore),
		Nodes: p.Items, Edges: make([]model.PositionEdge, len(p.Items))}
	for i := range p.Items {
		c.Edges[i] = model.PositionEdge{Cursor: encodeCursor(offset + i), Node: &p.Items[i]}
	}
	return c
}
