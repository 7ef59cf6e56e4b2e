package graph

import (
	"context"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/store"
)

// entityID reads an entity id argument: "country:SY", "person:sergei-lavrov", "org:UN", or a bare
// country code ("SY", "sy"). The error has the code EINVALID for a malformed id and for a country code
// that names no country.
func (r *Resolver) entityID(arg, id string) (string, error) {
	id = strings.TrimSpace(id)
	kind, rest, ok := strings.Cut(id, ":")
	if !ok {
		if isCountryCode(id) {
			kind, rest = "country", id
		} else {
			return "", diplograph.Errorf(diplograph.EINVALID,
				"%s: %q is not an entity id: want \"country:SY\" (or \"SY\"), \"person:…\" or \"org:…\"", arg, id)
		}
	}
	switch kind {
	case "country":
		code := strings.ToUpper(rest)
		if !isCountryCode(code) || r.KnownCountry != nil && !r.KnownCountry(code) {
			return "", diplograph.Errorf(diplograph.EINVALID,
				"%s: unknown country code %q: want an ISO 3166-1 alpha-2 code such as \"SY\" or \"country:SY\"", arg, rest)
		}
		return "country:" + code, nil
	case "person", "org":
		if rest == "" {
			return "", diplograph.Errorf(diplograph.EINVALID, "%s: %q has nothing after %q", arg, id, kind+":")
		}
		return id, nil
	}
	return "", diplograph.Errorf(diplograph.EINVALID,
		"%s: %q is not an entity id: want \"country:SY\" (or \"SY\"), \"person:…\" or \"org:…\"", arg, id)
}

func isCountryCode(s string) bool {
	if len(s) != 2 {
		return false
	}
	for _, c := range s {
		if (c < 'A' || c > 'Z') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// entity loads an entity by id; nil when the graph has none.
func (r *Resolver) entity(ctx context.Context, id string) (model.Entity, error) {
	if id == "" {
		return nil, nil
	}
	e, err := r.loaders(ctx).Entity.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return model.NewEntity(e), nil
}

// existing reads entity id arguments and checks that the graph has them, in one batch. The error has
// the code EINVALID for a malformed id and ENOTFOUND for an id the graph does not have.
func (r *Resolver) existing(ctx context.Context, arg string, ids ...string) ([]*store.Entity, error) {
	norm := make([]string, len(ids))
	for i, id := range ids {
		var err error
		if norm[i], err = r.entityID(arg, id); err != nil {
			return nil, err
		}
	}
	ents, err := r.loaders(ctx).Entity.LoadAll(ctx, norm)
	if err != nil {
		return nil, err
	}
	for i, e := range ents {
		if e == nil {
			return nil, diplograph.Errorf(diplograph.ENOTFOUND, "%s: no entity %q in the graph", arg, norm[i])
		}
	}
	return ents, nil
}

// pair reads two different entity id arguments and checks that the graph has both, in one batch.
func (r *Resolver) pair(ctx context.Context, argA, a, argB, b string) (*store.Entity, *store.Entity, error) {
	ida, err := r.entityID(argA, a)
	if err != nil {
		return nil, nil, err
	}
	idb, err := r.entityID(argB, b)
	if err != nil {
		return nil, nil, err
	}
	if ida == idb {
		return nil, nil, diplograph.Errorf(diplograph.EINVALID, "%s and %s are the same entity %q: want two", argA, argB, ida)
	}
	ents, err := r.loaders(ctx).Entity.LoadAll(ctx, []string{ida, idb})
	if err != nil {
		return nil, nil, err
	}
	for i, arg := range []string{argA, argB} {
		if ents[i] == nil {
			return nil, nil, diplograph.Errorf(diplograph.ENOTFOUND, "%s: no entity %q in the graph", arg, []string{ida, idb}[i])
		}
	}
	return ents[0], ents[1], nil
}

func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}
