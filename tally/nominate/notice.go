package nominate

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Date is a civil date (no time, no zone): the days of a public notice.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date written YYYY-MM-DD. A date that does not exist (2022-02-30) or any
// other text is an error wrapping ErrDate.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || len(s) != 10 {
		return Date{}, fmt.Errorf("nominate: date %q: %w", s, ErrDate)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// String returns the date as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// MarshalText encodes the date as String does; a date that does not exist is an error.
func (d Date) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("nominate: date %s: %w", d, ErrDate)
	}
	return []byte(d.String()), nil
}

// UnmarshalText decodes what ParseDate reads.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Valid reports whether the date exists (years 1 to 9999).
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	t := d.time()
	return t.Day() == d.Day && t.Month() == d.Month
}

func (d Date) time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, the same as or after e.
func (d Date) Compare(e Date) int {
	if c := cmp.Compare(d.Year, e.Year); c != 0 {
		return c
	}
	if c := cmp.Compare(d.Month, e.Month); c != 0 {
		return c
	}
	return cmp.Compare(d.Day, e.Day)
}

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.time().Weekday() }

func (d Date) next() Date {
	t := d.time().AddDate(0, 0, 1)
	return Date{t.Year(), t.Month(), t.Day()}
}

// Calendar says how the days of a notice are counted.
type Calendar struct {
	// WorkingDays counts working days: Monday to Friday, less Holidays, plus Workdays (weekend
	// days made working days, 调休). Otherwise every calendar day counts.
	WorkingDays bool
	Holidays    []Date
	Workdays    []Date
}

// Days returns the days from from to to, both included, as the calendar counts them; 0 if to is
// before from.
func (c Calendar) Days(from, to Date) int {
	n := 0
	for d := from; d.Compare(to) <= 0; d = d.next() {
		if !c.WorkingDays {
			n++
			continue
		}
		wd := d.Weekday()
		work := wd != time.Saturday && wd != time.Sunday
		if slices.Contains(c.Holidays, d) {
			work = false
		}
		if slices.Contains(c.Workdays, d) {
			work = true
		}
		if work {
			n++
		}
	}
	return n
}

// Objection is one objection received during a public notice.
type Objection struct {
	Received Date
	Person   string
	// Ground is the finding's ground (PublicNotice when none more precise applies).
	Ground Ground
	// Upheld removes the person (with the nomination's replacement policy); a dismissed
	// objection is recorded and changes nothing.
	Upheld bool
	Ref    string
}

// Notice is a public notice (公示) of a list: its scope, its first and last day, the least days
// it must run and how they are counted, and the objections received. The grassroots regulation
// (2020, Art. 10) says preliminary candidates "may be made public within a certain scope"; no
// period for delegate candidates was found in any source, so MinDays is a parameter. The one
// fixed figure in party rules is for cadre appointments: at least five working days (2014
// regulation on selecting and appointing leading cadres, Art. 41) — CadreNotice returns it.
type Notice struct {
	Scope      string // where the notice is posted (a label: "election unit", "recommending units")
	From, To   Date
	MinDays    int
	Calendar   Calendar
	Objections []Objection
}

// CadreNotice returns a notice that must run at least five working days: the period of the 2014
// regulation on selecting and appointing leading party and government cadres (Art. 41:
// "公示期不少于五个工作日"). It is not a rule for delegate candidates, for whom no period was
// found; it is offered as the nearest fixed figure. docs/rules.md G7.
func CadreNotice() Notice { return Notice{MinDays: 5, Calendar: Calendar{WorkingDays: true}} }

// check validates the notice against the list noticed.
func (nt Notice) check(onList func(string) bool) (days int, err error) {
	bad := func(person, detail string) error {
		return &StepError{Step: "Notice", Person: person, Err: ErrNotice, Detail: detail}
	}
	for _, d := range append([]Date{nt.From, nt.To}, append(slices.Clone(nt.Calendar.Holidays), nt.Calendar.Workdays...)...) {
		if !d.Valid() {
			return 0, &StepError{Step: "Notice", Err: ErrDate, Detail: d.String()}
		}
	}
	if nt.To.Compare(nt.From) < 0 {
		return 0, bad("", fmt.Sprintf("ends %s before it begins %s", nt.To, nt.From))
	}
	if nt.MinDays < 0 {
		return 0, bad("", "negative minimum")
	}
	days = nt.Calendar.Days(nt.From, nt.To)
	if days < nt.MinDays {
		return 0, bad("", fmt.Sprintf("%d days from %s to %s, at least %d required", days, nt.From, nt.To, nt.MinDays))
	}
	for _, o := range nt.Objections {
		if !o.Received.Valid() {
			return 0, &StepError{Step: "Notice", Person: o.Person, Err: ErrDate, Detail: o.Received.String()}
		}
		if o.Received.Compare(nt.From) < 0 || o.Received.Compare(nt.To) > 0 {
			return 0, bad(o.Person, fmt.Sprintf("objection received %s, outside the notice", o.Received))
		}
		if !onList(o.Person) {
			return 0, bad(o.Person, "not on the list noticed")
		}
		if o.Ground >= numGrounds {
			return 0, &StepError{Step: "Notice", Person: o.Person, Err: ErrKind, Detail: "ground"}
		}
	}
	return days, nil
}
