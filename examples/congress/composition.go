package main

import (
	"github.com/chae-go/chae/quota/composition"
)

// compositionJSON is the JSON form of a composition.Report: counts, shares as printed (rounded half-up),
// distinct values, averages and targets.
type compositionJSON struct {
	Total    int               `json:"total"`
	Rows     []compositionRow  `json:"rows"`
	Distinct []compositionDist `json:"distinct,omitempty"`
	Averages []compositionAvg  `json:"averages,omitempty"`
	Targets  []compositionGoal `json:"targets,omitempty"`
}

// compositionRow is one category: its count, base and printed share.
type compositionRow struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
	Of    string `json:"of,omitempty"` // the base category; empty for the whole body
	Base  int    `json:"base"`
	Share string `json:"share"` // e.g. "33.6%"
}

// compositionDist is one distinct-value count ("40 ethnic groups") with the values.
type compositionDist struct {
	Name   string   `json:"name"`
	Count  int      `json:"count"`
	Values []string `json:"values"`
}

// compositionAvg is one average ("age 52.2"), as printed.
type compositionAvg struct {
	Name  string `json:"name"`
	On    string `json:"on,omitempty"` // the date ages are measured on
	Value string `json:"value"`
	N     int    `json:"n"`
}

// compositionGoal is one target and whether the body meets it.
type compositionGoal struct {
	Target string `json:"target"`
	Met    bool   `json:"met"`
	Count  int    `json:"count"`
	Base   int    `json:"base"`
}

// newComposition converts a report to its JSON form.
func newComposition(rep *composition.Report) compositionJSON {
	c := compositionJSON{Total: rep.Total}
	for _, r := range rep.Categories {
		share := "-"
		if p, ok := r.Percent(rep.Places); ok {
			share = p.StringFixed(rep.Places) + "%"
		}
		c.Rows = append(c.Rows, compositionRow{Name: r.Name, Count: r.Count, Of: r.Of, Base: r.Base, Share: share})
	}
	for _, d := range rep.Distinct {
		c.Distinct = append(c.Distinct, compositionDist{Name: d.Name, Count: d.Count(), Values: d.Values})
	}
	for _, a := range rep.Averages {
		v := "-"
		if m, ok := a.Mean(a.Places); ok {
			v = m.StringFixed(a.Places)
		}
		on := ""
		if !a.AgeOn.IsZero() {
			on = a.AgeOn.Format(composition.DateLayout)
		}
		c.Averages = append(c.Averages, compositionAvg{Name: a.Name, On: on, Value: v, N: a.N})
	}
	for _, t := range rep.Targets {
		c.Targets = append(c.Targets, compositionGoal{Target: t.Target.String(), Met: t.Met, Count: t.Count, Base: t.Base})
	}
	return c
}
