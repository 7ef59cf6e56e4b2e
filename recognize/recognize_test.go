package recognize_test

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

// The sentences below are written for these tests. Dates matter: officials are resolved against the
// lexicon's terms of office at the article's date.

var defaultLexicon = sync.OnceValues(lexicon.Default)

// recognized is one recognized text with its body, for reading mentions back.
type recognized struct {
	body []rune
	res  *recognize.Result
}

// recognizeText runs the recognizer on one article as extract does, and checks the invariants every
// result must keep (see checkInvariants).
func recognizeText(t *testing.T, lang, date, body string) *recognized {
	t.Helper()
	return recognizeArticle(t, &diplograph.Article{Body: body, Language: lang, Published: mustDate(t, date)})
}

func recognizeArticle(t *testing.T, a *diplograph.Article) *recognized {
	t.Helper()
	lex, err := defaultLexicon()
	if err != nil {
		t.Fatalf("lexicon.Default: %v", err)
	}
	doc := normalize.NewDoc(a.Body)
	res := (&recognize.Recognizer{Lex: lex}).Recognize(a, doc)
	r := &recognized{body: []rune(a.Body), res: res}
	r.checkInvariants(t)
	return r
}

func mustDate(t *testing.T, s string) diplograph.Date {
	t.Helper()
	d, err := diplograph.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// checkInvariants checks what every result must keep: mentions in text order that never cross or
// repeat, the word index pointing at them, and offsets (code points) inside the body.
func (r *recognized) checkInvariants(t *testing.T) {
	t.Helper()
	ms := r.res.Mentions
	for i, m := range ms {
		if i > 0 && m.W0 < ms[i-1].W0 {
			t.Errorf("mention %d %q is out of text order", i, r.text(m))
		}
		// A titled mention may contain the nationality that qualifies its title ("وزير الخارجية
		// السوري أسعد الشيباني"), but two mentions never cross, nor cover the same words twice.
		for _, o := range ms[:i] {
			disjoint := o.W1 <= m.W0 || m.W1 <= o.W0
			nested := o.W0 <= m.W0 && m.W1 <= o.W1 || m.W0 <= o.W0 && o.W1 <= m.W1
			if !disjoint && (!nested || o.W0 == m.W0 && o.W1 == m.W1) {
				t.Errorf("mentions %q and %q overlap", r.text(o), r.text(m))
			}
		}
		for w := m.W0; w < m.W1; w++ {
			if got := r.res.MentionAt(w); got == nil || got.W0 > w || got.W1 <= w {
				t.Errorf("MentionAt(%d) does not return a mention covering the word", w)
			}
		}
		if m.Entity == nil || !slices.Contains(m.Entity.Mentions, m) {
			t.Errorf("mention %q is not among its entity's mentions", r.text(m))
		}
	}
	for _, e := range r.res.Entities {
		if r.res.EntityByID(e.ID) != e {
			t.Errorf("EntityByID(%q) does not return the entity", e.ID)
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.Start > m.NameStart || m.NameStart >= m.End || m.End > len(r.body) {
				t.Errorf("%s: bad offsets start=%d name=%d end=%d in a body of %d code points", e.ID, m.Start, m.NameStart, m.End, len(r.body))
			}
		}
	}
}

// text returns the body text a mention covers, title included; name returns only its name part.
func (r *recognized) text(m *recognize.Mention) string { return r.slice(m.Start, m.End) }
func (r *recognized) name(m *recognize.Mention) string { return r.slice(m.NameStart, m.End) }

func (r *recognized) slice(start, end int) string {
	if start < 0 || start > end || end > len(r.body) {
		return fmt.Sprintf("<bad offsets %d:%d>", start, end)
	}
	return string(r.body[start:end])
}

// entity returns the entity with the given id, failing the test when there is none.
func (r *recognized) entity(t *testing.T, id string) *recognize.Entity {
	t.Helper()
	e := r.res.EntityByID(id)
	if e == nil {
		t.Fatalf("no entity %s; got %s", id, r.summary())
	}
	return e
}

// mentionWithText returns the entity's mention covering exactly text (title included), or nil.
func (r *recognized) mentionWithText(e *recognize.Entity, text string) *recognize.Mention {
	for _, m := range e.Mentions {
		if r.text(m) == text {
			return m
		}
	}
	return nil
}

// ids returns the ids of all entities found, in order.
func (r *recognized) ids() []string {
	var out []string
	for _, e := range r.res.Entities {
		out = append(out, e.ID)
	}
	return out
}

// summary describes everything found, for failure messages.
func (r *recognized) summary() string {
	var b strings.Builder
	for _, e := range r.res.Entities {
		fmt.Fprintf(&b, "\n  %s", e.ID)
		for _, ro := range e.Roles {
			fmt.Fprintf(&b, " {%s %s%s former=%v}", ro.Title, ro.Country, ro.Org, ro.Former)
		}
		for _, m := range e.Mentions {
			fmt.Fprintf(&b, "\n    %s %q (name %q, nationality %q)", kindName(m.Kind), r.text(m), r.name(m), m.Nationality)
		}
	}
	if b.Len() == 0 {
		return "nothing"
	}
	return b.String()
}

func kindName(k recognize.MentionKind) string {
	names := []string{"Name", "Demonym", "Capital", "Seat", "Place", "Surname", "Title", "Counterpart", "Titled"}
	if int(k) < len(names) {
		return names[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// mention is an expected mention: its text (title included) and kind.
type mention struct {
	text string
	kind recognize.MentionKind
}

func (m mention) String() string { return fmt.Sprintf("%s %q", kindName(m.kind), m.text) }

// checkMentions asserts that an entity is named exactly by want, in text order.
func (r *recognized) checkMentions(t *testing.T, e *recognize.Entity, want []mention) {
	t.Helper()
	var got []mention
	for _, m := range e.Mentions {
		got = append(got, mention{r.text(m), m.Kind})
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s mentions = %v, want %v; got %s", e.ID, got, want, r.summary())
	}
}

// role is the part of a diplograph.Role the tests assert.
type role struct {
	title   diplograph.Title
	country string
	former  bool
}

func (ro role) String() string {
	return fmt.Sprintf("{%s %s former=%v}", ro.title, ro.country, ro.former)
}

// checkFirstRole asserts a person's first role: the one the text states, else the lexicon's.
func (r *recognized) checkFirstRole(t *testing.T, e *recognize.Entity, want role) {
	t.Helper()
	if len(e.Roles) == 0 {
		t.Fatalf("%s has no role, want %v; got %s", e.ID, want, r.summary())
	}
	got := e.Roles[0]
	if g := (role{got.Title, got.Country, got.Former}); g != want {
		t.Errorf("%s first role = %v, want %v; got %s", e.ID, g, want, r.summary())
	}
}

const (
	kName        = recognize.MentionName
	kDemonym     = recognize.MentionDemonym
	kCapital     = recognize.MentionCapital
	kSeat        = recognize.MentionSeat
	kSurname     = recognize.MentionSurname
	kTitle       = recognize.MentionTitle
	kCounterpart = recognize.MentionCounterpart
	kTitled      = recognize.MentionTitled
)

// TestCountries: states named by name, nisba or demonym, capital or seat of government, with Arabic
// proclitics stripped from the mention, and English names only when capitalized.
func TestCountries(t *testing.T) {
	tests := []struct {
		name, lang, text string
		id               string
		want             []mention // every mention of the country, in order
	}{
		{"ar name", "ar", "وصل الوفد إلى سوريا صباح اليوم.", "country:SY",
			[]mention{{"سوريا", kName}}},
		{"ar nisba", "ar", "رحب المسؤول السوري بالمبادرة.", "country:SY",
			[]mention{{"السوري", kDemonym}}},
		{"ar feminine nisba", "ar", "أعلنت الحكومة السورية خطة جديدة.", "country:SY",
			[]mention{{"السورية", kDemonym}}},
		{"ar plural nisba", "ar", "وصلت بعثة إلى سوريا لبحث ملف اللاجئين السوريين.", "country:SY",
			[]mention{{"سوريا", kName}, {"السوريين", kDemonym}}},
		{"ar conjunction proclitic", "ar", "بحث الجانبان العلاقات بين الأردن وسوريا.", "country:SY",
			[]mention{{"سوريا", kName}}},
		{"ar preposition and article", "ar", "أعلنت الدول المانحة دعمها لليمن.", "country:YE",
			[]mention{{"يمن", kName}}},
		{"ar preposition ba", "ar", "وصل الوفد بالأردن ثم توجه إلى الرياض.", "country:JO",
			[]mention{{"الأردن", kName}}},
		{"ar multiword name", "ar", "أكد الوزير أن المملكة المتحدة شريك مهم.", "country:GB",
			[]mention{{"المملكة المتحدة", kName}}},
		{"ar capital", "ar", "وصل الوزير إلى دمشق قادما من بيروت.", "country:SY",
			[]mention{{"دمشق", kCapital}}},
		{"ar seat", "ar", "قال الكرملين إن المحادثات ستستمر.", "country:RU",
			[]mention{{"الكرملين", kSeat}}},
		{"ar عمان after العاصمة is Amman", "ar", "وصل الوفد إلى العاصمة عمان مساء أمس.", "country:JO",
			[]mention{{"عمان", kCapital}}},
		{"en name", "en", "The delegation arrived in Syria on Monday.", "country:SY",
			[]mention{{"Syria", kName}}},
		{"en demonym", "en", "A Jordanian delegation arrived on Monday.", "country:JO",
			[]mention{{"Jordanian", kDemonym}}},
		{"en possessive", "en", "Jordan's cabinet met on Sunday.", "country:JO",
			[]mention{{"Jordan's", kName}}},
		{"en abbreviation", "en", "The U.S. embassy issued a statement.", "country:US",
			[]mention{{"U.S.", kName}}},
		{"en other spelling", "en", "Officials said talks with Türkiye would continue.", "country:TR",
			[]mention{{"Türkiye", kName}}},
		{"en capital", "en", "The talks were held in Damascus.", "country:SY",
			[]mention{{"Damascus", kCapital}}},
		{"en seat", "en", "The Kremlin said the talks would continue.", "country:RU",
			[]mention{{"Kremlin", kSeat}}},
		{"en lowercase turkey is the bird", "en", "They ate turkey for dinner, then flew to Turkey.", "country:TR",
			[]mention{{"Turkey", kName}}},
		{"en lowercase china is porcelain", "en", "The china plates from China were broken.", "country:CN",
			[]mention{{"China", kName}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			e := r.entity(t, tc.id)
			if e.Type != diplograph.EntityCountry || "country:"+e.Code != tc.id {
				t.Errorf("%s: type %s code %s", tc.id, e.Type, e.Code)
			}
			r.checkMentions(t, e, tc.want)
			for _, m := range e.Mentions {
				if m.Nationality != e.Code {
					t.Errorf("mention %q nationality %q, want %q", r.text(m), m.Nationality, e.Code)
				}
			}
		})
	}
}

// TestOfficialsByName: known officials named in full, with their roles at the article's date; one
// whose terms ended before it is a former official.
func TestOfficialsByName(t *testing.T) {
	tests := []struct {
		name, lang, date, text string
		id                     string
		mention                string
		role                   role
	}{
		{"ar foreign minister", "ar", "2025-05-01", "استقبل سيرغي لافروف وفدا في موسكو.",
			"person:sergei-lavrov", "سيرغي لافروف", role{diplograph.TitleForeignMinister, "RU", false}},
		{"en foreign minister", "en", "2025-05-01", "Sergei Lavrov received a delegation in Moscow.",
			"person:sergei-lavrov", "Sergei Lavrov", role{diplograph.TitleForeignMinister, "RU", false}},
		{"ar without hamza", "ar", "2025-05-01", "التقى اسعد الشيباني وفدا أوروبيا.",
			"person:asaad-al-shaibani", "اسعد الشيباني", role{diplograph.TitleForeignMinister, "SY", false}},
		{"en alias spelling", "en", "2025-05-01", "Asaad al-Shaybani met a European delegation.",
			"person:asaad-al-shaibani", "Asaad al-Shaybani", role{diplograph.TitleForeignMinister, "SY", false}},
		{"ar after a conjunction", "ar", "2025-05-01", "وصل الوفد وأيمن الصفدي إلى بغداد.",
			"person:ayman-safadi", "أيمن الصفدي", role{diplograph.TitleForeignMinister, "JO", false}},
		{"ar in office at the date", "ar", "2023-05-01", "استقبل بشار الأسد وفدا في دمشق.",
			"person:bashar-al-assad", "بشار الأسد", role{diplograph.TitlePresident, "SY", false}},
		{"ar out of office at the date", "ar", "2025-05-01", "غادر بشار الأسد دمشق في ديسمبر.",
			"person:bashar-al-assad", "بشار الأسد", role{diplograph.TitlePresident, "SY", true}},
		{"en out of office at the date", "en", "2025-05-01", "Bashar al-Assad left Damascus in December.",
			"person:bashar-al-assad", "Bashar al-Assad", role{diplograph.TitlePresident, "SY", true}},
		{"en role changed at the date", "en", "2018-05-01", "Hakan Fidan met the delegation.",
			"person:hakan-fidan", "Hakan Fidan", role{diplograph.TitleIntelligenceChief, "TR", false}},
		{"en role after the change", "en", "2024-05-01", "Hakan Fidan met the delegation.",
			"person:hakan-fidan", "Hakan Fidan", role{diplograph.TitleForeignMinister, "TR", false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, tc.date, tc.text)
			e := r.entity(t, tc.id)
			if e.Type != diplograph.EntityPerson {
				t.Errorf("%s: type %s", tc.id, e.Type)
			}
			r.checkMentions(t, e, []mention{{tc.mention, kName}})
			r.checkFirstRole(t, e, tc.role)
		})
	}
}

// TestSurnames: a person named in full is then found by the surname alone, also when the surname comes
// first; the same word as a common noun, or with another given name, is not that person.
func TestSurnames(t *testing.T) {
	tests := []struct {
		name, lang, text string
		id               string
		want             []mention
	}{
		{"ar surname after titled name", "ar", "التقى الرئيس اللبناني جوزاف عون وفدا أوروبيا. وقال عون إن لبنان ملتزم.",
			"person:joseph-aoun", []mention{{"الرئيس اللبناني جوزاف عون", kTitled}, {"عون", kSurname}}},
		{"ar title before surname", "ar", "التقى الرئيس اللبناني جوزاف عون وفدا أوروبيا. وأكد الرئيس عون أن لبنان ملتزم.",
			"person:joseph-aoun", []mention{{"الرئيس اللبناني جوزاف عون", kTitled}, {"الرئيس عون", kTitled}}},
		{"en surname after name", "en", "President Joseph Aoun received a delegation. Aoun said Lebanon was committed.",
			"person:joseph-aoun", []mention{{"President Joseph Aoun", kTitled}, {"Aoun", kSurname}}},
		{"en surname before name", "en", "Aoun said the army would deploy. President Joseph Aoun spoke in Beirut.",
			"person:joseph-aoun", []mention{{"Aoun", kSurname}, {"President Joseph Aoun", kTitled}}},
		{"ar surname that is a common noun", "ar", "التقى رئيس الحكومة اللبنانية نواف سلام وفدا. وأكد سلام أن عملية السلام مستمرة.",
			"person:nawaf-salam", []mention{{"رئيس الحكومة اللبنانية نواف سلام", kTitled}, {"سلام", kSurname}}},
		{"ar surname with proclitic", "ar", "التقى أسعد الشيباني وفدا. ورحب بالشيباني في العاصمة.",
			"person:asaad-al-shaibani", []mention{{"أسعد الشيباني", kName}, {"الشيباني", kSurname}}},
		{"en another given name is another person", "en", "Bashar al-Assad spoke of his father. Hafez al-Assad ruled before him.",
			"person:bashar-al-assad", []mention{{"Bashar al-Assad", kName}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			r.checkMentions(t, r.entity(t, tc.id), tc.want)
		})
	}
}

// TestTitledNames: "title + nationality + name" gives the person, the role the text states and the
// state the nisba or demonym names.
func TestTitledNames(t *testing.T) {
	tests := []struct {
		name, lang, text string
		id               string
		mention          string // the titled mention, title included
		personName       string // its name part
		role             role
		office           string
		nat              mention // how the text names the state, if it does
	}{
		{"ar foreign minister", "ar", "زار وزير الخارجية السوري أسعد الشيباني العاصمة الأردنية.",
			"person:asaad-al-shaibani", "وزير الخارجية السوري أسعد الشيباني", "أسعد الشيباني",
			role{diplograph.TitleForeignMinister, "SY", false}, "وزير الخارجية السوري", mention{"السوري", kDemonym}},
		{"en foreign minister", "en", "Jordanian Foreign Minister Ayman Safadi arrived in Damascus on Monday.",
			"person:ayman-safadi", "Foreign Minister Ayman Safadi", "Ayman Safadi",
			role{diplograph.TitleForeignMinister, "JO", false}, "Jordanian Foreign Minister", mention{"Jordanian", kDemonym}},
		{"ar feminine nisba after institution", "ar", "التقى رئيس الحكومة اللبنانية نواف سلام وفدا.",
			"person:nawaf-salam", "رئيس الحكومة اللبنانية نواف سلام", "نواف سلام",
			role{diplograph.TitlePrimeMinister, "LB", false}, "رئيس الحكومة اللبنانية", mention{"اللبنانية", kDemonym}},
		{"ar president", "ar", "استقبل الرئيس التركي رجب طيب أردوغان وفدا.",
			"person:recep-tayyip-erdogan", "الرئيس التركي رجب طيب أردوغان", "رجب طيب أردوغان",
			role{diplograph.TitlePresident, "TR", false}, "الرئيس التركي", mention{"التركي", kDemonym}},
		{"en country possessive", "en", "Bahraini King Hamad bin Isa said the talks were useful.",
			"person:hamad-bin-isa-al-khalifa", "King Hamad bin Isa", "Hamad bin Isa",
			role{diplograph.TitleKing, "BH", false}, "Bahraini King", mention{"Bahraini", kDemonym}},
		{"en of country after the name", "en", "Foreign Minister Ayman Safadi of Jordan arrived.",
			"person:ayman-safadi", "Foreign Minister Ayman Safadi", "Ayman Safadi",
			role{diplograph.TitleForeignMinister, "JO", false}, "Foreign Minister", mention{"Jordan", kName}},
		{"en state implied by the title", "en", "Secretary of State Marco Rubio arrived in Riyadh.",
			"person:marco-rubio", "Secretary of State Marco Rubio", "Marco Rubio",
			role{diplograph.TitleForeignMinister, "US", false}, "Secretary of State", mention{}},
		{"en apposition", "en", "Safadi, Jordan's top diplomat, said the crossing would reopen.",
			"person:ayman-safadi", "Safadi", "Safadi",
			role{diplograph.TitleForeignMinister, "JO", false}, "top diplomat", mention{"Jordan's", kName}},
		{"ar unknown person", "ar", "زار وزير الخارجية الأوروغواياني ماريو لوبيتكين الرباط.",
			"person:ماريو-لوبيتكين", "وزير الخارجية الأوروغواياني ماريو لوبيتكين", "ماريو لوبيتكين",
			role{diplograph.TitleForeignMinister, "UY", false}, "وزير الخارجية الأوروغواياني", mention{"الأوروغواياني", kDemonym}},
		{"en unknown person", "en", "Uruguayan Foreign Minister Mario Lubetkin visited Rabat.",
			"person:mario-lubetkin", "Foreign Minister Mario Lubetkin", "Mario Lubetkin",
			role{diplograph.TitleForeignMinister, "UY", false}, "Uruguayan Foreign Minister", mention{"Uruguayan", kDemonym}},
		{"en unknown person by apposition", "en", "Maria Lopez, the foreign minister of Uruguay, signed the deal.",
			"person:maria-lopez", "Maria Lopez", "Maria Lopez",
			role{diplograph.TitleForeignMinister, "UY", false}, "foreign minister of Uruguay", mention{"Uruguay", kName}},
		{"en unknown person takes the state of the sentence", "en", "Jordanian Foreign Minister Ayman Safadi and Interior Minister Khalid Omari met the delegation.",
			"person:khalid-omari", "Interior Minister Khalid Omari", "Khalid Omari",
			role{diplograph.TitleInteriorMinister, "JO", false}, "Interior Minister", mention{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			e := r.entity(t, tc.id)
			m := r.mentionWithText(e, tc.mention)
			if m == nil {
				t.Fatalf("no mention %q of %s; got %s", tc.mention, tc.id, r.summary())
			}
			if got := r.name(m); got != tc.personName {
				t.Errorf("name part of %q = %q, want %q", tc.mention, got, tc.personName)
			}
			r.checkFirstRole(t, e, tc.role)
			if got := e.Roles[0].Office; got != tc.office {
				t.Errorf("office = %q, want %q", got, tc.office)
			}
			if tc.nat.text != "" {
				c := r.entity(t, "country:"+tc.role.country)
				if m := r.mentionWithText(c, tc.nat.text); m == nil || m.Kind != tc.nat.kind {
					t.Errorf("no %v of country:%s; got %s", tc.nat, tc.role.country, r.summary())
				}
			}
		})
	}
}

// TestTitleOnly: a title without a name stands for the official who held it for that state on the
// article's date.
func TestTitleOnly(t *testing.T) {
	const arSyrianFM = "وصل وزير الخارجية السوري إلى بغداد."
	const enSyrianFM = "The Syrian foreign minister arrived in Baghdad."
	const arEgyptianFM = "وصل وزير الخارجية المصري إلى عمان."
	const enSecState = "The Secretary of State arrived in Cairo."
	tests := []struct {
		name, lang, date, text string
		id                     string
		mention                string
		nationality            string // of the mention ("" when the title itself implies the state)
		title                  diplograph.Title
	}{
		{"ar syria before the change", "ar", "2024-05-01", arSyrianFM, "person:faisal-mekdad", "وزير الخارجية السوري", "SY", diplograph.TitleForeignMinister},
		{"ar syria interim", "ar", "2024-10-15", arSyrianFM, "person:bassam-sabbagh", "وزير الخارجية السوري", "SY", diplograph.TitleForeignMinister},
		{"ar syria after the change", "ar", "2025-05-01", arSyrianFM, "person:asaad-al-shaibani", "وزير الخارجية السوري", "SY", diplograph.TitleForeignMinister},
		{"en syria before the change", "en", "2024-05-01", enSyrianFM, "person:faisal-mekdad", "foreign minister", "SY", diplograph.TitleForeignMinister},
		{"en syria after the change", "en", "2025-05-01", enSyrianFM, "person:asaad-al-shaibani", "foreign minister", "SY", diplograph.TitleForeignMinister},
		{"ar egypt before the change", "ar", "2024-03-01", arEgyptianFM, "person:sameh-shoukry", "وزير الخارجية المصري", "EG", diplograph.TitleForeignMinister},
		{"ar egypt after the change", "ar", "2024-08-01", arEgyptianFM, "person:badr-abdelatty", "وزير الخارجية المصري", "EG", diplograph.TitleForeignMinister},
		{"en us before the change", "en", "2024-06-01", enSecState, "person:antony-blinken", "Secretary of State", "", diplograph.TitleForeignMinister},
		{"en us after the change", "en", "2025-03-01", enSecState, "person:marco-rubio", "Secretary of State", "", diplograph.TitleForeignMinister},
		{"ar crown prince", "ar", "2025-05-01", "وصل ولي العهد السعودي إلى القاهرة.", "person:mohammed-bin-salman", "ولي العهد السعودي", "SA", diplograph.TitleCrownPrince},
		{"ar king by a synonym", "ar", "2025-05-01", "قال العاهل الأردني إن الحوار ضروري.", "person:abdullah-ii-of-jordan", "العاهل الأردني", "JO", diplograph.TitleKing},
		{"ar king of a named state", "ar", "2025-05-01", "أكد ملك البحرين أن الحوار ضروري.", "person:hamad-bin-isa-al-khalifa", "ملك البحرين", "BH", diplograph.TitleKing},
		{"ar organization", "ar", "2025-05-01", "وقال الأمين العام للأمم المتحدة إن الوضع خطير.", "person:antonio-guterres", "الأمين العام للأمم المتحدة", "", diplograph.TitleSecretaryGeneral},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, tc.date, tc.text)
			e := r.entity(t, tc.id)
			r.checkMentions(t, e, []mention{{tc.mention, kTitle}})
			if got := e.Mentions[0].Nationality; got != tc.nationality {
				t.Errorf("nationality = %q, want %q", got, tc.nationality)
			}
			if len(e.Roles) == 0 || e.Roles[0].Title != tc.title || e.Roles[0].Former {
				t.Errorf("roles = %+v, want a current %s first", e.Roles, tc.title)
			}
			for _, other := range r.res.Entities {
				if other != e && other.Type == diplograph.EntityPerson {
					t.Errorf("another person %s found; got %s", other.ID, r.summary())
				}
			}
		})
	}
}

// TestCounterparts: "نظيره الروسي", "his Russian counterpart" stands for the person holding the
// subject's title for the state of the nisba or demonym, at the article's date.
func TestCounterparts(t *testing.T) {
	tests := []struct {
		name, lang, date, text string
		subject                string
		id                     string
		mention                string
		kind                   recognize.MentionKind
		title                  diplograph.Title
		country                string
	}{
		{"ar foreign minister", "ar", "2025-03-10", "التقى الشيباني بنظيره الروسي في موسكو.",
			"person:asaad-al-shaibani", "person:sergei-lavrov", "نظيره الروسي", kCounterpart, diplograph.TitleForeignMinister, "RU"},
		{"ar after titled subject", "ar", "2025-03-10", "وأجرى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا مع نظيره التركي.",
			"person:ayman-safadi", "person:hakan-fidan", "نظيره التركي", kCounterpart, diplograph.TitleForeignMinister, "TR"},
		{"en foreign minister", "en", "2025-03-10", "Jordanian Foreign Minister Ayman Safadi spoke by phone with his Turkish counterpart.",
			"person:ayman-safadi", "person:hakan-fidan", "counterpart", kCounterpart, diplograph.TitleForeignMinister, "TR"},
		{"en before the change of office", "en", "2024-05-01", "Safadi met his Syrian counterpart in Amman.",
			"person:ayman-safadi", "person:faisal-mekdad", "counterpart", kCounterpart, diplograph.TitleForeignMinister, "SY"},
		{"en after the change of office", "en", "2025-05-01", "Safadi met his Syrian counterpart in Amman.",
			"person:ayman-safadi", "person:asaad-al-shaibani", "counterpart", kCounterpart, diplograph.TitleForeignMinister, "SY"},
		{"ar president before the change", "ar", "2024-05-01", "استقبل الرئيس التركي رجب طيب أردوغان نظيره السوري في أنقرة.",
			"person:recep-tayyip-erdogan", "person:bashar-al-assad", "نظيره السوري", kCounterpart, diplograph.TitlePresident, "SY"},
		{"ar president after the change", "ar", "2025-05-01", "استقبل الرئيس التركي رجب طيب أردوغان نظيره السوري في أنقرة.",
			"person:recep-tayyip-erdogan", "person:ahmed-al-sharaa", "نظيره السوري", kCounterpart, diplograph.TitlePresident, "SY"},
		{"en president", "en", "2025-05-01", "Turkish President Recep Tayyip Erdogan received his Syrian counterpart in Ankara.",
			"person:recep-tayyip-erdogan", "person:ahmed-al-sharaa", "counterpart", kCounterpart, diplograph.TitlePresident, "SY"},
		{"ar with the name", "ar", "2025-05-01", "بحث الشيباني مع نظيره الروسي سيرغي لافروف الوضع في المنطقة.",
			"person:asaad-al-shaibani", "person:sergei-lavrov", "نظيره الروسي سيرغي لافروف", kTitled, diplograph.TitleForeignMinister, "RU"},
		{"en with the name", "en", "2025-05-01", "Safadi discussed the situation with his Russian counterpart Sergei Lavrov.",
			"person:ayman-safadi", "person:sergei-lavrov", "counterpart Sergei Lavrov", kTitled, diplograph.TitleForeignMinister, "RU"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, tc.date, tc.text)
			r.entity(t, tc.subject)
			e := r.entity(t, tc.id)
			m := r.mentionWithText(e, tc.mention)
			if m == nil {
				t.Fatalf("no mention %q of %s; got %s", tc.mention, tc.id, r.summary())
			}
			if m.Kind != tc.kind || m.Nationality != tc.country {
				t.Errorf("mention %q: kind %s nationality %q, want %s %q", tc.mention, kindName(m.Kind), m.Nationality, kindName(tc.kind), tc.country)
			}
			r.checkFirstRole(t, e, role{tc.title, tc.country, false})
			// The nisba or demonym is the first mention of its state.
			if c := r.entity(t, "country:"+tc.country); c.Mentions[0].Kind != kDemonym {
				t.Errorf("country:%s is first named by a %s, want a nisba or demonym; got %s", tc.country, kindName(c.Mentions[0].Kind), r.summary())
			}
		})
	}
}

// TestFormerOfficials: "السابق", "الأسبق", "former", "the late" mark the role the text states as
// former, also when the lexicon knows the person in another office at the date; the same title without
// them does not.
func TestFormerOfficials(t *testing.T) {
	tests := []struct {
		name, lang, text string
		id               string
		office           string // the title as the text wrote it
		role             role
		alsoCurrent      diplograph.Title // a current role the lexicon adds, if any
	}{
		{"ar السابق", "ar", "قال الرئيس السوري السابق بشار الأسد إن الحرب انتهت.",
			"person:bashar-al-assad", "الرئيس السوري السابق", role{diplograph.TitlePresident, "SY", true}, ""},
		{"ar الأسبق", "ar", "قال الرئيس الأمريكي الأسبق باراك أوباما إن الحوار ضروري.",
			"person:barack-obama", "الرئيس الأمريكي الأسبق", role{diplograph.TitlePresident, "US", true}, ""},
		{"ar prime minister", "ar", "أشاد رئيس الوزراء العراقي الأسبق حيدر العبادي بالاتفاق.",
			"person:haider-al-abadi", "رئيس الوزراء العراقي الأسبق", role{diplograph.TitlePrimeMinister, "IQ", true}, ""},
		{"ar in apposition", "ar", "قال سامح شكري، وزير الخارجية المصري السابق، إن المحادثات فشلت.",
			"person:sameh-shoukry", "وزير الخارجية المصري السابق", role{diplograph.TitleForeignMinister, "EG", true}, ""},
		{"ar now in another office", "ar", "وصل رئيس الاستخبارات التركي السابق هاكان فيدان إلى دمشق.",
			"person:hakan-fidan", "رئيس الاستخبارات التركي السابق", role{diplograph.TitleIntelligenceChief, "TR", true}, diplograph.TitleForeignMinister},
		{"ar now in another office, apposition", "ar", "وصل هاكان فيدان، رئيس الاستخبارات التركية السابق، إلى دمشق.",
			"person:hakan-fidan", "رئيس الاستخبارات التركية السابق", role{diplograph.TitleIntelligenceChief, "TR", true}, diplograph.TitleForeignMinister},
		{"en Former capitalized", "en", "Former Syrian President Bashar al-Assad fled to Moscow.",
			"person:bashar-al-assad", "Former Syrian President", role{diplograph.TitlePresident, "SY", true}, ""},
		{"en former after the", "en", "The former Syrian president Bashar al-Assad lives in Moscow.",
			"person:bashar-al-assad", "former Syrian president", role{diplograph.TitlePresident, "SY", true}, ""},
		{"en former with abbreviation", "en", "Former U.S. President Barack Obama said dialogue was needed.",
			"person:barack-obama", "Former U.S. President", role{diplograph.TitlePresident, "US", true}, ""},
		{"en ex- with a hyphen", "en", "Ex-President Barack Obama said dialogue was needed.",
			"person:barack-obama", "Ex-President", role{diplograph.TitlePresident, "US", true}, ""},
		{"en the late", "en", "The late King Hussein of Jordan was remembered.",
			"person:hussein-of-jordan", "late King", role{diplograph.TitleKing, "JO", true}, ""},
		{"en in apposition", "en", "Sameh Shoukry, the former Egyptian foreign minister, said the talks failed.",
			"person:sameh-shoukry", "foreign minister", role{diplograph.TitleForeignMinister, "EG", true}, ""},
		{"en now in another office", "en", "Former Turkish intelligence chief Hakan Fidan arrived in Damascus.",
			"person:hakan-fidan", "Former Turkish intelligence chief", role{diplograph.TitleIntelligenceChief, "TR", true}, diplograph.TitleForeignMinister},
		{"en now in another office, apposition", "en", "Hakan Fidan, the former Turkish intelligence chief, arrived in Damascus.",
			"person:hakan-fidan", "intelligence chief", role{diplograph.TitleIntelligenceChief, "TR", true}, diplograph.TitleForeignMinister},
		{"ar current is not former", "ar", "قال الرئيس السوري أحمد الشرع إن الحرب انتهت.",
			"person:ahmed-al-sharaa", "الرئيس السوري", role{diplograph.TitlePresident, "SY", false}, ""},
		{"en current is not former", "en", "Syrian President Ahmed al-Sharaa said the war was over.",
			"person:ahmed-al-sharaa", "Syrian President", role{diplograph.TitlePresident, "SY", false}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			e := r.entity(t, tc.id)
			r.checkFirstRole(t, e, tc.role)
			if got := e.Roles[0].Office; got != tc.office {
				t.Errorf("office = %q, want %q", got, tc.office)
			}
			current := false
			for _, ro := range e.Roles {
				if ro.Title == tc.role.title && ro.Country == tc.role.country && ro.Former != tc.role.former {
					t.Errorf("%s also has %+v", tc.id, ro)
				}
				current = current || ro.Title == tc.alsoCurrent && ro.Country == tc.role.country && !ro.Former
			}
			if tc.alsoCurrent != "" && !current {
				t.Errorf("%s lacks the current role %s; got %s", tc.id, tc.alsoCurrent, r.summary())
			}
		})
	}
}

// TestKingdom: "المملكة"/"the Kingdom" alone stands for the kingdom the article names (by name,
// nisba or official), or the outlet's home state when it is a kingdom; otherwise for nothing.
func TestKingdom(t *testing.T) {
	tests := []struct {
		name, lang, url, text string
		word                  string // the kingdom word as the mention covers it
		want                  string // the state it stands for; "" for none
	}{
		{"ar by nisba", "ar", "", "زار وزير الخارجية السعودي الأمير فيصل بن فرحان الكويت، ونقل تحيات المملكة.", "المملكة", "SA"},
		{"ar by official", "ar", "", "وقال وزير الخارجية الأردني أيمن الصفدي إن المملكة تدعم الحل السياسي.", "المملكة", "JO"},
		{"ar by title only", "ar", "", "وصل ولي العهد السعودي إلى القاهرة، وأكد حرص المملكة على دعم مصر.", "المملكة", "SA"},
		{"ar with proclitic", "ar", "", "قال العاهل الأردني إن للمملكة دورا في المنطقة.", "مملكة", "JO"},
		{"ar by state name", "ar", "", "أكد ملك البحرين أن المملكة حريصة على أمن الخليج.", "المملكة", "BH"},
		{"ar not the united kingdom", "ar", "", "أكد وزير الخارجية المغربي ناصر بوريطة أن المملكة المتحدة شريك، وأن المملكة تدعم الحل.", "المملكة", "MA"},
		{"ar outlet's home", "ar", "https://news.example.sa/politics/1", "أكدت المصادر أن المملكة ستستضيف المحادثات.", "المملكة", "SA"},
		{"ar nothing named", "ar", "", "أكدت المصادر أن المملكة ستستضيف المحادثات.", "المملكة", ""},
		{"ar home not a kingdom", "ar", "https://news.example.eg/politics/1", "أكدت المصادر أن المملكة ستستضيف المحادثات.", "المملكة", ""},
		{"en by name", "en", "", "Saudi Arabia hosted the meeting, and the Kingdom pledged support.", "Kingdom", "SA"},
		{"en possessive", "en", "", "Saudi Foreign Minister Prince Faisal bin Farhan visited Kuwait and conveyed the Kingdom's greetings.", "Kingdom's", "SA"},
		{"en by official", "en", "", "Moroccan Foreign Minister Nasser Bourita said the Kingdom backs the plan.", "Kingdom", "MA"},
		{"en nothing named", "en", "", "The minister said the Kingdom supports dialogue.", "Kingdom", ""},
		{"en lowercase is not the state", "en", "", "Saudi officials said the kingdom would host talks.", "kingdom", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeArticle(t, &diplograph.Article{Body: tc.text, Language: tc.lang, URL: tc.url, Published: mustDate(t, "2025-05-01")})
			var got *recognize.Mention
			for _, m := range r.res.Mentions {
				if r.text(m) == tc.word {
					got = m
				}
			}
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("%q stands for %s, want nothing", tc.word, got.Entity.ID)
			case tc.want != "" && got == nil:
				t.Errorf("%q not recognized, want %s; got %s", tc.word, tc.want, r.summary())
			case tc.want != "" && (got.Entity.ID != "country:"+tc.want || got.Kind != kName || got.Nationality != tc.want):
				t.Errorf("%q stands for %s (kind %s, nationality %q), want country:%s", tc.word, got.Entity.ID, kindName(got.Kind), got.Nationality, tc.want)
			}
		})
	}
}

// TestHonorifics: forms of address before a name are not part of it and do not make a person of
// their own.
func TestHonorifics(t *testing.T) {
	tests := []struct {
		name, lang, text string
		id               string
		personName       string // the name part of the person's first mention
	}{
		{"ar سمو الأمير", "ar", "التقى سمو الأمير فيصل بن فرحان وفدا أمريكيا.", "person:faisal-bin-farhan", "فيصل بن فرحان"},
		{"ar معالي الدكتور", "ar", "التقى معالي الدكتور أيمن الصفدي وفدا أمريكيا.", "person:ayman-safadi", "أيمن الصفدي"},
		{"ar صاحب السمو الشيخ", "ar", "استقبل صاحب السمو الشيخ تميم بن حمد آل ثاني أمير دولة قطر وفدا.", "person:tamim-bin-hamad-al-thani", "تميم بن حمد آل ثاني"},
		{"ar honorific after title", "ar", "زار وزير الخارجية السعودي الأمير فيصل بن فرحان الكويت.", "person:faisal-bin-farhan", "فيصل بن فرحان"},
		{"ar فخامة", "ar", "استقبل فخامة الرئيس رجب طيب أردوغان الوفد.", "person:recep-tayyip-erdogan", "رجب طيب أردوغان"},
		{"en H.E.", "en", "H.E. Ayman Safadi met the ambassador.", "person:ayman-safadi", "Ayman Safadi"},
		{"en H.E. Sheikh", "en", "H.E. Sheikh Mohammed bin Abdulrahman Al Thani met the delegation.", "person:mohammed-bin-abdulrahman-al-thani", "Mohammed bin Abdulrahman Al Thani"},
		{"en His Majesty", "en", "His Majesty King Abdullah II received a delegation in Amman.", "person:abdullah-ii-of-jordan", "King Abdullah II"},
		{"en honorific after title", "en", "Saudi Foreign Minister Prince Faisal bin Farhan visited Kuwait.", "person:faisal-bin-farhan", "Faisal bin Farhan"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			e := r.entity(t, tc.id)
			if got := r.name(e.Mentions[0]); got != tc.personName {
				t.Errorf("name = %q, want %q; got %s", got, tc.personName, r.summary())
			}
			for _, other := range r.res.Entities {
				if other != e && other.Type == diplograph.EntityPerson {
					t.Errorf("another person %s found; got %s", other.ID, r.summary())
				}
			}
		})
	}
}

// TestNoEntities: common words that look like names, countries or titles make no entity.
func TestNoEntities(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // every entity found, in order
	}{
		{"ar hope and peace", "ar", "أعرب الأمين عن أمله في أن يسود السلام والأمن في المنطقة.", nil},
		{"ar help is not Aoun", "ar", "قدم الفريق عونا كبيرا للمتضررين.", nil},
		{"ar given names without title", "ar", "شارك كمال وجمال في المعرض الذي أقيم في الحديقة العامة.", nil},
		{"ar security cooperation", "ar", "قال المتحدث إن الجانبين بحثا سبل تعزيز التعاون الأمني.", nil},
		{"ar arab states", "ar", "شدد البيان على ضرورة احترام سيادة الدول العربية.", nil},
		{"ar financial support", "ar", "قدم الصندوق دعما ماليا للمشروع.", nil},
		{"ar ambassador and his country", "ar", "وأكد السفير أن بلاده تدعم الحوار.", nil},
		{"ar peace after Salam", "ar", "التقى الرئيس اللبناني جوزاف عون رئيس الحكومة نواف سلام، وبحثا عملية السلام.",
			[]string{"person:joseph-aoun", "country:LB", "person:nawaf-salam"}},
		{"en lowercase country words", "en", "We bought turkey, a guinea pig, china cups and jordan almonds.", nil},
		{"en capitalized common words", "en", "Hope remains that the summit will succeed, said an analyst. Peace is near.", nil},
		{"en title without anyone", "en", "The president said the summit would be held in March.", nil},
		{"en chief of staff", "en", "The chief of staff said the government would act.", nil},
		{"en honorific alone", "en", "Mr. and Mrs. Smith thanked the ambassador.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			if got := r.ids(); !slices.Equal(got, tc.want) {
				t.Errorf("entities = %v, want %v; got %s", got, tc.want, r.summary())
			}
		})
	}
}

// TestTitlesOfTwoPeople checks the readings that once gave one person the title of another: a title
// after a known official that names another state's official (verb, subject, object in Arabic), and
// two titles joined by "and"/"و" before one name. No words are mentioned twice.
func TestTitlesOfTwoPeople(t *testing.T) {
	tests := []struct {
		name, lang, text string
		keeps            string // a person whose roles stay those of his state
		keepsState       string
		titled           string // the person the (last) title names
		wantRoles        []role // that person's roles, in any order
	}{
		{"ar object title after a subject name", "ar", "استقبل فيصل بن فرحان وزير الخارجية الأردني في الرياض أمس.",
			"person:faisal-bin-farhan", "SA", "person:ayman-safadi", []role{{diplograph.TitleForeignMinister, "JO", false}}},
		{"ar object title after a surname", "ar", "التقى أيمن الصفدي وزير الخارجية السوري في عمان.",
			"person:ayman-safadi", "JO", "person:asaad-al-shaibani", []role{{diplograph.TitleForeignMinister, "SY", false}}},
		{"en two titles of one name after another official", "en",
			"The talks were attended by Iraqi Foreign Minister Fuad Hussein, Jordanian Deputy Prime Minister and Foreign Minister Ayman Safadi and others.",
			"person:fuad-hussein", "IQ", "person:ayman-safadi",
			[]role{{diplograph.TitleForeignMinister, "JO", false}, {diplograph.TitleDeputyPrimeMinister, "JO", false}}},
		{"ar two titles of one name", "ar", "وحضر الاجتماع نائب رئيس الوزراء ووزير الخارجية الأردني أيمن الصفدي.",
			"", "", "person:ayman-safadi",
			[]role{{diplograph.TitleForeignMinister, "JO", false}, {diplograph.TitleDeputyPrimeMinister, "JO", false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, tc.lang, "2025-05-01", tc.text)
			if tc.keeps != "" {
				for _, ro := range r.entity(t, tc.keeps).Roles {
					if ro.Country != tc.keepsState {
						t.Errorf("%s was given a role of %s: %+v", tc.keeps, ro.Country, ro)
					}
				}
			}
			e := r.entity(t, tc.titled)
			for _, want := range tc.wantRoles {
				found := false
				for _, ro := range e.Roles {
					found = found || ro.Title == want.title && ro.Country == want.country && ro.Former == want.former
				}
				if !found {
					t.Errorf("%s lacks the role %v; roles %+v", tc.titled, want, e.Roles)
				}
			}
			seen := map[[2]int]bool{}
			for _, m := range r.res.Mentions {
				k := [2]int{m.W0, m.W1}
				if seen[k] {
					t.Errorf("words %v mentioned twice (%q)", k, r.text(m))
				}
				seen[k] = true
			}
		})
	}
}

// TestAmbiguousNames checks the state names that are also common words (lexicon/data/ambiguous.tsv):
// without a cue they are words, after a cue or beside another name of the state they are the state.
func TestAmbiguousNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the texts of Mali's mentions, none for no entity
	}{
		{"financial support", "وأكد الوزير استمرار الدعم المالي للبرنامج.", nil},
		{"financial deficit", "وتعاني البلاد من عجز مالي كبير.", nil},
		{"minister of finance", "وقال وزير المالية إن الوضع المالي مستقر.", nil},
		{"financial and political support", "وأعلنت الحكومة عن دعم سياسي ومالي للمبادرة.", nil},
		{"after a preposition", "ودعت إلى إنهاء النزاع في مالي.", []string{"مالي"}},
		{"with the preposition ل", "وقدمت فرنسا دعما عسكريا لمالي.", []string{"مالي"}},
		{"counterpart", "وبحث الرئيس مع نظيره المالي الأوضاع في الساحل.", []string{"المالي"}},
		{"named otherwise in the article", "أعلنت باماكو الهدنة. وقال المتحدث إن مالي ستلتزم بها.", []string{"باماكو", "مالي"}},
		{"an adjective stays one beside the name", "وقدمت فرنسا دعما عسكريا لمالي. وقال إن الدعم المالي سيستمر.", []string{"مالي"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := recognizeText(t, "ar", "2025-05-01", tc.text)
			var got []string
			if e := r.res.EntityByID("country:ML"); e != nil {
				for _, m := range e.Mentions {
					got = append(got, r.text(m))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Mali's mentions = %q, want %q; all: %s", got, tc.want, r.summary())
			}
		})
	}
}

// TestAliasWithTitleAfterNationality checks that a lexicon alias holding a title ("King Hamad") is found
// after a nationality, when the name alone names nobody.
func TestAliasWithTitleAfterNationality(t *testing.T) {
	r := recognizeText(t, "en", "2025-05-01", "Bahrain's King Hamad said the talks were useful.")
	if r.res.EntityByID("person:hamad") != nil {
		t.Errorf("an unknown person was made of the alias: %s", r.summary())
	}
	e := r.entity(t, "person:hamad-bin-isa-al-khalifa")
	if m := r.mentionWithText(e, "King Hamad"); m == nil {
		t.Errorf("no mention \"King Hamad\": %s", r.summary())
	}
	r.entity(t, "country:BH")
}
