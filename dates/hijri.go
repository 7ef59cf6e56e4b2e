package dates

import (
	"time"

	"github.com/diplograph/diplograph"
)

// HijriToGregorian converts a date of the tabular Islamic calendar (the civil epoch, 16 July 622 Julian, which is 19 July 622 in the proleptic Gregorian calendar Go uses) to
// the Gregorian calendar. Official calendars such as Umm al-Qura follow the moon and may differ by a
// day or two; that is why a Gregorian date the text gives ("الموافق …") is always preferred.
func HijriToGregorian(year, month, day int) diplograph.Date {
	// Days since the epoch: whole years (354 days plus the leap days of the 30-year cycle), whole
	// months (alternating 30 and 29 days), then the day.
	days := (year-1)*354 + (3+11*year)/30 + (59*(month-1)+1)/2 + day - 1
	epoch := time.Date(622, time.July, 19, 0, 0, 0, 0, time.UTC)
	return diplograph.DayDate(epoch.AddDate(0, 0, days))
}
