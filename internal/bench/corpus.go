// Package bench generates corpora and measures the loader and the API for docs/benchmarks.md.
package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/lexicon"
)

// minister is a foreign minister in office on a day, with what the templates need.
type minister struct {
	p       *lexicon.Person
	country *lexicon.Country
}

// Generator writes synthetic news articles built from the lexicon's foreign ministers and fixed
// templates in Arabic and English: meetings, calls, visits, agreements and stated positions between
// the states of the lexicon, on dates from 2015 to 2026, about 400 words each. Seeded: the same seed
// gives the same corpus.
type Generator struct {
	lex  *lexicon.Lexicon
	rng  *rand.Rand
	fms  []*lexicon.Person
	days []diplograph.Date
	next int // number of the next article, for unique URLs across calls of Write
}

// NewGenerator returns a generator over lex.
func NewGenerator(lex *lexicon.Lexicon, seed uint64) *Generator {
	g := &Generator{lex: lex, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	ids := make([]string, 0, len(lex.Persons))
	for id := range lex.Persons {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		p := lex.Persons[id]
		for _, t := range p.Terms {
			if t.Title == diplograph.TitleForeignMinister && t.Country != "" && lex.Countries[t.Country] != nil && p.Name != "" && p.NameAr != "" {
				g.fms = append(g.fms, p)
				break
			}
		}
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	for d := start; d.Year() < 2027; d = d.AddDate(0, 0, 1) {
		g.days = append(g.days, diplograph.DayDate(d))
	}
	return g
}

// inOffice returns two foreign ministers of different states in office on day d, or false.
func (g *Generator) inOffice(d diplograph.Date) (minister, minister, bool) {
	var out []minister
	for tries := 0; tries < 200 && len(out) < 2; tries++ {
		p := g.fms[g.rng.IntN(len(g.fms))]
		for _, t := range p.TermsAt(d) {
			if t.Title == diplograph.TitleForeignMinister && t.Country != "" {
				c := g.lex.Countries[t.Country]
				if c != nil && c.CapitalAr != "" && c.CapitalEn != "" && (len(out) == 0 || out[0].country != c) {
					out = append(out, minister{p, c})
				}
				break
			}
		}
	}
	if len(out) < 2 {
		return minister{}, minister{}, false
	}
	return out[0], out[1], true
}

// Write writes n articles as JSON Lines to w.
func (g *Generator) Write(w io.Writer, n int) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; {
		d := g.days[g.rng.IntN(len(g.days))]
		a, b, ok := g.inOffice(d)
		if !ok {
			continue
		}
		var art map[string]string
		if g.rng.IntN(2) == 0 {
			art = g.arabic(g.next, d, a, b)
		} else {
			art = g.english(g.next, d, a, b)
		}
		g.next++
		if err := enc.Encode(art); err != nil {
			return err
		}
		i++
	}
	return nil
}

var arMonths = []string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

var arFiller = []string{
	"وتناولت المباحثات تطورات الأوضاع الإقليمية والدولية والجهود المبذولة لتعزيز الأمن والاستقرار في المنطقة، إضافة إلى عدد من الملفات ذات الاهتمام المشترك.",
	"وأشار البيان إلى أن الجانبين استعرضا آفاق التعاون في مجالات الطاقة والنقل والتعليم والصحة، واتفقا على مواصلة التشاور والتنسيق في المحافل الدولية.",
	"ويأتي اللقاء في إطار حرص البلدين على تطوير علاقاتهما في مختلف المجالات، وتبادل الزيارات على المستويات كافة خلال الفترة المقبلة.",
	"وقال مراقبون إن الاجتماع يعكس رغبة مشتركة في فتح صفحة جديدة من التعاون، في ظل التحديات الاقتصادية التي تواجهها دول المنطقة.",
	"وحضر اللقاء عدد من كبار المسؤولين في وزارتي الخارجية، إلى جانب سفيري البلدين، حيث جرى بحث التحضيرات لانعقاد اللجنة المشتركة.",
	"وشهدت العلاقات بين البلدين خلال السنوات الماضية تطورا ملحوظا في حجم التبادل التجاري والاستثمارات المتبادلة وعدد الزوار.",
}

var enFiller = []string{
	"The talks covered regional and international developments and efforts to strengthen security and stability, as well as a number of issues of common interest.",
	"According to the statement, the two sides reviewed prospects for cooperation in energy, transport, education and health, and agreed to keep consulting in international forums.",
	"The meeting comes as both countries seek to develop their relations in all fields and to exchange visits at every level in the coming period.",
	"Observers said the meeting reflected a shared wish to open a new page of cooperation as the region faces difficult economic conditions.",
	"Senior officials of both foreign ministries attended the meeting, along with the two ambassadors, and discussed preparations for the joint committee.",
	"Relations between the two countries have grown markedly in recent years in trade, mutual investment and the number of visitors.",
}

// filler returns about words words of filler sentences in random order.
func (g *Generator) filler(sentences []string, words int) string {
	var b strings.Builder
	for n := 0; n < words; {
		s := sentences[g.rng.IntN(len(sentences))]
		b.WriteString(s)
		b.WriteString(" ")
		n += len(strings.Fields(s))
	}
	return strings.TrimSpace(b.String())
}

func (g *Generator) arabic(i int, d diplograph.Date, a, b minister) map[string]string {
	kind := g.rng.IntN(3)
	var lead string
	switch kind {
	case 0:
		lead = fmt.Sprintf("%s %d %s %d – التقى وزير خارجية %s %s اليوم في %s وزير خارجية %s %s، وبحث الجانبان سبل تعزيز العلاقات الثنائية.",
			b.country.CapitalAr, d.Day, arMonths[d.Month-1], d.Year, a.country.NameAr, a.p.NameAr, b.country.CapitalAr, b.country.NameAr, b.p.NameAr)
	case 1:
		lead = fmt.Sprintf("%s %d %s %d – تلقى وزير خارجية %s %s اليوم اتصالا هاتفيا من وزير خارجية %s %s، جرى خلاله بحث التطورات الإقليمية.",
			a.country.CapitalAr, d.Day, arMonths[d.Month-1], d.Year, a.country.NameAr, a.p.NameAr, b.country.NameAr, b.p.NameAr)
	default:
		lead = fmt.Sprintf("%s %d %s %d – وقع وزير خارجية %s %s ووزير خارجية %s %s اليوم في %s مذكرة تفاهم للتعاون الاقتصادي بين البلدين.",
			a.country.CapitalAr, d.Day, arMonths[d.Month-1], d.Year, a.country.NameAr, a.p.NameAr, b.country.NameAr, b.p.NameAr, a.country.CapitalAr)
	}
	stance := fmt.Sprintf("وأكد %s دعم بلاده لوحدة %s وسيادتها، ورفضه أي تدخل في شؤونها الداخلية، فيما دعا %s إلى وقف إطلاق النار وإدخال المساعدات الإنسانية.",
		a.p.NameAr, b.country.NameAr, b.p.NameAr)
	body := lead + "\n" + g.filler(arFiller, 150) + "\n" + stance + "\n" + g.filler(arFiller, 200)
	return map[string]string{"title": "مباحثات بين " + a.country.NameAr + " و" + b.country.NameAr, "body": body,
		"url": fmt.Sprintf("https://bench.example/ar/%d", i), "source": "bench", "published": d.String(), "language": "ar"}
}

func (g *Generator) english(i int, d diplograph.Date, a, b minister) map[string]string {
	month := time.Month(d.Month).String()
	kind := g.rng.IntN(3)
	var lead string
	switch kind {
	case 0:
		lead = fmt.Sprintf("%s, %s %d, %d – Foreign Minister %s of %s met Foreign Minister %s of %s in %s today, and the two sides discussed ways to strengthen bilateral relations.",
			strings.ToUpper(b.country.CapitalEn), month, d.Day, d.Year, a.p.Name, a.country.Name, b.p.Name, b.country.Name, b.country.CapitalEn)
	case 1:
		lead = fmt.Sprintf("%s, %s %d, %d – Foreign Minister %s of %s spoke by phone today with Foreign Minister %s of %s about regional developments.",
			strings.ToUpper(a.country.CapitalEn), month, d.Day, d.Year, a.p.Name, a.country.Name, b.p.Name, b.country.Name)
	default:
		lead = fmt.Sprintf("%s, %s %d, %d – Foreign Minister %s of %s and Foreign Minister %s of %s signed a memorandum of understanding on economic cooperation in %s today.",
			strings.ToUpper(a.country.CapitalEn), month, d.Day, d.Year, a.p.Name, a.country.Name, b.p.Name, b.country.Name, a.country.CapitalEn)
	}
	stance := fmt.Sprintf("%s reaffirmed his country's support for the unity and sovereignty of %s and rejected any interference in its internal affairs, while %s called for a ceasefire and humanitarian aid.",
		a.p.Name, b.country.Name, b.p.Name)
	body := lead + "\n" + g.filler(enFiller, 150) + "\n" + stance + "\n" + g.filler(enFiller, 200)
	return map[string]string{"title": "Talks between " + a.country.Name + " and " + b.country.Name, "body": body,
		"url": fmt.Sprintf("https://bench.example/en/%d", i), "source": "bench", "published": d.String(), "language": "en"}
}
