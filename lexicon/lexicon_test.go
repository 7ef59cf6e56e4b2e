package lexicon

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

func defaultLexicon(t *testing.T) *Lexicon {
	t.Helper()
	lex, err := Default()
	if err != nil {
		t.Fatalf("Default(): %v", err)
	}
	return lex
}

// describe names what a Name stands for: "COUNTRY SY", "DEMONYM SY", "CAPITAL SY", "SEAT RU",
// "ORG UN", "PERSON person:sergei-lavrov", "PLACE SA Jeddah".
func describe(n *Name) string {
	switch n.Kind {
	case NameCountry:
		return "COUNTRY " + n.Country.Code
	case NameDemonym:
		return "DEMONYM " + n.Country.Code
	case NameCapital:
		return "CAPITAL " + n.Country.Code
	case NameSeat:
		return "SEAT " + n.Country.Code
	case NameOrg:
		return "ORG " + n.Org.Code
	case NamePerson:
		return "PERSON " + n.Person.ID
	case NamePlace:
		return "PLACE " + n.Country.Code + " " + n.Place.Name
	}
	return "?"
}

// lookup returns the text matched at the first word of text and what it stands for.
func lookup(lex *Lexicon, text string) (string, []string) {
	d := normalize.NewDoc(text)
	if len(d.Words) == 0 {
		return "", nil
	}
	m, ok := lex.MatchName(d, 0)
	if !ok {
		return "", nil
	}
	var out []string
	for _, v := range m.Values {
		out = append(out, describe(v))
	}
	return d.Slice(m.Start, m.End), out
}

func TestLoadEmbedded(t *testing.T) {
	lex := defaultLexicon(t)
	if len(lex.Countries) < 195 || len(lex.Orgs) < 20 || len(lex.Persons) < 100 || len(lex.Places) < 50 {
		t.Errorf("embedded lexicon looks small: %d countries, %d organizations, %d officials, %d places",
			len(lex.Countries), len(lex.Orgs), len(lex.Persons), len(lex.Places))
	}
	if lex.Triggers == nil || lex.Triggers.Events.Len() == 0 || lex.Triggers.Speech.Len() == 0 || lex.Triggers.Topics.Len() == 0 {
		t.Errorf("triggers not loaded")
	}
	if again, _ := Default(); again != lex {
		t.Errorf("Default() is not loaded once")
	}
	fresh, err := Load()
	if err != nil || fresh == lex || len(fresh.Countries) != len(lex.Countries) {
		t.Errorf("Load() = %p, %v: want a new lexicon equal in size", fresh, err)
	}
	for code, c := range lex.Countries {
		if !isCode(code) || c.Code != code || c.Name == "" || c.NameAr == "" {
			t.Errorf("country %q: %+v", code, c)
		}
	}
	for id, p := range lex.Persons {
		if !strings.HasPrefix(id, "person:") || p.ID != id || p.Name == "" && p.NameAr == "" || len(p.Terms) == 0 {
			t.Errorf("official %q: %+v", id, p)
		}
		for i := 1; i < len(p.Terms); i++ {
			if p.Terms[i].From.Before(p.Terms[i-1].From) {
				t.Errorf("official %s: terms not in order of start", id)
			}
		}
	}
	sort.Strings(lex.Kingdoms)
	for _, k := range []string{"SA", "JO", "MA", "BH", "GB"} {
		if i := sort.SearchStrings(lex.Kingdoms, k); i == len(lex.Kingdoms) || lex.Kingdoms[i] != k {
			t.Errorf("Kingdoms %v lacks %s", lex.Kingdoms, k)
		}
	}
}

func TestNames(t *testing.T) {
	lex := defaultLexicon(t)
	tests := []struct {
		name, text, match string
		want              string // one of the values
	}{
		{"country arabic", "سوريا", "سوريا", "COUNTRY SY"},
		{"country arabic variant", "سورية", "سورية", "COUNTRY SY"},
		{"country with a proclitic", "وسوريا", "سوريا", "COUNTRY SY"},
		{"country english", "Syria", "Syria", "COUNTRY SY"},
		{"country long name", "Syrian Arab Republic", "Syrian Arab Republic", "COUNTRY SY"},
		{"country possessive", "Syria's", "Syria's", "COUNTRY SY"},
		{"country acronym", "the U.S. said", "", ""}, // the first word is "the"
		{"country acronym at start", "U.S. officials", "U.S.", "COUNTRY US"},
		{"country arabic long", "المملكة العربية السعودية", "المملكة العربية السعودية", "COUNTRY SA"},
		{"country from CLDR", "Liechtenstein", "Liechtenstein", "COUNTRY LI"},
		{"nisba", "السوري", "السوري", "DEMONYM SY"},
		{"nisba feminine", "السورية", "السورية", "DEMONYM SY"},
		{"nisba plural", "السوريين", "السوريين", "DEMONYM SY"},
		{"nisba plural nominative", "السوريون", "السوريون", "DEMONYM SY"},
		{"nisba without article", "سوري", "سوري", "DEMONYM SY"},
		{"nisba with a proclitic", "والسوريين", "السوريين", "DEMONYM SY"},
		{"nisba two words", "الكوري الجنوبي", "الكوري الجنوبي", "DEMONYM KR"},
		{"nisba two words feminine", "الكورية الجنوبية", "الكورية الجنوبية", "DEMONYM KR"},
		{"nisba alternative spelling", "الأميركية", "الأميركية", "DEMONYM US"},
		{"demonym", "Syrian", "Syrian", "DEMONYM SY"},
		{"demonym plural", "Syrians", "Syrians", "DEMONYM SY"},
		{"demonym plural possessive", "Syrians' rights", "Syrians", "DEMONYM SY"},
		{"demonym possessive", "Syrian's", "Syrian's", "DEMONYM SY"},
		{"demonym two words", "South Korean", "South Korean", "DEMONYM KR"},
		{"demonym lowercase is not a name", "syrian", "", ""},
		{"capital english", "Damascus", "Damascus", "CAPITAL SY"},
		{"capital arabic", "دمشق", "دمشق", "CAPITAL SY"},
		{"capital with a proclitic", "بدمشق", "دمشق", "CAPITAL SY"},
		{"capital two words", "أبو ظبي", "أبو ظبي", "CAPITAL AE"},
		{"capital joined", "أبوظبي", "أبوظبي", "CAPITAL AE"},
		{"seat english", "Kremlin", "Kremlin", "SEAT RU"},
		{"seat arabic", "الكرملين", "الكرملين", "SEAT RU"},
		{"seat two words", "البيت الأبيض", "البيت الأبيض", "SEAT US"},
		{"seat english two words", "White House", "White House", "SEAT US"},
		{"organization arabic", "الأمم المتحدة", "الأمم المتحدة", "ORG UN"},
		{"organization arabic with li", "للأمم المتحدة", "أمم المتحدة", "ORG UN"},
		{"organization english", "United Nations", "United Nations", "ORG UN"},
		{"organization acronym", "UN", "UN", "ORG UN"},
		{"organization acronym with periods", "U.N.", "U.N.", "ORG UN"},
		{"organization acronym lowercase", "un", "", ""},
		{"organization longest", "مجلس الأمن الدولي", "مجلس الأمن الدولي", "ORG UNSC"},
		{"place", "Jeddah", "Jeddah", "PLACE SA Jeddah"},
		{"place arabic", "جدة", "جدة", "PLACE SA Jeddah"},
		{"place alternative spelling", "Jiddah", "Jiddah", "PLACE SA Jeddah"},
		{"official arabic", "سيرغي لافروف", "سيرغي لافروف", "PERSON person:sergei-lavrov"},
		{"official english", "Sergei Lavrov", "Sergei Lavrov", "PERSON person:sergei-lavrov"},
		{"official alias", "Sergey Lavrov", "Sergey Lavrov", "PERSON person:sergei-lavrov"},
		{"official surname alias", "لافروف", "لافروف", "PERSON person:sergei-lavrov"},
		{"official with al-", "Asaad al-Shaibani", "Asaad al-Shaibani", "PERSON person:asaad-al-shaibani"},
		{"official arabic with diacritics", "أَسْعَد الشَّيْبَانِي", "أَسْعَد الشَّيْبَانِي", "PERSON person:asaad-al-shaibani"},
		{"unknown", "Zorblax", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			match, vals := lookup(lex, tc.text)
			if tc.match == "" {
				if match != "" {
					t.Errorf("%q: matched %q %v, want nothing", tc.text, match, vals)
				}
				return
			}
			if match != tc.match || !contains(vals, tc.want) {
				t.Errorf("%q: matched %q %v, want %q with %s", tc.text, match, vals, tc.match, tc.want)
			}
		})
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

func TestCountryFields(t *testing.T) {
	lex := defaultLexicon(t)
	sy := lex.Countries["SY"]
	if sy.Name != "Syria" || sy.NameAr != "سوريا" || sy.CapitalEn != "Damascus" || sy.CapitalAr != "دمشق" {
		t.Errorf("SY: %+v", sy)
	}
	for _, alias := range []string{"Syrian Arab Republic", "سورية", "الجمهورية العربية السورية"} {
		if !contains(sy.Aliases, alias) {
			t.Errorf("SY aliases %q lack %q", sy.Aliases, alias)
		}
	}
	// A capital is also a place of its state.
	found := false
	for _, p := range lex.Places {
		if p.Capital && p.Country == "SY" && p.Name == "Damascus" && p.NameAr == "دمشق" {
			found = true
		}
	}
	if !found {
		t.Errorf("Damascus is not among the places")
	}
	un := lex.Orgs["UN"]
	if un.ID() != "org:UN" || un.Name != "United Nations" || un.NameAr != "الأمم المتحدة" || !contains(un.Aliases, "U.N.") {
		t.Errorf("UN: %+v", un)
	}
}

func TestTitlesAndHonorifics(t *testing.T) {
	lex := defaultLexicon(t)
	tests := []struct {
		text, match string
		title       diplograph.Title
		country     string
		needs       string
	}{
		{"وزير الخارجية", "وزير الخارجية", diplograph.TitleForeignMinister, "", ""},
		{"ووزير الخارجية والمغتربين", "وزير الخارجية والمغتربين", diplograph.TitleForeignMinister, "", ""},
		{"Secretary of State", "Secretary of State", diplograph.TitleForeignMinister, "US", ""},
		{"Deputy Secretary of State", "Deputy Secretary of State", diplograph.TitleDeputyForeignMinister, "US", ""},
		{"المرشد الأعلى", "المرشد الأعلى", diplograph.TitleHeadOfState, "IR", ""},
		{"رئيس", "رئيس", diplograph.TitlePresident, "", "country"},
		{"الأمير", "الأمير", diplograph.TitleEmir, "", "country"},
	}
	for _, tc := range tests {
		d := normalize.NewDoc(tc.text)
		m, ok := lex.MatchTitle(d, 0)
		if !ok {
			t.Errorf("title %q: no match", tc.text)
			continue
		}
		found := false
		for _, e := range m.Values {
			needs := ""
			if e.NeedsCountry {
				needs = "country"
			} else if e.NeedsName {
				needs = "name"
			}
			if e.Title == tc.title && e.Country == tc.country && needs == tc.needs {
				found = true
			}
		}
		if got := d.Slice(m.Start, m.End); got != tc.match || !found {
			t.Errorf("title %q: matched %q with %+v, want %q %s %s needs %q", tc.text, got, m.Values[0], tc.match, tc.title, tc.country, tc.needs)
		}
	}
	for _, tc := range []struct{ text, match, marks string }{
		{"سمو الشيخ", "سمو الشيخ", ""},
		{"صاحب السمو الملكي", "صاحب السمو الملكي", ""},
		{"الأمير", "الأمير", "royal"},
	} {
		d := normalize.NewDoc(tc.text)
		m, ok := lex.MatchHonorific(d, 0)
		if !ok || d.Slice(m.Start, m.End) != tc.match || m.Values[0] != tc.marks {
			t.Errorf("honorific %q: %+v %v, want %q marks %q", tc.text, m, ok, tc.match, tc.marks)
		}
	}
	d := normalize.NewDoc("وزير")
	if _, ok := lex.MatchHonorific(d, 0); ok {
		t.Errorf("وزير is not an honorific")
	}
}

func TestStopwords(t *testing.T) {
	lex := defaultLexicon(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"أن", true}, {"وأن", true}, {"الرئيس", true}, {"سوريا", false}, {"لافروف", false},
	} {
		d := normalize.NewDoc(tc.text)
		if got := lex.IsStopword(&d.Words[0]); got != tc.want {
			t.Errorf("IsStopword(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	if !lex.IsStopKey("ان") || lex.IsStopKey("سوريا") {
		t.Errorf("IsStopKey")
	}
}

func date(t *testing.T, s string) diplograph.Date {
	t.Helper()
	d, err := diplograph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func termStrings(ts []Term) []string {
	var out []string
	for _, t := range ts {
		where := t.Country
		if where == "" {
			where = "org:" + t.Org
		}
		out = append(out, string(t.Title)+" "+where)
	}
	return out
}

func personIDs(ps []*Person) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

func TestTerms(t *testing.T) {
	lex := defaultLexicon(t)
	lavrov := lex.Persons["person:sergei-lavrov"]
	if lavrov == nil || lavrov.Name != "Sergei Lavrov" || lavrov.NameAr != "سيرغي لافروف" || lavrov.Wikidata != "Q58217" || !contains(lavrov.Aliases, "Lavrov") {
		t.Fatalf("Lavrov: %+v", lavrov)
	}
	tests := []struct {
		at   string
		want []string
	}{
		{"2010-06-01", []string{"FOREIGN_MINISTER RU"}},
		{"2000", []string{"AMBASSADOR RU"}},
		{"2004-03-09", []string{"FOREIGN_MINISTER RU", "AMBASSADOR RU"}}, // the day he changed office: most senior first
		{"2004-03", []string{"FOREIGN_MINISTER RU", "AMBASSADOR RU"}},    // a month overlapping both terms
		{"1990", nil},
	}
	for _, tc := range tests {
		if got := termStrings(lavrov.TermsAt(date(t, tc.at))); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Lavrov TermsAt(%s) = %v, want %v", tc.at, got, tc.want)
		}
	}
	if got := len(lavrov.TermsAt(diplograph.Date{})); got != len(lavrov.Terms) {
		t.Errorf("TermsAt(zero) = %d terms, want all %d", got, len(lavrov.Terms))
	}

	mekdad := lex.Persons["person:faisal-mekdad"]
	for _, tc := range []struct {
		at, want string
		ok       bool
	}{
		{"2025-01-01", "FOREIGN_MINISTER SY", true},        // former foreign minister
		{"2021-01-01", "DEPUTY_FOREIGN_MINISTER SY", true}, // the foreign ministry term had not ended
		{"2007-01-01", "AMBASSADOR SY", true},
		{"2000-01-01", "", false},
	} {
		term, ok := mekdad.LastTermBefore(date(t, tc.at))
		got := ""
		if ok {
			got = termStrings([]Term{term})[0]
		}
		if ok != tc.ok || got != tc.want {
			t.Errorf("Mekdad LastTermBefore(%s) = %q %v, want %q %v", tc.at, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := mekdad.LastTermBefore(diplograph.Date{}); ok {
		t.Errorf("LastTermBefore(zero) found a term")
	}

	holders := []struct {
		title   diplograph.Title
		country string
		at      string
		want    string // an id among the holders, or "" for none
		not     string // an id that must not be among them
	}{
		{diplograph.TitleForeignMinister, "SY", "2025-03-12", "person:asaad-al-shaibani", "person:faisal-mekdad"},
		{diplograph.TitleForeignMinister, "SY", "2022-08-08", "person:faisal-mekdad", "person:asaad-al-shaibani"},
		{diplograph.TitleForeignMinister, "RU", "2012-12-18", "person:sergei-lavrov", ""},
		{diplograph.TitleSecretaryGeneral, "org:UN", "2020-01-01", "person:antonio-guterres", ""},
		{diplograph.TitleSecretaryGeneral, "org:UNHCR", "2010", "person:antonio-guterres", ""},
		{diplograph.TitleSecretaryGeneral, "org:UN", "2010", "", "person:antonio-guterres"},
		{diplograph.TitleForeignMinister, "RU", "", "person:sergei-lavrov", ""}, // zero date: every holder
		{diplograph.TitleKing, "SY", "2025", "", ""},
	}
	for _, tc := range holders {
		var at diplograph.Date
		if tc.at != "" {
			at = date(t, tc.at)
		}
		got := personIDs(lex.HoldersAt(tc.title, tc.country, at))
		if tc.want != "" && !contains(got, tc.want) || tc.want == "" && tc.not == "" && len(got) != 0 || tc.not != "" && contains(got, tc.not) {
			t.Errorf("HoldersAt(%s, %s, %s) = %v, want %q and not %q", tc.title, tc.country, tc.at, got, tc.want, tc.not)
		}
	}
}

func TestTermCovers(t *testing.T) {
	term := Term{From: date(t, "2020-11-22"), To: date(t, "2024-09-23")}
	for _, tc := range []struct {
		at   string
		want bool
	}{
		{"2020-11-22", true}, {"2020-11-21", false}, {"2024-09-23", true}, {"2024-09-24", false},
		{"2020-11", true}, {"2020-10", false}, {"2024", true}, {"2019", false}, {"2025", false},
	} {
		if got := term.Covers(date(t, tc.at)); got != tc.want {
			t.Errorf("Covers(%s) = %v, want %v", tc.at, got, tc.want)
		}
	}
	open := Term{From: date(t, "2024-12-21")}
	if !open.Covers(date(t, "2030-01-01")) || open.Covers(date(t, "2024-12-20")) || !open.Covers(diplograph.Date{}) {
		t.Errorf("an open term")
	}
}

func TestNisbaForms(t *testing.T) {
	got := NisbaForms("سوري")
	for _, want := range []string{"سوري", "السوري", "سورية", "السورية", "السوريون", "السوريين", "السوريان", "السوريات", "السوريتان", "السوريتين"} {
		if !contains(got, want) {
			t.Errorf("NisbaForms(سوري) lacks %q: %q", want, got)
		}
	}
	if len(got) != 16 {
		t.Errorf("NisbaForms(سوري): %d forms, want 16", len(got))
	}
	// The article given with the base is not doubled.
	if forms := NisbaForms("السوري"); !contains(forms, "السوري") || contains(forms, "الالسوري") {
		t.Errorf("NisbaForms(السوري) = %q", forms)
	}
	two := NisbaForms("كوري جنوبي")
	for _, want := range []string{"كوري جنوبي", "الكوري الجنوبي", "الكورية الجنوبية", "الكوريين الجنوبيين"} {
		if !contains(two, want) {
			t.Errorf("NisbaForms(كوري جنوبي) lacks %q", want)
		}
	}
	if contains(two, "الكوري جنوبي") {
		t.Errorf("both words take the article together")
	}
	if NisbaForms("  ") != nil {
		t.Errorf("NisbaForms of blank is not nil")
	}
}

func TestRank(t *testing.T) {
	if !(Rank(diplograph.TitleHeadOfState) < Rank(diplograph.TitlePresident) && Rank(diplograph.TitleForeignMinister) < Rank(diplograph.TitleAmbassador)) {
		t.Errorf("rank order")
	}
	if Rank("NOT_A_TITLE") != len(diplograph.Titles) {
		t.Errorf("an unknown title ranks last")
	}
}

func writeLexicon(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadUserDirectory(t *testing.T) {
	dir := writeLexicon(t, map[string]string{
		"countries.tsv": "# user additions\ncode\tnames_en\tnisba_ar\n" +
			"sy\tSham Republic\tشامي\n",
		"organizations.tsv": "code\ten\tar\tnames_en\n" +
			"TEST_ORG\tTest Organization\tمنظمة الاختبار\tTOX\n",
		"places.tsv": "\ufeffen\tar\tcountry\n" +
			"Testville\tتستفيل\tsy\n",
		"titles.tsv": "title\tlang\tphrase\tcountry\n" +
			"ENVOY\ten\tSpecial Test Envoy\tSY\n",
		"honorifics.tsv": "lang\tphrase\n" + "en\tHis Testness\n",
		"officials/user.tsv": "# comment\r\nid\tname\tnameAr\taliases\ttitle\tcountry\tfrom\tto\r\n" +
			"person:jane-test\tJane Test\tجين تست\tTestova|تستوفا\tFOREIGN_MINISTER\tSY\t2030-01-01\t\r\n" +
			"person:jane-test\t\t\t\tENVOY\torg:TEST_ORG\t2020\t2029-12\r\n" +
			"\r\n" +
			"person:sergei-lavrov\t\t\tLavroff\tMINISTER\tRU\t1990\t1991\r\n",
		"README.txt": "not lexicon data",
	})
	lex, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := defaultLexicon(t)
	for _, tc := range []struct{ text, want string }{
		{"Sham Republic", "COUNTRY SY"},
		{"الشامية", "DEMONYM SY"},
		{"Test Organization", "ORG TEST_ORG"},
		{"TOX", "ORG TEST_ORG"},
		{"منظمة الاختبار", "ORG TEST_ORG"},
		{"Testville", "PLACE SY Testville"},
		{"بتستفيل", "PLACE SY Testville"},
		{"Jane Test", "PERSON person:jane-test"},
		{"جين تست", "PERSON person:jane-test"},
		{"Testova", "PERSON person:jane-test"},
		{"Lavroff", "PERSON person:sergei-lavrov"},
		{"Sergei Lavrov", "PERSON person:sergei-lavrov"}, // the embedded rows are still there
		{"Syria", "COUNTRY SY"},
	} {
		if _, vals := lookup(lex, tc.text); !contains(vals, tc.want) {
			t.Errorf("with the user lexicon, %q gives %v, want %s", tc.text, vals, tc.want)
		}
	}
	if _, vals := lookup(base, "Jane Test"); len(vals) != 0 {
		t.Errorf("the default lexicon was changed by Load(dir): %v", vals)
	}
	jane := lex.Persons["person:jane-test"]
	if jane == nil || len(jane.Terms) != 2 || jane.Terms[0].Title != diplograph.TitleEnvoy || jane.Terms[0].Org != "TEST_ORG" {
		t.Fatalf("jane: %+v", jane)
	}
	if got := personIDs(lex.HoldersAt(diplograph.TitleEnvoy, "org:TEST_ORG", date(t, "2025"))); !reflect.DeepEqual(got, []string{"person:jane-test"}) {
		t.Errorf("HoldersAt(ENVOY, org:TEST_ORG) = %v", got)
	}
	if got := personIDs(lex.HoldersAt(diplograph.TitleForeignMinister, "SY", date(t, "2031"))); !contains(got, "person:jane-test") {
		t.Errorf("HoldersAt(FOREIGN_MINISTER, SY, 2031) = %v", got)
	}
	lavrov := lex.Persons["person:sergei-lavrov"]
	if len(lavrov.Terms) != len(base.Persons["person:sergei-lavrov"].Terms)+1 || lavrov.Terms[0].Title != diplograph.TitleMinister {
		t.Errorf("the user row did not add a term to Lavrov: %+v", lavrov.Terms)
	}
	d := normalize.NewDoc("Special Test Envoy")
	if m, ok := lex.MatchTitle(d, 0); !ok || m.Values[0].Title != diplograph.TitleEnvoy || m.Values[0].Country != "SY" {
		t.Errorf("user title: %+v %v", m, ok)
	}
	d = normalize.NewDoc("His Testness")
	if _, ok := lex.MatchHonorific(d, 0); !ok {
		t.Errorf("user honorific not found")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string // the error after the directory's name
	}{
		{"bad title", map[string]string{"titles.tsv": "title\tlang\tphrase\n# c\nFOREIGN_MINISTER\ten\tTop Diplomat\nFOREIGN_MINSTER\ten\tFM\n"},
			`titles.tsv:4: title "FOREIGN_MINSTER": not in the title vocabulary`},
		{"bad needs", map[string]string{"titles.tsv": "title\tlang\tphrase\tneeds\nKING\tar\tملك\tnation\n"},
			`titles.tsv:2: needs "nation": want "country", "name" or empty`},
		{"bad country code", map[string]string{"countries.tsv": "code\ten\nSYR\tSyria\n"},
			`countries.tsv:2: code "SYR": want an ISO 3166-1 alpha-2 code`},
		{"bad place country", map[string]string{"places.tsv": "en\tar\tcountry\nAleppo\tحلب\tSyria\n"},
			`places.tsv:2: country "Syria": want an ISO 3166-1 alpha-2 code`},
		{"place in an unknown country", map[string]string{"places.tsv": "en\tar\tcountry\n\nTestville\tتستفيل\tQQ\n"},
			`places.tsv:3: place "Testville": country QQ is not in countries.tsv`},
		{"bad organization code", map[string]string{"organizations.tsv": "code\ten\nU.N.\tUnited Nations\n"},
			`organizations.tsv:2: code "U.N.": want letters, digits and _`},
		{"bad official id", map[string]string{"officials/x.tsv": "id\tname\ttitle\tcountry\njane-test\tJane\tMINISTER\tSY\n"},
			`officials/x.tsv:2: id "jane-test": want person:<slug>`},
		{"bad official title", map[string]string{"officials/x.tsv": "id\tname\ttitle\tcountry\nperson:jane\tJane\tMinister\tSY\n"},
			`officials/x.tsv:2: title "Minister": not in the title vocabulary`},
		{"bad official country", map[string]string{"officials/x.tsv": "id\tname\ttitle\tcountry\nperson:jane\tJane\tMINISTER\tSyria\n"},
			`officials/x.tsv:2: country "Syria": want an ISO code or org:CODE`},
		{"bad official date", map[string]string{"officials/x.tsv": "id\tname\ttitle\tcountry\tfrom\tto\nperson:jane\tJane\tMINISTER\tSY\t2024-13-01\t\n"},
			`officials/x.tsv:2: from: date "2024-13-01": not a calendar date`},
		{"bad official end date", map[string]string{"officials/x.tsv": "id\tname\ttitle\tcountry\tfrom\tto\nperson:jane\tJane\tMINISTER\tSY\t2024\t31/12/2025\n"},
			`officials/x.tsv:2: to: date "31/12/2025": want YYYY`},
		{"official without a name", map[string]string{"officials/x.tsv": "id\tname\tnameAr\ttitle\tcountry\n# c\nperson:nobody\t\t\tMINISTER\tSY\n"},
			`officials/x.tsv:3: official person:nobody: no name and no nameAr`},
		{"official in a country that is not ISO", map[string]string{"officials/x.tsv": "id\tname\ttitle\tcountry\nperson:jane\tJane\tMINISTER\tJJ\n"},
			`officials/x.tsv:2: official person:jane: country JJ is not an ISO 3166-1 code`},
		{"missing header column", map[string]string{"officials/x.tsv": "# officials\nid\tname\tcountry\nperson:jane\tJane\tSY\n"},
			`officials/x.tsv:2: header lacks the column "title"`},
		{"header with spaces instead of tabs", map[string]string{"countries.tsv": "code  en  ar\nSY  Syria  سوريا\n"},
			`countries.tsv:1: header lacks the column "code"`},
		{"no header", map[string]string{"titles.tsv": "# only comments\n\n"}, `titles.tsv: no header line`},
		{"bad event trigger", map[string]string{"triggers/events.tsv": "type\tphrase\troles\tform\nMEET\tmet\tPARTICIPANT\tverb\n"},
			`triggers/events.tsv:2: type "MEET": not an event type`},
		{"bad topic trigger", map[string]string{"triggers/topics.tsv": "topic\tphrase\ttarget\nSOVEREIGNTY\tsovereignty\tsomewhere\n"},
			`triggers/topics.tsv:2: target "somewhere": want state, actor, patient, partner, PS or none`},
		{"bad speech polarity", map[string]string{"triggers/speech.tsv": "phrase\tkind\tpolarity\nsaid\tSTATES\t2\n"},
			`triggers/speech.tsv:2: polarity "2": want -1, 0 or 1`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeLexicon(t, tc.files)
			_, err := Load(dir)
			if err == nil {
				t.Fatalf("Load succeeded, want %q", tc.want)
			}
			want := filepath.Join(dir, filepath.FromSlash(tc.want))
			if !strings.Contains(err.Error(), want) {
				t.Errorf("error:\n %v\nwant one containing\n %s", err, want)
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("missing directory: %v", err)
	}
	f := filepath.Join(t.TempDir(), "file.tsv")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := Load(f); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file instead of a directory: %v", err)
	}
}
