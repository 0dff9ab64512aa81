package tally

import (
	"fmt"

	"github.com/chae-go/chae/quota"
)

// Reason is one reason of a decision, as data: what kind of statement it is, the candidates it
// concerns, its figures and the rule it applies. It holds no sentence: package tally/report says
// each kind in English and in Chinese, and the record and its digest cover the values only, so
// that rewording or translating a reason changes no digest.
//
// Each kind documents which candidates and which Figures it carries; the other figures are zero.
type Reason struct {
	Kind ReasonKind `json:"kind"`
	// Candidates are the IDs the reason concerns (a written-in person's is WriteInPrefix + the
	// name), in the order the kind states.
	Candidates []string `json:"candidates,omitempty"`
	// Figures are the figures the kind carries.
	Figures Figures `json:"figures"`
	// Rule is the rule applied: a row of docs/rules.md ("docs/rules.md A7") for the presets, taken
	// from Rules.Cite; the rules' own Source for rules that cite no parts; empty for a part of the
	// rules that cites nothing.
	Rule string `json:"rule,omitempty"`
}

// Figures are the figures of a Reason. A kind carries only the figures its documentation names;
// the record leaves out the figures that are zero.
type Figures struct {
	// Entitled and Present are those entitled to vote (应到; the registered voters) and those
	// present (实到; the voters who voted).
	Entitled int `json:"entitled,omitzero"`
	Present  int `json:"present,omitzero"`
	// Returned, Valid, Invalid and Spoiled are the ballots returned and how they were counted.
	Returned int `json:"returned,omitzero"`
	Valid    int `json:"valid,omitzero"`
	Invalid  int `json:"invalid,omitzero"`
	Spoiled  int `json:"spoiled,omitzero"`
	// Limit is the most ballots that may be returned, and Base the figure it is (ballots issued,
	// those present).
	Limit int `json:"limit,omitzero"`
	// Share and Boundary are a threshold: "more than 4/5", "at least 1/3". Base is the figure the
	// threshold is measured on (for a bar), and BaseFigure its value.
	Share      quota.Fraction `json:"share,omitzero"`
	Boundary   quota.Boundary `json:"boundary,omitzero"`
	Base       Base           `json:"base,omitzero"`
	BaseFigure int            `json:"base_figure,omitzero"`
	// Needed is the fewest that clear the threshold: persons present, voters, For votes.
	Needed int `json:"needed,omitzero"`
	// Votes is a number of votes shared by the candidates (a tie) or of one written-in name.
	Votes int `json:"votes,omitzero"`
	// VotesOf holds the votes of each of the reason's candidates, in the same order.
	VotesOf []int `json:"votes_of,omitempty"`
	// Seats is a number of seats: of the round, left to the tied, open.
	Seats int `json:"seats,omitzero"`
	// Cleared is the number of candidates who cleared the bar, and Missing the seats left open.
	Cleared int `json:"cleared,omitzero"`
	Missing int `json:"missing,omitzero"`
	// Rounds is a number of rounds: failed for want of quorum or turnout, or the most
	// supplementary rounds the rules allow.
	Rounds int `json:"rounds,omitzero"`
	// Listed is the number of the reason's candidates sure of a place on the supplementary list,
	// and Places the places left to the tied.
	Listed int `json:"listed,omitzero"`
	Places int `json:"places,omitzero"`
}

// Threshold returns the threshold the figures hold (Share and Boundary).
func (f Figures) Threshold() quota.Threshold {
	return quota.Threshold{Share: f.Share, Boundary: f.Boundary}
}

// ReasonKind is what a Reason states. Its text form (String, MarshalText) is stable: it is what
// the record holds.
type ReasonKind uint8

const (
	// ReasonQuorumMet: enough of those entitled are present for the round to take place (a
	// meeting's quorum). Figures: Entitled, Present, Share, Boundary, Needed.
	ReasonQuorumMet ReasonKind = iota
	// ReasonNoQuorum: too few are present; the round does not take place and is held again.
	// Figures: Entitled, Present, Share, Boundary, Needed.
	ReasonNoQuorum
	// ReasonQuorumWaived: too few are present, but after Rounds rounds without quorum the rules
	// let the vote stand. Figures: Entitled, Present, Share, Boundary, Needed, Rounds.
	ReasonQuorumWaived
	// ReasonTurnoutMet: enough of the registered voters voted for the election to be valid (an
	// election by voters has no quorum; docs/rules.md A3, E3). Figures: Entitled (the registered
	// voters), Present (the voters who voted), Share, Boundary, Needed.
	ReasonTurnoutMet
	// ReasonTurnoutShort: too few voters voted; the election is not valid and is held again.
	// Figures: as ReasonTurnoutMet.
	ReasonTurnoutShort
	// ReasonTurnoutWaived: too few voters voted, but after Rounds elections held again for that
	// reason the rules let the result stand. Figures: as ReasonTurnoutMet, and Rounds.
	ReasonTurnoutWaived
	// ReasonPollValid: no more ballots were returned than the rules allow. Figures: Returned,
	// Valid, Invalid, Spoiled, Limit, Base (what Limit is: ballots issued, those present).
	ReasonPollValid
	// ReasonPollVoid: more ballots were returned than the rules allow; the poll is void and is
	// held again. Figures: as ReasonPollValid.
	ReasonPollVoid
	// ReasonBar: what a candidate needs to be elected in the round. Figures: Share, Boundary,
	// Base, BaseFigure, Needed.
	ReasonBar
	// ReasonMostVotes: a runoff without a bar: the most For votes win. No figures.
	ReasonMostVotes
	// ReasonWriteInSameName: a name written in is the name of a candidate (or of a member already
	// elected); its votes are added to no one and elect no one. Candidates: the write-in, then the
	// candidate. Figures: Votes (the write-in's).
	ReasonWriteInSameName
	// ReasonWriteInsBarred: names written in are counted, but the rules let them elect no one.
	// No figures.
	ReasonWriteInsBarred
	// ReasonWriteInsRunoff: in a runoff only the tied can be elected, not names written in. No
	// figures.
	ReasonWriteInsRunoff
	// ReasonTie: candidates with equal For votes across the last open seats. Candidates: the tied,
	// in slate order. Figures: Votes (each one's), Seats (the seats left to them).
	ReasonTie
	// ReasonTieByAge: the rules settle the tie by age, the older first (TieOlder). Candidates: the
	// tied, oldest first. Figures: Seats.
	ReasonTieByAge
	// ReasonSameBirthDate: tied candidates born on the same day: the tie stands. Candidates: they,
	// in slate order. Figures: Seats (the seats left to them).
	ReasonSameBirthDate
	// ReasonNoBirthDate: the rules settle ties by age, but some of the tied have no birth date
	// (write-ins): the tie stands. Candidates: those without a date.
	ReasonNoBirthDate
	// ReasonLots: the tie is settled by the order drawn by lot. Candidates: the drawn order.
	// Figures: Seats (the first Seats of the order fill them).
	ReasonLots
	// ReasonRunoff: the tied go to a runoff among themselves only. Candidates: the tied, in slate
	// order. Figures: Seats.
	ReasonRunoff
	// ReasonElected: who is elected (placed on the formal list, in a preliminary election).
	// Candidates: the elected, in order. Figures: VotesOf (their For votes).
	ReasonElected
	// ReasonNoneElected: no one is elected in the round. No figures.
	ReasonNoneElected
	// ReasonShortfall: fewer cleared the bar than the round has seats; the rest stay open and are
	// never filled from below the bar. Figures: Cleared, Seats (the round's), Missing.
	ReasonShortfall
	// ReasonSupplementary: the next round is a supplementary election among the best-placed not
	// elected, by their votes in the first regular round. Candidates: the list, in slate order.
	// Figures: VotesOf (their first-round votes), Seats (open).
	ReasonSupplementary
	// ReasonListNoSurplus: the supplementary list has no more candidates than seats: more must be
	// nominated, or the seats reduced. Candidates: the list. Figures: Seats.
	ReasonListNoSurplus
	// ReasonListTie: candidates tie at the cut-off of the supplementary list and the rules do not
	// take them all; the organisers give the list (Election.Nominate). Candidates: the first
	// Listed are sure of a place (by votes), the rest are tied (in slate order). Figures: VotesOf
	// (their first-round votes), Listed, Places (left to the tied), Seats (open).
	ReasonListTie
	// ReasonRoundsExhausted: the rules allow no further supplementary round; the seats still open
	// are closed. Figures: Rounds (the most allowed), Missing (the seats closed).
	ReasonRoundsExhausted
	numReasonKinds
)

var reasonKindNames = [...]string{
	"quorum-met", "no-quorum", "quorum-waived", "turnout-met", "turnout-short", "turnout-waived",
	"poll-valid", "poll-void", "bar", "most-votes", "write-in-same-name", "write-ins-barred",
	"write-ins-runoff", "tie", "tie-by-age", "same-birth-date", "no-birth-date", "lots", "runoff",
	"elected", "none-elected", "shortfall", "supplementary", "list-no-surplus", "list-tie",
	"rounds-exhausted",
}

// ReasonKinds returns every reason kind, in order, in a new slice.
func ReasonKinds() []ReasonKind {
	out := make([]ReasonKind, numReasonKinds)
	for i := range out {
		out[i] = ReasonKind(i)
	}
	return out
}

// String returns the kind's stable name: "quorum-met", "list-tie", …
func (k ReasonKind) String() string {
	if k < numReasonKinds {
		return reasonKindNames[k]
	}
	return fmt.Sprintf("ReasonKind(%d)", uint8(k))
}

// MarshalText encodes the kind as String does.
func (k ReasonKind) MarshalText() ([]byte, error) {
	if k >= numReasonKinds {
		return nil, fmt.Errorf("tally: %w: reason kind %d", ErrRecord, uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText accepts the names String returns.
func (k *ReasonKind) UnmarshalText(b []byte) error {
	return unmarshalName(b, reasonKindNames[:], k, "reason kind")
}

// Citations name the rule each part of a rule set applies: a row of docs/rules.md for the
// presets ("docs/rules.md B6"), or the caller's own reference. Each Reason cites the part it
// applies. Rules whose Citations are all empty cite their Source for every reason.
type Citations struct {
	Quorum    string `json:"quorum"`    // quorum or turnout
	Validity  string `json:"validity"`  // poll validity
	Threshold string `json:"threshold"` // the bar of a regular round, and who is elected
	Ties      string `json:"ties"`      // ties at the cut-off, runoffs
	Shortfall string `json:"shortfall"` // seats left open, the bar of a supplementary round
	List      string `json:"list"`      // the supplementary list
	WriteIns  string `json:"write_ins"` // names written in
}

// cite returns the rule a reason applying part of the rules cites.
func (r Rules) cite(part string) string {
	if r.Cite == (Citations{}) {
		return r.Source
	}
	return part
}
