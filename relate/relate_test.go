package relate_test

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/extract"
	"github.com/diplograph/diplograph/lexicon"
)

var (
	lexOnce sync.Once
	lex     *lexicon.Lexicon
	lexErr  error
)

// extractText extracts one article published on 2025-05-18.
func extractText(t *testing.T, lang, body string) *diplograph.Extraction {
	t.Helper()
	lexOnce.Do(func() { lex, lexErr = lexicon.Default() })
	if lexErr != nil {
		t.Fatal(lexErr)
	}
	a := &diplograph.Article{Body: body, Language: lang, Published: diplograph.Date{Year: 2025, Month: 5, Day: 18}}
	return extract.New(lex).Extract(a)
}

// countryOf returns the state an entity stands for: a country's code, a person's first role country.
func countryOf(x *diplograph.Extraction, id string) string {
	for _, e := range x.Entities {
		if e.ID != id {
			continue
		}
		if e.Type == diplograph.EntityCountry {
			return e.Code
		}
		for _, r := range e.Roles {
			if r.Country != "" {
				return r.Country
			}
		}
	}
	return ""
}

// eventKeys returns "GROUP:CC,CC" for every asserted event, sorted.
func eventKeys(x *diplograph.Extraction) []string {
	var out []string
	for _, e := range x.Events {
		if e.Modality != "" && e.Modality != diplograph.ModalityAsserted {
			continue
		}
		var cs []string
		for _, p := range e.Participants {
			if c := countryOf(x, p.Entity); c != "" && !slices.Contains(cs, c) {
				cs = append(cs, c)
			}
		}
		sort.Strings(cs)
		out = append(out, e.Type.Group()+":"+strings.Join(cs, ","))
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// positionKeys returns "HOLDER STANCE TOPIC TARGET" for every position, by state, sorted.
func positionKeys(x *diplograph.Extraction) []string {
	var out []string
	for _, p := range x.Positions {
		target := "-"
		if p.Target != "" {
			target = countryOf(x, string(p.Target))
		}
		out = append(out, countryOf(x, p.Holder)+" "+string(p.Stance)+" "+string(p.Topic)+" "+target)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func TestRules(t *testing.T) {
	tests := []struct {
		name, lang, body string
		events           []string // every asserted event, when not nil
		positions        []string // positions that must be found
		notPositions     []string // positions that must not be found
	}{
		{
			name: "a stance word inside a topic phrase governs only that topic",
			lang: "ar",
			body: "وجدد وزير الخارجية القطري دعوة دولة قطر إلى وقف شامل ودائم لإطلاق النار في غزة، مؤكداً أن الحل يمر بإنهاء الاحتلال الإسرائيلي وإقامة الدولة الفلسطينية.",
			positions: []string{"QA SUPPORTS CEASEFIRE PS", "QA OPPOSES OCCUPATION IL",
				"QA SUPPORTS PALESTINIAN_STATE PS"},
			notPositions: []string{"QA OPPOSES PALESTINIAN_STATE PS"},
		},
		{
			name:      "states coordinated after a topic are all its targets",
			lang:      "ar",
			body:      "ودعا وزير الخارجية الصيني وانغ يي إلى وقف فوري لإطلاق النار في غزة ولبنان.",
			positions: []string{"CN SUPPORTS CEASEFIRE PS", "CN SUPPORTS CEASEFIRE LB"},
		},
		{
			name:   "the speaker who reports a meeting does not take part in it",
			lang:   "ar",
			body:   "وصرح المتحدث باسم الخارجية الأردنية سفيان القضاة بأن وزير الخارجية الأردني أيمن الصفدي التقى نظيره السوري أسعد الشيباني في عمّان اليوم.",
			events: []string{"CONSULT:JO,SY"},
		},
		{
			name: "items after a heading take its subject",
			lang: "en",
			body: "The Foreign Ministers of Iraq, Jordan and Lebanon met in Amman today.\n\nThe Ministers:\n\n1. Reaffirmed their support for Lebanon's sovereignty.",
			positions: []string{"IQ SUPPORTS SOVEREIGNTY LB", "JO SUPPORTS SOVEREIGNTY LB",
				"LB SUPPORTS SOVEREIGNTY LB"},
		},
		{
			name:   "a definite event noun refers back to the event told",
			lang:   "ar",
			body:   "استقبل وزير الخارجية الأردني أيمن الصفدي اليوم نظيره السوري أسعد الشيباني. وتأتي المباحثات بعد أسابيع من قرار واشنطن رفع العقوبات.",
			events: []string{"CONSULT:JO,SY"},
		},
		{
			name:   "a verb with an object pronoun takes the subject of the story as its object",
			lang:   "ar",
			body:   "وصل وزير الدفاع السعودي الأمير خالد بن سلمان إلى طهران اليوم. كما استقبله الرئيس الإيراني مسعود بزشكيان.",
			events: []string{"CONSULT:IR,SA"},
		},
		{
			name:         "the two sides of a dual are the last two states in focus",
			lang:         "ar",
			body:         "التقى وزير الخارجية الجزائري أحمد عطاف نظيره التونسي محمد علي النفطي اليوم. وجدد الجانبان دعمهما لحل سياسي في ليبيا، في امتداد للقاء الثلاثي بين الجزائر وتونس وليبيا. وأكد الوزيران ضرورة إدخال المساعدات الإنسانية إلى غزة.",
			positions:    []string{"DZ SUPPORTS HUMANITARIAN_AID PS", "TN SUPPORTS HUMANITARIAN_AID PS"},
			notPositions: []string{"LY SUPPORTS HUMANITARIAN_AID PS"},
		},
		{
			name:      "a quotation before its attribution is what the speaker said",
			lang:      "en",
			body:      "\"We stand with Syria's unity and its sovereignty,\" Jordanian Foreign Minister Ayman Safadi told reporters.",
			positions: []string{"JO SUPPORTS SOVEREIGNTY SY", "JO SUPPORTS TERRITORIAL_INTEGRITY SY"},
		},
		{
			name:      "each other's sovereignty is the other's",
			lang:      "en",
			body:      "Saudi Crown Prince Mohammed bin Salman held talks with Chinese President Xi Jinping on Friday. Both leaders affirmed their support for each other's sovereignty.",
			positions: []string{"CN SUPPORTS SOVEREIGNTY SA", "SA SUPPORTS SOVEREIGNTY CN"},
		},
		{
			name:      "the state asked to act with ب is the doer of what it is asked",
			lang:      "ar",
			body:      "وأدان وزير الخارجية التركي هاكان فيدان الغارات الإسرائيلية على الأراضي السورية، مطالباً إسرائيل بالانسحاب من المناطق التي احتلتها.",
			positions: []string{"TR OPPOSES MILITARY_ACTION IL", "TR OPPOSES OCCUPATION IL"},
		},
		{
			name:      "what the two sides agree on, each commits to with the other",
			lang:      "ar",
			body:      "التقى وزير الخارجية الأردني أيمن الصفدي نظيره العراقي فؤاد حسين في عمّان اليوم. واتفق الجانبان على تعزيز التعاون الاقتصادي.",
			events:    []string{"AGREE:IQ,JO", "CONSULT:IQ,JO"},
			positions: []string{"IQ SUPPORTS ECONOMIC_COOPERATION JO", "JO SUPPORTS ECONOMIC_COOPERATION IQ"},
		},
		{
			name:         "a sanctions topic whose end is told in the passive",
			lang:         "en",
			body:         "Jordanian Foreign Minister Ayman Safadi welcomed the announcement that sanctions on Syria will be lifted.",
			positions:    []string{"JO OPPOSES SANCTIONS SY"},
			notPositions: []string{"JO SUPPORTS SANCTIONS SY"},
		},
		{
			name:      "the masdar's genitive followed by ل is its doer",
			lang:      "ar",
			body:      "وأدانت وزارة الخارجية وشؤون المغتربين الأردنية احتلال إسرائيل للمنطقة العازلة في الجولان السوري.",
			positions: []string{"JO OPPOSES OCCUPATION IL"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := extractText(t, tc.lang, tc.body)
			if tc.events != nil {
				if got := eventKeys(x); !slices.Equal(got, tc.events) {
					t.Errorf("events = %v, want %v", got, tc.events)
				}
			}
			got := positionKeys(x)
			for _, p := range tc.positions {
				if !slices.Contains(got, p) {
					t.Errorf("missing position %q; got %v", p, got)
				}
			}
			for _, p := range tc.notPositions {
				if slices.Contains(got, p) {
					t.Errorf("unexpected position %q; got %v", p, got)
				}
			}
		})
	}
}

// TestRelativeClauseDate checks that a date in a relative clause does not move the narrative time:
// the signing told after it happened today.
func TestRelativeClauseDate(t *testing.T) {
	x := extractText(t, "ar", "استقبل وزير الخارجية المغربي ناصر بوريطة اليوم نظيره الفلسطيني رياض المالكي. "+
		"وأكد الجانبان رفضهما للقرار الذي وقعه الرئيس الأمريكي يوم الاثنين. "+
		"وفي ختام المباحثات، وقّع الوزيران مذكرة تفاهم.")
	for _, e := range x.Events {
		if e.Type == diplograph.EventAgreement && e.Date.String() != "2025-05-18" {
			t.Errorf("agreement dated %s, want 2025-05-18", e.Date)
		}
	}
}
