package store

import (
	"time"

	"github.com/diplograph/diplograph"
)

// Interval is the width of the buckets of a relation's timeline.
type Interval string

const (
	IntervalWeek    Interval = "WEEK" // ISO weeks, from Monday
	IntervalMonth   Interval = "MONTH"
	IntervalQuarter Interval = "QUARTER"
	IntervalYear    Interval = "YEAR"
)

// MaxBuckets bounds the buckets of one relation (about eleven years of weeks).
const MaxBuckets = 600

// RelationBucket counts one period of a relation.
type RelationBucket struct {
	Start, End diplograph.Date
	Meetings   int
	Visits     int
	Calls      int
	Agreements int
	Other      int
	Supportive int
	Opposing   int
	Neutral    int
	Score      float64
}

// EventWeights are the cooperation weights of event types, after PLOVER's cooperative and conflictual
// categories (docs/api.md): cooperation scores above zero, conflict below.
var EventWeights = map[diplograph.EventType]float64{
	diplograph.EventAgreement: 3,
	diplograph.EventAid:       2.5,
	diplograph.EventVisit:     2,
	diplograph.EventCooperate: 2,
	diplograph.EventMeeting:   1.5,
	diplograph.EventPhoneCall: 1,
	diplograph.EventRequest:   0.5,
	diplograph.EventProtest:   -1.5,
	diplograph.EventAccuse:    -2,
	diplograph.EventThreaten:  -3,
	diplograph.EventSanction:  -4,
}

// Weights of positions: one that favours the other side, and one that opposes it.
const (
	SupportiveWeight = 1.0
	OpposingWeight   = -2.0
)

// TopicPolarity says, for each topic, what supporting it means for the position's target: +1 favours the
// target (its territorial integrity, relations with it, the military action or occupation it conducts —
// the target of those topics is the actor), -1 opposes it (its partition, sanctions on it), 0 neither
// (terrorism in it, human rights, elections). Opposing a topic reverses its polarity.
var TopicPolarity = map[diplograph.Topic]int{
	diplograph.TopicTerritorialIntegrity: 1,
	diplograph.TopicSovereignty:          1,
	diplograph.TopicPartition:            -1,
	diplograph.TopicForeignInterference:  1,
	diplograph.TopicMilitaryAction:       1,
	diplograph.TopicSanctions:            -1,
	diplograph.TopicTerrorism:            0,
	diplograph.TopicBilateralRelations:   1,
	diplograph.TopicMilitaryCooperation:  1,
	diplograph.TopicEconomicCooperation:  1,
	diplograph.TopicReconstruction:       1,
	diplograph.TopicPoliticalSettlement:  1,
	diplograph.TopicCeasefire:            1,
	diplograph.TopicHumanitarianAid:      1,
	diplograph.TopicRefugeeReturn:        1,
	diplograph.TopicPalestinianState:     1,
	diplograph.TopicOccupation:           1,
	diplograph.TopicNuclearProgram:       1,
	diplograph.TopicHumanRights:          0,
	diplograph.TopicElections:            0,
}

// Leaning returns +1 when the position favours its target, -1 when it opposes it, 0 when neither.
func (p *Position) Leaning() int {
	l := TopicPolarity[p.Topic]
	if p.Stance == diplograph.StanceOpposes {
		l = -l
	}
	return l
}

func (b *RelationBucket) addEvent(e *Event) {
	switch e.Type {
	case diplograph.EventMeeting:
		b.Meetings++
	case diplograph.EventVisit:
		b.Visits++
	case diplograph.EventPhoneCall:
		b.Calls++
	case diplograph.EventAgreement:
		b.Agreements++
	default:
		b.Other++
	}
	b.Score += EventWeights[e.Type]
}

func (b *RelationBucket) addPosition(p *Position) {
	switch p.Leaning() {
	case 1:
		b.Supportive++
		b.Score += SupportiveWeight
	case -1:
		b.Opposing++
		b.Score += OpposingWeight
	default:
		b.Neutral++
	}
}

// count fills the buckets and the total. A fact is counted in the bucket of its first day, and only when
// its date is as precise as the interval (a month-precise date has no week; a year-precise one no month);
// the total counts every fact.
func (r *Relation) count() error {
	first, last := r.From, r.To
	for i := range r.Events {
		first, last = widen(first, last, r.Events[i].Date, r.From, r.To)
	}
	for i := range r.Positions {
		first, last = widen(first, last, r.Positions[i].Date, r.From, r.To)
	}
	r.Buckets = []RelationBucket{}
	if first.IsZero() || last.IsZero() {
		return nil
	}
	r.Total = &RelationBucket{Start: first.Start(), End: last.End()}
	for s := bucketStart(first.Start().Time(), r.Interval); !s.After(last.End().Time()); {
		if len(r.Buckets) == MaxBuckets {
			return diplograph.Errorf(diplograph.EINVALID, "the window %s..%s holds more than %d %s buckets: narrow it or take a longer interval",
				first, last, MaxBuckets, r.Interval)
		}
		next := bucketNext(s, r.Interval)
		r.Buckets = append(r.Buckets, RelationBucket{Start: diplograph.DayDate(s), End: diplograph.DayDate(next.AddDate(0, 0, -1))})
		s = next
	}
	if r.From.IsZero() {
		r.From = r.Buckets[0].Start
	}
	if r.To.IsZero() {
		r.To = r.Buckets[len(r.Buckets)-1].End
	}
	for i := range r.Events {
		e := &r.Events[i]
		r.Total.addEvent(e)
		if b := r.bucket(e.Date); b != nil {
			b.addEvent(e)
		}
	}
	for i := range r.Positions {
		p := &r.Positions[i]
		r.Total.addPosition(p)
		if b := r.bucket(p.Date); b != nil {
			b.addPosition(p)
		}
	}
	return nil
}

// widen extends first..last to d unless the window bounds that side.
func widen(first, last, d, from, to diplograph.Date) (diplograph.Date, diplograph.Date) {
	if d.IsZero() {
		return first, last
	}
	if from.IsZero() && (first.IsZero() || d.Start().Before(first.Start())) {
		first = d.Start()
	}
	if to.IsZero() && (last.IsZero() || last.End().Before(d.End())) {
		last = d.End()
	}
	return first, last
}

// bucket returns the bucket of a date precise enough for the interval, or nil.
func (r *Relation) bucket(d diplograph.Date) *RelationBucket {
	if d.IsZero() || !preciseFor(d.Precision(), r.Interval) {
		return nil
	}
	t := d.Start().Time()
	for i := range r.Buckets {
		b := &r.Buckets[i]
		if !t.Before(b.Start.Time()) && !t.After(b.End.Time()) {
			return b
		}
	}
	return nil
}

func preciseFor(p diplograph.Precision, iv Interval) bool {
	switch p {
	case diplograph.PrecisionDay:
		return true
	case diplograph.PrecisionMonth:
		return iv != IntervalWeek
	}
	return iv == IntervalYear
}

// bucketStart returns the first day of the bucket holding t.
func bucketStart(t time.Time, iv Interval) time.Time {
	y, m, d := t.Date()
	switch iv {
	case IntervalWeek:
		wd := (int(t.Weekday()) + 6) % 7 // Monday is 0
		return time.Date(y, m, d-wd, 0, 0, 0, 0, time.UTC)
	case IntervalQuarter:
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, time.UTC)
	case IntervalYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}

// bucketNext returns the first day of the bucket after the one starting at s.
func bucketNext(s time.Time, iv Interval) time.Time {
	switch iv {
	case IntervalWeek:
		return s.AddDate(0, 0, 7)
	case IntervalQuarter:
		return s.AddDate(0, 3, 0)
	case IntervalYear:
		return s.AddDate(1, 0, 0)
	}
	return s.AddDate(0, 1, 0)
}
