package store

import (
	"testing"
	"time"

	"github.com/diplograph/diplograph"
)

func day(s string) diplograph.Date {
	d, err := diplograph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestLuceneQuery(t *testing.T) {
	for _, c := range []struct {
		keys []string
		want string
	}{
		{[]string{"lavrov"}, "((lavrov OR lavrov*))"},
		{[]string{"sergei lavrov"}, "(sergei AND (lavrov OR lavrov*))"},
		{[]string{"شيباني", "الشيباني"}, "((شيباني OR شيباني*)) OR ((الشيباني OR الشيباني*))"},
		{[]string{"al"}, "(al)"},
		{[]string{`a:b (c)`}, `(a\:b AND (\(c\) OR \(c\)*))`},
		{[]string{`x" OR name:*`}, `(x\" AND or AND (name\:\* OR name\:\**))`},
	} {
		if got := luceneQuery(c.keys); got != c.want {
			t.Errorf("luceneQuery(%q) = %s, want %s", c.keys, got, c.want)
		}
	}
}

func TestRoleHeldDuring(t *testing.T) {
	lexicon := Role{From: day("2024-12-08"), To: day("2025-01-29")}
	open := Role{From: day("2024-12-21")}
	observed := Role{FirstSeen: day("2024-01-16"), LastSeen: day("2024-07-25")}
	former := Role{FirstSeen: day("2024-01-16"), LastSeen: day("2024-07-25"), Former: true}
	yearTerm := Role{From: day("2020"), To: day("2024")}
	for _, c := range []struct {
		name string
		r    Role
		at   string
		want bool
	}{
		{"lexicon, inside", lexicon, "2025-01-01", true},
		{"lexicon, last day", lexicon, "2025-01-29", true},
		{"lexicon, after", lexicon, "2025-06-01", false},
		{"lexicon, before", lexicon, "2024-12-07", false},
		{"lexicon, month overlapping", lexicon, "2025-01", true},
		{"open term, long after", open, "2030-01-01", true},
		{"open term, before", open, "2024-12-20", false},
		{"observed, inside", observed, "2024-06-01", true},
		{"observed, after", observed, "2024-09-01", false},
		{"observed, the year", observed, "2024", true},
		{"former", former, "2024-06-01", false},
		{"year-precise term, its last year", yearTerm, "2024-12-31", true},
	} {
		d := day(c.at)
		if got := c.r.HeldDuring(d.Start(), d.End()); got != c.want {
			t.Errorf("%s: HeldDuring(%s) = %v, want %v", c.name, c.at, got, c.want)
		}
	}
	if lexicon.TermSource() != TermLexicon || observed.TermSource() != TermObserved || observed.Start() != day("2024-01-16") {
		t.Errorf("term source or start wrong")
	}
}

func TestLeaning(t *testing.T) {
	for _, c := range []struct {
		stance diplograph.Stance
		topic  diplograph.Topic
		want   int
	}{
		{diplograph.StanceSupports, diplograph.TopicTerritorialIntegrity, 1},
		{diplograph.StanceOpposes, diplograph.TopicPartition, 1},
		{diplograph.StanceSupports, diplograph.TopicSanctions, -1},
		{diplograph.StanceOpposes, diplograph.TopicSanctions, 1},
		{diplograph.StanceOpposes, diplograph.TopicMilitaryAction, -1}, // the target is the actor
		{diplograph.StanceOpposes, diplograph.TopicTerrorism, 0},
	} {
		p := Position{Stance: c.stance, Topic: c.topic}
		if got := p.Leaning(); got != c.want {
			t.Errorf("%s %s: leaning %d, want %d", c.stance, c.topic, got, c.want)
		}
	}
	for _, topic := range diplograph.Topics {
		if _, ok := TopicPolarity[topic]; !ok {
			t.Errorf("TopicPolarity lacks %s", topic)
		}
	}
	for _, typ := range diplograph.EventTypes {
		if _, ok := EventWeights[typ]; !ok {
			t.Errorf("EventWeights lacks %s", typ)
		}
	}
}

func TestBuckets(t *testing.T) {
	r := &Relation{Interval: IntervalMonth, From: day("2025-01"), To: day("2025-03"),
		Events: []Event{
			{Type: diplograph.EventMeeting, Date: day("2025-01-15")},
			{Type: diplograph.EventAgreement, Date: day("2025-03")},
			{Type: diplograph.EventSanction, Date: day("2025-03-02")},
			{Type: diplograph.EventVisit, Date: day("2025")}, // too coarse for a month: counted in the total only
		},
		Positions: []Position{
			{Stance: diplograph.StanceSupports, Topic: diplograph.TopicSovereignty, Date: day("2025-01-20")},
			{Stance: diplograph.StanceSupports, Topic: diplograph.TopicSanctions, Date: day("2025-03-01")},
			{Stance: diplograph.StanceOpposes, Topic: diplograph.TopicTerrorism, Date: day("2025-03-01")},
		}}
	if err := r.count(); err != nil {
		t.Fatal(err)
	}
	if len(r.Buckets) != 3 || r.Buckets[1].Start != day("2025-02-01") || r.Buckets[1].End != day("2025-02-28") {
		t.Fatalf("buckets: %+v", r.Buckets)
	}
	jan, mar := r.Buckets[0], r.Buckets[2]
	if jan.Meetings != 1 || jan.Supportive != 1 || jan.Score != 2.5 {
		t.Errorf("January: %+v", jan)
	}
	if mar.Agreements != 1 || mar.Other != 1 || mar.Opposing != 1 || mar.Neutral != 1 || mar.Score != 3-4-2 {
		t.Errorf("March: %+v", mar)
	}
	if r.Total.Visits != 1 || r.Total.Score != 2.5+2+(3-4-2) {
		t.Errorf("total: %+v", r.Total)
	}

	open := &Relation{Interval: IntervalQuarter, Events: []Event{{Type: diplograph.EventPhoneCall, Date: day("2024-05-07")},
		{Type: diplograph.EventPhoneCall, Date: day("2024-11-30")}}}
	if err := open.count(); err != nil {
		t.Fatal(err)
	}
	if open.From != day("2024-04-01") || open.To != day("2024-12-31") || len(open.Buckets) != 3 {
		t.Errorf("open window: %s..%s, %d buckets", open.From, open.To, len(open.Buckets))
	}
	none := &Relation{Interval: IntervalMonth}
	if err := none.count(); err != nil || none.Total != nil || len(none.Buckets) != 0 {
		t.Errorf("no facts, no window: %+v %v", none, err)
	}
	long := &Relation{Interval: IntervalWeek, From: day("2000"), To: day("2025")}
	if err := long.count(); diplograph.ErrorCode(err) != diplograph.EINVALID {
		t.Errorf("26 years of weeks: %v, want EINVALID", err)
	}
}

func TestBucketStart(t *testing.T) {
	at := func(s string) time.Time { return day(s).Time() }
	for _, c := range []struct {
		day  string
		iv   Interval
		want string
	}{
		{"2025-07-31", IntervalWeek, "2025-07-28"}, // a Thursday; weeks start on Monday
		{"2025-07-28", IntervalWeek, "2025-07-28"},
		{"2025-08-03", IntervalWeek, "2025-07-28"}, // a Sunday
		{"2025-08-17", IntervalQuarter, "2025-07-01"},
		{"2025-12-31", IntervalYear, "2025-01-01"},
		{"2025-02-28", IntervalMonth, "2025-02-01"},
	} {
		if got := diplograph.DayDate(bucketStart(at(c.day), c.iv)).String(); got != c.want {
			t.Errorf("bucketStart(%s, %s) = %s, want %s", c.day, c.iv, got, c.want)
		}
	}
}

func TestMatches(t *testing.T) {
	ev := &EventChange{Event: Event{Type: diplograph.EventMeeting, Date: day("2026-11-30"), Modality: diplograph.ModalityAsserted,
		LocationCountry: "JO", SourceCount: 1},
		Participants: []string{"person:ayman-safadi", "person:asaad-al-shaibani"}, Via: []string{"country:JO", "country:SY"},
		Places: []string{"place:JO:amman"}}
	for _, c := range []struct {
		name string
		q    EventQuery
		want bool
	}{
		{"no filter", EventQuery{}, true},
		{"countries through officials", EventQuery{Participants: []string{"country:SY", "country:JO"}}, true},
		{"a country absent", EventQuery{Participants: []string{"country:SY", "country:RU"}}, false},
		{"type", EventQuery{Types: []diplograph.EventType{diplograph.EventVisit}}, false},
		{"window", EventQuery{Window: Window{From: day("2026-11")}}, true},
		{"window before", EventQuery{Window: Window{To: day("2026-10")}}, false},
		{"place country", EventQuery{Place: "country:JO"}, true},
		{"place", EventQuery{Place: "place:SY:damascus"}, false},
		{"sources", EventQuery{MinSources: 2}, false},
		{"planned only", EventQuery{Modalities: []diplograph.Modality{diplograph.ModalityPlanned}}, false},
	} {
		if got := c.q.Matches(ev); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	pos := &PositionChange{Position: Position{HolderID: "person:ayman-safadi", TargetID: "country:SY", Stance: diplograph.StanceSupports,
		Topic: diplograph.TopicTerritorialIntegrity, Date: day("2026-11-30"), Modality: diplograph.ModalityAsserted, SourceCount: 1},
		Via: []string{"country:JO"}}
	if !(&PositionQuery{Holder: "country:JO", Target: "country:SY"}).Matches(pos) {
		t.Error("a country's official's position does not match the country")
	}
	if (&PositionQuery{Holder: "country:SY"}).Matches(pos) || (&PositionQuery{Stance: diplograph.StanceOpposes}).Matches(pos) {
		t.Error("a position matches another holder or stance")
	}
}
