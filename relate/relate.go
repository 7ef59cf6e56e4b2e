// Package relate reads what happened and what was said in an article whose entities are recognized:
// events (meetings, visits, calls, agreements and other PLOVER-aligned interactions) with their
// participants, place and date, and positions (a holder's stance on a topic about a target), each
// with the sentence it came from. docs/extraction.md describes the rules and their confidence.
package relate

import (
	"io"
	"sort"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/dates"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

// Relater finds events and positions with a lexicon's triggers. It is safe for concurrent use.
type Relater struct {
	Lex *lexicon.Lexicon
	// Trace, when set, receives for every sentence the triggers found and what they produced, to
	// explain an extraction ("diplograph extract --explain").
	Trace io.Writer
}

// Result is what Relate found. Entities lists entities the events and positions refer to that the
// recognizer did not produce (the Palestinian state of a two-state position, say).
type Result struct {
	Events    []diplograph.Event
	Positions []diplograph.Position
	Entities  []*recognize.Entity
}

// Relate finds the events and positions of a recognized article.
func (r *Relater) Relate(rec *recognize.Result) *Result {
	a := &article{lex: r.Lex, rec: rec, doc: rec.Doc, pub: rec.Published, trig: r.Lex.Triggers, trace: r.Trace,
		topicTarget: map[diplograph.Topic]string{}}
	a.frame = frame{date: rec.Published, known: !rec.Published.IsZero()}
	for si := range a.doc.Sentences {
		a.sentence(si)
	}
	return a.result()
}

// article is the state of one pass over an article's sentences.
type article struct {
	lex  *lexicon.Lexicon
	rec  *recognize.Result
	doc  *normalize.Doc
	pub  diplograph.Date
	trig *lexicon.Triggers

	frame          frame       // the time the narrative is at
	subject        []*party    // the last explicit agent or speaker: who a dropped subject refers to
	focus          [][]*party  // the parties of the last events before this sentence, last first: who "the two sides" are
	sentFocus      []focusMark // the events of this sentence that change the focus, in text order
	events         []*event    // in text order
	posits         []*posit    // in text order
	extra          []*recognize.Entity
	lastTarget     string                      // the last target state of a position, for "البلاد", "its"
	lastTargetSent int                         // the sentence of lastTarget
	conflict       string                      // the target state of the last position on a state's situation: what "the truce" is about
	topicTarget    map[diplograph.Topic]string // the target of the last position on each topic
	trace          io.Writer
}

// frame is the date the narrative is at: known (a day, month or year) or not (after "earlier").
type frame struct {
	date  diplograph.Date
	known bool
}

// focusDepth is how many past events a dual may reach back to.
const focusDepth = 3

// focusMark is the focus an event of the sentence sets from its trigger on.
type focusMark struct {
	w       int
	parties []*party
}

// focusAt returns who "the two sides" at word w of the current sentence are: the parties of the last
// event told before w in the sentence, else of the last event before it. "كما جدد الجانبان دعمهما …
// في امتداد للقاء الثلاثي" speaks of the two sides of the talks already told, not of the meeting named
// after them.
func (a *article) focusAt(w int) []*party {
	return a.focusOf(w, false)
}

// focusOf is focusAt for a relation word: a dual ("الجانبان", "the two sides") refers to the last
// event with two states, passing over a meeting of more named since ("… في امتداد للقاء الثلاثي").
func (a *article) focusOf(w int, dual bool) []*party {
	var cands [][]*party
	for i := len(a.sentFocus) - 1; i >= 0; i-- {
		if a.sentFocus[i].w < w {
			cands = append(cands, a.sentFocus[i].parties)
		}
	}
	cands = append(cands, a.focus...)
	if len(cands) == 0 {
		return nil
	}
	if dual {
		for _, c := range cands {
			if len(countriesOf(c)) == 2 {
				return c
			}
		}
	}
	return cands[0]
}

// party is an entity taking part in an event or holding a position.
type party struct {
	entity *recognize.Entity
	w      int // word where it is named
}

// sent is one sentence being read.
type sent struct {
	idx        int
	w0, w1     int
	start, end int
	date       diplograph.Date
	dateKnown  bool
	vague      bool // the sentence places its facts at an unknown time ("earlier")
	future     bool // the sentence's date expression points after publication
	pluperfect bool // "كان … قد": before the narrative time
	exprs      []dates.Expr
	matches    []match
}

// matchKind is the kind of a trigger found in a sentence.
type matchKind uint8

const (
	mEvent matchKind = iota
	mSpeech
	mStance
	mTopic
	mModality
	mRelation
	mInverter
	matchKinds // the number of kinds
)

// resumeAt holds, for each kind of match, the first word where that kind may match again in the
// sentence being read (matches of one kind do not overlap).
type resumeAt [matchKinds]int

// match is one trigger found in a sentence.
type match struct {
	kind       matchKind
	w0, w1     int
	start, end int
	event      *lexicon.EventTrigger
	speech     *lexicon.SpeechTrigger
	stance     *lexicon.StanceTrigger
	topic      *lexicon.TopicTrigger
	modality   *lexicon.ModalityTrigger
	relation   string
	future     bool // the trigger verb carries the future prefix س
	object     bool // the trigger verb carries an object pronoun: "استقبله" (received him)
	weak       bool // a discussion verb read as speech: its topics need a stance word
	agreed     bool // an agreement verb read as speech: its parties commit to what they agree on
	// nounEnd is, for a verb split from its object noun by the subject ("فرضت الولايات المتحدة
	// عقوبات"), the word after the noun: the object of the event comes after it.
	nounEnd int
}

func sortMatches(ms []match) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].w0 < ms[j].w0 })
}

// sentence reads one sentence: its time, its events and its positions.
func (a *article) sentence(si int) {
	s := a.prepare(si)
	a.updateFrame(s)
	nev, npos := len(a.events), len(a.posits)
	evs := a.readEvents(s)
	a.readPositions(s, evs)
	a.readHeading(s)
	for _, sf := range a.sentFocus {
		a.focus = append([][]*party{sf.parties}, a.focus[:min(len(a.focus), focusDepth-1)]...)
	}
	a.sentFocus = a.sentFocus[:0]
	if a.trace != nil {
		a.traceSentence(s, a.events[nev:], a.posits[npos:])
	}
}

// readHeading makes the parties named in a heading that ends with a colon ("The Ministers:", "وأكد
// الجانبان ما يلي:") the subject of the items after it, whose verbs have none ("1. Reaffirmed …").
func (a *article) readHeading(s *sent) {
	if s.end == 0 || !strings.HasSuffix(a.doc.Slice(s.end-1, s.end), ":") {
		return
	}
	var ps []*party
	for _, act := range a.actors(s.w0, s.w1) {
		if !act.place {
			ps = addParty(ps, act.entity, act.w)
		}
	}
	if len(ps) > 0 {
		a.subject = ps
	}
}

// result builds the contract's events and positions.
func (a *article) result() *Result {
	res := &Result{Entities: a.extra}
	for _, e := range mergeEvents(a.events) {
		res.Events = append(res.Events, a.contractEvent(e))
	}
	for _, p := range mergePositions(a.posits) {
		res.Positions = append(res.Positions, a.contractPosition(p))
	}
	return res
}
