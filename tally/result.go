package tally

import (
	"fmt"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// RoundKind is the kind of a round of voting.
type RoundKind uint8

const (
	// Regular is the first vote on the whole slate (for a preliminary election, the preliminary
	// vote).
	Regular RoundKind = iota
	// Runoff is a second vote among exactly the candidates tied across the last open seat, for
	// exactly the seats left (再次投票, docs/rules.md A6, B8, C4).
	Runoff
	// Supplementary is another election (另行选举, A7, B8) for seats that no candidate filled.
	Supplementary
	numRoundKinds
)

var roundKindNames = [...]string{"regular", "runoff", "supplementary"}

// String returns "regular", "runoff" or "supplementary".
func (k RoundKind) String() string {
	if k < numRoundKinds {
		return roundKindNames[k]
	}
	return fmt.Sprintf("RoundKind(%d)", uint8(k))
}

// MarshalText encodes the kind as String does.
func (k RoundKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Round is one round of voting an Election asks for: its kind and its ballot paper. Slate.Seats
// is the number of seats the round fills, and the number of persons a valid ballot may choose.
// Count the round's ballots with NewCounter(round.Slate).
type Round struct {
	// Number is the 1-based number of the vote in the election; a round held again (no quorum, void
	// poll) gets a new number.
	Number int          `json:"number"`
	Kind   RoundKind    `json:"kind"`
	Slate  ballot.Slate `json:"slate"`
}

// Outcome is what became of a round of voting.
type Outcome uint8

const (
	// Decided: the round took place and its result is decided.
	Decided Outcome = iota
	// NoQuorum: too few present; the round did not take place and is held again.
	NoQuorum
	// Void: more ballots returned than the rules allow; the poll is void and is held again.
	Void
	numOutcomes
)

var outcomeNames = [...]string{"decided", "no-quorum", "void"}

// String returns "decided", "no-quorum" or "void".
func (o Outcome) String() string {
	if o < numOutcomes {
		return outcomeNames[o]
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// MarshalText encodes the outcome as String does.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Status is a candidate's standing at the end of one round.
type Status uint8

const (
	// Failed: below the round's bar. Never elected from there by rank.
	Failed Status = iota
	// Elected in this round.
	Elected
	// Tied: cleared the bar but tied across the last open seat; goes to the runoff.
	Tied
	// Outranked: cleared the bar, but more candidates with more votes (or placed first by the tie
	// rule) cleared it than there were seats.
	Outranked
	// Ineligible: a write-in that cannot be elected here (write-ins not allowed, a runoff round, a
	// name equal to a slate candidate's, or a person already elected).
	Ineligible
	numStatuses
)

var statusNames = [...]string{"failed", "elected", "tied", "outranked", "ineligible"}

// String returns "failed", "elected", "tied", "outranked" or "ineligible".
func (s Status) String() string {
	if s < numStatuses {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// MarshalText encodes the status as String does.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Standing is one candidate's (or write-in's) result in one round.
type Standing struct {
	// ID is the candidate's ID; a written-in person's is WriteInPrefix + the name.
	ID   string `json:"id"`
	Name string `json:"name"`
	// WriteIn is true for a person written in rather than printed on the slate.
	WriteIn bool `json:"write_in,omitempty"`
	// For, Against and Abstain are the marks on the valid ballots of the round (a write-in has only
	// For votes).
	For     int `json:"for"`
	Against int `json:"against"`
	Abstain int `json:"abstain"`
	// Cleared reports whether For cleared the round's bar.
	Cleared bool   `json:"cleared"`
	Status  Status `json:"status"`
}

// Decision is the decision on one round: what was voted on, the figures, and what follows.
type Decision struct {
	Round   Round   `json:"round"`
	Outcome Outcome `json:"outcome"`
	// Turnout as given. When its Returned is not declared, the ballots returned are the ballots
	// counted, Counts.Ballots.
	Turnout Turnout      `json:"turnout"`
	Counts  count.Counts `json:"counts"`
	// Bar is the bar of the round, or nil for a runoff decided by the most votes alone.
	Bar *Bar `json:"bar,omitempty"`
	// BaseFigure is the figure of the bar's base in this round, and Needed the fewest For votes that
	// clear the bar (0 with no bar). Both are 0 for a round that was not decided.
	BaseFigure int `json:"base_figure"`
	Needed     int `json:"needed"`
	// Standings holds every candidate of the round in slate order, then the write-ins by votes and
	// name. Empty for a round that was not decided.
	Standings []Standing `json:"standings"`
	// Elected lists the IDs elected in this round, by votes (ties by the rules' tie order, then slate
	// order).
	Elected []string `json:"elected"`
	// Tied lists the IDs going to a runoff for RunoffSeats seats.
	Tied        []string `json:"tied,omitempty"`
	RunoffSeats int      `json:"runoff_seats,omitempty"`
	// Missing is the number of seats this round left unfilled for want of candidates clearing the
	// bar.
	Missing int `json:"missing,omitempty"`
	// Lots is the order drawn by lot that settled a tie (TieLots), as passed to DrawLots.
	Lots []string `json:"lots,omitempty"`
	// Reasons say, in order, what was decided and why, as values: package tally/report words them
	// in English and in Chinese.
	Reasons []Reason `json:"reasons"`
}

// Reduction is a decision to close seats without electing anyone to them.
type Reduction struct {
	// After is the number of the last round decided before the reduction.
	After int `json:"after"`
	// Seats is the number of seats closed.
	Seats int `json:"seats"`
	// ByRules is the rules' reason when the rules closed the seats (no further supplementary round
	// allowed: ReasonRoundsExhausted); nil when the caller decided it (Election.ReduceSeats).
	ByRules *Reason `json:"by_rules,omitempty"`
	// Reason is the caller's reason for closing the seats, in the caller's words, as given to
	// Election.ReduceSeats; empty when the rules closed them.
	Reason string `json:"reason,omitempty"`
}

// ElectedMember is one person elected (or, in a preliminary election, placed on the formal list).
type ElectedMember struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	WriteIn bool   `json:"write_in,omitempty"`
	// Round is the number of the round that elected them, Kind its kind, and Votes their For votes
	// in it.
	Round int       `json:"round"`
	Kind  RoundKind `json:"kind"`
	Votes int       `json:"votes"`
	// Rank is the 1-based place in the order of election. Members whose order the rules cannot
	// separate (same round, same votes, no tie order) share a rank.
	Rank int `json:"rank"`
}

// Result is the state of an election: the slate and rules it started from, every decision, the
// seats closed, and who is elected, in order. It is a value the caller owns.
type Result struct {
	Slate ballot.Slate
	Rules Rules
	// Preliminary is true for a preliminary election (预选): Elected is then the formal candidate
	// list, and Seats its size.
	Preliminary bool
	// Seats is the number of seats to fill at the start (the formal list size of a preliminary).
	Seats     int
	Decisions []Decision
	Closed    []Reduction
	Elected   []ElectedMember
	// Done is true when every seat is filled or closed.
	Done bool
}

// ElectedIDs returns the IDs of the elected in order, in a new slice.
func (r Result) ElectedIDs() []string {
	ids := make([]string, len(r.Elected))
	for i, m := range r.Elected {
		ids[i] = m.ID
	}
	return ids
}

// Unfilled returns the seats neither filled nor closed.
func (r Result) Unfilled() int {
	n := r.Seats - len(r.Elected)
	for _, c := range r.Closed {
		n -= c.Seats
	}
	return n
}

// UnmarshalText accepts the names String returns.
func (k *RoundKind) UnmarshalText(b []byte) error {
	return unmarshalName(b, roundKindNames[:], k, "round kind")
}

// UnmarshalText accepts the names String returns.
func (o *Outcome) UnmarshalText(b []byte) error {
	return unmarshalName(b, outcomeNames[:], o, "outcome")
}

// UnmarshalText accepts the names String returns.
func (s *Status) UnmarshalText(b []byte) error { return unmarshalName(b, statusNames[:], s, "status") }

func unmarshalName[T ~uint8](b []byte, names []string, v *T, what string) error {
	for i, n := range names {
		if string(b) == n {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("tally: unknown %s %q: %w", what, b, ErrRecord)
}
