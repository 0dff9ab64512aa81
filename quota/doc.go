// Package quota is the exact arithmetic of election rules: the Fraction (an exact non-negative
// rational, parsed from "15%", "0.2" or "1/3"), the Difference rule (how many more candidates than
// seats a slate needs), the Threshold (a share of a base with a boundary: "more than half", "at
// least one third"), and apportionment of seats among election units.
//
// Nothing here uses floating point. "More than half of 46" is 24 because 2·23 = 46 is not more
// than 46; "at least 20% more than 7 seats" is 2 more because 1.4 persons round up to 2.
//
//	d := quota.NationalCongressDelegatesSurplus() // more than 15% more candidates than seats
//	d.MinCandidates(20)                    // 24: 15% of 20 is 3, and 3 is not more than 3
//	quota.Majority().Needed(46)            // 24: 23 is exactly half
//
// The composition of a body against targets is in package quota/composition.
//
// Errors are typed (*FractionError, *DifferenceError, *ApportionError, *ApportionTieError) and wrap
// sentinels for errors.Is.
package quota
