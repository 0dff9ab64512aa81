package tally

import (
	"fmt"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// NewPreliminary starts a preliminary election (预选, docs/rules.md C2, C5, D3, A1–A2): the same
// procedure and thresholds, placing not members but size candidates on the formal list, in order
// of votes. slate.Seats is the seats of the formal election (kept for Result.FormalSlate); the
// preliminary ballot paper is the slate with Seats = size, and the rules' difference rule is
// checked for size places among the slate's candidates. A list shorter than the formal seats is
// refused (*quota.DifferenceError wrapping quota.ErrTooFewCandidates).
func NewPreliminary(slate ballot.Slate, rules Rules, size int) (*Election, error) {
	if size < slate.Seats {
		return nil, &quota.DifferenceError{Seats: slate.Seats, Candidates: size, Bound: slate.Seats, Err: quota.ErrTooFewCandidates}
	}
	return newElection(slate, rules, size, true)
}

// FormalSlate returns the formal candidate slate a preliminary election produced: the office and
// seats of the slate given to NewPreliminary, and the candidates placed, in the order they were
// placed (by round, then votes: C5, 原则上以得票多少为序). A formal ballot paper may list them in
// another order (stroke order, B3); sort the Candidates as the rules require. Write-ins placed get
// a Candidate with their "writein:" ID and name. It is an error (wrapping ErrNotDone) before the
// election is done; for a regular election it returns the elected as a slate.
func (r Result) FormalSlate() (ballot.Slate, error) {
	if !r.Done {
		return ballot.Slate{}, fmt.Errorf("tally: formal slate: %w", ErrNotDone)
	}
	s := ballot.Slate{Office: r.Slate.Office, Seats: r.Slate.Seats, Candidates: make([]ballot.Candidate, 0, len(r.Elected))}
	for _, m := range r.Elected {
		if i := r.Slate.Index(m.ID); i >= 0 {
			s.Candidates = append(s.Candidates, r.Slate.Candidates[i].Clone())
		} else {
			s.Candidates = append(s.Candidates, ballot.Candidate{ID: m.ID, Name: m.Name})
		}
	}
	return s, nil
}
