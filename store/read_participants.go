package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/diplograph/diplograph"
)

// ParticipantsByEvent returns the participants of each event — hosts, guests, signatories, then other
// participants; states before persons and organizations — and the entities they are, so that a caller
// can cache them.
func (s *Store) ParticipantsByEvent(ctx context.Context, eventIDs []string) (map[string][]Participant, map[string]Entity, error) {
	recs, err := s.read(ctx, `
UNWIND $ids AS id
MATCH (:Event {id: id})<-[r:PARTICIPATED_IN]-(n:Entity)
RETURN id, r.role AS role, `+entityProjection+` AS entity`, map[string]any{"ids": eventIDs})
	if err != nil {
		return nil, nil, fmt.Errorf("read participants: %w", err)
	}
	parts := make(map[string][]Participant, len(eventIDs))
	for _, id := range eventIDs {
		parts[id] = []Participant{}
	}
	ents := map[string]Entity{}
	for _, r := range recs {
		m := r.AsMap()
		e := entityOf(getMap(m, "entity"))
		ents[e.ID] = e
		id := getStr(m, "id")
		parts[id] = append(parts[id], Participant{EntityID: e.ID, Role: getStr(m, "role")})
	}
	for _, ps := range parts {
		sort.Slice(ps, func(i, j int) bool {
			a, b := ps[i], ps[j]
			if ra, rb := roleRank(a.Role), roleRank(b.Role); ra != rb {
				return ra < rb
			}
			if ta, tb := entityTypeRank(ents[a.EntityID].Type), entityTypeRank(ents[b.EntityID].Type); ta != tb {
				return ta < tb
			}
			return a.EntityID < b.EntityID
		})
	}
	return parts, ents, nil
}

func roleRank(r string) int {
	for i, x := range diplograph.ParticipantRoles {
		if string(x) == r {
			return i
		}
	}
	return len(diplograph.ParticipantRoles)
}

func entityTypeRank(t diplograph.EntityType) int {
	for i, x := range diplograph.EntityTypes {
		if x == t {
			return i
		}
	}
	return len(diplograph.EntityTypes)
}

// PlacesByEvent returns the place of each event that has one (the one most articles name).
func (s *Store) PlacesByEvent(ctx context.Context, eventIDs []string) (map[string]Place, error) {
	recs, err := s.read(ctx, `
UNWIND $ids AS id
MATCH (:Event {id: id})-[h:HELD_IN]->(pl:Place)
WITH id, pl ORDER BY size(h.articles) DESC, pl.id
WITH id, head(collect(pl {.id, .name, .nameAr, .country})) AS place
RETURN id, place`, map[string]any{"ids": eventIDs})
	if err != nil {
		return nil, fmt.Errorf("read places: %w", err)
	}
	out := make(map[string]Place, len(recs))
	for _, r := range recs {
		m := r.AsMap()
		p := getMap(m, "place")
		out[getStr(m, "id")] = Place{ID: getStr(p, "id"), Name: getOptStr(p, "name"), NameAr: getOptStr(p, "nameAr"),
			CountryCode: getStr(p, "country")}
	}
	return out, nil
}
