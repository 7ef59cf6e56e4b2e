package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
)

// The change feed: facts by the time they were stored (ingestedAt), whoever stored them, so that a
// server can tell its subscribers about what a separate loader process wrote.

// EventChange is a newly stored event with what subscription filters test.
type EventChange struct {
	Event
	Participants []string // entity ids
	Via          []string // the holders of the participants' offices
	Places       []string // place ids
}

// PositionChange is a newly stored position with the holders of its holder's offices.
type PositionChange struct {
	Position
	Via []string
}

// LatestIngest returns the time the last event or position was stored, zero when none is.
func (s *Store) LatestIngest(ctx context.Context) (time.Time, error) {
	recs, err := s.read(ctx, `
CALL () { MATCH (e:Event) RETURN max(e.ingestedAt) AS t
          UNION ALL
          MATCH (p:Position) RETURN max(p.ingestedAt) AS t }
RETURN max(t) AS latest`, nil)
	if err != nil {
		return time.Time{}, fmt.Errorf("read the latest ingest: %w", err)
	}
	if len(recs) == 0 {
		return time.Time{}, nil
	}
	return getTime(recs[0].AsMap(), "latest"), nil
}

// EventsStoredSince returns the events stored at or after since, except those in skip, oldest first, at
// most limit.
func (s *Store) EventsStoredSince(ctx context.Context, since time.Time, skip []string, limit int) ([]EventChange, error) {
	recs, err := s.read(ctx, `
MATCH (e:Event)
WHERE e.ingestedAt >= $since AND NOT e.id IN $skip
WITH e ORDER BY e.ingestedAt, e.id LIMIT $limit
RETURN `+eventProjection+` AS event,
       [(n:Entity)-[:PARTICIPATED_IN]->(e) | n.id] AS participants,
       reduce(acc = [], l IN [(n:Person)-[:PARTICIPATED_IN]->(e) | [(n)-[r:HOLDS_ROLE]->(h) WHERE NOT r.former | h.id]] |
            acc + l) AS via,
       [(e)-[:HELD_IN]->(pl:Place) | pl.id] AS places`, map[string]any{"since": since, "skip": nonNil(skip), "limit": limit})
	if err != nil {
		return nil, fmt.Errorf("read new events: %w", err)
	}
	out := make([]EventChange, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		out = append(out, EventChange{Event: eventOf(getMap(m, "event")), Participants: getStrs(m, "participants"),
			Via: getStrs(m, "via"), Places: getStrs(m, "places")})
	}
	return out, nil
}

// PositionsStoredSince returns the positions stored at or after since, except those in skip, oldest
// first, at most limit.
func (s *Store) PositionsStoredSince(ctx context.Context, since time.Time, skip []string, limit int) ([]PositionChange, error) {
	recs, err := s.read(ctx, `
MATCH (p:Position)
WHERE p.ingestedAt >= $since AND NOT p.id IN $skip
WITH p ORDER BY p.ingestedAt, p.id LIMIT $limit
RETURN `+positionProjection+` AS position,
       [(p)-[:HELD_BY]->(:Person)-[r:HOLDS_ROLE]->(h) WHERE NOT r.former | h.id] AS via`,
		map[string]any{"since": since, "skip": nonNil(skip), "limit": limit})
	if err != nil {
		return nil, fmt.Errorf("read new positions: %w", err)
	}
	out := make([]PositionChange, 0, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		out = append(out, PositionChange{Position: positionOf(getMap(m, "position")), Via: getStrs(m, "via")})
	}
	return out, nil
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// Matches reports whether the query selects the event (its paging aside), as Events would.
func (q *EventQuery) Matches(c *EventChange) bool {
	if !slices.Contains(modalityParams(q.Modalities), string(c.Modality)) {
		return false
	}
	if len(q.Types) > 0 && !slices.Contains(q.Types, c.Type) {
		return false
	}
	for _, p := range q.Participants {
		if !slices.Contains(c.Participants, p) && !slices.Contains(c.Via, p) {
			return false
		}
	}
	if !q.Window.overlaps(c.Date) {
		return false
	}
	if q.Place != "" {
		if code, ok := strings.CutPrefix(q.Place, "country:"); ok {
			if c.LocationCountry != code {
				return false
			}
		} else if !slices.Contains(c.Places, q.Place) {
			return false
		}
	}
	return c.SourceCount >= q.MinSources
}

// Matches reports whether the query selects the position (its paging aside), as Positions would.
func (q *PositionQuery) Matches(c *PositionChange) bool {
	if !slices.Contains(modalityParams(q.Modalities), string(c.Modality)) {
		return false
	}
	if q.Holder != "" && c.HolderID != q.Holder && !slices.Contains(c.Via, q.Holder) {
		return false
	}
	if q.Target != "" && c.TargetID != q.Target {
		return false
	}
	if q.Topic != "" && c.Topic != q.Topic || q.Stance != "" && c.Stance != q.Stance {
		return false
	}
	return q.Window.overlaps(c.Date) && c.SourceCount >= q.MinSources
}

// overlaps reports whether the span of d overlaps the window; an unknown date overlaps only an open
// window.
func (w Window) overlaps(d diplograph.Date) bool {
	if w.Open() {
		return true
	}
	if d.IsZero() {
		return false
	}
	if !w.From.IsZero() && d.End().Time().Before(w.From.Start().Time()) {
		return false
	}
	return w.To.IsZero() || !d.Start().Time().After(w.To.End().Time())
}
