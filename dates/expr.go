// Package dates finds date expressions in Arabic and English text and resolves them against the
// publication date: explicit dates in the Levantine (كانون الأول), Egyptian/Gulf (ديسمبر) and Maghrebi
// (جانفي) month series and in English, Hijri dates beside Gregorian ones, Arabic-Indic digits,
// weekdays ("اليوم الأربعاء", "on Wednesday"), and relative expressions ("أمس", "last week", "في وقت
// سابق"), each with the precision the text gives.
package dates

import (
	_ "embed"
	"strconv"
	"strings"
	"time"

	"github.com/diplograph/diplograph"
	"github.com/diplograph/diplograph/normalize"
)

// Kind is the kind of a date expression.
type Kind uint8

const (
	KindDate               Kind = iota // an explicit date, possibly without day, month or year
	KindToday                          // "اليوم", "today", "this morning"
	KindYesterday                      // "أمس", "yesterday"
	KindDayBeforeYesterday             // "أمس الأول"
	KindTomorrow                       // "غداً", "tomorrow"
	KindWeekday                        // "الأربعاء", "on Wednesday", "الاثنين الماضي"
	KindLastWeek                       // "الأسبوع الماضي": no day can be known
	KindThisWeek
	KindNextWeek
	KindLastMonth // month precision
	KindThisMonth
	KindNextMonth
	KindLastYear // year precision
	KindThisYear
	KindNextYear
	KindEarlier  // "في وقت سابق", "earlier": the day is unknown and not the publication day
	KindRecently // "مؤخراً", "recently"
	KindSoon     // "قريباً", "later"
)

var kindNames = map[string]Kind{
	"today": KindToday, "yesterday": KindYesterday, "daybeforeyesterday": KindDayBeforeYesterday,
	"tomorrow": KindTomorrow, "lastweek": KindLastWeek, "thisweek": KindThisWeek, "nextweek": KindNextWeek,
	"lastmonth": KindLastMonth, "thismonth": KindThisMonth, "nextmonth": KindNextMonth,
	"lastyear": KindLastYear, "thisyear": KindThisYear, "nextyear": KindNextYear,
	"earlier": KindEarlier, "recently": KindRecently, "soon": KindSoon,
}

// Expr is one date expression found in a text.
type Expr struct {
	W0, W1     int // word range in the Doc
	Start, End int // code-point offsets
	Kind       Kind
	// For KindDate: the fields the text gives (0 when absent). YearOffset applies when Year is 0 and
	// the text says which year relative to publication ("من العام الماضي" → -1); HasYearOffset says so.
	Year, Month, Day int
	YearOffset       int
	HasYearOffset    bool
	Hijri            bool // the date was written in the Hijri calendar only and converted
	Weekday          time.Weekday
	Modifier         int // -1 "last"/"الماضي", +1 "next"/"المقبل", 0 none
}

// Future reports whether the expression points after the publication date.
func (e Expr) Future() bool {
	switch e.Kind {
	case KindTomorrow, KindNextWeek, KindNextMonth, KindNextYear, KindSoon:
		return true
	case KindWeekday:
		return e.Modifier > 0
	}
	return false
}

// Vague reports whether the expression says the time is unknown or not a single day ("earlier",
// "last week", "recently").
func (e Expr) Vague() bool {
	switch e.Kind {
	case KindEarlier, KindRecently, KindSoon, KindLastWeek, KindThisWeek, KindNextWeek:
		return true
	}
	return false
}

// Resolve returns the date the expression stands for, given the publication date (which may be zero:
// then only explicit dates with a year resolve). The result is zero when the text gives no way to
// know the date.
func (e Expr) Resolve(pub diplograph.Date) diplograph.Date {
	day := pub.Precision() == diplograph.PrecisionDay
	switch e.Kind {
	case KindDate:
		d := diplograph.Date{Year: e.Year, Month: e.Month, Day: e.Day}
		if d.Year == 0 {
			if pub.IsZero() {
				return diplograph.Date{}
			}
			d.Year = pub.Year + e.YearOffset
			if !e.HasYearOffset && d.Month != 0 && pub.Month != 0 {
				// A day and month without a year: the publication year, or the year before when that
				// would put the date well after publication ("28 December" in a 3 January article).
				if d.Month > pub.Month+2 {
					d.Year--
				}
			}
		}
		if !d.Valid() {
			return diplograph.Date{}
		}
		return d
	case KindToday:
		if day {
			return pub
		}
	case KindYesterday:
		if day {
			return pub.AddDays(-1)
		}
	case KindDayBeforeYesterday:
		if day {
			return pub.AddDays(-2)
		}
	case KindTomorrow:
		if day {
			return pub.AddDays(1)
		}
	case KindWeekday:
		if day {
			wd := pub.Time().Weekday()
			delta := int(wd - e.Weekday)
			switch {
			case e.Modifier > 0:
				delta = (int(e.Weekday-wd) + 7) % 7
				if delta == 0 {
					delta = 7
				}
				return pub.AddDays(delta)
			case e.Modifier < 0:
				delta = (delta + 7) % 7
				if delta == 0 {
					delta = 7
				}
			default:
				delta = (delta + 7) % 7
			}
			return pub.AddDays(-delta)
		}
	case KindLastMonth, KindThisMonth, KindNextMonth:
		if pub.Month == 0 {
			return diplograph.Date{}
		}
		off := map[Kind]int{KindLastMonth: -1, KindThisMonth: 0, KindNextMonth: 1}[e.Kind]
		t := time.Date(pub.Year, time.Month(pub.Month)+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
		return diplograph.Date{Year: t.Year(), Month: int(t.Month())}
	case KindLastYear, KindThisYear, KindNextYear:
		if pub.IsZero() {
			return diplograph.Date{}
		}
		off := map[Kind]int{KindLastYear: -1, KindThisYear: 0, KindNextYear: 1}[e.Kind]
		return diplograph.Date{Year: pub.Year + off}
	}
	return diplograph.Date{}
}

// calWord is one calendar word: its kind (month, hijri, weekday, relative, modifier, marker) and value.
type calWord struct {
	kind  string
	value string
}

//go:embed calendar.tsv
var calendarTSV string

var calendar = func() *normalize.PhraseSet[calWord] {
	s := normalize.NewPhraseSet[calWord]()
	s.KeepArticle = true
	for _, line := range strings.Split(calendarTSV, "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") || f[0] == "kind" {
			continue
		}
		s.Add(f[2], calWord{f[0], f[1]})
	}
	return s
}()

// ambiguousMonths are month names that are also ordinary words (the verb مارس, the modal "may"): they
// count as months only beside a day or a year.
var ambiguousMonths = map[string]bool{"مارس": true, "ماي": true, "may": true, "march": true, "mar": true, "اب": true, "jan": false}

// monthContext are the words after which a month name alone (with no day or year) is a date.
var monthContext = map[string]bool{
	"in": true, "since": true, "until": true, "early": true, "late": true, "mid": true, "last": true,
	"next": true, "during": true, "by": true, "this": true, "في": true, "منذ": true, "خلال": true, "مطلع": true,
	"منتصف": true, "اواخر": true, "اوائل": true, "نهايه": true, "بدايه": true, "حتي": true, "شهر": true,
}

// Find returns the date expressions in words [w0, w1) of d, left to right, without overlaps.
func Find(d *normalize.Doc, w0, w1 int) []Expr {
	var out []Expr
	for i := w0; i < w1; i++ {
		if e, ok := numericDate(d, i, w1); ok {
			out = append(out, e)
			i = e.W1 - 1
			continue
		}
		m, ok := calendar.MatchAt(d, i)
		if !ok || m.W1 > w1 {
			if e, ok := yearOnly(d, i, w1); ok {
				out = append(out, e)
				i = e.W1 - 1
			}
			continue
		}
		e, ok := expression(d, m, w0, w1)
		if !ok {
			continue
		}
		out = append(out, e)
		i = e.W1 - 1
	}
	return out
}

// expression builds the expression that starts with calendar match m.
func expression(d *normalize.Doc, m normalize.PhraseMatch[calWord], w0, w1 int) (Expr, bool) {
	cw := m.Values[0]
	e := Expr{W0: m.W0, W1: m.W1, Start: m.Start, End: m.End}
	switch cw.kind {
	case "relative":
		e.Kind = kindNames[cw.value]
		// "اليوم الأربعاء", "أمس الأول": a weekday right after "today" names the same day.
		if e.Kind == KindToday && m.W1 < w1 {
			if n, ok := calendar.MatchAt(d, m.W1); ok && n.Values[0].kind == "weekday" && n.W1 <= w1 {
				wd, _ := strconv.Atoi(n.Values[0].value)
				e.Kind, e.Weekday, e.W1, e.End = KindWeekday, time.Weekday(wd), n.W1, n.End
			}
		}
		return e, true
	case "weekday":
		wd, _ := strconv.Atoi(cw.value)
		e.Kind, e.Weekday = KindWeekday, time.Weekday(wd)
		// A bare "السبت" without the article or "يوم" is too often another word (سبت): require the
		// article, the word "يوم" before, or an English capitalized name.
		w := &d.Words[m.W0]
		if w.Script == normalize.ScriptArabic && !strings.Contains(w.Key, "ال") && !(m.W0 > w0 && strings.HasSuffix(d.Words[m.W0-1].Key, "يوم")) {
			return e, false
		}
		if w.Script == normalize.ScriptLatin && !w.Cap {
			return e, false
		}
		e.Modifier, e.W1, e.End = modifierAfter(d, m.W1, w1, e.W1, e.End)
		return e, true
	case "month":
		mon, _ := strconv.Atoi(cw.value)
		return monthDate(d, m, mon, w0, w1, false)
	case "hijri":
		mon, _ := strconv.Atoi(cw.value)
		return monthDate(d, m, mon, w0, w1, true)
	}
	return e, false
}

// modifierAfter reads "الماضي"/"last"/"المقبل" after word j and returns it with the extended end.
func modifierAfter(d *normalize.Doc, j, w1, end, endOff int) (int, int, int) {
	if j < w1 {
		if n, ok := calendar.MatchAt(d, j); ok && n.W1 <= w1 && n.Values[0].kind == "modifier" {
			switch n.Values[0].value {
			case "past":
				return -1, n.W1, n.End
			case "next":
				return 1, n.W1, n.End
			}
		}
	}
	return 0, end, endOff
}

// monthDate reads a date around a month name: an optional day before it, an optional second month
// name after a slash ("كانون الأول/ديسمبر"), then an optional day (English "Dec. 24"), year, Hijri
// or Gregorian marker, and "الموافق" with the Gregorian equivalent of a Hijri date.
func monthDate(d *normalize.Doc, m normalize.PhraseMatch[calWord], mon, w0, w1 int, hijri bool) (Expr, bool) {
	e := Expr{Kind: KindDate, W0: m.W0, W1: m.W1, Start: m.Start, End: m.End, Month: mon}
	words := d.Words
	if m.W0 > w0 {
		if p := &words[m.W0-1]; p.Number && m.Start == words[m.W0].Start && words[m.W0].Gap == 0 {
			if v, ok := dayNumber(p.Key); ok {
				e.Day, e.W0, e.Start = v, m.W0-1, p.Start
			}
		} else if v, ok := ordinalDay(p.Key); ok && p.Script == normalize.ScriptLatin && words[m.W0].Gap == 0 {
			e.Day, e.W0, e.Start = v, m.W0-1, p.Start
		}
	}
	j := m.W1
	// "كانون الأول/ديسمبر", "كانون الأول (ديسمبر)": the second name of the same month.
	if j < w1 && (words[j].Gap == '/' || words[j].Gap == '(' || words[j].Gap == '-') {
		if n, ok := calendar.MatchAt(d, j); ok && n.W1 <= w1 && n.Values[0].kind == "month" {
			j = n.W1
			e.W1, e.End = n.W1, n.End
		}
	}
	// English "Dec. 24", "December 24th", "December 24, 2025".
	if e.Day == 0 && j < w1 && words[j].Gap != ',' {
		if v, ok := dayOrOrdinal(&words[j]); ok {
			e.Day = v
			e.W1, e.End = j+1, words[j].End
			j++
		}
	}
	if j < w1 && words[j].Number && (words[j].Gap == 0 || words[j].Gap == ',' || words[j].Gap == ')') {
		if y, ok := yearNumber(words[j].Key); ok {
			e.Year = y
			e.W1, e.End = j+1, words[j].End
			j++
			// "1436هـ", "2015م": the calendar marker right after the year.
			if j < w1 {
				if n, ok := calendar.MatchAt(d, j); ok && n.W1 <= w1 && n.Values[0].kind == "marker" && (n.Values[0].value == "hijri" || n.Values[0].value == "gregorian") {
					e.W1, e.End = n.W1, n.End
					j = n.W1
				}
			}
		}
	}
	if e.Year == 0 && j < w1 {
		// "من العام الماضي", "last year", "this year".
		k := j
		if k < w1 && (words[k].Key == "من" || words[k].Key == "of") {
			k++
		}
		if k < w1 {
			if n, ok := calendar.MatchAt(d, k); ok && n.W1 <= w1 && n.Values[0].kind == "relative" {
				switch kindNames[n.Values[0].value] {
				case KindLastYear:
					e.YearOffset, e.HasYearOffset = -1, true
				case KindThisYear:
					e.YearOffset, e.HasYearOffset = 0, true
				case KindNextYear:
					e.YearOffset, e.HasYearOffset = 1, true
				}
				if e.HasYearOffset {
					e.W1, e.End = n.W1, n.End
					j = n.W1
				}
			}
		}
		if !e.HasYearOffset {
			var mod int
			mod, e.W1, e.End = modifierAfter(d, j, w1, e.W1, e.End)
			if mod != 0 {
				e.Modifier = mod
				j = e.W1
			}
		}
	}
	if hijri {
		// Prefer the Gregorian date the text gives after "الموافق".
		if j < w1 {
			if n, ok := calendar.MatchAt(d, j); ok && n.Values[0].kind == "marker" && n.Values[0].value == "corresponding" && n.W1 < w1 {
				for _, g := range Find(d, n.W1, min(w1, n.W1+6)) {
					if g.Kind == KindDate && g.Month != 0 {
						g.W0, g.Start = e.W0, e.Start
						return g, true
					}
				}
			}
		}
		if e.Year == 0 || e.Day == 0 {
			return e, false
		}
		g := HijriToGregorian(e.Year, e.Month, e.Day)
		e.Year, e.Month, e.Day, e.Hijri = g.Year, g.Month, g.Day, true
		return e, true
	}
	if e.Day == 0 && e.Year == 0 && !e.HasYearOffset && e.Modifier == 0 {
		// A month name alone: a date only after "in", "في", "منذ" … and when it is not also a word.
		if ambiguousMonths[words[m.W0].Key] || m.W0 == w0 || !monthContext[words[m.W0-1].Key] {
			return e, false
		}
	}
	if (e.Day != 0 || e.Year != 0) && ambiguousMonths[words[m.W0].Key] && words[m.W0].Script == normalize.ScriptLatin && !words[m.W0].Cap {
		return e, false // "may 2 …" in running text
	}
	if e.Modifier != 0 && e.Year == 0 {
		// "آذار الماضي", "last March": the most recent such month before publication (or the next).
		e.HasYearOffset = true
		e.YearOffset = 0
	}
	return e, true
}

// numericDate reads "24/12/2025", "24-12-2025" and "2025-12-24".
func numericDate(d *normalize.Doc, i, w1 int) (Expr, bool) {
	words := d.Words
	if i+2 >= w1 || !words[i].Number || !words[i+1].Number || !words[i+2].Number {
		return Expr{}, false
	}
	g1, g2 := words[i+1].Gap, words[i+2].Gap
	if g1 != g2 || (g1 != '/' && g1 != '-' && g1 != '.') {
		return Expr{}, false
	}
	a, _ := strconv.Atoi(words[i].Key)
	b, _ := strconv.Atoi(words[i+1].Key)
	c, _ := strconv.Atoi(words[i+2].Key)
	var dt diplograph.Date
	switch {
	case len(words[i].Key) == 4:
		dt = diplograph.Date{Year: a, Month: b, Day: c}
	case len(words[i+2].Key) == 4:
		dt = diplograph.Date{Year: c, Month: b, Day: a}
	default:
		return Expr{}, false
	}
	if !dt.Valid() || dt.Month == 0 || dt.Day == 0 || dt.Year < 1900 || dt.Year > 2100 {
		return Expr{}, false
	}
	return Expr{Kind: KindDate, W0: i, W1: i + 3, Start: words[i].Start, End: words[i+2].End,
		Year: dt.Year, Month: dt.Month, Day: dt.Day}, true
}

// yearOnly reads a year standing alone: "عام 2015", "in 2015", "2015م".
func yearOnly(d *normalize.Doc, i, w1 int) (Expr, bool) {
	w := &d.Words[i]
	if !w.Number {
		return Expr{}, false
	}
	y, ok := yearNumber(w.Key)
	if !ok {
		return Expr{}, false
	}
	e := Expr{Kind: KindDate, W0: i, W1: i + 1, Start: w.Start, End: w.End, Year: y}
	if i+1 < w1 && d.Words[i+1].Gap == 0 && (d.Words[i+1].Key == "م" || d.Words[i+1].Key == "ه") && d.Words[i+1].Start == w.End {
		if d.Words[i+1].Key == "ه" {
			return Expr{}, false // a Hijri year alone: too coarse to convert
		}
		e.W1, e.End = i+2, d.Words[i+1].End
		return e, true
	}
	if i > 0 {
		switch d.Words[i-1].Stems()[len(d.Words[i-1].Stems())-1].Key {
		case "عام", "سنه", "in", "since", "until", "منذ", "في", "خلال", "حتي", "by", "early", "late", "mid":
			return e, true
		}
	}
	return Expr{}, false
}

func dayNumber(s string) (int, bool) {
	v, err := strconv.Atoi(s)
	return v, err == nil && v >= 1 && v <= 31 && len(s) <= 2
}

func ordinalDay(s string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suf) {
			return dayNumber(strings.TrimSuffix(s, suf))
		}
	}
	return 0, false
}

func dayOrOrdinal(w *normalize.Word) (int, bool) {
	if w.Number {
		return dayNumber(w.Key)
	}
	if w.Script == normalize.ScriptLatin {
		return ordinalDay(w.Key)
	}
	return 0, false
}

func yearNumber(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil && (v >= 1900 && v <= 2100 || v >= 1300 && v <= 1500)
}
