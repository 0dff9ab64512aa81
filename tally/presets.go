package tally

import "github.com/chae-go/chae/quota"

// The presets return the rules of docs/rules.md. Each cites its rows, in Source and part by part
// in Cite. Rows marked unverified there are not sourced: the presets use the commonly cited figure
// as a parameter, say so in their doc comment and in Source, and the caller should check them
// against their own election rules (选举办法).

// row cites a row of docs/rules.md.
func row(id string) string { return "docs/rules.md " + id }

// cpcCommon is the part shared by the CPC presets: a strict majority threshold, write-ins, a runoff
// among the tied, supplementary rounds at the same bar (B8) whose list takes in everyone tied at
// its cut-off (B8 sets no list rule; the CPC difference rules set only a minimum, so a longer list
// never breaks them).
func cpcCommon() Rules {
	return Rules{
		Threshold:               quota.Majority(),
		VoidWhenReturnedExceeds: OfIssued,
		Tie:                     TieRunoff,
		Shortfall:               Shortfall{ListTie: ListTieTakeAll},
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
//     (B8). The supplementary list takes in everyone tied at its cut-off (the library's reading:
//     B8 does not say how the list is made);
//   - write-ins allowed (B4);
//   - the ballot paper prints the candidates in the order of their surnames' strokes (B3): pass
//     the slate's StrokeOrdered copy to NewElection (a secretary's or deputy secretary's slate
//     is printed in the order the higher organisation approved, and is not sorted).
func CPCGrassrootsCommittee() Rules {
	r := cpcCommon()
	r.Name = "CPC grassroots committee"
	r.Source = "docs/rules.md B2, B4, B5 (2020 wording unverified), B6, B7 (2020 base unverified), B8"
	r.Cite = Citations{Quorum: row("B5"), Validity: row("B7"), Threshold: row("B6"), Ties: row("B8"),
		Shortfall: row("B8"), List: row("B8"), WriteIns: row("B4")}
	r.Difference = quota.CPCGrassrootsCommitteeSurplus()
	r.Quorum = quota.Threshold{Share: quota.Ratio(4, 5), Boundary: quota.MoreThan}
	r.Base = OfPresent
	return r
}

// CPCGrassrootsDelegates is CPCGrassrootsCommittee for the delegates to a grassroots party
// members' congress: the same procedure with the delegates' surplus rule, at least 20% (B1), and
// the ballot paper in surname stroke order (B3: ballot.Slate.StrokeOrdered).
func CPCGrassrootsDelegates() Rules {
	r := CPCGrassrootsCommittee()
	r.Name = "CPC grassroots congress delegates"
	r.Source = "docs/rules.md B1, B4, B5 (2020 wording unverified), B6, B7 (2020 base unverified), B8"
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
//   - ties to a runoff ("一般应", C4), shortfalls and the supplementary list as at the grassroots
//     (B8); write-ins allowed (B4 by analogy);
//   - the ballot paper prints the candidates in the order of their surnames' strokes (C7): pass
//     the slate's StrokeOrdered copy to NewElection.
func CPCLocalDelegates() Rules {
	r := cpcCommon()
	r.Name = "CPC local congress delegates"
	r.Source = "docs/rules.md C3, C4, C6 (unverified), B7 (by analogy, unverified), B8"
	r.Cite = Citations{Quorum: row("C3"), Validity: row("B7"), Threshold: row("C4"), Ties: row("C4"),
		Shortfall: row("B8"), List: row("B8"), WriteIns: row("B4")}
	r.Difference = quota.CPCLocalDelegatesSurplus()
	r.Quorum = quota.Majority()
	r.Base = OfEntitled
	return r
}

// CPCLocalCommittee is CPCLocalDelegates for the members of a local committee elected by the
// congress: the same procedure with a surplus of at least 10% (C6, UNVERIFIED), the ballot paper
// in surname stroke order (C7: ballot.Slate.StrokeOrdered), and elected alternates listed by
// votes, equal votes by surname strokes (C7: OrderAlternates with a nil comparator).
func CPCLocalCommittee() Rules {
	r := CPCLocalDelegates()
	r.Name = "CPC local committee"
	r.Source = "docs/rules.md C1, C3, C4, C6 (unverified), B7 (by analogy, unverified), B8"
	r.Difference = quota.CPCLocalCommitteeSurplus()
	return r
}

// NationalCongressDelegates is the election of delegates to the CPC National Congress by the
// congress of an election unit (a provincial-level party congress): a surplus of more than 15%
// (D1), otherwise the local congress procedure (C3, C4, B8; see CPCLocalDelegates for its
// unverified parts), with the ballot paper in surname stroke order (C7: ballot.Slate.StrokeOrdered).
// A unit authorised to elect with as many candidates as seats (Tibet and Xinjiang in 2022, D1)
// sets Difference.EqualAllowed.
func NationalCongressDelegates() Rules {
	r := CPCLocalDelegates()
	r.Name = "CPC National Congress delegates"
	r.Source = "docs/rules.md D1, C3, C4, B7 (by analogy, unverified), B8"
	r.Difference = quota.NationalCongressDelegatesSurplus()
	return r
}

// CentralCommitteePreliminary is the preliminary election (预选) of the CPC Central Committee by a
// National Congress: a surplus of more than 8% (D3); it produces the formal candidate list (use
// NewPreliminary). The congress's election rules are not public (D5): the quorum (more than half
// of those who should attend) and threshold (more than half of those who should attend) are taken
// from the local congress rules (C3, C4) and are UNVERIFIED for the National Congress, and so is
// printing its ballot paper in surname stroke order (C7 by analogy: the published lists of the
// Central Committee are in that order).
func CentralCommitteePreliminary() Rules {
	r := CPCLocalDelegates()
	r.Name = "CPC Central Committee preliminary election"
	r.Source = "docs/rules.md D3; D5 not found: C3, C4 by analogy (unverified)"
	r.Difference = quota.CentralCommitteePreliminarySurplus()
	return r
}

// electoralLawShortfall is the supplementary election (另行选举) of the Electoral Law (A7): a list
// of the best-placed not elected, sized by the difference rule, exactly two candidates for one
// seat, and a tie at the list's cut-off reported for the organisers to settle (the statute does
// not say how it is settled).
func electoralLawShortfall() Shortfall {
	return Shortfall{ListTie: ListTieNominate, TwoForOne: true}
}

// ElectoralLawDirect is a direct election of deputies to a county or township people's congress
// under the PRC Electoral Law (the 2020 text, verbatim):
//   - candidates: a surplus of one third to one times the seats (A1);
//   - the election is valid only if more than half of the constituency's voters vote (A3: a
//     turnout, VoterTurnout, not a meeting's quorum);
//   - threshold: more than half of the votes of the voters who voted (A4), not of valid ballots;
//   - poll void when more ballots are returned than voters voted (A8);
//   - ties: the tied are voted on again, the most votes winning (A6);
//   - shortfall: another election (另行选举) for the missing seats among the best-placed not
//     elected, by their first-round votes, sized by the A1 ratio, exactly two candidates for one
//     seat (TwoForOne); a tie at the list's cut-off is reported and the organisers give the list
//     (ListTieNominate); the most votes win but with at least one third of the ballots (A7).
//     Whether "选票" means ballots returned or valid ballots the statute does not say: returned
//     ballots are taken (Shortfall.Bar.Base);
//   - write-ins of any other voter allowed (A9).
func ElectoralLawDirect() Rules {
	s := electoralLawShortfall()
	s.Bar = &Bar{Threshold: quota.Threshold{Share: quota.Ratio(1, 3), Boundary: quota.AtLeast}, Base: OfReturned}
	return Rules{
		Name:   "PRC Electoral Law, direct election",
		Source: "docs/rules.md A1, A3, A4, A6, A7 (base of 选票 unstated), A8, A9",
		Cite: Citations{Quorum: row("A3"), Validity: row("A8"), Threshold: row("A4"), Ties: row("A6"),
			Shortfall: row("A7"), List: row("A7"), WriteIns: row("A9")},
		Difference:              quota.ElectoralLawDirectSurplus(),
		Attendance:              VoterTurnout,
		Quorum:                  quota.Majority(),
		Threshold:               quota.Majority(),
		Base:                    OfPresent,
		VoidWhenReturnedExceeds: OfPresent,
		Tie:                     TieRunoff,
		Shortfall:               s,
		WriteIns:                true,
	}
}

// ElectoralLawIndirect is an indirect election of deputies (a people's congress at county level
// or above electing deputies to the next level up) under the PRC Electoral Law:
//   - candidates: a surplus of one fifth to one half of the seats (A2);
//   - threshold: more than half of all the deputies, present or not (A5);
//   - poll void when more ballots are returned than deputies voted (A8);
//   - ties voted on again (A6); the supplementary round still needs more than half of all the
//     deputies, its list made as for ElectoralLawDirect (A7); write-ins allowed (A9).
//
// The quorum of the congress is not in docs/rules.md: the preset requires only that someone be
// present, and its reasons about attendance cite nothing; set Quorum from the congress's rules.
func ElectoralLawIndirect() Rules {
	return Rules{
		Name:   "PRC Electoral Law, indirect election",
		Source: "docs/rules.md A2, A5, A6, A7, A8, A9; quorum not sourced",
		Cite: Citations{Validity: row("A8"), Threshold: row("A5"), Ties: row("A6"),
			Shortfall: row("A7"), List: row("A7"), WriteIns: row("A9")},
		Difference:              quota.ElectoralLawIndirectSurplus(),
		Threshold:               quota.Majority(),
		Base:                    OfEntitled,
		VoidWhenReturnedExceeds: OfPresent,
		Tie:                     TieRunoff,
		Shortfall:               electoralLawShortfall(),
		WriteIns:                true,
	}
}

// VietnamNationalAssembly is the election of deputies to Vietnam's National Assembly in one
// constituency (Law 85/2015/QH13, as quoted in docs/rules.md):
//   - candidates: at least two more than seats (E1);
//   - valid only if more than half of the voters on the list vote (a turnout, VoterTurnout);
//     after one failed re-election the result stands anyway (E3);
//   - threshold: more than half of the valid ballots (E3);
//   - a tie at the cut-off: the older candidate wins (E3); candidates need a "born" attribute;
//   - shortfall: one additional election among those not elected (E4), at the same threshold
//     (UNVERIFIED: E4 states none), its list made as at the CPC (everyone tied at the cut-off
//     taken in: UNVERIFIED); the National Election Council may decide against it, which the
//     caller records with Election.ReduceSeats;
//   - poll validity base (voters who voted) and the absence of write-ins are UNVERIFIED, and their
//     reasons cite nothing.
func VietnamNationalAssembly() Rules {
	return Rules{
		Name:                    "Vietnam National Assembly",
		Source:                  "docs/rules.md E1, E3, E4; void base, write-ins and supplementary threshold unverified",
		Cite:                    Citations{Quorum: row("E3"), Threshold: row("E3"), Ties: row("E3"), Shortfall: row("E4"), List: row("E4")},
		Difference:              quota.VietnamNationalAssemblySurplus(),
		Attendance:              VoterTurnout,
		Quorum:                  quota.Majority(),
		QuorumWaivedAfter:       1,
		Threshold:               quota.Majority(),
		Base:                    OfValid,
		VoidWhenReturnedExceeds: OfPresent,
		Tie:                     TieOlder,
		Shortfall:               Shortfall{MaxRounds: 1},
	}
}
