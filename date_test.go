package diplograph_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/diplograph/diplograph"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in        string
		want      diplograph.Date
		precision diplograph.Precision
		err       string // a substring of the error; "" for success
	}{
		{in: "2025-12-24", want: diplograph.Date{Year: 2025, Month: 12, Day: 24}, precision: diplograph.PrecisionDay},
		{in: "2025-12", want: diplograph.Date{Year: 2025, Month: 12}, precision: diplograph.PrecisionMonth},
		{in: "2025", want: diplograph.Date{Year: 2025}, precision: diplograph.PrecisionYear},
		{in: "  2025-12-24\n", want: diplograph.Date{Year: 2025, Month: 12, Day: 24}, precision: diplograph.PrecisionDay},
		{in: "2025-12-24T10:00:00Z", want: diplograph.Date{Year: 2025, Month: 12, Day: 24}, precision: diplograph.PrecisionDay},
		// The calendar day is taken as written, whatever the offset.
		{in: "2025-12-24T23:30:00-05:00", want: diplograph.Date{Year: 2025, Month: 12, Day: 24}, precision: diplograph.PrecisionDay},
		{in: "2025-12-24 10:00", want: diplograph.Date{Year: 2025, Month: 12, Day: 24}, precision: diplograph.PrecisionDay},
		{in: "2024-02-29", want: diplograph.Date{Year: 2024, Month: 2, Day: 29}, precision: diplograph.PrecisionDay},
		{in: "0622-07-19", want: diplograph.Date{Year: 622, Month: 7, Day: 19}, precision: diplograph.PrecisionDay},
		{in: "", want: diplograph.Date{}, precision: ""},
		{in: "   ", want: diplograph.Date{}, precision: ""},
		{in: "2025-02-29", err: "not a calendar date"},
		{in: "2025-13", err: "not a calendar date"},
		{in: "2025-04-31", err: "not a calendar date"},
		{in: "2025-00-05", err: "not a calendar date"},
		{in: "0000", err: "not a calendar date"},
		{in: "2025-1-5", err: "want YYYY, YYYY-MM or YYYY-MM-DD"},
		{in: "20251224", err: "want YYYY"},
		{in: "25-12-24", err: "want YYYY"},
		{in: "2025-12-24X", err: "want YYYY"},
		{in: "-2025", err: "want YYYY"},
		{in: "2025-12-24-01", err: "want YYYY"},
		{in: "yesterday", err: "want YYYY"},
		{in: "24/12/2025", err: "want YYYY"},
		{in: "٢٠٢٥-١٢-٢٤", err: "want YYYY"},
		{in: "2025-00", err: "not a calendar date"},
		{in: "2025-12-00", err: "not a calendar date"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := diplograph.ParseDate(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("ParseDate(%q) = %v, %v; want an error containing %q", tc.in, got, err, tc.err)
				}
				if !strings.Contains(err.Error(), strings.TrimSpace(tc.in)) {
					t.Errorf("error %q does not quote the input", err)
				}
				return
			}
			if err != nil || got != tc.want || got.Precision() != tc.precision {
				t.Fatalf("ParseDate(%q) = %+v (%s), %v; want %+v (%s)", tc.in, got, got.Precision(), err, tc.want, tc.precision)
			}
			if !got.Valid() {
				t.Errorf("ParseDate(%q) returned an invalid date %+v", tc.in, got)
			}
		})
	}
}

func TestDateString(t *testing.T) {
	tests := []struct {
		d    diplograph.Date
		want string
	}{
		{diplograph.Date{Year: 2025, Month: 12, Day: 24}, "2025-12-24"},
		{diplograph.Date{Year: 2025, Month: 3, Day: 1}, "2025-03-01"},
		{diplograph.Date{Year: 2025, Month: 3}, "2025-03"},
		{diplograph.Date{Year: 2025}, "2025"},
		{diplograph.Date{Year: 622, Month: 7, Day: 19}, "0622-07-19"},
		{diplograph.Date{}, ""},
	}
	for _, tc := range tests {
		if got := tc.d.String(); got != tc.want {
			t.Errorf("%+v.String() = %q, want %q", tc.d, got, tc.want)
		}
		if tc.want == "" {
			continue
		}
		// String and ParseDate are inverses.
		back, err := diplograph.ParseDate(tc.want)
		if err != nil || back != tc.d {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", tc.want, back, err, tc.d)
		}
	}
}

func TestDateStartEnd(t *testing.T) {
	tests := []struct {
		d, start, end string
	}{
		{"2025-12-24", "2025-12-24", "2025-12-24"},
		{"2025-12", "2025-12-01", "2025-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2025-02", "2025-02-01", "2025-02-28"},
		{"2025-04", "2025-04-01", "2025-04-30"},
		{"2025", "2025-01-01", "2025-12-31"},
	}
	for _, tc := range tests {
		d := mustParse(t, tc.d)
		if got := d.Start().String(); got != tc.start {
			t.Errorf("%s.Start() = %s, want %s", tc.d, got, tc.start)
		}
		if got := d.End().String(); got != tc.end {
			t.Errorf("%s.End() = %s, want %s", tc.d, got, tc.end)
		}
		if d.End().Precision() != diplograph.PrecisionDay {
			t.Errorf("%s.End() has precision %s, want DAY", tc.d, d.End().Precision())
		}
	}
	var zero diplograph.Date
	if !zero.End().IsZero() || !zero.Start().IsZero() || !zero.Time().IsZero() {
		t.Errorf("the zero date's Start/End/Time are not zero")
	}
}

func TestDateArithmetic(t *testing.T) {
	d := mustParse(t, "2024-12-31")
	if got := d.AddDays(1).String(); got != "2025-01-01" {
		t.Errorf("AddDays(1) = %s", got)
	}
	if got := mustParse(t, "2024-03-01").AddDays(-1).String(); got != "2024-02-29" {
		t.Errorf("AddDays(-1) = %s", got)
	}
	if !mustParse(t, "2024-12").Before(mustParse(t, "2024-12-02")) {
		t.Errorf("2024-12 (starting 1 Dec) should be before 2024-12-02")
	}
	if mustParse(t, "2025").Before(mustParse(t, "2025-01-01")) {
		t.Errorf("2025 starts on 2025-01-01, not before it")
	}
	tm := time.Date(2025, 12, 24, 23, 59, 0, 0, time.FixedZone("X", 3*3600))
	if got := diplograph.DayDate(tm).String(); got != "2025-12-24" {
		t.Errorf("DayDate = %s, want the calendar day of the time as given", got)
	}
}

func TestDateValid(t *testing.T) {
	tests := []struct {
		d    diplograph.Date
		want bool
	}{
		{diplograph.Date{}, true},
		{diplograph.Date{Year: 2025}, true},
		{diplograph.Date{Year: 2025, Month: 2}, true},
		{diplograph.Date{Year: 2025, Month: 2, Day: 28}, true},
		{diplograph.Date{Year: 2025, Month: 2, Day: 29}, false},
		{diplograph.Date{Year: 2025, Day: 3}, false},
		{diplograph.Date{Month: 3}, false},
		{diplograph.Date{Year: 10000}, false},
		{diplograph.Date{Year: 2025, Month: 13}, false},
		{diplograph.Date{Year: 2025, Month: -1}, false},
		{diplograph.Date{Year: 2025, Month: 1, Day: 32}, false},
	}
	for _, tc := range tests {
		if got := tc.d.Valid(); got != tc.want {
			t.Errorf("%+v.Valid() = %v, want %v", tc.d, got, tc.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		Date diplograph.Date  `json:"date"`
		From diplograph.Date  `json:"from,omitzero"`
		Ptr  *diplograph.Date `json:"ptr,omitempty"`
	}
	tests := []struct {
		in   doc
		json string
	}{
		{doc{Date: mustParse(t, "2025-12-24")}, `{"date":"2025-12-24"}`},
		{doc{Date: mustParse(t, "2025-12")}, `{"date":"2025-12"}`},
		{doc{Date: mustParse(t, "2025"), From: mustParse(t, "2024-01-02")}, `{"date":"2025","from":"2024-01-02"}`},
		{doc{}, `{"date":null}`},
	}
	for _, tc := range tests {
		b, err := json.Marshal(tc.in)
		if err != nil || string(b) != tc.json {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", tc.in, b, err, tc.json)
			continue
		}
		var back doc
		if err := json.Unmarshal(b, &back); err != nil || back != tc.in {
			t.Errorf("Unmarshal(%s) = %+v, %v; want %+v", b, back, err, tc.in)
		}
	}
	// null clears a date that was set.
	d := mustParse(t, "2025-12-24")
	if err := json.Unmarshal([]byte("null"), &d); err != nil || !d.IsZero() {
		t.Errorf("Unmarshal(null) = %+v, %v; want the zero date", d, err)
	}
	// A date-time string is read to its day.
	if err := json.Unmarshal([]byte(`"2025-12-24T10:00:00Z"`), &d); err != nil || d.String() != "2025-12-24" {
		t.Errorf("Unmarshal(date-time) = %+v, %v", d, err)
	}
	for _, bad := range []struct{ in, err string }{
		{`5`, "want a string or null, got 5"},
		{`true`, "want a string or null"},
		{`{"year":2025}`, "want a string or null"},
		{`"2025-13-01"`, "not a calendar date"},
		{`"Dec 24"`, "want YYYY"},
	} {
		var d diplograph.Date
		err := json.Unmarshal([]byte(bad.in), &d)
		if err == nil || !strings.Contains(err.Error(), bad.err) {
			t.Errorf("Unmarshal(%s): error %v, want one containing %q", bad.in, err, bad.err)
		}
	}
	// A long bad value is truncated in the message.
	var x diplograph.Date
	err := json.Unmarshal([]byte(`[`+strings.Repeat(`1,`, 100)+`1]`), &x)
	if err == nil || len(err.Error()) > 120 {
		t.Errorf("long bad value: error %q should be short", err)
	}
}

func TestRefOrNullJSON(t *testing.T) {
	for _, tc := range []struct {
		ref  diplograph.RefOrNull
		json string
	}{{"country:SY", `"country:SY"`}, {"", `null`}} {
		b, err := json.Marshal(tc.ref)
		if err != nil || string(b) != tc.json {
			t.Errorf("Marshal(%q) = %s, %v; want %s", tc.ref, b, err, tc.json)
		}
		var back diplograph.RefOrNull = "x"
		if err := json.Unmarshal(b, &back); err != nil || back != tc.ref {
			t.Errorf("Unmarshal(%s) = %q, %v", b, back, err)
		}
	}
	var r diplograph.RefOrNull
	if err := json.Unmarshal([]byte(`5`), &r); err == nil {
		t.Errorf("Unmarshal(5) into a RefOrNull succeeded")
	}
}

func TestFillPrecision(t *testing.T) {
	x := diplograph.Extraction{
		Events:    []diplograph.Event{{Date: mustParse(t, "2025-12")}, {}},
		Positions: []diplograph.Position{{Date: mustParse(t, "2025"), DatePrecision: diplograph.PrecisionDay}},
	}
	x.FillPrecision()
	if x.Events[0].DatePrecision != diplograph.PrecisionMonth || x.Events[1].DatePrecision != "" || x.Positions[0].DatePrecision != diplograph.PrecisionYear {
		t.Errorf("FillPrecision: got %q %q %q", x.Events[0].DatePrecision, x.Events[1].DatePrecision, x.Positions[0].DatePrecision)
	}
}

func mustParse(t *testing.T, s string) diplograph.Date {
	t.Helper()
	d, err := diplograph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
