// Package quota is the exact arithmetic of election rules: the Fraction (an exact non-negative
// rational, parsed from "15%", "0.2" or "1/3"), the Difference rule (how many more candidates than
// seats a slate needs), the Threshold (a share of a base with a boundary: "more than half", "at
// least one third"), apportionment of seats among election units, and composition reports of a
// body against targets.
//
// Nothing here uses floating point. "More than half of 46" is 24 because 2·23 = 46 is not more
// than 46; "at least 20% more than 7 seats" is 2 more because 1.4 persons round up to 2.
//
//	d := quota.NationalCongressDelegates() // more than 15% more candidates than seats
//	d.MinCandidates(20)                    // 24: 15% of 20 is 3, and 3 is not more than 3
//	quota.Majority().Needed(46)            // 24: 23 is exactly half
//
// # Composition
//
// A Composition counts categories of a body (women, front-line members, the under-55s), their
// shares of a base rounded half-up for the report, distinct values, averages, and checks targets.
// Categories are Predicates over ballot.Candidate.Attrs. The presets (CongressComposition) read
// these attribute keys and values; a roster meant for them must use exactly these:
//
//	sector      frontline (on the front line of production and work) | leading (leading cadre) | other
//	occupation  worker | farmer | technical (professional and technical personnel) | other
//	migrant     yes (a migrant worker), else absent
//	gender      female | male
//	ethnicity   Han, or the name of an ethnic minority (Zhuang, Hui, Uyghur, ...)
//	born        birth date, YYYY-MM-DD
//	joined      date of joining the party, YYYY-MM-DD
//	education   highest completed: secondary | college (大专, junior college) | university
//	            (本科, bachelor's) | postgraduate (研究生)
//	honours     national | provincial (highest honour held, provincial level or above), else absent
//
// Equality and membership compare exact strings; a missing attribute matches nothing. Dates must
// be YYYY-MM-DD: a date predicate or average meeting a missing or malformed date fails with an
// *AttributeError rather than guessing. Ages are in completed years on a stated day (Age).
//
// Errors are typed (*FractionError, *DifferenceError, *AttributeError, *CompositionError,
// *TargetError) and wrap sentinels for errors.Is.
package quota
