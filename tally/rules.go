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

// String describes the bar: "more than 1/2 of those present".
func (b Bar) String() string { return b.Threshold.String() + " of " + b.Base.Describe() }

// TieRule says how a tie that straddles the last open seat is settled.
type TieRule uint8

const (
	// TieRunoff: the tied candidates are voted on again (再次投票), for exactly the seats left.
	// PRC Electoral Law Art. 45 ¶3 (RULES.md A6); CPC (B8, C4). The zero value.
	TieRunoff TieRule = iota
	// TieOlder: the older candidate wins (Vietnam, RULES.md E3). Every slate candidate needs a
	// "born" attribute, YYYY-MM-DD. Candidates born on the same day, and write-ins (who have no
	// date), still tie, and go to a runoff.
	TieOlder
	// TieLots: lots are drawn outside the library; Decide returns a *TieError wrapping
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
	for i, n := range tieNames {
		if string(b) == n {
			*t = TieRule(i)
			return nil
		}
	}
	return fmt.Errorf("tally: unknown tie rule %q: %w", b, ErrRules)
}

// Shortfall says what happens when fewer candidates clear the bar than there are seats. Filling the
// missing seats from the candidates below the bar, by rank, is never done (RULES.md B8: 不得在得票
// 未超过半数的候选人中按得票多少补足).
//
// By default the next round is a supplementary election (另行选举, RULES.md A7, B8) for the missing
// seats, among the best-placed candidates not elected (by their votes in the first regular round
// that took place), as many as the difference rule requires for the missing seats (Difference, or
// Rules.Difference), with everyone tied at the cut-off included. The alternative, leaving seats
// empty (减少名额, B8), is a decision only the caller can take: Election.ReduceSeats.
type Shortfall struct {
	// Bar is the bar of a supplementary round. Nil: the same as the regular round. The Electoral Law
	// lowers it to at least one third of the ballots for direct elections (A7).
	Bar *Bar
	// Difference sizes the supplementary candidate list: Difference.MinCandidates(missing seats)
	// candidates. Nil: Rules.Difference. Under the Electoral Law rules one seat gets two candidates
	// (A7).
	Difference *quota.Difference
	// MaxRounds, when positive, is the number of supplementary rounds that may take place; seats
	// still empty after them are closed by the rules. Vietnam: 1 (no second additional election,
	// E4). Zero: no limit.
	MaxRounds int
}

// Rules is the complete rule set of an election: who may stand (the difference rule), when the
// meeting may vote (quorum), when a poll is void, who is elected (threshold and base), ties,
// shortfalls and write-ins. It is a plain value; the presets return the rules of RULES.md.
//
// The zero value is a permissive rule set: more candidates than seats, any attendance, a poll void
// when more ballots are returned than voters are present, the most For votes win with at least one,
// ties go to a runoff, shortfalls to a supplementary round, no write-ins.
type Rules struct {
	// Name names the rule set for reports: "CPC grassroots committee".
	Name string
	// Source cites the RULES.md rows the rule set implements, and says which are unverified.
	Source string
	// Difference is the candidate-surplus rule the slate must satisfy (RULES.md A1, A2, B1, B2, C6,
	// D1, D3, E1, E2). Set Difference.EqualAllowed to admit as many candidates as seats (等额).
	Difference quota.Difference
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
// bases and tie rules out of range, threshold or quorum shares above 1, negative counts. It returns nil for usable rules.
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
	if r.Tie >= numTieRules {
		bad("tie rule %v", r.Tie)
	}
	if r.Runoff != nil && r.Runoff.Base >= numBases {
		bad("runoff base %v", r.Runoff.Base)
	}
	if r.Shortfall.Bar != nil && r.Shortfall.Bar.Base >= numBases {
		bad("supplementary base %v", r.Shortfall.Bar.Base)
	}
	if r.Shortfall.MaxRounds < 0 {
		bad("negative supplementary rounds %d", r.Shortfall.MaxRounds)
	}
	if r.QuorumWaivedAfter < 0 {
		bad("negative quorum waiver %d", r.QuorumWaivedAfter)
	}
	return errors.Join(errs...)
}

// The presets return the rules of RULES.md. Each cites its rows. Rows marked [U] there are not
// sourced: the presets use the commonly cited figure as a parameter, say so in their doc comment
// and in Rules.Source, and the caller should check them against their own election rules (选举办法).

// cpcCommon is the part shared by the CPC presets: a strict majority threshold, write-ins, a runoff
// among the tied, supplementary rounds at the same bar (B8).
func cpcCommon() Rules {
	return Rules{
		Threshold:               quota.Majority(),
		VoidWhenReturnedExceeds: OfIssued,
		Tie:                     TieRunoff,
		WriteIns:                true,
	}
}

// CPCGrassrootsCommittee is the election of the members of a CPC grassroots committee at a party
// members' meeting or congress:
//   - candidates: a surplus of at least 20% of the seats, rounded up (B2);
//   - quorum: more than 4/5 of those entitled who should attend (B5; the 2020 wording, "超过" or
//     "不少于", is UNVERIFIED: Quorum.Boundary is the parameter);
//   - threshold: For votes more than half of the entitled voters present; exactly half fails (B6);
//   - poll void when more ballots are returned than were issued (B7, the 1990 text; the 2020 base,
//     perhaps voters who voted, is UNVERIFIED: VoidWhenReturnedExceeds is the parameter);
//   - a tie at the cut-off goes to a runoff among the tied; a shortfall to a supplementary round
//     at the same threshold, never filled from below it; cutting seats is the caller's decision
//     (B8);
//   - write-ins allowed (B4).
func CPCGrassrootsCommittee() Rules {
	r := cpcCommon()
	r.Name = "CPC grassroots committee"
	r.Source = "RULES.md B2, B4, B5 (2020 wording unverified), B6, B7 (2020 base unverified), B8"
	r.Difference = quota.CPCGrassrootsCommitteeSurplus()
	r.Quorum = quota.Threshold{Share: quota.Ratio(4, 5), Boundary: quota.MoreThan}
	r.Base = OfPresent
	return r
}

// CPCGrassrootsDelegates is CPCGrassrootsCommittee for the delegates to a grassroots party
// members' congress: the same procedure with the delegates' surplus rule, at least 20% (B1).
func CPCGrassrootsDelegates() Rules {
	r := CPCGrassrootsCommittee()
	r.Name = "CPC grassroots congress delegates"
	r.Source = "RULES.md B1, B4, B5 (2020 wording unverified), B6, B7 (2020 base unverified), B8"
	r.Difference = quota.CPCGrassrootsDelegatesSurplus()
	return r
}

// CPCLocalDelegates is the election of delegates by a CPC local party congress:
//   - candidates: a surplus of at least 20% (C6, UNVERIFIED: the commonly cited figure);
//   - quorum: more than half of those who should attend (C3);
//   - threshold: For votes more than half of the entitled voters who should attend, present or
//     not (C4: stricter than the grassroots base);
//   - poll void when more ballots are returned than issued (B7 by analogy: UNVERIFIED for local
//     congresses);
//   - ties to a runoff ("一般应", C4), shortfalls as at the grassroots (B8); write-ins allowed.
func CPCLocalDelegates() Rules {
	r := cpcCommon()
	r.Name = "CPC local congress delegates"
	r.Source = "RULES.md C3, C4, C6 (unverified), B7 (by analogy, unverified), B8"
	r.Difference = quota.CPCLocalDelegatesSurplus()
	r.Quorum = quota.Majority()
	r.Base = OfEntitled
	return r
}

// CPCLocalCommittee is CPCLocalDelegates for the members of a local committee elected by the
// congress: the same procedure with a surplus of at least 10% (C6, UNVERIFIED).
func CPCLocalCommittee() Rules {
	r := CPCLocalDelegates()
	r.Name = "CPC local committee"
	r.Source = "RULES.md C1, C3, C4, C6 (unverified), B7 (by analogy, unverified), B8"
	r.Difference = quota.CPCLocalCommitteeSurplus()
	return r
}

// NationalCongressDelegates is the election of delegates to the CPC National Congress by the
// congress of an election unit (a provincial-level party congress): a surplus of more than 15%
// (D1), otherwise the local congress procedure (C3, C4, B8; see CPCLocalDelegates for its
// unverified parts). A unit authorised to elect with as many candidates as seats (Tibet and
// Xinjiang in 2022, D1) sets Difference.EqualAllowed.
func NationalCongressDelegates() Rules {
	r := CPCLocalDelegates()
	r.Name = "CPC National Congress delegates"
	r.Source = "RULES.md D1, C3, C4, B7 (by analogy, unverified), B8"
	r.Difference = quota.NationalCongressDelegatesSurplus()
	return r
}

// CentralCommitteePreliminary is the preliminary election (预选) of the CPC Central Committee by a
// National Congress: a surplus of more than 8% (D3); it produces the formal candidate list (use
// NewPreliminary). The congress's election rules are not public (D5): the quorum (more than half
// of those who should attend) and threshold (more than half of those who should attend) are taken
// from the local congress rules (C3, C4) and are UNVERIFIED for the National Congress.
func CentralCommitteePreliminary() Rules {
	r := CPCLocalDelegates()
	r.Name = "CPC Central Committee preliminary election"
	r.Source = "RULES.md D3; D5 not found: C3, C4 by analogy (unverified)"
	r.Difference = quota.CentralCommitteePreliminarySurplus()
	return r
}

// ElectoralLawDirect is a direct election of deputies to a county or township people's congress
// under the PRC Electoral Law (the 2020 text, verbatim):
//   - candidates: a surplus of one third to one times the seats (A1);
//   - the election is valid only if more than half of the constituency's voters vote (A3);
//   - threshold: more than half of the votes of the voters who voted (A4), not of valid ballots;
//   - poll void when more ballots are returned than voters voted (A8);
//   - ties: the tied are voted on again, the most votes winning (A6);
//   - shortfall: another election (另行选举) for the missing seats among the best-placed not
//     elected, sized by the A1 ratio, two candidates for one seat, the most votes winning but with
//     at least one third of the ballots (A7). Whether "选票" means ballots returned or valid
//     ballots the statute does not say: returned ballots are taken (Shortfall.Bar.Base);
//   - write-ins of any other voter allowed (A9).
func ElectoralLawDirect() Rules {
	return Rules{
		Name:                    "PRC Electoral Law, direct election",
		Source:                  "RULES.md A1, A3, A4, A6, A7 (base of 选票 unstated), A8, A9",
		Difference:              quota.ElectoralLawDirectSurplus(),
		Quorum:                  quota.Majority(),
		Threshold:               quota.Majority(),
		Base:                    OfPresent,
		VoidWhenReturnedExceeds: OfPresent,
		Tie:                     TieRunoff,
		Shortfall: Shortfall{Bar: &Bar{
			Threshold: quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast},
			Base:      OfReturned,
		}},
		WriteIns: true,
	}
}

// ElectoralLawIndirect is an indirect election of deputies (a people's congress at county level
// or above electing deputies to the next level up) under the PRC Electoral Law:
//   - candidates: a surplus of one fifth to one half of the seats (A2);
//   - threshold: more than half of all the deputies, present or not (A5);
//   - poll void when more ballots are returned than deputies voted (A8);
//   - ties voted on again (A6); the supplementary round still needs more than half of all the
//     deputies (A7); write-ins allowed (A9).
//
// The quorum of the congress is not in RULES.md: the preset requires only that someone be present;
// set Quorum from the congress's rules.
func ElectoralLawIndirect() Rules {
	return Rules{
		Name:                    "PRC Electoral Law, indirect election",
		Source:                  "RULES.md A2, A5, A6, A7, A8, A9; quorum not sourced",
		Difference:              quota.ElectoralLawIndirectSurplus(),
		Threshold:               quota.Majority(),
		Base:                    OfEntitled,
		VoidWhenReturnedExceeds: OfPresent,
		Tie:                     TieRunoff,
		WriteIns:                true,
	}
}

// VietnamNationalAssembly is the election of deputies to Vietnam's National Assembly in one
// constituency (Law 85/2015/QH13, as quoted in RULES.md):
//   - candidates: at least two more than seats (E1);
//   - valid only if more than half of the voters on the list vote; after one failed re-election
//     the result stands anyway (E3);
//   - threshold: more than half of the valid ballots (E3);
//   - a tie at the cut-off: the older candidate wins (E3); candidates need a "born" attribute;
//   - shortfall: one additional election among those not elected (E4), at the same threshold
//     (UNVERIFIED: E4 states none); the National Election Council may decide against it, which
//     the caller records with Election.ReduceSeats;
//   - poll validity base (voters who voted) and the absence of write-ins are UNVERIFIED.
func VietnamNationalAssembly() Rules {
	return Rules{
		Name:                    "Vietnam National Assembly",
		Source:                  "RULES.md E1, E3, E4; void base, write-ins and supplementary threshold unverified",
		Difference:              quota.VietnamNationalAssemblySurplus(),
		Quorum:                  quota.Majority(),
		QuorumWaivedAfter:       1,
		Threshold:               quota.Majority(),
		Base:                    OfValid,
		VoidWhenReturnedExceeds: OfPresent,
		Tie:                     TieOlder,
		Shortfall:               Shortfall{MaxRounds: 1},
	}
}
