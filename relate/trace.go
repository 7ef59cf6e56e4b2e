package relate

import (
	"fmt"
	"strings"
)

// traceSentence writes what was found in a sentence: its date, its triggers, its events and positions.
func (a *article) traceSentence(s *sent, evs []*event, ps []*posit) {
	w := a.trace
	text := a.doc.Slice(s.start, s.end)
	if r := []rune(text); len(r) > 120 {
		text = string(r[:120]) + "…"
	}
	date := "unknown"
	if s.dateKnown {
		date = s.date.String()
	}
	fmt.Fprintf(w, "sentence %d [%s%s]: %s\n", s.idx, date, map[bool]string{true: ", vague", false: ""}[s.vague], text)
	names := map[matchKind]string{mEvent: "event", mSpeech: "speech", mStance: "stance", mTopic: "topic", mModality: "modality", mRelation: "relation", mInverter: "inverter"}
	var parts []string
	for _, m := range s.matches {
		detail := ""
		switch m.kind {
		case mEvent:
			detail = string(m.event.Type) + "/" + m.event.Form
		case mSpeech:
			detail = string(m.speech.Kind)
		case mStance:
			detail = fmt.Sprintf("%s%+d", m.stance.Kind, m.stance.Polarity)
		case mTopic:
			detail = fmt.Sprintf("%s/%s%+d", m.topic.Topic, m.topic.Target, m.topic.Polarity)
		case mModality:
			detail = string(m.modality.Modality)
		case mRelation:
			detail = m.relation
		}
		parts = append(parts, fmt.Sprintf("%s(%s %q)", names[m.kind], detail, a.doc.Slice(m.start, m.end)))
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "  triggers: %s\n", strings.Join(parts, " "))
	}
	for _, e := range evs {
		var ps []string
		for _, p := range e.parties {
			ps = append(ps, p.entity.ID+":"+string(e.roles[p.entity]))
		}
		fmt.Fprintf(w, "  event %s %s [%s] (%s)\n", e.typ, e.modality, strings.Join(ps, ", "), e.rule)
	}
	for _, p := range ps {
		t := "-"
		if p.target != nil {
			t = p.target.ID
		}
		fmt.Fprintf(w, "  position %s %s %s %s → %s (%s)\n", p.holder.ID, p.stance, p.kind, p.topic, t, p.rule)
	}
}
