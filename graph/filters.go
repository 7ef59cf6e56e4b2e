package graph

import (
	"context"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph/model"
	"github.com/diplograph/diplograph/store"
)

// window reads a from..to pair of arguments; EINVALID when from comes after to.
func window(from, to *diplograph.Date) (store.Window, error) {
	var w store.Window
	if from != nil {
		w.From = *from
	}
	if to != nil {
		w.To = *to
	}
	if !w.From.IsZero() && !w.To.IsZero() && w.To.End().Before(w.From.Start()) {
		return w, diplograph.Errorf(diplograph.EINVALID, "the window ends (%s) before it starts (%s)", w.To, w.From)
	}
	return w, nil
}

// eventQuery turns an EventFilter into a store query, checking its ids.
func (r *Resolver) eventQuery(ctx context.Context, f *model.EventFilter) (store.EventQuery, error) {
	var q store.EventQuery
	if f == nil {
		return q, nil
	}
	var err error
	if q.Window, err = window(f.From, f.To); err != nil {
		return q, err
	}
	if len(f.Participants) > 0 {
		ents, err := r.existing(ctx, "participants", f.Participants...)
		if err != nil {
			return q, err
		}
		for _, e := range ents {
			q.Participants = append(q.Participants, e.ID)
		}
	}
	q.Types = f.Types
	q.Modalities = f.Modalities
	if f.MinSources != nil {
		if *f.MinSources < 0 {
			return q, diplograph.Errorf(diplograph.EINVALID, "minSources must not be negative, got %d", *f.MinSources)
		}
		q.MinSources = *f.MinSources
	}
	if f.Place != nil && *f.Place != "" {
		if strings.HasPrefix(*f.Place, "place:") {
			q.Place = *f.Place
		} else {
			id, err := r.entityID("place", *f.Place)
			if err != nil {
				return q, err
			}
			if !strings.HasPrefix(id, "country:") {
				return q, diplograph.Errorf(diplograph.EINVALID, "place: want a place id (\"place:RU:moscow\") or a country (\"country:RU\"), got %q", *f.Place)
			}
			q.Place = id
		}
	}
	return q, nil
}

// positionQuery turns a PositionFilter into a store query, checking its ids.
func (r *Resolver) positionQuery(ctx context.Context, f *model.PositionFilter) (store.PositionQuery, error) {
	var q store.PositionQuery
	if f == nil {
		return q, nil
	}
	var err error
	if q.Window, err = window(f.From, f.To); err != nil {
		return q, err
	}
	if f.Holder != nil && *f.Holder != "" {
		ents, err := r.existing(ctx, "holder", *f.Holder)
		if err != nil {
			return q, err
		}
		q.Holder = ents[0].ID
	}
	if f.Target != nil && *f.Target != "" {
		ents, err := r.existing(ctx, "target", *f.Target)
		if err != nil {
			return q, err
		}
		q.Target = ents[0].ID
	}
	if f.Topic != nil {
		q.Topic = *f.Topic
	}
	if f.Stance != nil {
		q.Stance = *f.Stance
	}
	q.Modalities = f.Modalities
	if f.MinSources != nil {
		if *f.MinSources < 0 {
			return q, diplograph.Errorf(diplograph.EINVALID, "minSources must not be negative, got %d", *f.MinSources)
		}
		q.MinSources = *f.MinSources
	}
	return q, nil
}

// events runs an event query for a connection field.
func (r *Resolver) events(ctx context.Context, q store.EventQuery, first *int, after *string, order *model.SortOrder) (*model.EventConnection, error) {
	var err error
	if q.Offset, q.Limit, err = pageArgs(first, after); err != nil {
		return nil, err
	}
	q.Desc = order != nil && *order == model.SortOrderDesc
	q.Count = wantsTotal(ctx)
	page, err := r.Store.Events(ctx, q)
	if err != nil {
		return nil, err
	}
	return eventConnection(page, q.Offset), nil
}

// positions runs a position query for a connection field.
func (r *Resolver) positions(ctx context.Context, q store.PositionQuery, first *int, after *string, order *model.SortOrder) (*model.PositionConnection, error) {
	var err error
	if q.Offset, q.Limit, err = pageArgs(first, after); err != nil {
		return nil, err
	}
	q.Desc = order != nil && *order == model.SortOrderDesc
	q.Count = wantsTotal(ctx)
	page, err := r.Store.Positions(ctx, q)
	if err != nil {
		return nil, err
	}
	return positionConnection(page, q.Offset), nil
}

// entityEvents lists the events of an entity (Country.events and the like).
func (r *Resolver) entityEvents(ctx context.Context, id string, from, to *diplograph.Date, types []diplograph.EventType,
	first *int, after *string) (*model.EventConnection, error) {
	w, err := window(from, to)
	if err != nil {
		return nil, err
	}
	return r.events(ctx, store.EventQuery{Participants: []string{id}, Types: types, Window: w}, first, after, nil)
}

// entityPositions lists the positions an entity holds (holder) or that are held about it (target).
func (r *Resolver) entityPositions(ctx context.Context, f model.PositionFilter, first *int, after *string) (*model.PositionConnection, error) {
	q, err := r.positionQuery(ctx, &f)
	if err != nil {
		return nil, err
	}
	return r.positions(ctx, q, first, after, nil)
}

// officials lists who held an office of the holder at a date (today when nil).
func (r *Resolver) officials(ctx context.Context, holderID string, at *diplograph.Date) ([]store.Role, error) {
	if strings.HasPrefix(holderID, "person:") {
		return nil, diplograph.Errorf(diplograph.EINVALID, "country: %q is a person: want a country or an organization", holderID)
	}
	day := diplograph.DayDate(time.Now().UTC())
	if r.Now != nil {
		day = diplograph.DayDate(r.Now().UTC())
	}
	if at != nil {
		day = *at
	}
	return r.Store.Officials(ctx, holderID, day.Start(), day.End())
}
