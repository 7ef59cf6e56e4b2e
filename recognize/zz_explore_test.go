package recognize_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
	"github.com/diplograph/diplograph/normalize"
	"github.com/diplograph/diplograph/recognize"
)

func TestZZExplore(t *testing.T) {
	f := os.Getenv("EXPLORE")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		d, _ := diplograph.ParseDate(parts[1])
		body := parts[2]
		a := &diplograph.Article{Body: body, Language: parts[0], Published: d}
		doc := normalize.NewDoc(body)
		res := (&recognize.Recognizer{Lex: lex}).Recognize(a, doc)
		fmt.Printf("=== [%s %s] %s\n", parts[0], parts[1], body)
		for _, e := range res.Entities {
			fmt.Printf("  %s", e.ID)
			for _, r := range e.Roles {
				fmt.Printf(" {%s %s%s former=%v office=%q}", r.Title, r.Country, r.Org, r.Former, r.Office)
			}
			fmt.Println()
			for _, m := range e.Mentions {
				fmt.Printf("     kind=%d %q name=%q nat=%s\n", m.Kind, doc.Slice(m.Start, m.End), doc.Slice(m.NameStart, m.End), m.Nationality)
			}
		}
	}
}
