package diplograph

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date that may be known only to the month or the year. A zero Month means the year
// alone is known; a zero Day means the month is known but not the day. The zero Date is "unknown".
type Date struct {
	Year, Month, Day int
}

// DayDate returns the day-precision Date of t's calendar day.
func DayDate(t time.Time) Date { return Date{t.Year(), int(t.Month()), t.Day()} }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// Precision returns how much of the date is known, or "" for the zero Date.
func (d Date) Precision() Precision {
	switch {
	case d.Year == 0:
		return ""
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// String formats the date as ISO 8601 at its precision: 2025-12-24, 2025-12 or 2025; "" when unknown.
func (d Date) String() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

// Time returns the first instant of the date (UTC). The zero Date gives the zero time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// End returns the last day the date may stand for: the day itself, the month's last day, or 31 December.
func (d Date) End() Date {
	switch d.Precision() {
	case PrecisionYear:
		return Date{d.Year, 12, 31}
	case PrecisionMonth:
		return DayDate(time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC))
	}
	return d
}

// Start returns the first day the date may stand for.
func (d Date) Start() Date {
	if d.IsZero() {
		return d
	}
	return DayDate(d.Time())
}

// AddDays returns the day-precision date n days after d (which must have day precision).
func (d Date) AddDays(n int) Date { return DayDate(d.Time().AddDate(0, 0, n)) }

// Before reports whether d starts before e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// Valid reports whether the date's fields make a real calendar date at its precision.
func (d Date) Valid() bool {
	if d.IsZero() {
		return d.Month == 0 && d.Day == 0
	}
	if d.Year < 1 || d.Year > 9999 || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 {
		return false
	}
	if d.Month == 0 {
		return d.Day == 0
	}
	if d.Day == 0 {
		return true
	}
	t := d.Time()
	return t.Day() == d.Day && int(t.Month()) == d.Month
}

// ParseDate reads an ISO 8601 date at any precision ("2025", "2025-12", "2025-12-24") or a date-time
// ("2025-12-24T10:00:00Z", whose calendar day is taken as written). The empty string gives the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if i := strings.IndexAny(s, "T "); i == 10 {
		s = s[:10]
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || p == "" {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		if i > 0 && v == 0 {
			return Date{}, fmt.Errorf("date %q: not a calendar date", s) // "2025-00": a month that is written must exist
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if !d.Valid() || d.Year == 0 {
		return Date{}, fmt.Errorf("date %q: not a calendar date", s)
	}
	return d, nil
}

// MarshalJSON writes the date as an ISO string, or null when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads an ISO string or null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date: want a string or null, got %s", truncate(string(b), 40))
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
