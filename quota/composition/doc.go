// Package composition reports the composition of a body — delegates, candidates, a committee —
// against targets: the count and exact share of each category (women, front-line members, the
// under-55s), distinct values (ethnic groups), averages (age), and whether each target is met.
//
// A Spec defines a report: the categories of a body it counts (women, front-line members, the
// under-55s) with their shares of a base, rounded half-up for the report, the distinct values,
// the averages and the targets; Spec.Report counts a roster. Categories are Predicates over
// ballot.Candidate.Attrs. The preset Congress reads these attribute keys and values; a roster
// meant for it must use exactly these:
//
//	sector      frontline (on the front line of production and work) | leading (leading cadre) | other
//	occupation  worker | farmer | technical (professional and technical personnel) | other
//	migrant     yes (a migrant worker), else absent
//	gender      female | male
//	ethnicity   Han, or an ethnic minority as EthnicGroups names it (Zhuang, Hui, Uygur, Va, ...)
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
// Shares are exact fractions (quota.Fraction) and print rounded half-up to the report's places.
// Errors are typed (*AttributeError, *SpecError, *TargetError) and wrap sentinels for
// errors.Is.
package composition
