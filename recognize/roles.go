package recognize

import (
	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

// assignRoles gives every person the roles the text states — their state filled from the lexicon, a
// coordinated person or the outlet's home state when the text names none — followed by the lexicon's
// terms at the article's date, or the last term before it for a former official. It also collects each
// person's aliases: the other ways the article names them.
func (s *scan) assignRoles() {
	at := s.res.Published
	for _, e := range s.res.Entities {
		if e.Type != diplograph.EntityPerson {
			continue
		}
		var roles []diplograph.Role
		var lexRoles []diplograph.Role
		if e.Person != nil {
			for _, t := range e.Person.TermsAt(at) {
				lexRoles = append(lexRoles, termRole(t, false))
			}
		}
		for _, tr := range s.textRoles[e] {
			r := tr.role
			if r.Country == "" && r.Org == "" {
				for _, lr := range lexRoles {
					if lr.Title == r.Title || sameTitle(lr.Title, r.Title) {
						r.Country, r.Org = lr.Country, lr.Org
						break
					}
				}
			}
			if r.Country == "" && r.Org == "" && len(lexRoles) > 0 {
				r.Country, r.Org = lexRoles[0].Country, lexRoles[0].Org
			}
			if r.Country == "" && r.Org == "" && tr.inherit != nil {
				r.Country = s.inheritedCountry(tr.inherit)
			}
			if r.Country == "" && r.Org == "" && e.Person != nil {
				if t, ok := e.Person.LastTermBefore(at); ok {
					r.Country, r.Org = t.Country, orgRef(t.Org)
				} else if len(e.Person.Terms) > 0 {
					r.Country, r.Org = e.Person.Terms[0].Country, orgRef(e.Person.Terms[0].Org)
				}
			}
			if r.Country == "" && r.Org == "" {
				r.Country = tr.context
			}
			if r.Country == "" && r.Org == "" {
				r.Country = s.res.Home
			}
			for _, lr := range lexRoles {
				if lr.Title == r.Title && lr.Country == r.Country && lr.Org == r.Org {
					r.From, r.To = lr.From, lr.To
				}
			}
			roles = appendRole(roles, r)
		}
		for _, lr := range lexRoles {
			roles = appendRole(roles, lr)
		}
		if len(roles) == 0 && e.Person != nil {
			if t, ok := e.Person.LastTermBefore(at); ok {
				roles = append(roles, termRole(t, true))
			} else if at.IsZero() {
				for i := len(e.Person.Terms) - 1; i >= 0; i-- {
					roles = appendRole(roles, termRole(e.Person.Terms[i], false))
				}
			}
		}
		e.Roles = roles
		e.Aliases = s.aliases(e)
	}
}

func orgRef(code string) string {
	if code == "" {
		return ""
	}
	return "org:" + code
}

// appendRole adds a role unless one with the same title, state and tense is there.
func appendRole(roles []diplograph.Role, r diplograph.Role) []diplograph.Role {
	for i, x := range roles {
		if x.Title == r.Title && x.Country == r.Country && x.Org == r.Org {
			if x.Office == "" {
				roles[i].Office = r.Office
			}
			if x.From.IsZero() {
				roles[i].From, roles[i].To = r.From, r.To
			}
			return roles
		}
	}
	return append(roles, r)
}

// inheritedCountry returns the state of a coordinated person as known so far.
func (s *scan) inheritedCountry(e *Entity) string {
	for r := range s.rolesSoFar(e) {
		if r.Country != "" {
			return r.Country
		}
	}
	return ""
}

// aliases returns the distinct other texts the article names a person with (surnames, spellings).
func (s *scan) aliases(e *Entity) []string {
	var out []string
	seen := map[string]bool{normalize.Fold(e.Name): true, normalize.Fold(e.NameAr): true}
	for _, m := range e.Mentions {
		if m.Kind == MentionTitle || m.Kind == MentionCounterpart {
			continue
		}
		t := s.doc.Slice(m.NameStart, m.End)
		f := normalize.Fold(t)
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		out = append(out, t)
	}
	return out
}
