package composition

import (
	"errors"
	"io"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/internal/table"
	"github.com/chae-go/chae/quota"
	"github.com/shopspring/decimal"
)

// Category is a group of a body whose size a composition report gives: "front-line members",
// "women", "under 55 years old".
type Category struct {
	// Name identifies the category in the report, in Of and in targets. It is printed as given.
	Name string
	// Where selects the members.
	Where Predicate
	// Of names the category whose members are the base of the share ("710 of the 771 front-line
	// delegates"): the category then counts only members of that base, and Where is evaluated only
	// for them. Empty means the whole body.
	Of string
}

// Distinct counts the distinct values of an attribute among the candidates Where selects:
// "ethnic minorities, from 40 ethnic groups". Missing and empty values are not counted.
type Distinct struct {
	Name  string    // printed in the report
	Key   string    // the attribute whose values are counted ("ethnicity")
	Where Predicate // the candidates looked at; the zero value looks at everyone
}

// Average is the mean of a numeric or date attribute among the candidates Where selects.
//
// When AgeOn is the zero time, the attribute is a decimal number ("1.5", "-3", "72") and the mean
// is of those numbers. Otherwise the attribute is a birth date (DateLayout) and the mean is of the
// ages in completed years on the calendar date of AgeOn (see Age): a person born on 1970-10-17 is
// 51 on 2022-10-16, not 51.997. The mean is computed exactly and rounded half-up (away from zero)
// to Places decimal places only for the report. A missing or malformed value is an *AttributeError.
type Average struct {
	Name   string    // printed in the report
	Key    string    // the attribute averaged ("born")
	Where  Predicate // the candidates averaged; the zero value averages everyone
	AgeOn  time.Time // when non-zero, average ages on this day from the birth date in Key
	Places int32     // decimal places of the printed mean
}

// TargetKind says what a target requires of its category.
type TargetKind uint8

const (
	// ShareAtLeast: the category's share of its base is at least Share (generally at least one
	// third front-line members).
	ShareAtLeast TargetKind = iota
	// ShareAbove: the share is strictly more than Share, typically a reference share measured
	// elsewhere (women's share of the elected above women's share of the membership).
	ShareAbove
	// ShareAtMost: the share is at most Share (leading cadres at most two thirds).
	ShareAtMost
	// CountAtLeast: the category has at least Count members (some ethnic-minority delegates).
	CountAtLeast
)

// String returns "share at least", "share above", "share at most" or "count at least".
func (k TargetKind) String() string {
	switch k {
	case ShareAtLeast:
		return "share at least"
	case ShareAbove:
		return "share above"
	case ShareAtMost:
		return "share at most"
	case CountAtLeast:
		return "count at least"
	}
	return "TargetKind(" + strconv.Itoa(int(k)) + ")"
}

// Target is a requirement on one category of a composition. Shares are compared exactly with the
// count over the base (never a rounded percentage): 33.3% printed may still fall short of one
// third.
type Target struct {
	Category string
	Kind     TargetKind
	Share    quota.Fraction // for the share kinds
	Count    int            // for CountAtLeast
	// Reference says where a reference share comes from, for the report ("women's share of the
	// membership"). Optional.
	Reference string
}

// String describes the target: "front-line share at least 1/3".
func (t Target) String() string {
	s := t.Category + " " + t.Kind.String() + " "
	if t.Kind == CountAtLeast {
		s += strconv.Itoa(t.Count)
	} else {
		s += t.Share.String()
	}
	if t.Reference != "" {
		s += " (" + t.Reference + ")"
	}
	return s
}

// met reports whether count of base meets the target, exactly.
func (t Target) met(count, base int) bool {
	if t.Kind == CountAtLeast {
		return count >= t.Count
	}
	if base <= 0 {
		// A share of nothing is undefined: it meets no minimum and breaks no maximum.
		return t.Kind == ShareAtMost
	}
	// count/base against n/d: count·d against n·base.
	c := share(count, base).Cmp(t.Share)
	switch t.Kind {
	case ShareAtLeast:
		return c >= 0
	case ShareAbove:
		return c > 0
	case ShareAtMost:
		return c <= 0
	}
	return false
}

// Spec defines a composition report: the categories counted, the distinct values counted,
// the averages and the targets. Its zero value reports only the size of the body.
type Spec struct {
	Categories []Category // counted in this order, and reported in it
	Distinct   []Distinct // distinct-value counts
	Averages   []Average  // averages
	Targets    []Target   // checked in this order
	// Places is the number of decimal places of the percentages in the report; shares are rounded
	// half-up. Zero prints whole percents.
	Places int32
}

// CategoryRow is one category of a report.
type CategoryRow struct {
	Name  string
	Count int    // members of the category
	Of    string // the base category; "" for the whole body
	Base  int    // members of the base
}

// Share returns Count/Base exactly; zero when Base is 0.
func (r CategoryRow) Share() quota.Fraction {
	if r.Base <= 0 {
		return quota.Fraction{}
	}
	return share(r.Count, r.Base)
}

// share returns count/base (count ≥ 0, base > 0) exactly; the zero quota.Fraction when it cannot be
// represented (a term beyond quota.MaxFractionTerm once reduced).
func share(count, base int) quota.Fraction {
	f, err := quota.NewFraction(int64(count), int64(base))
	if err != nil {
		return quota.Fraction{}
	}
	return f
}

// Percent returns 100·Count/Base rounded half-up to places decimal places (33.6 for 771 of 2,296
// at one place; negative places count as 0), and false when Base is 0.
func (r CategoryRow) Percent(places int32) (decimal.Decimal, bool) {
	if r.Base <= 0 {
		return decimal.Decimal{}, false
	}
	return percentOf(r.Count, r.Base, places), true
}

// DistinctRow is one distinct-value count of a report.
type DistinctRow struct {
	Name   string
	Key    string
	Values []string // the distinct values, sorted bytewise
}

// Count returns the number of distinct values.
func (d DistinctRow) Count() int { return len(d.Values) }

// AverageRow is one average of a report.
type AverageRow struct {
	Name   string
	AgeOn  time.Time       // as in the Average: zero for a numeric attribute
	N      int             // candidates averaged
	Sum    decimal.Decimal // exact sum of their values (ages in completed years)
	Places int32           // decimal places the report prints
}

// Mean returns Sum/N rounded half-up (away from zero) to places decimal places (negative places
// count as 0), and false when N is 0.
func (a AverageRow) Mean(places int32) (decimal.Decimal, bool) {
	if a.N <= 0 {
		return decimal.Decimal{}, false
	}
	places = max(places, 0)
	return a.Sum.DivRound(decimal.NewFromInt(int64(a.N)), places), true
}

// Exact returns Sum/N as an exact rational, or nil when N is 0.
func (a AverageRow) Exact() *big.Rat {
	if a.N <= 0 {
		return nil
	}
	return new(big.Rat).Quo(a.Sum.Rat(), new(big.Rat).SetInt64(int64(a.N)))
}

// TargetResult is one target of a report with its outcome.
type TargetResult struct {
	Target Target
	Count  int  // members of the category
	Base   int  // members of its base
	Met    bool // whether the exact share or count meets the target
}

// Report is a composition report of one body. It is a value the caller owns.
type Report struct {
	Total      int           // candidates in the body
	Places     int32         // decimal places of the printed percentages
	Categories []CategoryRow // one per category, in definition order
	Distinct   []DistinctRow
	Averages   []AverageRow
	Targets    []TargetResult // one per target, in definition order
}

// Validate checks the definition: every category named, names unique, every base (Of) an existing
// category with no cycle, every target naming an existing category with a known kind. It returns
// the first problem as a *SpecError wrapping ErrCategory.
func (c Spec) Validate() error {
	_, err := c.order()
	return err
}

// order validates c and returns the categories' indices with each base before its dependants.
func (c Spec) order() ([]int, error) {
	idx := make(map[string]int, len(c.Categories))
	for i, cat := range c.Categories {
		if cat.Name == "" {
			return nil, &SpecError{Name: "", Detail: "category " + strconv.Itoa(i+1) + " has no name", Err: ErrCategory}
		}
		if _, dup := idx[cat.Name]; dup {
			return nil, &SpecError{Name: cat.Name, Detail: "category named twice", Err: ErrCategory}
		}
		idx[cat.Name] = i
	}
	order := make([]int, 0, len(c.Categories))
	state := make([]uint8, len(c.Categories)) // 0 new, 1 in progress, 2 done
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case 1:
			return &SpecError{Name: c.Categories[i].Name, Detail: "base cycle", Err: ErrCategory}
		case 2:
			return nil
		}
		state[i] = 1
		if of := c.Categories[i].Of; of != "" {
			j, ok := idx[of]
			if !ok {
				return &SpecError{Name: c.Categories[i].Name, Detail: "unknown base " + strconv.Quote(of), Err: ErrCategory}
			}
			if err := visit(j); err != nil {
				return err
			}
		}
		state[i] = 2
		order = append(order, i)
		return nil
	}
	for i := range c.Categories {
		if err := visit(i); err != nil {
			return nil, err
		}
	}
	for _, t := range c.Targets {
		if _, ok := idx[t.Category]; !ok {
			return nil, &SpecError{Name: t.Category, Detail: "target names an unknown category", Err: ErrCategory}
		}
		if t.Kind > CountAtLeast {
			return nil, &SpecError{Name: t.Category, Detail: "unknown target kind " + t.Kind.String(), Err: ErrCategory}
		}
	}
	return order, nil
}

// Report counts the body. Categories are evaluated for every candidate in roster order, each base
// before the categories measured over it; the first attribute that cannot be read stops the report
// with an *AttributeError giving the candidate's position and ID. The report does not depend on
// map iteration or on anything but the candidates and the definition.
func (c Spec) Report(cands []ballot.Candidate) (*Report, error) {
	order, err := c.order()
	if err != nil {
		return nil, err
	}
	t := newCounter(c, order)
	for i, cd := range cands {
		if err := t.add(cd); err != nil {
			var ae *AttributeError
			if errors.As(err, &ae) {
				ae.Index, ae.ID = i+1, cd.ID
			}
			return nil, err
		}
	}
	return t.report(len(cands)), nil
}

// counter accumulates a Spec's report over a roster, one candidate at a time.
type counter struct {
	spec   Spec
	order  []int                 // categories, each base before its dependants
	index  map[string]int        // category name → index
	base   []int                 // per category: the index of its base, -1 for the whole body
	counts []int                 // per category: members so far
	member []bool                // per category: whether the current candidate is a member
	seen   []map[string]struct{} // per distinct count: the values seen
	sums   []decimal.Decimal     // per average: the sum of the numeric values
	ages   []int64               // per average: the sum of the ages (integers need no decimal)
	ns     []int                 // per average: the candidates averaged
}

func newCounter(c Spec, order []int) *counter {
	t := &counter{spec: c, order: order, index: make(map[string]int, len(c.Categories)),
		base: make([]int, len(c.Categories)), counts: make([]int, len(c.Categories)), member: make([]bool, len(c.Categories)),
		seen: make([]map[string]struct{}, len(c.Distinct)),
		sums: make([]decimal.Decimal, len(c.Averages)), ages: make([]int64, len(c.Averages)), ns: make([]int, len(c.Averages))}
	for i, cat := range c.Categories {
		t.index[cat.Name] = i
	}
	for i, cat := range c.Categories {
		t.base[i] = -1
		if cat.Of != "" {
			t.base[i] = t.index[cat.Of]
		}
	}
	for i := range t.seen {
		t.seen[i] = make(map[string]struct{})
	}
	return t
}

// add counts one candidate: the categories (a category over a base only for members of the base),
// the distinct values and the averages.
func (t *counter) add(cd ballot.Candidate) error {
	for _, k := range t.order {
		t.member[k] = false
		if b := t.base[k]; b >= 0 && !t.member[b] {
			continue
		}
		ok, err := t.spec.Categories[k].Where.match(cd)
		if err != nil {
			return err
		}
		if ok {
			t.member[k] = true
			t.counts[k]++
		}
	}
	for k, d := range t.spec.Distinct {
		ok, err := d.Where.match(cd)
		if err != nil {
			return err
		}
		if v := cd.Attrs[d.Key]; ok && v != "" {
			t.seen[k][v] = struct{}{}
		}
	}
	for k, a := range t.spec.Averages {
		if err := t.addAverage(k, a, cd); err != nil {
			return err
		}
	}
	return nil
}

// addAverage adds the candidate to average k if its predicate selects them: their age on AgeOn
// from the birth date, or the attribute's number.
func (t *counter) addAverage(k int, a Average, cd ballot.Candidate) error {
	ok, err := a.Where.match(cd)
	if err != nil || !ok {
		return err
	}
	if !a.AgeOn.IsZero() {
		born, err := dateAttr(cd, a.Key)
		if err != nil {
			return err
		}
		t.ages[k] += int64(Age(born, a.AgeOn))
	} else {
		v, err := a.value(cd)
		if err != nil {
			return err
		}
		t.sums[k] = t.sums[k].Add(v)
	}
	t.ns[k]++
	return nil
}

// report makes the report of a body of total candidates from the counts: rows in definition
// order, distinct values sorted, and each target's outcome.
func (t *counter) report(total int) *Report {
	c := t.spec
	r := &Report{Total: total, Places: max(c.Places, 0)}
	for k, cat := range c.Categories {
		b := total
		if t.base[k] >= 0 {
			b = t.counts[t.base[k]]
		}
		r.Categories = append(r.Categories, CategoryRow{Name: cat.Name, Count: t.counts[k], Of: cat.Of, Base: b})
	}
	for k, d := range c.Distinct {
		vs := make([]string, 0, len(t.seen[k]))
		for v := range t.seen[k] {
			vs = append(vs, v)
		}
		slices.Sort(vs)
		r.Distinct = append(r.Distinct, DistinctRow{Name: d.Name, Key: d.Key, Values: vs})
	}
	for k, a := range c.Averages {
		sum := t.sums[k].Add(decimal.NewFromInt(t.ages[k]))
		r.Averages = append(r.Averages, AverageRow{Name: a.Name, AgeOn: a.AgeOn, N: t.ns[k], Sum: sum, Places: max(a.Places, 0)})
	}
	for _, tg := range c.Targets {
		row := r.Categories[t.index[tg.Category]]
		r.Targets = append(r.Targets, TargetResult{Target: tg, Count: row.Count, Base: row.Base, Met: tg.met(row.Count, row.Base)})
	}
	return r
}

// value reads the numeric value of one candidate.
func (a Average) value(cd ballot.Candidate) (decimal.Decimal, error) {
	v := cd.Attrs[a.Key]
	if v == "" {
		return decimal.Decimal{}, &AttributeError{Key: a.Key, Err: ErrMissingAttribute}
	}
	if !isDecimalNumber(v) {
		return decimal.Decimal{}, &AttributeError{Key: a.Key, Value: v, Err: ErrBadAttribute}
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		return decimal.Decimal{}, &AttributeError{Key: a.Key, Value: v, Err: ErrBadAttribute}
	}
	return d, nil
}

// isDecimalNumber accepts an optional sign, digits with at most one '.', at most 30 characters:
// no exponents, which could ask decimal for absurd scales.
func isDecimalNumber(s string) bool {
	if len(s) > 30 {
		return false
	}
	if s[0] == '-' || s[0] == '+' {
		s = s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	if ip == "" && fp == "" {
		return false
	}
	return allDigits(ip) && allDigits(fp)
}

// allDigits reports whether s holds only ASCII digits (true for "").
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Check returns nil when the report meets every target, or else an error joining one *TargetError
// (wrapping ErrTargetUnmet) per unmet target, in the order of the definition's targets. Use
// errors.As to reach the first, or Unmet for all of them.
func (r *Report) Check() error {
	var errs []error
	for _, e := range r.Unmet() {
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

// Unmet returns a *TargetError for each unmet target, in the order of the definition's targets.
func (r *Report) Unmet() []*TargetError {
	var out []*TargetError
	for _, t := range r.Targets {
		if !t.Met {
			out = append(out, &TargetError{Target: t.Target, Count: t.Count, Base: t.Base, Err: ErrTargetUnmet})
		}
	}
	return out
}

// Category returns the row of the named category, and false if there is none.
func (r *Report) Category(name string) (CategoryRow, bool) {
	for _, row := range r.Categories {
		if row.Name == name {
			return row, true
		}
	}
	return CategoryRow{}, false
}

func percentString(count, base int, places int32) string {
	return percentOf(count, base, places).StringFixed(max(places, 0)) + "%"
}

// percentOf returns 100·count/base (base > 0) rounded half-up to places ≥ 0 decimal places.
func percentOf(count, base int, places int32) decimal.Decimal {
	return share(count, base).PercentDecimal(places)
}

// String renders the report as WriteTo does.
func (r *Report) String() string {
	var b strings.Builder
	r.WriteTo(&b)
	return b.String()
}

// WriteTo renders the report as an aligned text table: one section for the categories (count,
// share of the base rounded half-up to the report's places, and the base), then distinct-value
// counts, averages and targets, each section only when it has rows. Columns are aligned in display
// columns, East Asian wide and full-width characters counting two, so that Chinese category names
// line up. A share over an empty base prints "-".
//
// For example (a shortened congress report):
//
//	category                       count  share  of
//	front-line                       771  33.6%  all 2296
//	honours                          710  92.1%  front-line 771
//
//	distinct                       count
//	ethnic groups                     40
//
//	average                        value     n
//	age on 2022-10-16               52.2  2296
//
//	target                         result
//	front-line share at least 1/3  met
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var sections [][][]string
	var aligns [][]bool // right-aligned columns per section
	if len(r.Categories) > 0 {
		t := [][]string{{"category", "count", "share", "of"}}
		for _, row := range r.Categories {
			share := "-"
			if p, ok := row.Percent(r.Places); ok {
				share = p.StringFixed(r.Places) + "%"
			}
			of := "all " + strconv.Itoa(row.Base)
			if row.Of != "" {
				of = row.Of + " " + strconv.Itoa(row.Base)
			}
			t = append(t, []string{row.Name, strconv.Itoa(row.Count), share, of})
		}
		sections = append(sections, t)
		aligns = append(aligns, []bool{false, true, true, false})
	}
	if len(r.Distinct) > 0 {
		t := [][]string{{"distinct", "count"}}
		for _, d := range r.Distinct {
			t = append(t, []string{d.Name, strconv.Itoa(d.Count())})
		}
		sections = append(sections, t)
		aligns = append(aligns, []bool{false, true})
	}
	if len(r.Averages) > 0 {
		t := [][]string{{"average", "value", "n"}}
		for _, a := range r.Averages {
			v := "-"
			if m, ok := a.Mean(a.Places); ok {
				v = m.StringFixed(a.Places)
			}
			name := a.Name
			if !a.AgeOn.IsZero() {
				name += " on " + a.AgeOn.Format(DateLayout)
			}
			t = append(t, []string{name, v, strconv.Itoa(a.N)})
		}
		sections = append(sections, t)
		aligns = append(aligns, []bool{false, true, true})
	}
	if len(r.Targets) > 0 {
		t := [][]string{{"target", "result"}}
		for _, tr := range r.Targets {
			res := "met"
			if !tr.Met {
				res = "NOT MET"
			}
			t = append(t, []string{tr.Target.String(), res})
		}
		sections = append(sections, t)
		aligns = append(aligns, []bool{false, false})
	}
	if len(sections) == 0 {
		sections = append(sections, [][]string{{"total"}, {strconv.Itoa(r.Total)}})
		aligns = append(aligns, []bool{false})
	}
	// The first column is as wide as the widest first cell in any section.
	first := 0
	for _, t := range sections {
		for _, row := range t {
			first = max(first, table.Width(row[0]))
		}
	}
	var b strings.Builder
	for s, t := range sections {
		if s > 0 {
			b.WriteByte('\n')
		}
		tb := table.Table{Right: aligns[s], Min: []int{first}, Rows: t}
		tb.Write(&b)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}
