// Package tally decides a difference election from its counts: round by round, under the exact
// statutory rule, with every decision recorded as data.
//
// The ballots themselves are counted by package tally/count; the sheets people read are written by
// package tally/report.
//
// # Deciding an election
//
// An Election applies the statutory procedure to the counts, round by round. Rules say which
// candidates may stand (a quota.Difference), the quorum, the election threshold and the figure it
// is measured on (a Base: those present, those entitled, ballots issued, ballots returned, valid
// ballots), when a poll is void, how ties and shortfalls are settled, and whether write-ins can be
// elected. Presets return the rules of docs/rules.md, citing its rows: CPCGrassrootsCommittee,
// CPCGrassrootsDelegates, CPCLocalDelegates, CPCLocalCommittee, NationalCongressDelegates,
// CentralCommitteePreliminary, ElectoralLawDirect, ElectoralLawIndirect, VietnamNationalAssembly.
//
//	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
//	for !e.Done() {
//		round := e.Next()           // regular, runoff among the tied, or supplementary
//		counts := ...               // count round.Slate's ballots with a count.Counter
//		d, err := e.Decide(turnout, counts)
//		...                         // d.Reasons says what was decided and why
//	}
//	res := e.Result()               // the elected in order, every round, the seats closed
//
// A round without quorum did not take place; a void poll is held again. Candidates whose For
// votes clear the bar fill the seats by votes; a tie across the last seat goes to a runoff among
// exactly the tied for exactly the seats left (or to the older candidate, or to lots, as the rules
// say); seats no one fills are never filled from below the bar, but go to a supplementary round
// unless the caller closes them (Election.ReduceSeats, with a reason). NewPreliminary runs the same
// procedure to make the formal candidate list (预选). OrderAlternates lists alternate members by
// votes with a caller's tie order (surname strokes).
//
// The Result encodes (encoding/json) to a canonical record, described at RecordFormat, with a
// SHA-256 digest over the slate, the rules, every round's turnout and counts, and every decision;
// decoding checks the digest.
package tally
