package extract_test

import (
	"context"
	"os"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
)

// seedPath is the article the project was created from, outside the repository.
const seedPath = "../../shared/seeds/000_c6c856b15e406b10.txt"

// TestSeedFacts checks, one by one, the facts of the seed article that the project was built for.
func TestSeedFacts(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skipf("the seed article is not here (%s): it lives beside the repository, in ../shared/seeds", seedPath)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	var x *diplograph.Extraction
	err = loader.ReadFile(context.Background(), seedPath, loader.ReadOptions{}, func(it loader.Item) error {
		if it.Err != nil {
			return it.Err
		}
		x = extract.New(lex).Extract(it.Article)
		return nil
	})
	if err != nil || x == nil {
		t.Fatalf("read the seed: %v", err)
	}
	if got := x.Article.Published.String(); got != "2025-12-24" {
		t.Errorf("published = %q, want 2025-12-24 (from the aggregator's note)", got)
	}
	if x.Article.Source != "syriahomenews" {
		t.Errorf("source = %q, want syriahomenews", x.Article.Source)
	}
	countryOf := func(id string) string {
		if e := x.Entity(id); e != nil {
			return e.CountryOf()
		}
		return ""
	}
	persons := map[string]struct {
		title  diplograph.Title
		state  string
		former bool
	}{
		"person:asaad-al-shaibani": {diplograph.TitleForeignMinister, "SY", false},
		"person:sergei-lavrov":     {diplograph.TitleForeignMinister, "RU", false},
		"person:vladimir-putin":    {diplograph.TitlePresident, "RU", false},
		"person:murhaf-abu-qasra":  {diplograph.TitleDefenseMinister, "SY", false},
		"person:bashar-al-assad":   {diplograph.TitlePresident, "SY", true},
	}
	for id, want := range persons {
		e := x.Entity(id)
		if e == nil {
			t.Errorf("%s not found", id)
			continue
		}
		if len(e.Roles) == 0 || e.Roles[0].Title != want.title || e.Roles[0].Country != want.state || e.Roles[0].Former != want.former {
			t.Errorf("%s roles = %+v, want first %s of %s (former %v)", id, e.Roles, want.title, want.state, want.former)
		}
	}
	for _, code := range []string{"SY", "RU", "IL"} {
		if x.Entity("country:"+code) == nil {
			t.Errorf("country %s not found", code)
		}
	}
	// The consultation in Moscow on the day of publication, between Russia and Syria.
	consult := false
	for _, ev := range x.Events {
		states := map[string]bool{}
		for _, p := range ev.Participants {
			states[countryOf(p.Entity)] = true
		}
		if ev.Type.Group() == "CONSULT" && states["RU"] && states["SY"] && ev.Date.String() == "2025-12-24" &&
			(ev.Modality == "" || ev.Modality == diplograph.ModalityAsserted) {
			consult = true
		}
		// "في وقت سابق": Putin's meeting has no known day, and must not get the publication date.
		for _, p := range ev.Participants {
			if p.Entity == "person:vladimir-putin" && !ev.Date.IsZero() {
				t.Errorf("Putin's meeting, told as 'earlier', is dated %s; want no date", ev.Date)
			}
		}
	}
	if !consult {
		t.Error("no asserted consultation between Russia and Syria dated 2025-12-24")
	}
	// The positions of the seed, by state.
	type key struct {
		holder, topic, target string
		stance                diplograph.Stance
	}
	got := map[key]bool{}
	for _, p := range x.Positions {
		got[key{countryOf(p.Holder), string(p.Topic), countryOf(string(p.Target)), p.Stance}] = true
	}
	want := []struct {
		k    key
		note string
	}{
		{key{"RU", "TERRITORIAL_INTEGRITY", "SY", diplograph.StanceSupports}, "دعم وحدة سوريا"},
		{key{"RU", "SOVEREIGNTY", "SY", diplograph.StanceSupports}, "سيادتها الكاملة"},
		{key{"RU", "PARTITION", "SY", diplograph.StanceOpposes}, "رفضه القاطع لأي مشاريع تهدف إلى تقسيم البلاد"},
		{key{"RU", "MILITARY_ACTION", "IL", diplograph.StanceOpposes}, "الرافض للانتهاكات الإسرائيلية المتكررة للأراضي السورية"},
		{key{"SY", "BILATERAL_RELATIONS", "RU", diplograph.StanceSupports}, "العلاقات مع روسيا تشهد دخول مرحلة جديدة"},
	}
	for _, w := range want {
		if !got[w.k] {
			t.Errorf("missing position %+v («%s»); got %v", w.k, w.note, got)
		}
	}
	// Every quote slices the body.
	body := []rune(x.Article.Body)
	for _, p := range x.Positions {
		for _, ev := range p.Evidence {
			if ev.Start < 0 || ev.End > len(body) || string(body[ev.Start:ev.End]) != ev.Text {
				t.Errorf("position evidence [%d,%d) does not slice the body", ev.Start, ev.End)
			}
		}
	}
}
