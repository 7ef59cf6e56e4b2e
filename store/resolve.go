package store

import (
	"fmt"
	"sort"

	"github.com/diplograph/diplograph"
)

// MergeWindowDays is how far apart two reports of the same event may date it: a day either way covers
// a report dated by its publication and time zones.
const MergeWindowDays = 1

// candidate is a stored (or just created) event that a new report may be about.
type candidate struct {
	id         string
	key        string
	typ        diplograph.EventType
	date       diplograph.Date
	locCountry string
}

// overlaps reports whether two dates, each standing for its span (a day, a month), lie within the
// merge window of each other.
func overlaps(a, b diplograph.Date) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	return !a.Start().AddDays(-MergeWindowDays).Time().After(b.End().Time()) &&
		!b.Start().AddDays(-MergeWindowDays).Time().After(a.End().Time())
}

// resolveEvents decides, for every event of the batch, which Event node it is. An event merges with a
// stored event or an earlier one of the batch when they are of the same family (a meeting, a visit and
// a call are one consultation), take place between the same states, are asserted (not planned or
// denied), have dates within MergeWindowDays of each other, and do not name places in different
// states. The first matching candidate by date distance, then id, wins, so the result depends only on
// what is stored and the order of the input. It returns the final id of each event by document and
// event index, and the candidates it merged into (for their type and date).
func (b *batch) resolveEvents(docs []*diplograph.Extraction) (map[[2]int]*candidate, error) {
	// The keys of the batch, each with the span of days its events may match.
	type span struct{ from, to diplograph.Date }
	keys := map[string]span{}
	for _, x := range docs {
		for i := range x.Events {
			ev := &x.Events[i]
			k := eventKey(x, ev)
			if k == "" {
				continue
			}
			sp, ok := keys[k]
			if !ok || ev.Date.Start().Before(sp.from) {
				sp.from = ev.Date.Start()
			}
			if !ok || sp.to.Before(ev.Date.End()) {
				sp.to = ev.Date.End()
			}
			keys[k] = sp
		}
	}
	cands := map[string][]*candidate{}
	if len(keys) > 0 {
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		spans := make([]map[string]any, len(sorted))
		for i, k := range sorted {
			sp := keys[k]
			spans[i] = map[string]any{"k": k, "from": sp.from.AddDays(-MergeWindowDays).String(), "to": sp.to.AddDays(MergeWindowDays).String()}
		}
		// Lock the keys in a fixed order (a write on each EventKey node), so that two loaders writing
		// reports of the same event at once see each other's result instead of both creating it.
		if _, err := b.exec("lock event keys", `
UNWIND $keys AS k
MERGE (l:EventKey {key: k})
SET l.lock = NOT coalesce(l.lock, false)`, map[string]any{"keys": sorted}); err != nil {
			return nil, err
		}
		// Only the stored events of the same key whose days may overlap: a popular pair of states has
		// many events over the years.
		recs, err := b.s.run(b.ctx, b.tx, `
UNWIND $spans AS s
MATCH (e:Event {matchKey: s.k})
WHERE e.dateEnd >= date(s.from) AND e.dateStart <= date(s.to)
RETURN s.k AS k, e.id AS id, e.type AS type, e.date AS date, e.locationCountry AS loc
ORDER BY e.id`, map[string]any{"spans": spans})
		if err != nil {
			return nil, fmt.Errorf("read candidate events: %w", err)
		}
		for _, rec := range recs {
			m := rec.AsMap()
			d, _ := diplograph.ParseDate(str(m["date"]))
			k := str(m["k"])
			cands[k] = append(cands[k], &candidate{id: str(m["id"]), key: k, typ: diplograph.EventType(str(m["type"])), date: d, locCountry: str(m["loc"])})
		}
	}
	out := map[[2]int]*candidate{}
	for di, x := range docs {
		for ei := range x.Events {
			ev := &x.Events[ei]
			local := hashID("event:", x.Article.ID, ev.ID, fmt.Sprint(ei))
			key := eventKey(x, ev)
			loc := ""
			if ev.Location != nil {
				loc = ev.Location.Country
			}
			if key == "" {
				out[[2]int{di, ei}] = &candidate{id: local, typ: ev.Type, date: ev.Date, locCountry: loc}
				continue
			}
			var best *candidate
			bestDist := 0
			for _, c := range cands[key] {
				if !overlaps(c.date, ev.Date) || c.locCountry != "" && loc != "" && c.locCountry != loc {
					continue
				}
				d := dayDistance(c.date, ev.Date)
				if best == nil || d < bestDist || d == bestDist && c.id < best.id {
					best, bestDist = c, d
				}
			}
			if best == nil {
				best = &candidate{id: local, key: key, typ: ev.Type, date: ev.Date, locCountry: loc}
				cands[key] = append(cands[key], best)
			} else {
				// The merged event keeps the most telling type and the most precise date.
				if typeRank(ev.Type) > typeRank(best.typ) {
					best.typ = ev.Type
				}
				if finer(ev.Date, best.date) {
					best.date = ev.Date
				}
				if best.locCountry == "" {
					best.locCountry = loc
				}
			}
			out[[2]int{di, ei}] = best
		}
	}
	return out, nil
}

func typeRank(t diplograph.EventType) int {
	switch t {
	case diplograph.EventPhoneCall:
		return 3
	case diplograph.EventVisit:
		return 2
	case diplograph.EventMeeting:
		return 1
	}
	return 0
}

// finer reports whether a is a more precise date than b.
func finer(a, b diplograph.Date) bool {
	rank := map[diplograph.Precision]int{diplograph.PrecisionDay: 3, diplograph.PrecisionMonth: 2, diplograph.PrecisionYear: 1}
	return rank[a.Precision()] > rank[b.Precision()]
}

// dayDistance is the number of days between the starts of two dates.
func dayDistance(a, b diplograph.Date) int {
	d := int(a.Start().Time().Sub(b.Start().Time()).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
