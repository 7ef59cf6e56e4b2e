package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/internal/neo4jtest"
	"github.com/diplograph/diplograph/store"
)

func date(t *testing.T, s string) diplograph.Date {
	t.Helper()
	d, err := diplograph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestReads checks the read side on the three store fixtures: the same Moscow meeting reported in
// Arabic and English (one event, two sources), and a meeting in Amman a week later.
func TestReads(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	write(t, s, fixture(t, "a-moscow-ar"), fixture(t, "b-moscow-en"), fixture(t, "c-amman-ar"))

	t.Run("events", func(t *testing.T) {
		page, err := s.Events(ctx, store.EventQuery{Participants: []string{"country:SY", "country:RU"}, Limit: 10, Count: true})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 1 || len(page.Items) != 1 || page.Items[0].SourceCount != 2 || page.Items[0].Date.String() != "2026-03-10" {
			t.Fatalf("events of Syria (through al-Shaibani) and Russia: %+v", page)
		}
		all, err := s.Events(ctx, store.EventQuery{Participants: []string{"person:asaad-al-shaibani"}, Limit: 1, Count: true})
		if err != nil || all.Total != 2 || len(all.Items) != 1 || !all.HasMore {
			t.Fatalf("al-Shaibani's first event of two: %+v, %v", all, err)
		}
		next, err := s.Events(ctx, store.EventQuery{Participants: []string{"person:asaad-al-shaibani"}, Offset: 1, Limit: 1})
		if err != nil || len(next.Items) != 1 || next.HasMore || next.Total != -1 || next.Items[0].Date.String() != "2026-03-17" {
			t.Fatalf("the second page: %+v, %v", next, err)
		}
		none, err := s.Events(ctx, store.EventQuery{Participants: []string{"country:JO"}, Window: store.Window{To: date(t, "2026-03-16")}, Limit: 10, Count: true})
		if err != nil || none.Total != 0 || len(none.Items) != 0 {
			t.Fatalf("Jordan before its meeting: %+v, %v", none, err)
		}
		id := page.Items[0].ID
		parts, ents, err := s.ParticipantsByEvent(ctx, []string{id})
		if err != nil || len(parts[id]) != 3 || ents["person:sergei-lavrov"].Name != "Sergei Lavrov" {
			t.Fatalf("participants: %+v %v", parts, err)
		}
		srcs, arts, err := s.SourcesByEvent(ctx, []string{id})
		if err != nil || len(srcs[id]) != 2 || len(arts) != 2 || srcs[id][0].Quote == "" {
			t.Fatalf("sources: %+v %v", srcs, err)
		}
	})

	t.Run("positions", func(t *testing.T) {
		page, err := s.Positions(ctx, store.PositionQuery{Holder: "country:RU", Target: "country:SY", Limit: 10, Count: true})
		if err != nil {
			t.Fatal(err)
		}
		// Lavrov's territorial integrity (two sources, one position) and economic cooperation (the English
		// report). "The two sides discussed ways to strengthen relations" is formulaic and not a position.
		if page.Total != 2 {
			t.Fatalf("Russia's positions about Syria: %+v", page)
		}
		about, err := s.Positions(ctx, store.PositionQuery{Target: "country:SY", Topic: diplograph.TopicTerritorialIntegrity, MinSources: 2, Limit: 10, Count: true})
		if err != nil || about.Total != 1 || about.Items[0].HolderID != "person:sergei-lavrov" {
			t.Fatalf("corroborated positions about Syria's territorial integrity: %+v %v", about, err)
		}
	})

	t.Run("search", func(t *testing.T) {
		for _, q := range []string{"لافروف", "Lavrov", "lavr", "سيرغي لافروف"} {
			found, err := s.Search(ctx, q, nil, 5)
			if err != nil || len(found) == 0 || found[0].ID != "person:sergei-lavrov" {
				t.Errorf("search %q: %+v %v", q, found, err)
			}
		}
		found, err := s.Search(ctx, "الشيبانى", []diplograph.EntityType{diplograph.EntityPerson}, 5)
		if err != nil || len(found) != 1 || found[0].ID != "person:asaad-al-shaibani" {
			t.Errorf("search الشيبانى: %+v %v", found, err)
		}
		if found, err := s.Search(ctx, `"(*:`, nil, 5); err != nil || len(found) != 0 {
			t.Errorf("search of Lucene syntax: %+v %v", found, err)
		}
	})

	t.Run("officials", func(t *testing.T) {
		at := date(t, "2026-03-10")
		roles, err := s.Officials(ctx, "country:SY", at, at)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range roles {
			found = found || r.PersonID == "person:asaad-al-shaibani" && r.Title == diplograph.TitleForeignMinister && len(r.Evidence) == 3
		}
		if !found {
			t.Errorf("Syria's foreign minister on %s: %+v", at, roles)
		}
	})

	t.Run("relation", func(t *testing.T) {
		r, err := s.Relation(ctx, "country:RU", "country:SY", store.Window{}, store.IntervalMonth)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Buckets) != 1 || r.Total.Meetings != 1 || r.Total.Supportive != 2 || len(r.Events) != 1 {
			t.Fatalf("relation: %+v %+v", r.Buckets, r.Total)
		}
	})

	t.Run("graph", func(t *testing.T) {
		ents, err := s.EntitiesByID(ctx, []string{"person:ayman-safadi"})
		if err != nil {
			t.Fatal(err)
		}
		g, err := s.Neighborhood(ctx, ents["person:ayman-safadi"], 2, store.Window{}, 50)
		if err != nil || len(g.Nodes) < 3 || len(g.Edges) == 0 {
			t.Fatalf("neighborhood: %+v %v", g, err)
		}
		p, err := s.Path(ctx, "person:ayman-safadi", "person:sergei-lavrov", 4, store.Window{})
		if err != nil || len(p.Nodes) != 5 || p.Nodes[2].ID != "person:asaad-al-shaibani" {
			t.Fatalf("path: %+v %v", p, err)
		}
		if p, err := s.Path(ctx, "person:ayman-safadi", "person:sergei-lavrov", 4, store.Window{To: date(t, "2026-03-12")}); err != nil || len(p.Nodes) != 0 {
			t.Fatalf("path before the Amman meeting: %+v %v", p, err)
		}
	})

	t.Run("changes", func(t *testing.T) {
		latest, err := s.LatestIngest(ctx)
		if err != nil || latest.IsZero() || time.Since(latest) > time.Hour {
			t.Fatalf("latest ingest: %v %v", latest, err)
		}
		evs, err := s.EventsStoredSince(ctx, latest.Add(-time.Hour), nil, 10)
		if err != nil || len(evs) != 2 {
			t.Fatalf("events stored in the last hour: %+v %v", evs, err)
		}
		skip := []string{evs[0].ID}
		rest, err := s.EventsStoredSince(ctx, latest.Add(-time.Hour), skip, 10)
		if err != nil || len(rest) != 1 || rest[0].ID == evs[0].ID {
			t.Fatalf("skipping one: %+v %v", rest, err)
		}
		q := store.EventQuery{Participants: []string{"country:JO"}}
		matched := 0
		for i := range evs {
			if q.Matches(&evs[i]) {
				matched++
			}
		}
		if matched != 1 {
			t.Errorf("%d new events with Jordan, want 1", matched)
		}
	})
}
