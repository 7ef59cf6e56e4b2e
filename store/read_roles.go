package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/diplograph/diplograph"
)

// roleProjection projects a HOLDS_ROLE r from person p to holder h, with its evidence: the
// observations on the MENTIONS of p by articles (mentionRows in rows.go), the earliest
// MaxRoleEvidence of them.
const roleProjection = `r {person: p.id, holder: h.id, .title, .office, .from, .to, .firstSeen, .lastSeen, .former,
    evidence: COLLECT {
        MATCH (a:Article)-[m:MENTIONS]->(p) WHERE r.title + '|' + h.id IN m.roles
        WITH a, r.title + '|' + h.id IN coalesce(m.formerRoles, []) AS former
        ORDER BY a.published, a.id LIMIT $maxEvidence
        RETURN {article: a.id, seen: a.published, former: former} }}`

// MaxRoles bounds the roles read for one person or one country.
const MaxRoles = 1000

// MaxRoleEvidence bounds the observations read with a role (the earliest): a minister in the news
// is seen by thousands of articles, and his role's first and last days seen summarize them all.
const MaxRoleEvidence = 100

func roleOf(m map[string]any) Role {
	r := Role{PersonID: getStr(m, "person"), HolderID: getStr(m, "holder"), Title: diplograph.Title(getStr(m, "title")),
		Office: getOptStr(m, "office"), From: getDate(m, "from"), To: getDate(m, "to"),
		FirstSeen: getDate(m, "firstSeen"), LastSeen: getDate(m, "lastSeen"), Former: getBool(m, "former")}
	obs := getMaps(m, "evidence")
	r.Evidence = make([]RoleObservation, 0, len(obs))
	for _, x := range obs {
		o := RoleObservation{ArticleID: getStr(x, "article"), Former: getBool(x, "former")}
		o.Seen, _ = diplograph.ParseDate(getStr(x, "seen"))
		r.Evidence = append(r.Evidence, o)
	}
	sort.SliceStable(r.Evidence, func(i, j int) bool {
		a, b := r.Evidence[i], r.Evidence[j]
		if c := compareDates(a.Seen, b.Seen); c != 0 {
			return c < 0
		}
		return a.ArticleID < b.ArticleID
	})
	return r
}

// sortRoles orders roles most senior title first (diplograph.Titles), then by the start of the term, then
// by person and holder.
func sortRoles(rs []Role) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if ta, tb := titleRank(a.Title), titleRank(b.Title); ta != tb {
			return ta < tb
		}
		if c := compareDates(a.Start(), b.Start()); c != 0 {
			return c < 0
		}
		if a.PersonID != b.PersonID {
			return a.PersonID < b.PersonID
		}
		return a.HolderID < b.HolderID
	})
}

func titleRank(t diplograph.Title) int {
	for i, x := range diplograph.Titles {
		if x == t {
			return i
		}
	}
	return len(diplograph.Titles)
}

// RolesByPerson returns the roles of each person, most senior first.
func (s *Store) RolesByPerson(ctx context.Context, personIDs []string) (map[string][]Role, error) {
	recs, err := s.read(ctx, `
UNWIND $ids AS id
MATCH (p:Person {id: id})-[r:HOLDS_ROLE]->(h:Entity)
RETURN `+roleProjection+` AS role
LIMIT $max`, map[string]any{"ids": personIDs, "max": MaxRoles * len(personIDs), "maxEvidence": MaxRoleEvidence})
	if err != nil {
		return nil, fmt.Errorf("read roles: %w", err)
	}
	out := make(map[string][]Role, len(personIDs))
	for _, id := range personIDs {
		out[id] = []Role{}
	}
	for _, m := range firstMaps(recs) {
		r := roleOf(m)
		out[r.PersonID] = append(out[r.PersonID], r)
	}
	for _, rs := range out {
		sortRoles(rs)
	}
	return out, nil
}

// Officials returns the roles of a country's (or an organization's) officials held at some time in
// start..end, most senior first. A lexicon term is the authority where known; otherwise the days
// articles saw the person in office (Role.HeldDuring).
func (s *Store) Officials(ctx context.Context, holderID string, start, end diplograph.Date) ([]Role, error) {
	recs, err := s.read(ctx, `
MATCH (h:Entity {id: $id})<-[r:HOLDS_ROLE]-(p:Person)
WHERE NOT r.former
RETURN `+roleProjection+` AS role
LIMIT $max`, map[string]any{"id": holderID, "max": MaxRoles, "maxEvidence": MaxRoleEvidence})
	if err != nil {
		return nil, fmt.Errorf("read officials of %s: %w", holderID, err)
	}
	out := []Role{}
	for _, m := range firstMaps(recs) {
		if r := roleOf(m); r.HeldDuring(start, end) {
			out = append(out, r)
		}
	}
	sortRoles(out)
	return out, nil
}
