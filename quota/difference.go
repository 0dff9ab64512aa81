package quota

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// SurplusStep is one row of a surplus that depends on the number of seats: from MinSeats seats
// upward, at least MinSurplus more candidates than seats.
type SurplusStep struct {
	MinSeats   int
	MinSurplus int
}

// Difference is the candidate-surplus rule of a difference election (差额): how many more candidates
// than seats a slate must (and may) have. The surplus is candidates − seats. All bounds apply
// together; the least surplus is the smallest whole number of persons satisfying every minimum.
//
// The zero value requires more candidates than seats (a surplus of more than 0% of the seats, so at
// least one) and sets no maximum.
type Difference struct {
	// MinShare is the minimum surplus as a share of the seats (20% for "不少于20%").
	MinShare Fraction
	// MinBoundary says whether the surplus must reach MinShare·seats (AtLeast, 不少于) or exceed it
	// (MoreThan, 多于). With MoreThan and a zero MinShare, at least one extra candidate is required.
	MinBoundary Boundary
	// MaxShare, when non-zero, is the largest surplus allowed as a share of the seats, inclusive
	// (PRC Electoral Law: "三分之一至一倍", at most 1×).
	MaxShare Fraction
	// MinSurplus is a minimum surplus in persons (Vietnam: at least 2 more).
	MinSurplus int
	// MaxSurplus, when positive, is the largest surplus allowed in persons.
	MaxSurplus int
	// Steps is a minimum surplus that depends on the seats (Vietnam People's Councils: 1–2 seats
	// +1, 3 seats +2, 4 or more +3). The step with the largest MinSeats not above the seats
	// applies.
	Steps []SurplusStep
	// EqualAllowed accepts a slate with exactly as many candidates as seats (等额), by an authorised
	// exception (the 20th National Congress: Tibet and Xinjiang). MinCandidates still reports the
	// rule's minimum for a difference election.
	EqualAllowed bool
	// Source cites where the rule comes from, for reports (e.g. "docs/rules.md D1").
	Source string
}

// minSurplus returns the least surplus the rule requires for the given seats: the smallest
// whole number of persons satisfying every minimum. For seats < 1 it returns 0.
func (d Difference) minSurplus(seats int) int {
	if seats < 1 {
		return 0
	}
	n, den := d.MinShare.terms()
	// AtLeast: ceil(share·seats); MoreThan: floor(share·seats)+1.
	s := ceilShare(uint64(n), uint64(den), uint64(seats), d.MinBoundary)
	s = max(s, d.MinSurplus)
	if st, ok := d.step(seats); ok {
		s = max(s, st.MinSurplus)
	}
	return s
}

// step returns the step that applies to the seats: the one with the largest MinSeats not above
// seats (the first such in Steps if several share it).
func (d Difference) step(seats int) (SurplusStep, bool) {
	var best SurplusStep
	found := false
	for _, st := range d.Steps {
		if st.MinSeats <= seats && (!found || st.MinSeats > best.MinSeats) {
			best, found = st, true
		}
	}
	return best, found
}

// addClamp returns a+b for non-negative a and b, or math.MaxInt on overflow.
func addClamp(a, b int) int {
	if a > math.MaxInt-b {
		return math.MaxInt
	}
	return a + b
}

// MinCandidates returns the fewest candidates a slate for the given seats must have under the rule
// (ignoring EqualAllowed): seats plus the least surplus every minimum allows, or math.MaxInt if that overflows.
// For seats < 1 it returns seats.
func (d Difference) MinCandidates(seats int) int {
	if seats < 1 {
		return seats
	}
	return addClamp(seats, d.minSurplus(seats))
}

// MaxCandidates returns the most candidates the rule allows for the given seats, and false when the
// rule sets no maximum (neither MaxShare nor MaxSurplus) or seats < 1.
//
// A maximum share allows floor(MaxShare·seats) more persons; MaxSurplus caps that further. Where
// the whole-person minimum exceeds that maximum, the minimum prevails and the maximum is raised to
// it: the PRC Electoral Law's indirect rule (one fifth to one half) for a single seat asks for
// between 0.2 and 0.5 more persons, which no slate can have, and the minimum surplus of a
// difference election is the rule's point. MaxCandidates is therefore never below MinCandidates.
func (d Difference) MaxCandidates(seats int) (int, bool) {
	if seats < 1 {
		return 0, false
	}
	limit, ok := 0, false
	if !d.MaxShare.IsZero() {
		n, den := d.MaxShare.terms()
		limit, ok = floorShare(uint64(n), uint64(den), uint64(seats)), true
	}
	if d.MaxSurplus > 0 && (!ok || d.MaxSurplus < limit) {
		limit, ok = d.MaxSurplus, true
	}
	if !ok {
		return 0, false
	}
	limit = max(limit, d.minSurplus(seats))
	return addClamp(seats, limit), true
}

// Check reports whether a slate of the given candidates for the given seats satisfies the rule:
// nil, or a *DifferenceError wrapping ErrTooFewCandidates, ErrTooManyCandidates or, for fewer
// than one seat, ErrSeatCount.
// With EqualAllowed, exactly as many candidates as seats is accepted.
func (d Difference) Check(seats, candidates int) error {
	if seats < 1 {
		return &DifferenceError{Seats: seats, Candidates: candidates, Bound: 1, Err: ErrSeatCount}
	}
	if d.EqualAllowed && candidates == seats {
		return nil
	}
	if minC := d.MinCandidates(seats); candidates < minC {
		return &DifferenceError{Seats: seats, Candidates: candidates, Bound: minC, Err: ErrTooFewCandidates}
	}
	if maxC, ok := d.MaxCandidates(seats); ok && candidates > maxC {
		return &DifferenceError{Seats: seats, Candidates: candidates, Bound: maxC, Err: ErrTooManyCandidates}
	}
	return nil
}

// SurplusRatio returns the achieved surplus (candidates − seats) / seats exactly, written as a
// percentage, or the zero Fraction when seats < 1, candidates ≤ seats, or the ratio's terms exceed
// MaxFractionTerm (use SurplusPercent for reports).
func SurplusRatio(seats, candidates int) Fraction {
	if seats < 1 || candidates <= seats {
		return Fraction{}
	}
	f, err := fromBig(big.NewInt(int64(candidates-seats)), big.NewInt(int64(seats)), formPercent, "")
	if err != nil {
		return Fraction{}
	}
	return f
}

// SurplusPercent returns the achieved surplus (candidates − seats) / seats as a percentage rounded
// half-up to the given places, for reports: 27 candidates for 23 seats at one place is 17.4. It is
// 0 when seats < 1 or candidates ≤ seats.
func SurplusPercent(seats, candidates int, places int32) decimal.Decimal {
	if seats < 1 || candidates <= seats {
		return roundHalfUp(new(big.Int), big.NewInt(1), places)
	}
	n := new(big.Int).Sub(big.NewInt(int64(candidates)), big.NewInt(int64(seats)))
	return roundHalfUp(n.Mul(n, big.NewInt(100)), big.NewInt(int64(seats)), places)
}

// The presets below return the difference rules of docs/rules.md. Each cites its row; rows marked [U]
// there are unverified and are only the commonly cited figure — check them against your own rules.

// CPCGrassrootsDelegatesSurplus is the rule for delegates to a CPC grassroots party members'
// congress: a surplus of at least 20% of the seats (代表候选人的差额不少于应选人数的20%), rounded up to whole
// persons. docs/rules.md B1 ([S2], 2020 regulations Art. 9, from a reprint).
func CPCGrassrootsDelegatesSurplus() Difference {
	return Difference{MinShare: Percent(20), MinBoundary: AtLeast, Source: "docs/rules.md B1"}
}

// CPCGrassrootsCommitteeSurplus is the rule for members of a CPC grassroots committee: a surplus of
// at least 20% of the seats. docs/rules.md B2 ([S2], 2020 regulations Art. 13).
func CPCGrassrootsCommitteeSurplus() Difference {
	return Difference{MinShare: Percent(20), MinBoundary: AtLeast, Source: "docs/rules.md B2"}
}

// CPCLocalDelegatesSurplus is the rule for delegates to a CPC local congress: a surplus of at least
// 20%. docs/rules.md C6: UNVERIFIED ([U]), the commonly cited figure only.
func CPCLocalDelegatesSurplus() Difference {
	return Difference{MinShare: Percent(20), MinBoundary: AtLeast, Source: "docs/rules.md C6 [U]"}
}

// CPCLocalCommitteeSurplus is the rule for members of a CPC local committee: a surplus of at least
// 10%. docs/rules.md C6: UNVERIFIED ([U]).
func CPCLocalCommitteeSurplus() Difference {
	return Difference{MinShare: Percent(10), MinBoundary: AtLeast, Source: "docs/rules.md C6 [U]"}
}

// CPCLocalAlternatesSurplus is the rule for alternate members of a CPC local committee: a surplus
// of at least 10%. docs/rules.md C6: UNVERIFIED ([U]).
func CPCLocalAlternatesSurplus() Difference {
	return Difference{MinShare: Percent(10), MinBoundary: AtLeast, Source: "docs/rules.md C6 [U]"}
}

// CPCLocalStandingCommitteeSurplus is the rule for a CPC local standing committee: one or two more
// candidates than seats. docs/rules.md C6: UNVERIFIED ([U]).
func CPCLocalStandingCommitteeSurplus() Difference {
	return Difference{MinSurplus: 1, MaxSurplus: 2, MinBoundary: AtLeast, Source: "docs/rules.md C6 [U]"}
}

// NationalCongressDelegatesSurplus is the rule of the 20th CPC National Congress delegate
// elections: more than 15% more candidates than seats (a surplus strictly above 15% of the seats:
// 20 seats need 4 extra). docs/rules.md D1 ([S2], Xinhua). Units authorised to elect with equal numbers
// (Tibet and Xinjiang in 2022) use NationalCongressDelegatesSurplusOrEqual.
func NationalCongressDelegatesSurplus() Difference {
	return Difference{MinShare: Percent(15), MinBoundary: MoreThan, Source: "docs/rules.md D1"}
}

// NationalCongressDelegatesSurplusOrEqual is NationalCongressDelegatesSurplus for a unit authorised
// by the Central Committee to elect with as many candidates as seats (等额). docs/rules.md D1.
func NationalCongressDelegatesSurplusOrEqual() Difference {
	d := NationalCongressDelegatesSurplus()
	d.EqualAllowed = true
	return d
}

// CentralCommitteePreliminarySurplus is the rule of the preliminary election (预选) of the 19th and
// 20th Central Committees: a surplus of more than 8%. docs/rules.md D3 ([S2], Xinhua 2017 and 2022).
func CentralCommitteePreliminarySurplus() Difference {
	return Difference{MinShare: Percent(8), MinBoundary: MoreThan, Source: "docs/rules.md D3"}
}

// ElectoralLawDirectSurplus is the PRC Electoral Law rule for direct elections (county and township
// people's congresses): candidates exceed seats by one third to one times the seats (多于应选代表
// 名额三分之一至一倍). Both ends are taken as inclusive; the statute does not say (docs/rules.md §2.2).
// docs/rules.md A1 ([S], Art. 31).
func ElectoralLawDirectSurplus() Difference {
	return Difference{MinShare: Ratio(1, 3), MinBoundary: AtLeast, MaxShare: Ratio(1, 1), Source: "docs/rules.md A1"}
}

// ElectoralLawIndirectSurplus is the PRC Electoral Law rule for indirect elections: candidates
// exceed seats by one fifth to one half of the seats, both ends taken as inclusive. docs/rules.md A2
// ([S], Arts. 31–32).
func ElectoralLawIndirectSurplus() Difference {
	return Difference{MinShare: Ratio(1, 5), MinBoundary: AtLeast, MaxShare: Ratio(1, 2), Source: "docs/rules.md A2"}
}

// VietnamNationalAssemblySurplus is the rule for Vietnam's National Assembly: at least two more
// candidates than seats in each constituency. docs/rules.md E1 ([S2], Law 85/2015/QH13 Art. 57(6)).
func VietnamNationalAssemblySurplus() Difference {
	return Difference{MinSurplus: 2, MinBoundary: AtLeast, Source: "docs/rules.md E1"}
}

// VietnamPeoplesCouncilSurplus is the rule for Vietnam's People's Councils: more candidates than
// seats; 1–2 seats at least one more, 3 seats at least two more, 4 or more seats at least three
// more. docs/rules.md E2 ([S2], Art. 58(3), NEC guidance 45/VPHĐBCQG).
func VietnamPeoplesCouncilSurplus() Difference {
	return Difference{MinBoundary: MoreThan, Steps: []SurplusStep{{1, 1}, {3, 2}, {4, 3}}, Source: "docs/rules.md E2"}
}
