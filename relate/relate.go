// Package relate reads what happened and what was said in an article whose entities are recognized:
// events (meetings, visits, calls, agreements and other PLOVER-aligned interactions) with their
// participants, place and date, and positions (a holder's stance on a topic about a target), each
// with the sentence it came from.
package relate

import (
	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/recognize"
)

// Relater finds events and positions with a lexicon's triggers.
type Relater struct {
	Lex *lexicon.Lexicon
}

// Result is what Relate found.
type Result struct {
	Events    []diplograph.Event
	Positions []diplograph.Position
}

// Relate finds the events and positions of a recognized article.
func (r *Relater) Relate(rec *recognize.Result) *Result {
	return &Result{}
}
