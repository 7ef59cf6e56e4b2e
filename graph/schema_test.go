package graph_test

import (
	"slices"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/graph"
	"github.com/diplograph/diplograph/graph/generated"
	"github.com/diplograph/diplograph/store"
)

// TestEnumsFollowTheContract checks that the GraphQL enums list the contract's vocabularies
// (vocabulary.go), in the same order.
func TestEnumsFollowTheContract(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{}}).Schema()
	str := func(vs any) []string {
		var out []string
		switch l := vs.(type) {
		case []diplograph.EventType:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.Topic:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.Stance:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.StanceKind:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.EntityType:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.Modality:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.Precision:
			for _, v := range l {
				out = append(out, string(v))
			}
		case []diplograph.Title:
			for _, v := range l {
				out = append(out, string(v))
			}
			slices.Sort(out) // Titles is ordered by seniority, the enum as the constants are declared
		case []string:
			out = l
		}
		return out
	}
	for name, want := range map[string]any{
		"EventType": diplograph.EventTypes, "Topic": diplograph.Topics, "Stance": diplograph.Stances,
		"StanceKind": diplograph.StanceKinds, "EntityType": diplograph.EntityTypes, "Modality": diplograph.Modalities,
		"Precision": diplograph.Precisions, "Title": diplograph.Titles,
		"Interval":   []string{string(store.IntervalWeek), string(store.IntervalMonth), string(store.IntervalQuarter), string(store.IntervalYear)},
		"TermSource": []string{string(store.TermLexicon), string(store.TermObserved)},
	} {
		def := schema.Types[name]
		if def == nil {
			t.Errorf("no enum %s in the schema", name)
			continue
		}
		var got []string
		for _, v := range def.EnumValues {
			got = append(got, v.Name)
		}
		if name == "Title" {
			slices.Sort(got)
		}
		if w := str(want); !slices.Equal(got, w) {
			t.Errorf("enum %s = %v, want %v", name, got, w)
		}
	}
}
