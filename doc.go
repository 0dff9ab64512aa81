// Package chae is a library for difference elections (差额选举): elections in which more
// candidates stand than there are seats, by a minimum ratio fixed in the rules, and in which every
// voter marks each candidate for, against or not at all, and may write in other names.
//
// chae validates the rules before the vote, counts ballots exactly and deterministically, decides
// who is elected under the exact statutory threshold, says when a runoff, a supplementary round or
// an organisers' decision is needed, apportions delegate quotas among election units, and reports
// the composition of a body against targets. Every decision uses integers or exact rationals.
//
// A worked example: a branch elects 2 of 3 candidates; 5 members are present.
//
//	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
//		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
//	}}
//	// The surplus rule: at least 20% more candidates than seats (CPC grassroots).
//	if err := quota.CPCGrassrootsCommitteeSurplus().Check(slate.Seats, len(slate.Candidates)); err != nil {
//		return err // errors.Is(err, quota.ErrTooFewCandidates)
//	}
//	counts, err := count.Count(slate, ballots) // valid, invalid, spoiled; For/Against/Abstain
//	// More than half of those present: 3 votes of 5.
//	needed := quota.Majority().Needed(5)
//
// The packages, each importing only those above it:
//
//   - [github.com/chae-go/chae/ballot]: the ballot paper — Candidate, Slate, Mark, Ballot — the
//     classification of a returned ballot as valid, over-vote or spoiled, and ballot files.
//   - [github.com/chae-go/chae/quota]: exact rule arithmetic — Fraction, the Difference (candidate
//     surplus) rule and its statutory presets, Threshold, apportionment.
//   - [github.com/chae-go/chae/quota/composition]: the composition of a body against targets.
//   - [github.com/chae-go/chae/tally/count]: measuring — Counter, Counts, Batch, hand-count
//     summaries, and the one check of a Counts value.
//   - [github.com/chae-go/chae/tally]: deciding — Rules and presets, Turnout, Election, Reason
//     values, Result and its record (format chae.election/2).
//   - [github.com/chae-go/chae/tally/nominate]: before the vote — recommendation and nomination
//     up an organisation tree, lists sent down for opinions, inspection, vetting, public notice,
//     and the slate.
//   - [github.com/chae-go/chae/tally/report]: telling — every sentence: reasons and tally sheets in
//     English and Chinese.
//
// Decisions are data: each reason of a decision is a tally.Reason (a kind, the candidates, the
// figures, the rule applied), and the record's SHA-256 digest covers those values only; package
// tally/report words them. The rules the presets apply are described, row by row, in the
// repository's docs/rules.md, which presets, comments and reasons cite ("docs/rules.md A7").
//
// Runnable programs are under examples/.
package chae
