package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/generated"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/store"
)

// complexity gives the fields that return lists their cost: the size of the list (first, limit, or a
// typical size) times the cost of an item. Everything else costs 1 plus its children (gqlgen's default).
func complexity() generated.ComplexityRoot {
	var c generated.ComplexityRoot
	page := func(first *int, def int) int {
		if first != nil && *first > 0 {
			return *first
		}
		return def
	}
	list := func(n int) func(int) int { return func(child int) int { return 1 + n*child } }

	c.Query.Events = func(child int, _ *model.EventFilter, first *int, _ *string, _ *model.SortOrder) int {
		return 5 + page(first, DefaultPage)*child
	}
	c.Query.Positions = func(child int, _ *model.PositionFilter, first *int, _ *string, _ *model.SortOrder) int {
		return 5 + page(first, DefaultPage)*child
	}
	c.Query.Search = func(child int, _ string, _ []diplograph.EntityType, first *int) int { return 5 + page(first, 10)*child }
	c.Query.Officials = func(child int, _ string, _ *diplograph.Date) int { return 5 + 20*child }
	c.Query.Relation = func(child int, _, _ string, _, _ *diplograph.Date, _ *store.Interval) int { return 50 + child }
	c.Query.Neighborhood = func(child int, _ string, depth *int, _, _ *diplograph.Date, _ *int) int {
		return 20*page(depth, 1) + child
	}
	c.Query.Path = func(child int, _, _ string, maxHops *int, _, _ *diplograph.Date) int {
		return 10*page(maxHops, 4) + child
	}

	entityEvents := func(child int, _, _ *diplograph.Date, _ []diplograph.EventType, first *int, _ *string) int {
		return 5 + page(first, DefaultPage)*child
	}
	entityPositions := func(child int, _, _ *diplograph.Date, _ *diplograph.Topic, _ *diplograph.Stance, _ *string, first *int, _ *string) int {
		return 5 + page(first, DefaultPage)*child
	}
	c.Country.Events, c.Person.Events, c.Organization.Events = entityEvents, entityEvents, entityEvents
	c.Country.Positions, c.Person.Positions, c.Organization.Positions = entityPositions, entityPositions, entityPositions
	c.Country.PositionsAbout = entityPositions
	c.Country.Officials = func(child int, _ *diplograph.Date) int { return 5 + 20*child }
	c.Person.Roles = func(child int, _ *diplograph.Date) int { return 1 + 5*child }

	c.Event.Participants = list(4)
	c.Event.Sources = list(3)
	c.Position.Sources = list(3)
	c.Role.Evidence = list(10)
	c.Article.Events = list(20)
	c.Article.Positions = list(20)
	c.Relation.Buckets = list(24)
	c.Relation.Events = list(50)
	c.Relation.Positions = list(50)
	c.Subgraph.Nodes = list(50)
	c.Subgraph.Edges = list(100)
	return c
}

// depthLimit refuses operations nested deeper than Max fields (introspection aside).
type depthLimit struct{ Max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                          { return "DepthLimit" }
func (depthLimit) Validate(schema graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	if d.Max <= 0 || opCtx.Operation == nil {
		return nil
	}
	if n := depth(opCtx.Doc, opCtx.Operation.SelectionSet, 0); n > d.Max {
		err := gqlerror.Errorf("the operation is nested %d fields deep, more than the limit of %d", n, d.Max)
		setCode(err, CodeDepthLimit)
		return err
	}
	return nil
}

// depth returns the deepest field nesting of a selection set, following fragments, skipping
// introspection fields. Fragment cycles are invalid GraphQL and refused before this runs; the cap of 100
// levels stops the walk anyway.
func depth(doc *ast.QueryDocument, set ast.SelectionSet, level int) int {
	if level > 100 {
		return level
	}
	max := level
	for _, sel := range set {
		var n int
		switch s := sel.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			n = depth(doc, s.SelectionSet, level+1)
		case *ast.InlineFragment:
			n = depth(doc, s.SelectionSet, level)
		case *ast.FragmentSpread:
			if f := doc.Fragments.ForName(s.Name); f != nil {
				n = depth(doc, f.SelectionSet, level)
			}
		}
		if n > max {
			max = n
		}
	}
	return max
}
