package tally

import (
	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// The one wire form of rules, shared by the election record (Rules.MarshalJSON and
// Rules.UnmarshalJSON) and election definition files (ReadDefinition, strictly). Its members are
// described at RecordFormat. The types hold no decoder of their own below the rules, so that
// definition files are decoded member by member, with the position of every problem.

type wireThreshold struct {
	Share    quota.Fraction `json:"share"`
	Boundary quota.Boundary `json:"boundary"`
}

func toWireThreshold(t quota.Threshold) wireThreshold { return wireThreshold{t.Share, t.Boundary} }

func (w wireThreshold) threshold() quota.Threshold {
	return quota.Threshold{Share: w.Share, Boundary: w.Boundary}
}

type wireBar struct {
	Threshold wireThreshold `json:"threshold"`
	Base      Base          `json:"base"`
}

func toWireBar(b *Bar) *wireBar {
	if b == nil {
		return nil
	}
	return &wireBar{toWireThreshold(b.Threshold), b.Base}
}

func (w *wireBar) bar() *Bar {
	if w == nil {
		return nil
	}
	return &Bar{Threshold: w.Threshold.threshold(), Base: w.Base}
}

type wireStep struct {
	MinSeats   int `json:"min_seats"`
	MinSurplus int `json:"min_surplus"`
}

type wireDifference struct {
	MinShare     quota.Fraction `json:"min_share"`
	MinBoundary  quota.Boundary `json:"min_boundary"`
	MaxShare     quota.Fraction `json:"max_share"`
	MinSurplus   int            `json:"min_surplus"`
	MaxSurplus   int            `json:"max_surplus"`
	Steps        []wireStep     `json:"steps"`
	EqualAllowed bool           `json:"equal_allowed"`
	Source       string         `json:"source"`
}

func toWireDifference(d quota.Difference) wireDifference {
	w := wireDifference{MinShare: d.MinShare, MinBoundary: d.MinBoundary, MaxShare: d.MaxShare,
		MinSurplus: d.MinSurplus, MaxSurplus: d.MaxSurplus, Steps: make([]wireStep, len(d.Steps)),
		EqualAllowed: d.EqualAllowed, Source: d.Source}
	for i, s := range d.Steps {
		w.Steps[i] = wireStep{s.MinSeats, s.MinSurplus}
	}
	return w
}

func (w wireDifference) difference() quota.Difference {
	d := quota.Difference{MinShare: w.MinShare, MinBoundary: w.MinBoundary, MaxShare: w.MaxShare,
		MinSurplus: w.MinSurplus, MaxSurplus: w.MaxSurplus, EqualAllowed: w.EqualAllowed, Source: w.Source}
	for _, s := range w.Steps {
		d.Steps = append(d.Steps, quota.SurplusStep{MinSeats: s.MinSeats, MinSurplus: s.MinSurplus})
	}
	return d
}

type wireShortfall struct {
	Bar        *wireBar        `json:"bar"`
	Difference *wireDifference `json:"difference"`
	ListTie    ListTieRule     `json:"list_tie"`
	TwoForOne  bool            `json:"two_for_one"`
	MaxRounds  int             `json:"max_rounds"`
}

type wireRules struct {
	Name                    string         `json:"name"`
	Source                  string         `json:"source"`
	Cite                    Citations      `json:"cite"`
	Difference              wireDifference `json:"difference"`
	Attendance              Attendance     `json:"attendance"`
	Quorum                  wireThreshold  `json:"quorum"`
	QuorumWaivedAfter       int            `json:"quorum_waived_after"`
	Threshold               wireThreshold  `json:"threshold"`
	Base                    Base           `json:"base"`
	VoidWhenReturnedExceeds Base           `json:"void_when_returned_exceeds"`
	Tie                     TieRule        `json:"tie"`
	Runoff                  *wireBar       `json:"runoff"`
	Shortfall               wireShortfall  `json:"shortfall"`
	WriteIns                bool           `json:"write_ins"`
}

func toWireRules(r Rules) wireRules {
	w := wireRules{
		Name: r.Name, Source: r.Source, Cite: r.Cite, Difference: toWireDifference(r.Difference),
		Attendance: r.Attendance, Quorum: toWireThreshold(r.Quorum), QuorumWaivedAfter: r.QuorumWaivedAfter,
		Threshold: toWireThreshold(r.Threshold), Base: r.Base, VoidWhenReturnedExceeds: r.VoidWhenReturnedExceeds,
		Tie: r.Tie, Runoff: toWireBar(r.Runoff), WriteIns: r.WriteIns,
		Shortfall: wireShortfall{Bar: toWireBar(r.Shortfall.Bar), ListTie: r.Shortfall.ListTie,
			TwoForOne: r.Shortfall.TwoForOne, MaxRounds: r.Shortfall.MaxRounds},
	}
	if r.Shortfall.Difference != nil {
		d := toWireDifference(*r.Shortfall.Difference)
		w.Shortfall.Difference = &d
	}
	return w
}

func (w wireRules) rules() Rules {
	r := Rules{
		Name: w.Name, Source: w.Source, Cite: w.Cite, Difference: w.Difference.difference(),
		Attendance: w.Attendance, Quorum: w.Quorum.threshold(), QuorumWaivedAfter: w.QuorumWaivedAfter,
		Threshold: w.Threshold.threshold(), Base: w.Base, VoidWhenReturnedExceeds: w.VoidWhenReturnedExceeds,
		Tie: w.Tie, Runoff: w.Runoff.bar(), WriteIns: w.WriteIns,
		Shortfall: Shortfall{Bar: w.Shortfall.Bar.bar(), ListTie: w.Shortfall.ListTie,
			TwoForOne: w.Shortfall.TwoForOne, MaxRounds: w.Shortfall.MaxRounds},
	}
	if w.Shortfall.Difference != nil {
		d := w.Shortfall.Difference.difference()
		r.Shortfall.Difference = &d
	}
	return r
}

// The wire form of a slate, shared by records and definition files.

type wireCandidate struct {
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Attrs map[string]string `json:"attrs,omitempty"`
}

type wireSlate struct {
	Office     string          `json:"office"`
	Seats      int             `json:"seats"`
	Candidates []wireCandidate `json:"candidates"`
}

func toWireCandidates(cs []ballot.Candidate) []wireCandidate {
	out := make([]wireCandidate, len(cs))
	for i, c := range cs {
		out[i] = wireCandidate{ID: c.ID, Name: c.Name, Attrs: c.Attrs}
	}
	return out
}

func candidates(ws []wireCandidate) []ballot.Candidate {
	out := make([]ballot.Candidate, len(ws))
	for i, c := range ws {
		out[i] = ballot.Candidate{ID: c.ID, Name: c.Name, Attrs: c.Attrs}
	}
	return out
}

func toWireSlate(s ballot.Slate) wireSlate {
	return wireSlate{Office: s.Office, Seats: s.Seats, Candidates: toWireCandidates(s.Candidates)}
}

func (w wireSlate) slate() ballot.Slate {
	return ballot.Slate{Office: w.Office, Seats: w.Seats, Candidates: candidates(w.Candidates)}
}

// The wire form of a definition's mark spellings.

type wireMarks struct {
	For     []string `json:"for,omitempty"`
	Against []string `json:"against,omitempty"`
	Abstain []string `json:"abstain,omitempty"`
}

func toWireMarks(m MarkSpellings) *wireMarks {
	c := m.clone()
	return &wireMarks{For: c.For, Against: c.Against, Abstain: c.Abstain}
}

func (w *wireMarks) spellings() MarkSpellings {
	return MarkSpellings{For: w.For, Against: w.Against, Abstain: w.Abstain}.clone()
}
