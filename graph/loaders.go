package graph

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/diplograph/diplograph/store"
)

// Loaders batch the reads of one response: every resolver asking for an entity, an article, the
// participants or the sources of a fact within a short wait is answered by one Cypher query
// (`UNWIND $ids … MATCH (n {id: id})`), and answers are cached for the rest of the response. Reads that
// return entities or articles along the way prime their loaders, so that the participants of 20 events
// and the articles of their sources cost one round trip each.
type Loaders struct {
	Entity           *dataloadgen.Loader[string, *store.Entity]
	Article          *dataloadgen.Loader[string, *store.Article]
	ArticleBody      *dataloadgen.Loader[string, string]
	Event            *dataloadgen.Loader[string, *store.Event]
	Position         *dataloadgen.Loader[string, *store.Position]
	Participants     *dataloadgen.Loader[string, []store.Participant]
	Place            *dataloadgen.Loader[string, *store.Place]
	EventSources     *dataloadgen.Loader[string, []store.Source]
	PositionSources  *dataloadgen.Loader[string, []store.Source]
	Roles            *dataloadgen.Loader[string, []store.Role]
	ArticleEvents    *dataloadgen.Loader[string, []store.Event]
	ArticlePositions *dataloadgen.Loader[string, []store.Position]
}

// DefaultLoaderWait is how long a loader waits for more keys before it queries.
const DefaultLoaderWait = time.Millisecond

// NewLoaders returns the loaders of one response.
func NewLoaders(s *store.Store, wait time.Duration) *Loaders {
	if wait <= 0 {
		wait = DefaultLoaderWait
	}
	opts := []dataloadgen.Option{dataloadgen.WithWait(wait), dataloadgen.WithBatchCapacity(store.MaxBatch)}
	l := &Loaders{}
	l.Entity = dataloadgen.NewMappedLoader(byKey(s.EntitiesByID), opts...)
	l.Article = dataloadgen.NewMappedLoader(byKey(s.ArticlesByID), opts...)
	l.ArticleBody = dataloadgen.NewMappedLoader(s.ArticleBodies, opts...)
	l.Event = dataloadgen.NewMappedLoader(byKey(s.EventsByID), opts...)
	l.Position = dataloadgen.NewMappedLoader(byKey(s.PositionsByID), opts...)
	l.Place = dataloadgen.NewMappedLoader(byKey(s.PlacesByEvent), opts...)
	l.Participants = dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]store.Participant, error) {
		parts, ents, err := s.ParticipantsByEvent(ctx, ids)
		if err == nil {
			primeAll(l.Entity, ents)
		}
		return parts, err
	}, opts...)
	sources := func(read func(context.Context, []string) (map[string][]store.Source, map[string]store.Article, error)) func(context.Context, []string) (map[string][]store.Source, error) {
		return func(ctx context.Context, ids []string) (map[string][]store.Source, error) {
			srcs, arts, err := read(ctx, ids)
			if err == nil {
				primeAll(l.Article, arts)
			}
			return srcs, err
		}
	}
	l.EventSources = dataloadgen.NewMappedLoader(sources(s.SourcesByEvent), opts...)
	l.PositionSources = dataloadgen.NewMappedLoader(sources(s.SourcesByPosition), opts...)
	l.Roles = dataloadgen.NewMappedLoader(s.RolesByPerson, opts...)
	l.ArticleEvents = dataloadgen.NewMappedLoader(s.EventsByArticle, opts...)
	l.ArticlePositions = dataloadgen.NewMappedLoader(s.PositionsByArticle, opts...)
	return l
}

// byKey adapts a read by ids to a mapped fetch whose missing keys load as nil, not as an error: the
// resolvers turn them into null or into their own error.
func byKey[T any](read func(context.Context, []string) (map[string]T, error)) func(context.Context, []string) (map[string]*T, error) {
	return func(ctx context.Context, ids []string) (map[string]*T, error) {
		found, err := read(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[string]*T, len(ids))
		for _, id := range ids {
			if v, ok := found[id]; ok {
				out[id] = &v
			} else {
				out[id] = nil
			}
		}
		return out, nil
	}
}

// primeAll caches values read along the way.
func primeAll[T any](l *dataloadgen.Loader[string, *T], values map[string]T) {
	for id, v := range values {
		l.Prime(id, &v)
	}
}

type loadersKey struct{}

// WithLoaders returns a context carrying the loaders.
func WithLoaders(ctx context.Context, l *Loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

// loaders returns the loaders of the context; a context without them (a test calling a resolver
// directly) gets fresh ones from the resolver's store.
func (r *Resolver) loaders(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*Loaders); ok {
		return l
	}
	return NewLoaders(r.Store, 0)
}
