// Package tally counts the ballots of a difference election and decides it.
//
// A Counter counts returned ballots for one slate: each is valid, invalid (an over-vote: more
// persons chosen than seats) or spoiled, and the For, Against and Abstain marks of valid ballots are
// summed per candidate, with write-in names counted apart. Counters of separate ballot boxes merge,
// in any order and grouping, to the count of all the ballots.
//
// Counts are plain values: Ballots = Valid + Invalid + Spoiled, and for every candidate
// For + Against + Abstain = Valid.
//
// # Bulk counting
//
// Counter.Add sums eight candidates' marks at once in the byte lanes of a 64-bit word and does not
// allocate. For nation-sized counts, a Batch holds ballots compactly (one byte a mark, eight marks a
// word); Counter.AddBatch counts it in one pass near the speed of reading its bytes, and
// Counter.AddBatchParallel on every core, merging per-goroutine counters. Batch.ReadFrom fills a
// batch from a ballot file, so that a file of any size is counted in batches of bounded size. Every
// path gives exactly the counts Add gives; BENCHMARKS.md in the repository has the figures.
//
// # Deciding an election
//
// An Election applies the statutory procedure to the counts, round by round. Rules say which
// candidates may stand (a quota.Difference), the quorum, the election threshold and the figure it
// is measured on (a Base: those present, those entitled, ballots issued, ballots returned, valid
// ballots), when a poll is void, how ties and shortfalls are settled, and whether write-ins can be
// elected. Presets return the rules of RULES.md, citing its rows: CPCGrassrootsCommittee,
// CPCGrassrootsDelegates, CPCLocalDelegates, CPCLocalCommittee, NationalCongressDelegates,
// CentralCommitteePreliminary, ElectoralLawDirect, ElectoralLawIndirect, VietnamNationalAssembly.
//
//	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
//	for !e.Done() {
//		round := e.Next()           // regular, runoff among the tied, or supplementary
//		counts := ...               // count round.Slate's ballots with a Counter
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
