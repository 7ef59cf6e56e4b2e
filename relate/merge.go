package relate

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/recognize"
)

// mergeEvents joins the events of an article that tell the same event in several sentences: the same
// family (consultation, agreement, …), the same states taking part, the same modality, and dates that
// do not disagree. The merged event keeps every sentence as evidence, the most telling type (a call
// over "talks"), the first place and the most precise date.
func mergeEvents(evs []*event) []*event {
	var out []*event
	for _, e := range evs {
		merged := false
		for _, o := range out {
			if o.typ.Group() != e.typ.Group() || o.modality != e.modality || !sameStates(o.parties, e.parties) {
				continue
			}
			if o.dateKnown && e.dateKnown && o.date != e.date {
				continue
			}
			if o.dateKnown != e.dateKnown && (o.sentence+1 < e.sentence) {
				continue // one dated and one not, far apart: two events of the same parties
			}
			for _, p := range e.parties {
				if !containsEntity(o.parties, p.entity) {
					o.parties = append(o.parties, p)
					o.roles[p.entity] = e.roles[p.entity]
				}
			}
			if typePriority[e.typ] > typePriority[o.typ] {
				o.typ = e.typ
			}
			if o.location == nil {
				o.location = e.location
			}
			if !o.dateKnown && e.dateKnown {
				o.date, o.dateKnown = e.date, true
			}
			o.evidence = appendSpan(o.evidence, e.evidence...)
			if e.confidence > o.confidence {
				o.confidence = e.confidence
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, e)
		}
	}
	return out
}

func sameStates(a, b []*party) bool {
	ca, cb := countriesOf(a), countriesOf(b)
	if len(ca) != len(cb) {
		return false
	}
	sort.Strings(ca)
	sort.Strings(cb)
	for i := range ca {
		if ca[i] != cb[i] {
			return false
		}
	}
	return true
}

func containsEntity(ps []*party, e *recognize.Entity) bool {
	for _, p := range ps {
		if p.entity == e {
			return true
		}
	}
	return false
}

func appendSpan(list [][2]int, spans ...[2]int) [][2]int {
	for _, s := range spans {
		dup := false
		for _, x := range list {
			if x == s {
				dup = true
			}
		}
		if !dup {
			list = append(list, s)
		}
	}
	return list
}

// mergePositions joins the positions of an article with the same holder, stance, topic and target;
// the merged position keeps every sentence as evidence and the first known date.
func mergePositions(ps []*posit) []*posit {
	// A position without a target beside the same position with one in the same sentence ("تضافر
	// الجهود لإنهاء النزاع في سورية") is that position.
	targeted := map[string]bool{}
	for _, p := range ps {
		if p.target != nil {
			targeted[p.holder.ID+"|"+string(p.topic)+"|"+string(p.stance)+"|"+strconv.Itoa(p.sentence)] = true
		}
	}
	kept := ps[:0:0]
	for _, p := range ps {
		if p.target == nil && targeted[p.holder.ID+"|"+string(p.topic)+"|"+string(p.stance)+"|"+strconv.Itoa(p.sentence)] {
			continue
		}
		kept = append(kept, p)
	}
	ps = kept
	var out []*posit
	idx := map[string]*posit{}
	for _, p := range ps {
		k := p.key()
		if o, ok := idx[k]; ok {
			o.evidence = appendSpan(o.evidence, p.evidence...)
			if !o.dateKnown && p.dateKnown {
				o.date, o.dateKnown = p.date, true
			}
			if p.confidence > o.confidence {
				o.confidence = p.confidence
			}
			continue
		}
		idx[k] = p
		out = append(out, p)
	}
	return out
}

func (p *posit) key() string {
	t := ""
	if p.target != nil {
		t = p.target.ID
	}
	return strings.Join([]string{p.holder.ID, string(p.stance), string(p.topic), t, string(p.modality)}, "|")
}

// contractEvent converts an event to the contract's form, with a stable id.
func (a *article) contractEvent(e *event) diplograph.Event {
	out := diplograph.Event{Type: e.typ, Confidence: round2(e.confidence), Modality: e.modality, Rule: e.rule,
		Participants: []diplograph.Participant{}}
	if e.dateKnown {
		out.Date = e.date
	}
	if e.location != nil && e.location.Entity != nil {
		loc := &diplograph.Location{Country: e.location.Entity.CountryCode()}
		if p := e.location.Place; p != nil && (p.Name != "" || p.NameAr != "") {
			loc.Name, loc.NameAr = p.Name, p.NameAr
		} else {
			loc.Name, loc.NameAr = e.location.Entity.Name, e.location.Entity.NameAr
		}
		if loc.Name == "" {
			loc.Name = loc.NameAr
		}
		out.Location = loc
	}
	var ids []string
	for _, p := range e.parties {
		role := e.roles[p.entity]
		if role == "" {
			role = diplograph.RoleParticipant
		}
		out.Participants = append(out.Participants, diplograph.Participant{Entity: p.entity.ID, Role: role})
		ids = append(ids, p.entity.ID)
	}
	for _, ev := range e.evidence {
		out.Evidence = append(out.Evidence, diplograph.Evidence{Text: a.doc.Slice(ev[0], ev[1]), Start: ev[0], End: ev[1]})
	}
	sort.Strings(ids)
	out.ID = "event:" + shortHash(a.articleKey(), string(e.typ), strings.Join(ids, ","), out.Date.String(),
		strconv.Itoa(e.evidence[0][0]))
	return out
}

// contractPosition converts a position to the contract's form, with a stable id.
func (a *article) contractPosition(p *posit) diplograph.Position {
	out := diplograph.Position{Holder: p.holder.ID, Stance: p.stance, StanceKind: p.kind, Topic: p.topic,
		Confidence: round2(p.confidence), Modality: p.modality, Rule: p.rule}
	if p.target != nil {
		out.Target = diplograph.RefOrNull(p.target.ID)
	}
	if p.dateKnown {
		out.Date = p.date
	}
	for _, ev := range p.evidence {
		out.Evidence = append(out.Evidence, diplograph.Evidence{Text: a.doc.Slice(ev[0], ev[1]), Start: ev[0], End: ev[1]})
	}
	out.ID = "position:" + shortHash(a.articleKey(), p.key())
	return out
}

// articleKey identifies the article in ids: its body's length and first words are enough within
// one article, and the store qualifies ids with the article id.
func (a *article) articleKey() string {
	t := a.doc.Text
	if len(t) > 64 {
		t = t[:64]
	}
	return strconv.Itoa(len(a.doc.Text)) + t
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }
