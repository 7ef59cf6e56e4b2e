package store

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

// rows are the parameter lists of one batch, one list per query shape.
type rows struct {
	countries []map[string]any
	persons   []map[string]any
	orgs      []map[string]any
	mentions  []map[string]any
	roles     []map[string]any
	events    []map[string]any
	parts     []map[string]any
	places    []map[string]any
	positions []map[string]any
	evidence  []map[string]any // of events
	posEvid   []map[string]any // of positions

	entityIdx   map[string]map[string]any // entity rows by id, to write each entity once per batch
	positionIdx map[string]map[string]any // position rows by id, likewise
	roleIdx     map[string]map[string]any // role rows by person, title and holder, likewise
}

// articleRow is the Article node of an extraction.
func articleRow(x *diplograph.Extraction) map[string]any {
	a := x.Article
	return map[string]any{
		"id": a.ID, "url": a.URL, "title": a.Title, "source": a.Source, "language": a.Language,
		"published": a.Published.String(), "publishedDate": dayOrNil(a.Published.Start()), "body": a.Body,
	}
}

// dayOrNil returns the first day of a date as a Neo4j date, or nil when unknown. Dates go to Neo4j as
// values, not text for Cypher's date() to parse: parsing was a measurable share of a batch's time.
func dayOrNil(d diplograph.Date) any {
	if d.IsZero() {
		return nil
	}
	return neo4j.DateOf(d.Start().Time())
}

// entityRow is the node of an entity, with the folded keys the name search uses.
func entityRow(e *diplograph.Entity) map[string]any {
	return map[string]any{"id": e.ID, "type": string(e.Type), "code": e.Code, "name": e.Name, "nameAr": e.NameAr,
		"wikidata": e.Wikidata}
}

// SearchKeys returns the folded forms of names that the full-text search matches: each name folded,
// and each word without the Arabic article or the "al-" prefix ("الشيباني" also as "شيباني").
func SearchKeys(names ...string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(k string) {
		k = strings.TrimSpace(k)
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		d := normalize.NewDoc(n)
		var words []string
		for _, w := range d.Words {
			words = append(words, w.Key)
			st := w.Stems()
			for _, s := range st[1:] {
				if s.Article || strings.HasPrefix(w.Key, "al") || strings.HasPrefix(w.Key, "el") {
					add(s.Key)
				}
			}
		}
		add(strings.Join(words, " "))
	}
	return out
}

// mentionRows counts an article's mentions of each entity.
// Each row keeps the distinct texts the article names the entity with (and the aliases the document
// lists): the entity's aliases are made from them (refreshAliases), so that they follow the articles.
// A mention of a person also keeps the article's observations of his roles (its roleRows): the role
// keys (roleKey) and those it calls him former in. On the mention, they go with the article when it is
// replaced, and a role's evidence is read from them.
func mentionRows(x *diplograph.Extraction, roles []map[string]any) []map[string]any {
	var out []map[string]any
	for _, e := range x.Entities {
		texts := []string{}
		seen := map[string]bool{}
		add := func(t string) {
			if t != "" && !seen[t] && len(texts) < 20 {
				seen[t] = true
				texts = append(texts, t)
			}
		}
		for _, m := range e.Mentions {
			add(m.Text)
		}
		for _, a := range e.Aliases {
			add(a)
		}
		first := -1
		if len(e.Mentions) > 0 {
			first = e.Mentions[0].Start
		}
		var keys, former []string
		for _, r := range roles {
			if r["person"] == e.ID {
				k := roleKey(r["title"].(string), r["holder"].(string))
				keys = append(keys, k)
				if r["former"].(bool) {
					former = append(former, k)
				}
			}
		}
		out = append(out, map[string]any{"article": x.Article.ID, "entity": e.ID, "count": len(e.Mentions),
			"first": first, "texts": texts, "roles": nilIfNone(keys), "formerRoles": nilIfNone(former)})
	}
	return out
}

// roleKey names a role of a person on his MENTIONS: title and holder ("FOREIGN_MINISTER|country:SY").
// Cypher builds the same key from a HOLDS_ROLE: r.title + '|' + holder.id.
func roleKey(title, holder string) string { return title + "|" + holder }

// roleHolder returns the id of the country or organization a role belongs to.
func roleHolder(r diplograph.Role) (string, bool) {
	switch {
	case r.Country != "":
		return "country:" + r.Country, true
	case r.Org != "":
		if strings.HasPrefix(r.Org, "org:") {
			return r.Org, true
		}
		return "org:" + r.Org, true
	}
	return "", false
}

func nilIfNone(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return l
}

// roleRows are the roles of an article's persons, each an observation by that article.
func roleRows(x *diplograph.Extraction) []map[string]any {
	var out []map[string]any
	seen := map[string]bool{}
	for _, e := range x.Entities {
		if e.Type != diplograph.EntityPerson {
			continue
		}
		for _, r := range e.Roles {
			holder, ok := roleHolder(r)
			if !ok {
				continue
			}
			k := e.ID + "|" + roleKey(string(r.Title), holder)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, map[string]any{"person": e.ID, "holder": holder, "title": string(r.Title), "office": r.Office,
				"former": r.Former, "from": r.From.String(), "to": r.To.String(), "article": x.Article.ID,
				"seen": x.Article.Published.String()})
		}
	}
	return out
}

// holderEntities returns the entities roles (the article's roleRows) point to, countries and
// organizations that the extraction does not list, so that they exist before the roles are written.
func holderEntities(x *diplograph.Extraction, roles []map[string]any) []diplograph.Entity {
	have := map[string]bool{}
	for _, e := range x.Entities {
		have[e.ID] = true
	}
	var out []diplograph.Entity
	for _, r := range roles {
		h := r["holder"].(string)
		if have[h] {
			continue
		}
		have[h] = true
		if strings.HasPrefix(h, "country:") {
			code := strings.TrimPrefix(h, "country:")
			out = append(out, diplograph.Entity{ID: h, Type: diplograph.EntityCountry, Code: code})
		} else {
			code := strings.TrimPrefix(h, "org:")
			out = append(out, diplograph.Entity{ID: h, Type: diplograph.EntityOrganization, Code: code})
		}
	}
	return out
}

// eventKey returns the key under which events of different articles may be the same event: the
// family of the type and the states taking part ("CONSULT|RU,SY"). Empty when the event cannot be
// merged across articles (not asserted, no date, no state).
func eventKey(x *diplograph.Extraction, ev *diplograph.Event) string {
	if ev.Modality != "" && ev.Modality != diplograph.ModalityAsserted || ev.Date.IsZero() || ev.Date.Precision() == diplograph.PrecisionYear {
		return ""
	}
	cs := eventCountries(x, ev)
	if len(cs) == 0 {
		return ""
	}
	return ev.Type.Group() + "|" + strings.Join(cs, ",")
}

// eventCountries returns the sorted states of an event's participants.
func eventCountries(x *diplograph.Extraction, ev *diplograph.Event) []string {
	set := map[string]bool{}
	for _, p := range ev.Participants {
		if e := x.Entity(p.Entity); e != nil {
			if c := e.CountryOf(); c != "" {
				set[c] = true
			}
		}
	}
	var cs []string
	for c := range set {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return cs
}

// aliasesOf returns an entity's aliases made from the texts articles name it with: distinct, sorted,
// without those that fold to its name.
func aliasesOf(name, nameAr string, texts []string) []string {
	skip := map[string]bool{normalize.Fold(name): true, normalize.Fold(nameAr): true}
	set := map[string]bool{}
	for _, t := range texts {
		if f := normalize.Fold(t); f != "" && !skip[f] {
			set[t] = true
		}
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// hashID returns a stable id made from parts.
func hashID(prefix string, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return prefix + hex.EncodeToString(h.Sum(nil))[:20]
}

// positionID is the identity of a position across articles: the same holder, stance, topic, target
// and date of statement make one Position, whatever article reports it.
func positionID(p *diplograph.Position) string {
	return hashID("position:", p.Holder, string(p.Stance), string(p.Topic), string(p.Target), p.Date.String(), string(p.Modality))
}

// placeID is the id of an event's place.
func placeID(l *diplograph.Location) string {
	name := normalize.Fold(l.Name)
	if name == "" {
		name = normalize.Fold(l.NameAr)
	}
	return "place:" + l.Country + ":" + strings.ReplaceAll(name, " ", "-")
}
