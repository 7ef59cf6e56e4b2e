// Package extract turns one article into its Extraction document: normalize → recognize (who and
// where) → relate (events, positions and their dates). It touches no database.
package extract

import (
	"io"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
	"github.com/diplograph/diplograph/relate"
)

// Extractor extracts with one lexicon. It is safe for concurrent use.
type Extractor struct {
	lex        *lexicon.Lexicon
	recognizer *recognize.Recognizer
	relater    *relate.Relater
	// KeepBody, when set, puts the article body in the Extraction (article.body), so that consumers can
	// check every offset.
	KeepBody bool
}

// SetTrace makes the extractor explain every sentence to w (nil turns it off). Not for concurrent use.
func (x *Extractor) SetTrace(w io.Writer) { x.relater.Trace = w }

// New returns an Extractor using lex.
func New(lex *lexicon.Lexicon) *Extractor {
	return &Extractor{lex: lex, recognizer: &recognize.Recognizer{Lex: lex}, relater: &relate.Relater{Lex: lex}, KeepBody: true}
}

// Extract returns the Extraction of one article.
func (x *Extractor) Extract(a *diplograph.Article) *diplograph.Extraction {
	doc := normalize.NewDoc(a.Body)
	rec := x.recognizer.Recognize(a, doc)
	rel := x.relater.Relate(rec)
	out := &diplograph.Extraction{
		Version: diplograph.ContractVersion,
		Article: diplograph.ArticleMeta{ID: a.ID, Title: a.Title, URL: a.URL, Source: a.Source, Published: a.Published,
			Language: a.Language},
		Entities:  entities(rec, rel.Entities),
		Events:    rel.Events,
		Positions: rel.Positions,
	}
	if x.KeepBody {
		out.Article.Body = a.Body
	}
	if out.Events == nil {
		out.Events = []diplograph.Event{}
	}
	if out.Positions == nil {
		out.Positions = []diplograph.Position{}
	}
	out.FillPrecision()
	// Nothing of the Doc outlives this call (the Extraction holds only strings), so its buffers go to
	// the next article.
	doc.Release()
	return out
}

// entities converts the recognized entities to the contract's form.
func entities(rec *recognize.Result, extra []*recognize.Entity) []diplograph.Entity {
	out := make([]diplograph.Entity, 0, len(rec.Entities)+len(extra))
	for _, e := range append(rec.Entities[:len(rec.Entities):len(rec.Entities)], extra...) {
		de := diplograph.Entity{ID: e.ID, Type: e.Type, Code: e.Code, Name: e.Name, NameAr: e.NameAr,
			Aliases: e.Aliases, Wikidata: e.Wikidata, Roles: e.Roles, Mentions: []diplograph.Mention{}}
		if e.Type == diplograph.EntityCountry || e.Type == diplograph.EntityOrganization {
			de.Aliases = nil
		}
		for _, m := range e.Mentions {
			start := m.Start
			if e.Type == diplograph.EntityPerson && m.Kind == recognize.MentionTitled {
				start = m.NameStart
			}
			de.Mentions = append(de.Mentions, diplograph.Mention{Text: rec.Doc.Slice(start, m.End), Start: start, End: m.End})
		}
		out = append(out, de)
	}
	return out
}
