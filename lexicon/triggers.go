package lexicon

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

// Triggers are the words that signal events and positions (docs/extraction.md, lexicon/data/triggers).
type Triggers struct {
	Events    *normalize.PhraseSet[*EventTrigger]
	Speech    *normalize.PhraseSet[*SpeechTrigger]
	Stances   *normalize.PhraseSet[*StanceTrigger]
	Topics    *normalize.PhraseSet[*TopicTrigger]
	Modality  *normalize.PhraseSet[*ModalityTrigger]
	Relations *normalize.PhraseSet[string] // relation words: "الجانبان", "the two sides", "counterpart"…
	Inverters *normalize.PhraseSet[string] // "المساس ب", "violation of": the topic after is violated
	// split holds the Arabic two-word verb triggers by their verb ("فرضت" → "عقوبات"), for the verb
	// and its object split by the subject: "فرضت الولايات المتحدة عقوبات" (SplitEvents).
	split map[string][]SplitEvent

	events    []*EventTrigger
	speech    []*SpeechTrigger
	stances   []*StanceTrigger
	topics    []*TopicTrigger
	modality  []*ModalityTrigger
	relations [][2]string
	inverters []string
}

// EventTrigger is a word or phrase that reports an event.
type EventTrigger struct {
	Type diplograph.EventType
	// Roles says who plays which part: "HOST>GUEST" (the subject receives the object: استقبل,
	// received), "GUEST>HOST" (the subject visits the object or place: زار, visited), "PARTICIPANT"
	// (met, talks), "SIGNATORY" (signed).
	Roles string
	// Form is "verb" for a finite verb whose subject is the agent, "noun" for a noun phrase whose
	// participants are named around it ("زيارة", "talks", "phone call").
	Form   string
	Phrase string
	Lang   string
}

// SpeechTrigger is a verb of reported speech; what follows it is attributed to its subject.
type SpeechTrigger struct {
	Kind     diplograph.StanceKind
	Polarity int // +1 supports (welcomed, called for), -1 opposes (condemned, rejected), 0 neutral
	Phrase   string
	Lang     string
}

// StanceTrigger is a word inside a statement that gives its polarity ("دعم", "رفض", "support").
type StanceTrigger struct {
	Kind     diplograph.StanceKind
	Polarity int
	Phrase   string
	Lang     string
}

// TopicTrigger is a phrase naming a topic of positions.
type TopicTrigger struct {
	Topic diplograph.Topic
	// Polarity is -1 when the phrase names the end of the thing ("رفع العقوبات", "lifting sanctions"):
	// supporting it opposes the topic.
	Polarity int
	// Target says where the target state is: "state" (the state the phrase is about, written next to
	// it), "actor" (the state that acts: a nisba/demonym or "by X"), "patient" (the state acted upon:
	// "على X", "on X"), "partner" (the other state of a relation), "PS", or "none".
	Target string
	Phrase string
	Lang   string
}

// ModalityTrigger marks an event or position as planned, negated or hypothetical.
type ModalityTrigger struct {
	Modality diplograph.Modality
	Phrase   string
	Lang     string
}

func newTriggers() *Triggers { return &Triggers{} }

// read reads one file under triggers/.
func (t *Triggers) read(rel, full string, r io.Reader) error {
	switch rel {
	case "triggers/events.tsv":
		return readTSV(full, r, []string{"type", "phrase", "roles", "form"}, func(row *row) error {
			e := &EventTrigger{Type: diplograph.EventType(row.get("type")), Roles: row.get("roles"), Form: row.get("form"),
				Phrase: row.get("phrase"), Lang: row.get("lang")}
			if !diplograph.In(e.Type, diplograph.EventTypes) {
				return row.errorf("type %q: not an event type", e.Type)
			}
			switch e.Roles {
			case "HOST>GUEST", "GUEST>HOST", "PARTICIPANT", "SIGNATORY":
			default:
				return row.errorf("roles %q: want HOST>GUEST, GUEST>HOST, PARTICIPANT or SIGNATORY", e.Roles)
			}
			if e.Form != "verb" && e.Form != "noun" && e.Form != "mention" {
				return row.errorf("form %q: want verb, noun or mention", e.Form)
			}
			t.events = append(t.events, e)
			return nil
		})
	case "triggers/speech.tsv":
		return readTSV(full, r, []string{"phrase", "kind"}, func(row *row) error {
			k, pol, err := kindPolarity(row)
			if err != nil {
				return err
			}
			t.speech = append(t.speech, &SpeechTrigger{Kind: k, Polarity: pol, Phrase: row.get("phrase"), Lang: row.get("lang")})
			return nil
		})
	case "triggers/stances.tsv":
		return readTSV(full, r, []string{"phrase", "kind", "polarity"}, func(row *row) error {
			k, pol, err := kindPolarity(row)
			if err != nil {
				return err
			}
			t.stances = append(t.stances, &StanceTrigger{Kind: k, Polarity: pol, Phrase: row.get("phrase"), Lang: row.get("lang")})
			return nil
		})
	case "triggers/topics.tsv":
		return readTSV(full, r, []string{"topic", "phrase", "target"}, func(row *row) error {
			tt := &TopicTrigger{Topic: diplograph.Topic(row.get("topic")), Target: row.get("target"), Phrase: row.get("phrase"),
				Lang: row.get("lang"), Polarity: 1}
			if !diplograph.In(tt.Topic, diplograph.Topics) {
				return row.errorf("topic %q: not in the topic vocabulary", tt.Topic)
			}
			switch tt.Target {
			case "state", "actor", "patient", "partner", "PS", "none":
			default:
				return row.errorf("target %q: want state, actor, patient, partner, PS or none", tt.Target)
			}
			if p := row.get("polarity"); p != "" {
				v, err := strconv.Atoi(p)
				if err != nil || (v != 1 && v != -1) {
					return row.errorf("polarity %q: want 1 or -1", p)
				}
				tt.Polarity = v
			}
			t.topics = append(t.topics, tt)
			return nil
		})
	case "triggers/modality.tsv":
		return readTSV(full, r, []string{"modality", "phrase"}, func(row *row) error {
			m := &ModalityTrigger{Modality: diplograph.Modality(row.get("modality")), Phrase: row.get("phrase"), Lang: row.get("lang")}
			if !diplograph.In(m.Modality, diplograph.Modalities) {
				return row.errorf("modality %q: not a modality", m.Modality)
			}
			t.modality = append(t.modality, m)
			return nil
		})
	case "triggers/inverters.tsv":
		return readTSV(full, r, []string{"phrase"}, func(row *row) error {
			t.inverters = append(t.inverters, row.get("phrase"))
			return nil
		})
	case "triggers/relations.tsv":
		return readTSV(full, r, []string{"kind", "phrase"}, func(row *row) error {
			t.relations = append(t.relations, [2]string{row.get("phrase"), row.get("kind")})
			return nil
		})
	}
	return nil
}

func kindPolarity(row *row) (diplograph.StanceKind, int, error) {
	k := diplograph.StanceKind(row.get("kind"))
	if !diplograph.In(k, diplograph.StanceKinds) {
		return "", 0, row.errorf("kind %q: not a stance kind", k)
	}
	pol := 0
	if p := row.get("polarity"); p != "" {
		v, err := strconv.Atoi(p)
		if err != nil || v < -1 || v > 1 {
			return "", 0, row.errorf("polarity %q: want -1, 0 or 1", p)
		}
		pol = v
	}
	return k, pol, nil
}

// SplitEvent is an Arabic event trigger of a verb and its object noun ("فرض عقوبات", "أرسلت
// مساعدات"), which a verb-subject-object sentence splits: "فرضت الولايات المتحدة عقوبات".
type SplitEvent struct {
	Noun    string // the folded key of the noun
	Trigger *EventTrigger
}

// SplitEvents returns the two-word Arabic verb triggers whose verb has the folded key.
func (t *Triggers) SplitEvents(verbKey string) []SplitEvent { return t.split[verbKey] }

// build indexes the triggers read.
func (t *Triggers) build() error {
	t.Events = normalize.NewPhraseSet[*EventTrigger]()
	t.Events.KeepArticle = true
	t.split = map[string][]SplitEvent{}
	for _, e := range t.events {
		t.Events.Add(e.Phrase, e)
		if words := strings.Fields(e.Phrase); e.Lang == "ar" && e.Form == "verb" && len(words) == 2 {
			v := normalize.Fold(words[0])
			t.split[v] = append(t.split[v], SplitEvent{Noun: normalize.Fold(words[1]), Trigger: e})
		}
	}
	t.Speech = normalize.NewPhraseSet[*SpeechTrigger]()
	t.Speech.KeepArticle = true
	for _, s := range t.speech {
		t.Speech.Add(s.Phrase, s)
	}
	t.Stances = normalize.NewPhraseSet[*StanceTrigger]()
	t.Stances.KeepArticle = true
	for _, s := range t.stances {
		t.Stances.Add(s.Phrase, s)
	}
	t.Topics = normalize.NewPhraseSet[*TopicTrigger]()
	for _, s := range t.topics {
		t.Topics.Add(s.Phrase, s)
	}
	t.Modality = normalize.NewPhraseSet[*ModalityTrigger]()
	t.Modality.KeepArticle = true
	for _, m := range t.modality {
		t.Modality.Add(m.Phrase, m)
	}
	t.Inverters = normalize.NewPhraseSet[string]()
	t.Inverters.KeepArticle = true
	for _, p := range t.inverters {
		t.Inverters.Add(p, p)
	}
	t.Relations = normalize.NewPhraseSet[string]()
	t.Relations.KeepArticle = true
	for _, r := range t.relations {
		if strings.TrimSpace(r[0]) == "" {
			return fmt.Errorf("triggers/relations.tsv: empty phrase")
		}
		t.Relations.Add(r[0], r[1])
	}
	return nil
}
