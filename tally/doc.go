// Package tally decides a difference election from its counts: round by round, under the exact
// statutory rule, with every decision recorded as data.
//
// The ballots themselves are counted by package tally/count; the sheets people read, and every
// sentence on them, are written by package tally/report.
//
// # Deciding an election
//
// An Election applies the statutory procedure to the counts, round by round. Rules say which
// candidates may stand (a quota.Difference), the quorum of a meeting or the turnout of an election
// by voters (Attendance), the election threshold and the figure it is measured on (a Base: those
// present, those entitled, ballots issued, ballots returned, valid ballots), when a poll is void,
// how ties and shortfalls are settled — the supplementary list and a tie at its cut-off included —
// and whether write-ins can be elected. Presets return the rules of the repository's statutory
// reference, docs/rules.md, citing its rows part by part (Rules.Cite): CPCGrassrootsCommittee,
// CPCGrassrootsDelegates, CPCLocalDelegates, CPCLocalCommittee, NationalCongressDelegates,
// CentralCommitteePreliminary, ElectoralLawDirect, ElectoralLawIndirect, VietnamNationalAssembly.
//
//	e, err := tally.NewElection(slate, tally.CPCGrassrootsCommittee())
//	for !e.Done() {
//		round := e.Next()           // regular, runoff among the tied, or supplementary
//		counts := ...               // count round.Slate's ballots with a count.Counter
//		d, err := e.Decide(turnout, counts)
//		...                         // d.Reasons says what was decided and why, as values
//	}
//	res := e.Result()               // the elected in order, every round, the seats closed
//
// Decide is a pipeline of small steps — attendance, poll validity, the bar, the contestants,
// ranking, ties, the shortfall, commit — each recording its reason. A round without quorum did
// not take place and needs no counts; a void poll is held again. Candidates whose For votes clear
// the bar fill the seats by votes; a tie across the last seat goes to a runoff among exactly the
// tied for exactly the seats left (or to the older candidate, or to lots: DrawLots); seats no one
// fills are never filled from below the bar, but go to a supplementary round unless the caller
// closes them (Election.ReduceSeats, with a reason). Under the Electoral Law the supplementary
// list for one seat has exactly two candidates, and a tie at its cut-off is reported for the
// organisers, who give the list with Election.Nominate. NewPreliminary runs the same procedure to
// make the formal candidate list (预选). OrderAlternates lists alternate members by votes, equal
// votes by surname strokes (package ballot/stroke) unless the caller gives another order.
//
// # Reasons as values
//
// A Reason is a kind (ReasonQuorumMet, ReasonListTie, …, each documenting the candidates and
// Figures it carries), the candidates concerned, the figures, and the rule applied: a row of
// docs/rules.md for the presets, the rules' own Source for the caller's rules. No reason holds a
// sentence; package tally/report words each kind in English and in Chinese.
//
// # The record
//
// The Result encodes (encoding/json) to a canonical record, format chae.election/2 (RecordFormat),
// with a SHA-256 digest over the slate, the rules, every round's turnout and counts, and every
// decision with its reasons as values; rewording or translating a sheet changes no digest.
// A record has one byte form: ReadRecord (and Result.UnmarshalJSON) refuse any bytes that are not
// exactly the canonical encoding of what they hold, with the offset of the first byte in question
// (*RecordError), so that every reader sees the values the digest covers; they check the digest
// and refuse other formats (*RecordFormatError). Result.Verify decides the election again from
// the record. docs/record.md in the repository describes the form for a checker in another
// language. Election definition files (ReadDefinition) spell
// rules out in the same form as the record.
package tally
