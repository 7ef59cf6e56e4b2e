package store_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/internal/neo4jtest"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/store"
)

var update = flag.Bool("update", false, "regenerate the Extraction fixtures of testdata/store from the articles")

// fixture returns the Extraction of testdata/store/NAME.json, read from NAME.extraction.json, which
// -update regenerates with the extractor. The store tests depend on the fixture, not on how the
// extractor reads the article today.
func fixture(t *testing.T, name string) *diplograph.Extraction {
	t.Helper()
	dir := filepath.Join("..", "testdata", "store")
	golden := filepath.Join(dir, name+".extraction.json")
	if *update {
		lex, err := lexicon.Default()
		if err != nil {
			t.Fatal(err)
		}
		var doc *diplograph.Extraction
		err = loader.ReadFile(context.Background(), filepath.Join(dir, name+".json"), loader.ReadOptions{}, func(it loader.Item) error {
			if it.Err != nil {
				return it.Err
			}
			doc = extract.New(lex).Extract(it.Article)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.MarshalIndent(doc, "", "  ")
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./store -update to create it)", err)
	}
	var doc diplograph.Extraction
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", golden, err)
	}
	return &doc
}

func write(t *testing.T, s *store.Store, docs ...*diplograph.Extraction) store.WriteStats {
	t.Helper()
	st, err := s.Write(context.Background(), docs)
	if err != nil {
		t.Fatalf("write: %v", err)
	}
	return st
}

func dump(t *testing.T, s *store.Store) string {
	t.Helper()
	d, err := s.Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// count runs a counting query and returns its single number.
func count(t *testing.T, s *store.Store, cypher string, params map[string]any) int64 {
	t.Helper()
	n, err := s.Count(context.Background(), cypher, params)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return n
}

func TestWriteReadsBack(t *testing.T) {
	s := neo4jtest.Open(t)
	a := fixture(t, "a-moscow-ar")
	st := write(t, s, a)
	if st.New != 1 || st.Unchanged != 0 || st.NodesCreated == 0 {
		t.Fatalf("stats = %+v, want one new article and nodes created", st)
	}
	checks := []struct {
		name   string
		cypher string
		want   int64
	}{
		{"article with body", "MATCH (a:Article {id: $id}) WHERE a.body CONTAINS 'لافروف' AND a.publishedDate = date('2026-03-10') RETURN count(a)", 1},
		{"both ministers", "MATCH (p:Person:Entity) WHERE p.id IN ['person:sergei-lavrov', 'person:asaad-al-shaibani'] RETURN count(p)", 2},
		{"countries", "MATCH (c:Country) WHERE c.id IN ['country:RU', 'country:SY', 'country:IL'] RETURN count(c)", 3},
		{"role with its observation", "MATCH (:Person {id: 'person:sergei-lavrov'})-[r:HOLDS_ROLE {title: 'FOREIGN_MINISTER'}]->(:Country {id: 'country:RU'}) WHERE r.firstSeen = '2026-03-10' AND EXISTS { MATCH (:Article {id: $id})-[m:MENTIONS]->(:Person {id: 'person:sergei-lavrov'}) WHERE 'FOREIGN_MINISTER|country:RU' IN m.roles } RETURN count(r)", 1},
		{"the meeting with both ministers", "MATCH (:Person {id: 'person:sergei-lavrov'})-[:PARTICIPATED_IN]->(e:Event {group: 'CONSULT'})<-[:PARTICIPATED_IN]-(:Person {id: 'person:asaad-al-shaibani'}) WHERE e.dateStart = date('2026-03-10') RETURN count(e)", 1},
		{"the meeting's place", "MATCH (:Event)-[:HELD_IN]->(:Place)-[:IN_COUNTRY]->(:Country {id: 'country:RU'}) RETURN count(*)", 1},
		{"every fact has a source with its quote", "MATCH (f) WHERE f:Event OR f:Position OPTIONAL MATCH (f)-[r:REPORTED_IN]->(:Article {id: $id}) WITH f, r WHERE r IS NULL OR r.quote IS NULL OR r.end <= r.start RETURN count(f)", 0},
		{"quotes are in the body", "MATCH (f)-[r:REPORTED_IN]->(a:Article) WHERE NOT a.body CONTAINS r.quote RETURN count(r)", 0},
		{"Russia supports Syria's unity", "MATCH (p:Position {stance: 'SUPPORTS', topic: 'TERRITORIAL_INTEGRITY'})-[:HELD_BY]->(:Person {id: 'person:sergei-lavrov'}), (p)-[:ABOUT]->(:Country {id: 'country:SY'}) RETURN count(p)", 1},
		{"Syria condemns Israeli strikes", "MATCH (p:Position {stance: 'OPPOSES', topic: 'MILITARY_ACTION'})-[:ABOUT]->(:Country {id: 'country:IL'}) RETURN count(p)", 1},
		{"mentions", "MATCH (:Article {id: $id})-[m:MENTIONS]->(:Entity {id: 'country:SY'}) WHERE m.count >= 2 RETURN count(m)", 1},
		{"searchable names", "MATCH (p:Person {id: 'person:asaad-al-shaibani'}) WHERE p.searchText CONTAINS 'شيباني' AND p.searchText CONTAINS 'shaibani' RETURN count(p)", 1},
	}
	for _, c := range checks {
		if got := count(t, s, c.cypher, map[string]any{"id": a.Article.ID}); got != c.want {
			t.Errorf("%s: got %d, want %d\n%s", c.name, got, c.want, c.cypher)
		}
	}
}

func TestWriteIsIdempotent(t *testing.T) {
	s := neo4jtest.Open(t)
	a, b := fixture(t, "a-moscow-ar"), fixture(t, "b-moscow-en")
	write(t, s, a, b)
	before := dump(t, s)
	st := write(t, s, a, b)
	if st.Unchanged != 2 || st.New != 0 || st.NodesCreated != 0 || st.RelationshipsCreated != 0 {
		t.Errorf("second write: stats = %+v, want two unchanged and nothing created", st)
	}
	if after := dump(t, s); after != before {
		t.Errorf("the graph changed on the second write:\n%s", diffLines(before, after))
	}
	// Written one at a time, in the same order, the graph is the same.
	s.Wipe(context.Background())
	write(t, s, a)
	write(t, s, b)
	if got := dump(t, s); got != before {
		t.Errorf("one batch and two batches differ:\n%s", diffLines(before, got))
	}
}

func TestReportsOfOneEventMerge(t *testing.T) {
	s := neo4jtest.Open(t)
	a, b, c := fixture(t, "a-moscow-ar"), fixture(t, "b-moscow-en"), fixture(t, "c-amman-ar")
	write(t, s, a, b, c)
	// The Arabic and the English report of the Moscow meeting are one event with two sources.
	if n := count(t, s, `MATCH (e:Event {group: 'CONSULT'})-[:HELD_IN]->(:Place)-[:IN_COUNTRY]->(:Country {id: 'country:RU'})
		MATCH (e)-[:REPORTED_IN]->(a:Article) RETURN count(DISTINCT a)`, nil); n != 2 {
		t.Errorf("sources of the Moscow meeting: got %d articles, want 2", n)
	}
	if n := count(t, s, "MATCH (e:Event {group: 'CONSULT'}) WHERE e.dateStart = date('2026-03-10') RETURN count(e)", nil); n != 1 {
		t.Errorf("consultations on 2026-03-10: got %d, want 1", n)
	}
	// The Amman meeting a week later with other states is another event.
	if n := count(t, s, "MATCH (e:Event {group: 'CONSULT'}) RETURN count(e)", nil); n != 2 {
		t.Errorf("consultations: got %d, want 2 (Moscow and Amman)", n)
	}
	// The same minister from the Arabic and the English article is one node, in every article.
	if n := count(t, s, "MATCH (a:Article)-[:MENTIONS]->(:Person {id: 'person:asaad-al-shaibani'}) RETURN count(a)", nil); n != 3 {
		t.Errorf("articles naming al-Shaibani: got %d, want 3", n)
	}
	if n := count(t, s, "MATCH (p:Person) RETURN count(p)", nil); n != 3 {
		t.Errorf("persons: got %d, want 3 (Lavrov, al-Shaibani, Safadi)", n)
	}
	// A position stated in both articles keeps both sources.
	if n := count(t, s, `MATCH (p:Position {topic: 'TERRITORIAL_INTEGRITY'})-[:HELD_BY]->(:Person {id: 'person:sergei-lavrov'})
		MATCH (p)-[:REPORTED_IN]->(a:Article) RETURN count(DISTINCT a)`, nil); n != 2 {
		t.Errorf("sources of Lavrov's position on Syria's unity: got %d, want 2", n)
	}
	// Role observations accumulate: one per article, on its mention of the person, summarized on
	// the role and read back as its evidence.
	if n := count(t, s, "MATCH (:Person {id: 'person:asaad-al-shaibani'})-[r:HOLDS_ROLE {title: 'FOREIGN_MINISTER'}]->() WHERE r.firstSeen = '2026-03-10' AND r.lastSeen = '2026-03-17' AND NOT r.former RETURN count(r)", nil); n != 1 {
		t.Errorf("al-Shaibani's role summary: got %d roles seen from 03-10 to 03-17, want 1", n)
	}
	roles, err := s.RolesByPerson(context.Background(), []string{"person:asaad-al-shaibani"})
	if err != nil {
		t.Fatal(err)
	}
	var minister *store.Role
	for i, r := range roles["person:asaad-al-shaibani"] {
		if r.Title == diplograph.TitleForeignMinister {
			minister = &roles["person:asaad-al-shaibani"][i]
		}
	}
	if minister == nil {
		t.Fatalf("al-Shaibani's roles %+v: no FOREIGN_MINISTER", roles)
	}
	if len(minister.Evidence) != 3 {
		t.Fatalf("al-Shaibani's role evidence: %+v, want 3 observations", minister.Evidence)
	}
	for i, o := range minister.Evidence {
		if o.ArticleID == "" || o.Seen.IsZero() || o.Former || i > 0 && minister.Evidence[i-1].Seen.String() > o.Seen.String() {
			t.Errorf("evidence[%d] = %+v: want an article, its day, not former, oldest first", i, o)
		}
	}
}

func TestChangedArticleReplacesItsFacts(t *testing.T) {
	s := neo4jtest.Open(t)
	a, a2, b := fixture(t, "a-moscow-ar"), fixture(t, "a-moscow-ar-corrected"), fixture(t, "b-moscow-en")
	if a.Article.URL != a2.Article.URL || a.Article.ID == a2.Article.ID {
		t.Fatal("fixtures: the corrected article must have the same URL and another content")
	}
	write(t, s, b, a)
	st := write(t, s, a2)
	if st.Replaced != 1 || st.New != 1 {
		t.Fatalf("stats = %+v, want one replaced and one new", st)
	}
	got := dump(t, s)
	// The same as loading the other article and the corrected one only.
	s.Wipe(context.Background())
	write(t, s, b, a2)
	want := dump(t, s)
	if got != want {
		t.Errorf("after the replacement the graph differs from a fresh load:\n%s", diffLines(want, got))
	}
	if strings.Contains(got, "MILITARY_ACTION") {
		t.Error("the retracted article's position on Israeli strikes is still in the graph")
	}
}

func TestWriteRejectsBrokenDocuments(t *testing.T) {
	s := neo4jtest.Open(t)
	a := fixture(t, "a-moscow-ar")
	broken := *a
	broken.Events = append([]diplograph.Event{}, a.Events...)
	broken.Events[0].Participants = []diplograph.Participant{{Entity: "person:nobody", Role: diplograph.RoleHost}}
	_, err := s.Write(context.Background(), []*diplograph.Extraction{&broken})
	if diplograph.ErrorCode(err) != diplograph.EINVALID || !strings.Contains(err.Error(), "participants[0].entity") {
		t.Fatalf("err = %v, want EINVALID naming the participant", err)
	}
	if n := count(t, s, "MATCH (n) WHERE NOT n:Migration AND NOT n:"+store.TestDatabaseLabel+" RETURN count(n)", nil); n != 0 {
		t.Errorf("%d nodes written from a rejected batch, want 0", n)
	}
}

func TestMigrateTwice(t *testing.T) {
	s := neo4jtest.Open(t)
	added, err := s.Migrate(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 0 {
		t.Errorf("second migration added versions %v, want none", added)
	}
	if n := count(t, s, "MATCH (m:Migration) RETURN count(m)", nil); n != int64(len(store.Migrations)) {
		t.Errorf("recorded migrations: got %d, want %d", n, len(store.Migrations))
	}
}

// diffLines shows the lines only one of two dumps has.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	var out []string
	for _, l := range strings.Split(a, "\n") {
		if !mb[l] {
			out = append(out, "- "+l)
		}
	}
	for _, l := range strings.Split(b, "\n") {
		if !ma[l] {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestVersionChangesWithArticles checks the fingerprint servers poll to empty their response caches:
// it changes when an article is stored, replaced or wiped, and not when a write changes nothing.
func TestVersionChangesWithArticles(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	version := func() string {
		t.Helper()
		v, err := s.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	a, a2, b := fixture(t, "a-moscow-ar"), fixture(t, "a-moscow-ar-corrected"), fixture(t, "b-moscow-en")
	empty := version()
	write(t, s, a)
	one := version()
	if one == empty {
		t.Fatalf("version %q unchanged after the first article", one)
	}
	write(t, s, a)
	if v := version(); v != one {
		t.Errorf("writing the same article again changed the version: %q, was %q", v, one)
	}
	write(t, s, a2) // replaces a: same number of articles
	replaced := version()
	if replaced == one {
		t.Errorf("version %q unchanged after an article was replaced", replaced)
	}
	write(t, s, b)
	if v := version(); v == replaced {
		t.Errorf("version %q unchanged after a second article", v)
	}
	if err := s.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	if v := version(); v != empty {
		t.Errorf("after a wipe the version is %q, want the empty graph's %q", v, empty)
	}
}

// A graph written before migration 7 has Topic nodes linked from every position; the migration
// removes them and leaves the positions (whose topic is their property) as they were.
func TestMigrateRemovesTopicNodes(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	write(t, s, fixture(t, "a-moscow-ar"))
	positions := count(t, s, "MATCH (p:Position) RETURN count(p)", nil)
	if positions == 0 {
		t.Fatal("the fixture gave no positions")
	}
	if _, err := neo4j.ExecuteQuery(ctx, s.Driver(), `
MATCH (p:Position)
MERGE (x:Topic {id: 'topic:' + p.topic}) ON CREATE SET x.name = p.topic
CREATE (p)-[:ON_TOPIC]->(x)`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.Database())); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, "MATCH (x:Topic) RETURN count(x)", nil); n != 0 {
		t.Errorf("%d Topic nodes after migration, want 0", n)
	}
	if n := count(t, s, "MATCH ()-[r:ON_TOPIC]->() RETURN count(r)", nil); n != 0 {
		t.Errorf("%d ON_TOPIC relationships after migration, want 0", n)
	}
	if n := count(t, s, "MATCH (p:Position) WHERE p.topic IS NOT NULL RETURN count(p)", nil); n != positions {
		t.Errorf("%d positions with a topic after migration, want %d", n, positions)
	}
}

// A graph written before migration 8 keeps role observations in lists on HOLDS_ROLE; the migration
// moves them to the articles' MENTIONS and gives the graph the current version writes.
func TestMigrateMovesRoleObservationsToMentions(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx := context.Background()
	write(t, s, fixture(t, "a-moscow-ar"), fixture(t, "b-moscow-en"), fixture(t, "c-amman-ar"))
	want := dump(t, s)
	if !strings.Contains(want, "FOREIGN_MINISTER|country:SY") {
		t.Fatal("the fixtures gave no role observation on a mention")
	}
	// The old shape: parallel lists on the role, nothing on the mentions.
	if _, err := neo4j.ExecuteQuery(ctx, s.Driver(), `
MATCH (p:Person)-[x:HOLDS_ROLE]->(h)
WITH p, x, h, x.title + '|' + h.id AS key
MATCH (a:Article)-[m:MENTIONS]->(p) WHERE key IN m.roles
WITH x, key, a, m ORDER BY a.id
WITH x, collect(a.id) AS articles, collect(a.published) AS seen, collect(key IN coalesce(m.formerRoles, [])) AS former
SET x.articles = articles, x.seen = seen, x.formerFlags = former
WITH count(*) AS n
MATCH ()-[m:MENTIONS]->(:Person)
REMOVE m.roles, m.formerRoles`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.Database())); err != nil {
		t.Fatal(err)
	}
	if old := dump(t, s); old == want || !strings.Contains(old, "formerFlags") {
		t.Fatal("the graph was not put in the old shape")
	}
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, s); got != want {
		t.Errorf("after migration 8 the graph differs from one the current version writes:\n%s", diffLines(want, got))
	}
}
