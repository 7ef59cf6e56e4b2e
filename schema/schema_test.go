package schema_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/loader"
	"github.com/diplograph/diplograph/schema"
)

// schemaDoc is the schema parsed as plain JSON.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(schema.ExtractionJSON, &doc); err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	return doc
}

// at follows a path of object keys.
func at(t *testing.T, doc map[string]any, path ...string) any {
	t.Helper()
	var v any = doc
	for _, k := range path {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("schema path %v: %q is not in an object", path, k)
		}
		v, ok = m[k]
		if !ok {
			t.Fatalf("schema path %v: no %q", path, k)
		}
	}
	return v
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// TestEnumsMatchVocabularies keeps the schema's enumerations equal, in order, to the Go vocabularies,
// and makes sure no enumeration of the schema escapes the check.
func TestEnumsMatchVocabularies(t *testing.T) {
	doc := schemaDoc(t)
	tests := []struct {
		path []string
		want []string
	}{
		{[]string{"$defs", "entity", "properties", "type", "enum"}, strs(diplograph.EntityTypes)},
		{[]string{"$defs", "role", "properties", "title", "enum"}, strs(diplograph.Titles)},
		{[]string{"$defs", "event", "properties", "type", "enum"}, strs(diplograph.EventTypes)},
		{[]string{"$defs", "participant", "properties", "role", "enum"}, strs(diplograph.ParticipantRoles)},
		{[]string{"$defs", "position", "properties", "stance", "enum"}, strs(diplograph.Stances)},
		{[]string{"$defs", "position", "properties", "stanceKind", "enum"}, strs(diplograph.StanceKinds)},
		{[]string{"$defs", "position", "properties", "topic", "enum"}, strs(diplograph.Topics)},
		{[]string{"$defs", "modality", "enum"}, strs(diplograph.Modalities)},
		{[]string{"$defs", "precision", "enum"}, strs(diplograph.Precisions)},
		{[]string{"$defs", "article", "properties", "language", "enum"}, []string{loader.Arabic, loader.English}},
	}
	checked := map[string]bool{}
	for _, tc := range tests {
		raw := at(t, doc, tc.path...).([]any)
		var got []string
		for _, v := range raw {
			got = append(got, v.(string))
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n schema %q\n     Go %q", strings.Join(tc.path, "."), got, tc.want)
		}
		checked[strings.Join(tc.path, ".")] = true
	}
	var walk func(path []string, v any)
	walk = func(path []string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				p := append(path[:len(path):len(path)], k)
				if k == "enum" && !checked[strings.Join(p, ".")] {
					t.Errorf("enumeration %s is not checked against a Go vocabulary", strings.Join(p, "."))
				}
				walk(p, x)
			}
		case []any:
			for i, x := range v {
				walk(append(path[:len(path):len(path)], fmt.Sprint(i)), x)
			}
		}
	}
	walk(nil, doc)
}

// TestSchemaCoversGoTypes keeps the schema's properties and required lists in step with the JSON
// fields of the Go types: every field is described, and the fields Go always writes are required.
func TestSchemaCoversGoTypes(t *testing.T) {
	doc := schemaDoc(t)
	tests := []struct {
		def string
		typ reflect.Type
	}{
		{"", reflect.TypeOf(diplograph.Extraction{})},
		{"article", reflect.TypeOf(diplograph.ArticleMeta{})},
		{"entity", reflect.TypeOf(diplograph.Entity{})},
		{"role", reflect.TypeOf(diplograph.Role{})},
		{"span", reflect.TypeOf(diplograph.Mention{})},
		{"span", reflect.TypeOf(diplograph.Evidence{})},
		{"event", reflect.TypeOf(diplograph.Event{})},
		{"location", reflect.TypeOf(diplograph.Location{})},
		{"participant", reflect.TypeOf(diplograph.Participant{})},
		{"position", reflect.TypeOf(diplograph.Position{})},
	}
	for _, tc := range tests {
		def := doc
		if tc.def != "" {
			def = at(t, doc, "$defs", tc.def).(map[string]any)
		}
		props := def["properties"].(map[string]any)
		var required []string
		for _, r := range def["required"].([]any) {
			required = append(required, r.(string))
		}
		sort.Strings(required)
		var goRequired, goFields []string
		for i := 0; i < tc.typ.NumField(); i++ {
			tag := tc.typ.Field(i).Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" || name == "" {
				continue
			}
			goFields = append(goFields, name)
			if !strings.Contains(opts, "omitempty") && !strings.Contains(opts, "omitzero") {
				goRequired = append(goRequired, name)
			}
		}
		sort.Strings(goRequired)
		for _, f := range goFields {
			if _, ok := props[f]; !ok {
				t.Errorf("%s: the schema has no property %q (a field of %s)", tc.def, f, tc.typ)
			}
		}
		for p := range props {
			if !contains(goFields, p) {
				t.Errorf("%s: the schema's property %q is not a field of %s", tc.def, p, tc.typ)
			}
		}
		if !reflect.DeepEqual(required, goRequired) {
			t.Errorf("%s: required %q, but %s always writes %q", tc.def, required, tc.typ, goRequired)
		}
	}
	if v := at(t, doc, "additionalProperties"); v != true {
		t.Errorf("the document must allow added fields (additionalProperties true), got %v", v)
	}
	if v := at(t, doc, "$schema"); v != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema %v", v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// corpusInputs are the articles the corpus test extracts: the test articles, the test corpus and
// the project's seed when it is present.
func corpusInputs(t *testing.T) []string {
	inputs := []string{filepath.Join("..", "testdata", "articles")}
	if files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.jsonl")); len(files) > 0 {
		inputs = append(inputs, files...)
	}
	if _, err := os.Stat("/work/shared/seeds/000_c6c856b15e406b10.txt"); err == nil {
		inputs = append(inputs, "/work/shared/seeds/000_c6c856b15e406b10.txt")
	}
	return inputs
}

// TestExtractCorpusValidates extracts every test article and validates every document against the
// schema and CheckExtraction.
func TestExtractCorpusValidates(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(lex)
	n, withEvents, withPositions := 0, 0, 0
	err = loader.Read(context.Background(), corpusInputs(t), loader.ReadOptions{}, func(it loader.Item) error {
		if it.Err != nil {
			t.Errorf("reading: %v", it.Err)
			return nil
		}
		a := it.Article
		n++
		doc := x.Extract(a)
		if doc.Article.Body != a.Body || doc.Article.ID != a.ID || doc.Version != diplograph.ContractVersion {
			t.Errorf("%s: article meta %+v does not describe the article", a.Origin, doc.Article)
		}
		if len(doc.Events) > 0 {
			withEvents++
		}
		if len(doc.Positions) > 0 {
			withPositions++
		}
		b, err := json.Marshal(doc)
		if err != nil {
			t.Errorf("%s: %v", a.Origin, err)
			return nil
		}
		if err := schema.ValidateExtraction(b); err != nil {
			t.Errorf("%s: %v", a.Origin, err)
		}
		if err := schema.CheckExtraction(doc); err != nil {
			t.Errorf("%s: %v", a.Origin, err)
		}
		// The document read back is the same document.
		var back diplograph.Extraction
		if err := json.Unmarshal(b, &back); err != nil {
			t.Errorf("%s: reading the document back: %v", a.Origin, err)
		} else if b2, _ := json.Marshal(back); string(b2) != string(b) {
			t.Errorf("%s: the document does not survive a JSON round trip", a.Origin)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 || withEvents < n/2 || withPositions < n/2 {
		t.Errorf("%d articles, %d with events, %d with positions: the corpus or the extractor looks broken", n, withEvents, withPositions)
	}
	t.Logf("%d articles validated (%d with events, %d with positions)", n, withEvents, withPositions)
}

const validBody = "التقى أسعد الشيباني سيرغي لافروف في موسكو. وأكدت روسيا دعم وحدة سوريا."

// span returns text with its code-point offsets of the first occurrence of text in validBody.
func span(text string) (string, int, int) {
	i := strings.Index(validBody, text)
	if i < 0 {
		panic(text)
	}
	start := utf8.RuneCountInString(validBody[:i])
	return text, start, start + utf8.RuneCountInString(text)
}

func mention(text string) diplograph.Mention {
	t, s, e := span(text)
	return diplograph.Mention{Text: t, Start: s, End: e}
}

func evidence(text string) diplograph.Evidence {
	t, s, e := span(text)
	return diplograph.Evidence{Text: t, Start: s, End: e}
}

// validDoc is a small valid document.
func validDoc() *diplograph.Extraction {
	body := validBody
	return &diplograph.Extraction{
		Version: 1,
		Article: diplograph.ArticleMeta{ID: loader.ArticleID(body), Title: "t", Published: diplograph.Date{Year: 2025, Month: 12, Day: 24}, Language: "ar", Body: body},
		Entities: []diplograph.Entity{
			{ID: "country:SY", Type: diplograph.EntityCountry, Code: "SY", Name: "Syria", NameAr: "سوريا",
				Mentions: []diplograph.Mention{mention("سوريا")}},
			{ID: "country:RU", Type: diplograph.EntityCountry, Code: "RU", Name: "Russia", Mentions: []diplograph.Mention{mention("روسيا")}},
			{ID: "person:asaad-al-shaibani", Type: diplograph.EntityPerson, Name: "Asaad al-Shaibani", Aliases: []string{"الشيباني"},
				Wikidata: "Q123", Roles: []diplograph.Role{{Title: diplograph.TitleForeignMinister, Country: "SY", From: diplograph.Date{Year: 2024}}},
				Mentions: []diplograph.Mention{mention("أسعد الشيباني")}},
			{ID: "person:سيرغي-لافروف", Type: diplograph.EntityPerson, Name: "سيرغي لافروف", Mentions: []diplograph.Mention{mention("سيرغي لافروف")}},
			{ID: "org:UN", Type: diplograph.EntityOrganization, Code: "UN", Name: "United Nations", Mentions: []diplograph.Mention{}},
		},
		Events: []diplograph.Event{{ID: "event:1", Type: diplograph.EventMeeting, Date: diplograph.Date{Year: 2025, Month: 12, Day: 24},
			DatePrecision: diplograph.PrecisionDay, Location: &diplograph.Location{Name: "Moscow", Country: "RU"},
			Participants: []diplograph.Participant{{Entity: "person:asaad-al-shaibani", Role: diplograph.RoleParticipant}, {Entity: "person:سيرغي-لافروف", Role: diplograph.RoleParticipant}},
			Evidence:     []diplograph.Evidence{evidence("التقى أسعد الشيباني سيرغي لافروف في موسكو.")}, Confidence: 0.8}},
		Positions: []diplograph.Position{{ID: "position:1", Holder: "country:RU", Stance: diplograph.StanceSupports, StanceKind: diplograph.KindReaffirms,
			Topic: diplograph.TopicTerritorialIntegrity, Target: "country:SY", Date: diplograph.Date{Year: 2025, Month: 12},
			DatePrecision: diplograph.PrecisionMonth, Evidence: []diplograph.Evidence{evidence("وأكدت روسيا دعم وحدة سوريا.")},
			Confidence: 0.9, Modality: diplograph.ModalityAsserted, Rule: "position.test"}},
	}
}

func TestValidDocument(t *testing.T) {
	d := validDoc()
	b, _ := json.Marshal(d)
	if err := schema.ValidateExtraction(b); err != nil {
		t.Fatal(err)
	}
	if err := schema.CheckExtraction(d); err != nil {
		t.Fatal(err)
	}
	// Added fields are allowed everywhere, as the contract says.
	added := modify(t, d, func(m map[string]any) {
		m["producer"] = "another pipeline"
		m["article"].(map[string]any)["section"] = "politics"
		m["positions"].([]any)[0].(map[string]any)["sentiment"] = 0.2
	})
	if err := schema.ValidateExtraction(added); err != nil {
		t.Errorf("added fields: %v", err)
	}
	// Optional fields may be left out.
	minimal := `{"version":1,"article":{"id":"` + d.Article.ID + `","published":null},"entities":[],"events":[],"positions":[]}`
	if err := schema.ValidateExtraction([]byte(minimal)); err != nil {
		t.Errorf("minimal document: %v", err)
	}
}

// modify marshals d, lets fn change the generic form, and returns the new JSON.
func modify(t *testing.T, d *diplograph.Extraction, fn func(map[string]any)) []byte {
	t.Helper()
	b, _ := json.Marshal(d)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	fn(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func obj(v any, path ...any) map[string]any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	return v.(map[string]any)
}

func TestSchemaRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(m map[string]any)
		path   string // the field the error must name
		msg    string // a substring of its message
	}{
		{"missing article.id", func(m map[string]any) { delete(obj(m, "article"), "id") }, "article.id", "missing"},
		{"missing article", func(m map[string]any) { delete(m, "article") }, "article", "missing"},
		{"missing positions", func(m map[string]any) { delete(m, "positions") }, "positions", "missing"},
		{"bad article id", func(m map[string]any) { obj(m, "article")["id"] = "md5:abc" }, "article.id", "sha256:"},
		{"bad stance", func(m map[string]any) { obj(m, "positions", 0)["stance"] = "MAYBE" }, "positions[0].stance", "SUPPORTS"},
		{"bad stance kind", func(m map[string]any) { obj(m, "positions", 0)["stanceKind"] = "PRAISES" }, "positions[0].stanceKind", "WELCOMES"},
		{"bad topic", func(m map[string]any) { obj(m, "positions", 0)["topic"] = "PEACE" }, "positions[0].topic", "CEASEFIRE"},
		{"bad date", func(m map[string]any) { obj(m, "events", 0)["date"] = "24/12/2025" }, "events[0].date", "ISO date"},
		{"date a number", func(m map[string]any) { obj(m, "positions", 0)["date"] = 2025 }, "positions[0].date", "string"},
		{"bad published", func(m map[string]any) { obj(m, "article")["published"] = "yesterday" }, "article.published", "ISO date"},
		{"missing published", func(m map[string]any) { delete(obj(m, "article"), "published") }, "article.published", "missing"},
		{"precision disagrees with date", func(m map[string]any) { obj(m, "events", 0)["datePrecision"] = "YEAR" }, "events[0].datePrecision", "DAY"},
		{"precision with a null date", func(m map[string]any) { obj(m, "events", 0)["date"] = nil }, "events[0].datePrecision", "absent"},
		{"bad version", func(m map[string]any) { m["version"] = 2 }, "version", "1"},
		{"bad event type", func(m map[string]any) { obj(m, "events", 0)["type"] = "LUNCH" }, "events[0].type", "MEETING"},
		{"bad participant role", func(m map[string]any) { obj(m, "events", 0, "participants", 0)["role"] = "CHAIR" }, "events[0].participants[0].role", "HOST"},
		{"bad participant id", func(m map[string]any) { obj(m, "events", 0, "participants", 0)["entity"] = "Lavrov" }, "events[0].participants[0].entity", "entity id"},
		{"missing confidence", func(m map[string]any) { delete(obj(m, "events", 0), "confidence") }, "events[0].confidence", "missing"},
		{"confidence out of range", func(m map[string]any) { obj(m, "positions", 0)["confidence"] = 1.5 }, "positions[0].confidence", "1"},
		{"bad modality", func(m map[string]any) { obj(m, "positions", 0)["modality"] = "RUMOURED" }, "positions[0].modality", "PLANNED"},
		{"bad target", func(m map[string]any) { obj(m, "positions", 0)["target"] = "Syria" }, "positions[0].target", "entity id"},
		{"bad holder", func(m map[string]any) { obj(m, "positions", 0)["holder"] = "country:Syria" }, "positions[0].holder", "entity id"},
		{"bad entity type", func(m map[string]any) { obj(m, "entities", 0)["type"] = "STATE" }, "entities[0].type", "COUNTRY"},
		{"country without code", func(m map[string]any) { delete(obj(m, "entities", 0), "code") }, "entities[0].code", "missing"},
		{"country with a bad code", func(m map[string]any) { obj(m, "entities", 0)["code"] = "SYR" }, "entities[0].code", "alpha-2"},
		{"country id of a person", func(m map[string]any) { obj(m, "entities", 2)["id"] = "country:SY" }, "entities[2].id", "person id"},
		{"bad title", func(m map[string]any) { obj(m, "entities", 2, "roles", 0)["title"] = "FM" }, "entities[2].roles[0].title", "FOREIGN_MINISTER"},
		{"role without former", func(m map[string]any) { delete(obj(m, "entities", 2, "roles", 0), "former") }, "entities[2].roles[0].former", "missing"},
		{"bad role date", func(m map[string]any) { obj(m, "entities", 2, "roles", 0)["from"] = "2024-1" }, "entities[2].roles[0].from", "ISO date"},
		{"bad wikidata", func(m map[string]any) { obj(m, "entities", 2)["wikidata"] = "123" }, "entities[2].wikidata", "Wikidata"},
		{"negative offset", func(m map[string]any) { obj(m, "entities", 0, "mentions", 0)["start"] = -1 }, "entities[0].mentions[0].start", "0"},
		{"offset not an integer", func(m map[string]any) { obj(m, "entities", 0, "mentions", 0)["end"] = 1.5 }, "entities[0].mentions[0].end", "integer"},
		{"missing mentions", func(m map[string]any) { delete(obj(m, "entities", 4), "mentions") }, "entities[4].mentions", "missing"},
		{"bad language", func(m map[string]any) { obj(m, "article")["language"] = "fr" }, "article.language", "ar"},
		{"entities not an array", func(m map[string]any) { m["entities"] = map[string]any{} }, "entities", "array"},
		{"location without name", func(m map[string]any) { delete(obj(m, "events", 0, "location"), "name") }, "events[0].location.name", "missing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := schema.ValidateExtraction(modify(t, validDoc(), tc.change))
			var se *schema.Error
			if !errors.As(err, &se) {
				t.Fatalf("got %v, want a *schema.Error naming %s", err, tc.path)
			}
			found := false
			for _, f := range se.Fields {
				if f.Path == tc.path && strings.Contains(f.Message, tc.msg) {
					found = true
				}
			}
			if !found || !strings.Contains(err.Error(), tc.path+": ") {
				t.Errorf("errors %q: want %s with a message containing %q", se.Fields, tc.path, tc.msg)
			}
		})
	}
	for _, bad := range []string{"", "not json", `{"version":1`, `[]`, `{"version":1} {}`} {
		err := schema.ValidateExtraction([]byte(bad))
		if err == nil {
			t.Errorf("ValidateExtraction(%q) succeeded", bad)
		}
	}
	if err := schema.ValidateExtraction([]byte(`[]`)); err == nil || !strings.Contains(err.Error(), "(document)") {
		t.Errorf("an array: %v", err)
	}
}

func TestCheckExtraction(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *diplograph.Extraction)
		path   string
	}{
		{"mention text differs", func(d *diplograph.Extraction) { d.Entities[0].Mentions[0].Text = "سورية" }, "entities[0].mentions[0]"},
		{"mention off by one", func(d *diplograph.Extraction) { d.Entities[0].Mentions[0].Start++ }, "entities[0].mentions[0]"},
		{"mention past the end", func(d *diplograph.Extraction) { d.Entities[0].Mentions[0].End = 1000 }, "entities[0].mentions[0]"},
		{"end before start", func(d *diplograph.Extraction) { d.Entities[1].Mentions[0].End = 1 }, "entities[1].mentions[0]"},
		{"evidence in bytes", func(d *diplograph.Extraction) { d.Events[0].Evidence[0].End = len(d.Events[0].Evidence[0].Text) }, "events[0].evidence[0]"},
		{"unknown participant", func(d *diplograph.Extraction) { d.Events[0].Participants[1].Entity = "person:nobody" }, "events[0].participants[1].entity"},
		{"unknown holder", func(d *diplograph.Extraction) { d.Positions[0].Holder = "country:FR" }, "positions[0].holder"},
		{"unknown target", func(d *diplograph.Extraction) { d.Positions[0].Target = "org:EU" }, "positions[0].target"},
		{"duplicate entity", func(d *diplograph.Extraction) { d.Entities[1].ID = "country:SY" }, "entities[1].id"},
		{"duplicate position id", func(d *diplograph.Extraction) { d.Positions[0].ID = d.Events[0].ID }, "positions[0].id"},
	}
	for _, tc := range tests {
		d := validDoc()
		tc.change(d)
		err := schema.CheckExtraction(d)
		if err == nil || !strings.Contains(err.Error(), tc.path+": ") {
			t.Errorf("%s: %v, want an error naming %s", tc.name, err, tc.path)
		}
	}
	// Without a body, only the references are checked.
	d := validDoc()
	d.Article.Body = ""
	d.Entities[0].Mentions[0].Text = "anything"
	if err := schema.CheckExtraction(d); err != nil {
		t.Errorf("without a body: %v", err)
	}
	d.Positions[0].Target = ""
	if err := schema.CheckExtraction(d); err != nil {
		t.Errorf("a null target: %v", err)
	}
}
