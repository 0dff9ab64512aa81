package tally

import (
	"errors"
	"fmt"

	"github.com/chae-go/chae/quota"
)

// Bar is what a candidate must clear to be elected in a round: a threshold measured on a base.
// "More than half of those present" is Bar{quota.Majority(), OfPresent}; "at least one third of
// the ballots" is Bar{quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast},
// OfReturned}. The zero value is "more than nothing of those present": at least one For vote.
type Bar struct {
	// Threshold is the share of the base and whether it must be exceeded or only reached.
	Threshold quota.Threshold
	// Base is the figure the share is taken of.
	Base Base
}

// String describes the bar for debugging: "more than 1/2 of present". Package tally/report words
// it for people.
func (b Bar) String() string { return b.Threshold.String() + " of " + b.Base.String() }

// TieRule says how a tie that straddles the last open seat is settled.
type TieRule uint8

const (
	// TieRunoff: the tied candidates are voted on again (再次投票), for exactly the seats left.
	// PRC Electoral Law Art. 45 ¶3 (docs/rules.md A6); CPC (B8, C4). The zero value.
	TieRunoff TieRule = iota
	// TieOlder: the older candidate wins (Vietnam, docs/rules.md E3). Every slate candidate needs a
	// "born" attribute, YYYY-MM-DD. Candidates born on the same day, and write-ins (who have no
	// date), still tie, and go to a runoff.
	TieOlder
	// TieLots: lots are drawn outside the library; Decide returns a *LotsError wrapping
	// ErrLotsNeeded, the caller passes the drawn order to Election.DrawLots and decides again. The
	// drawn order is recorded.
	TieLots
	numTieRules
)

var tieNames = [...]string{"runoff", "older", "lots"}

// String returns "runoff", "older" or "lots".
func (t TieRule) String() string {
	if t < numTieRules {
		return tieNames[t]
	}
	return fmt.Sprintf("TieRule(%d)", uint8(t))
}

// MarshalText encodes the tie rule as String does.
func (t TieRule) MarshalText() ([]byte, error) {
	if t >= numTieRules {
		return nil, fmt.Errorf("tally: %w: %v", ErrRules, t)
	}
	return []byte(t.String()), nil
}

// UnmarshalText accepts the names String returns.
func (t *TieRule) UnmarshalText(b []byte) error {
	return unmarshalRule(b, tieNames[:], t, "tie rule")
}

// Attendance says what Rules.Quorum measures, and so which concept the reasons use.
type Attendance uint8

const (
	// MeetingQuorum: the quorum of a meeting or congress: those present (实到) against those who
	// should attend (应到); without it the round does not take place. The zero value.
	MeetingQuorum Attendance = iota
	// VoterTurnout: an election by the registered voters of a constituency, which has no quorum:
	// the election is valid only if enough of the voters vote (Electoral Law, docs/rules.md A3;
	// Vietnam, E3). Present is then the voters who voted, Entitled the registered voters.
	VoterTurnout
	numAttendances
)

var attendanceNames = [...]string{"quorum", "turnout"}

// String returns "quorum" or "turnout".
func (a Attendance) String() string {
	if a < numAttendances {
		return attendanceNames[a]
	}
	return fmt.Sprintf("Attendance(%d)", uint8(a))
}

// MarshalText encodes the attendance as String does.
func (a Attendance) MarshalText() ([]byte, error) {
	if a >= numAttendances {
		return nil, fmt.Errorf("tally: %w: %v", ErrRules, a)
	}
	return []byte(a.String()), nil
}

// UnmarshalText accepts the names String returns.
func (a *Attendance) UnmarshalText(b []byte) error {
	return unmarshalRule(b, attendanceNames[:], a, "attendance")
}

// ListTieRule says what is done when candidates tie at the cut-off of a supplementary list.
type ListTieRule uint8

const (
	// ListTieTakeAll: everyone tied at the cut-off joins the list, which is then longer than the
	// difference rule requires. The zero value; the CPC presets, whose sources set the list's
	// minimum only (docs/rules.md B8). Where taking them all would break the list rule
	// (Shortfall.TwoForOne) or the difference rule's maximum, the tie is reported as under
	// ListTieNominate.
	ListTieTakeAll ListTieRule = iota
	// ListTieNominate: the tie is reported as data (a ReasonListTie, and a *ListTieError from
	// Decide) and the organisers give the list with Election.Nominate. The Electoral Law presets
	// (docs/rules.md A7: one seat, exactly two candidates).
	ListTieNominate
	numListTieRules
)

var listTieNames = [...]string{"take-all", "nominate"}

// String returns "take-all" or "nominate".
func (l ListTieRule) String() string {
	if l < numListTieRules {
		return listTieNames[l]
	}
	return fmt.Sprintf("ListTieRule(%d)", uint8(l))
}

// MarshalText encodes the rule as String does.
func (l ListTieRule) MarshalText() ([]byte, error) {
	if l >= numListTieRules {
		return nil, fmt.Errorf("tally: %w: %v", ErrRules, l)
	}
	return []byte(l.String()), nil
}

// UnmarshalText accepts the names String returns.
func (l *ListTieRule) UnmarshalText(b []byte) error {
	return unmarshalRule(b, listTieNames[:], l, "list tie rule")
}

func unmarshalRule[T ~uint8](b []byte, names []string, v *T, what string) error {
	for i, n := range names {
		if string(b) == n {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("tally: unknown %s %q: %w", what, b, ErrRules)
}

// Shortfall says what happens when fewer candidates clear the bar than there are seats. Filling the
// missing seats from the candidates below the bar, by rank, is never done (docs/rules.md B8).
//
// By default the next round is a supplementary election (另行选举, docs/rules.md A7, B8) for the
// missing seats, among the best-placed candidates not elected (by their votes in the first regular
// round that took place), as many as the difference rule requires for the missing seats
// (Difference, or Rules.Difference; two for one seat under TwoForOne), with a tie at the list's
// cut-off settled by ListTie. The organisers may give the list instead (Election.Nominate). The
// alternative, leaving seats empty (减少名额, B8), is a decision only the caller can take:
// Election.ReduceSeats.
type Shortfall struct {
	// Bar is the bar of a supplementary round. Nil: the same as the regular round. The Electoral Law
	// lowers it to at least one third of the ballots for direct elections (A7).
	Bar *Bar
	// Difference sizes the supplementary candidate list: Difference.MinCandidates(missing seats)
	// candidates, and a list given to Nominate must satisfy it. Nil: Rules.Difference.
	Difference *quota.Difference
	// ListTie settles a tie at the cut-off of the list.
	ListTie ListTieRule
	// TwoForOne: a supplementary round for one seat has exactly two candidates (Electoral Law Art.
	// 45 ¶4, docs/rules.md A7), whatever the difference rule says.
	TwoForOne bool
	// MaxRounds, when positive, is the number of supplementary rounds that may take place; seats
	// still empty after them are closed by the rules. Vietnam: 1 (no second additional election,
	// E4). Zero: no limit.
	MaxRounds int
}

// Rules is the complete rule set of an election: who may stand (the difference rule), when the
// meeting may vote (quorum) or the election is valid (turnout), when a poll is void, who is
// elected (threshold and base), ties, shortfalls and write-ins. It is a plain value; the presets
// return the rules of docs/rules.md.
//
// The zero value is a permissive rule set: more candidates than seats, any attendance, a poll void
// when more ballots are returned than voters are present, the most For votes win with at least one,
// ties go to a runoff, shortfalls to a supplementary round, no write-ins.
type Rules struct {
	// Name names the rule set for reports: "CPC grassroots committee". Package tally/report names
	// the presets in Chinese.
	Name string
	// Source says where the rule set comes from: for the presets, the rows of docs/rules.md it
	// implements and which of them are unverified; for the caller's rules, their own reference
	// (the organisation's election rules, 选举办法). Reasons cite it when Cite is empty.
	Source string
	// Cite names the rule each part applies, for the reasons; the presets cite rows of
	// docs/rules.md. Left empty, every reason cites Source. Rules changed from a preset keep its
	// citations: change or clear the parts you change, so that no reason cites a row the rules no
	// longer follow.
	Cite Citations
	// Difference is the candidate-surplus rule the slate must satisfy (docs/rules.md A1, A2, B1,
	// B2, C6, D1, D3, E1, E2). Set Difference.EqualAllowed to admit as many candidates as seats
	// (等额).
	Difference quota.Difference
	// Attendance says whether Quorum is a meeting's quorum or a constituency's turnout.
	Attendance Attendance
	// Quorum is the attendance a round needs: Present measured against Entitled. A round without it
	// does not take place. The zero value requires someone present.
	Quorum quota.Threshold
	// QuorumWaivedAfter, when positive, is the number of rounds that may fail for want of quorum;
	// the next attempt stands whatever the attendance (Vietnam, E3: a second re-election stands).
	QuorumWaivedAfter int
	// Threshold and Base are the election threshold of a regular round: a candidate is elected only
	// with For votes clearing Threshold measured on Base. Every statutory threshold is strict
	// (quota.MoreThan): exactly half fails (B6).
	Threshold quota.Threshold
	Base      Base
	// VoidWhenReturnedExceeds is the figure the ballots returned may not exceed: a poll with more
	// ballots returned is void and is held again. OfPresent (the zero value): voters who voted
	// (Electoral Law, A8). OfIssued: ballots issued (CPC 1990, B7).
	VoidWhenReturnedExceeds Base
	// Tie settles a tie straddling the last open seat.
	Tie TieRule
	// Runoff is the bar of a runoff among tied candidates. Nil: none; the most For votes win
	// (以得票多的当选, A6), and a new tie straddling the seats goes to another runoff.
	Runoff *Bar
	// Shortfall is the handling of seats that no candidate fills.
	Shortfall Shortfall
	// WriteIns admits names written in (另选他人, A9, B4) to election: a written name whose votes
	// clear the bar is elected like a candidate, with the ID "writein:" + the name. Without it,
	// write-in votes are counted and reported but elect no one.
	WriteIns bool
}

// regularBar returns the bar of a regular round.
func (r Rules) regularBar() Bar { return Bar{Threshold: r.Threshold, Base: r.Base} }

// Validate reports every problem with the rules at once (errors joined), each wrapping ErrRules:
// a threshold or quorum share above 1; a base (of the threshold, the void test, the runoff or the
// supplementary bar), an attendance, a tie rule or a list tie rule out of range; a negative number
// of supplementary rounds or of rounds before the quorum is waived. It returns nil for usable
// rules.
func (r Rules) Validate() error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("tally: rules: "+format+": %w", append(a, ErrRules)...))
	}
	one := quota.Ratio(1, 1)
	if r.Threshold.Share.Cmp(one) > 0 {
		bad("threshold share %v above 1", r.Threshold.Share)
	}
	if r.Quorum.Share.Cmp(one) > 0 {
		bad("quorum share %v above 1", r.Quorum.Share)
	}
	if r.Base >= numBases {
		bad("base %v", r.Base)
	}
	if r.VoidWhenReturnedExceeds >= numBases {
		bad("void base %v", r.VoidWhenReturnedExceeds)
	}
	if r.Attendance >= numAttendances {
		bad("attendance %v", r.Attendance)
	}
	if r.Tie >= numTieRules {
		bad("tie rule %v", r.Tie)
	}
	if r.Runoff != nil && r.Runoff.Base >= numBases {
		bad("runoff base %v", r.Runoff.Base)
	}
	if r.Shortfall.Bar != nil && r.Shortfall.Bar.Base >= numBases {
		bad("supplementary base %v", r.Shortfall.Bar.Base)
	}
	if r.Shortfall.ListTie >= numListTieRules {
		bad("list tie rule %v", r.Shortfall.ListTie)
	}
	if r.Shortfall.MaxRounds < 0 {
		bad("negative supplementary rounds %d", r.Shortfall.MaxRounds)
	}
	if r.QuorumWaivedAfter < 0 {
		bad("negative quorum waiver %d", r.QuorumWaivedAfter)
	}
	return errors.Join(errs...)
}
