// Command congress simulates the election of the delegates to the 20th National Congress of the
// Communist Party of China (2021–2022) end to end, with the chae library, from the first
// recommendation to the last confirmed delegate:
//
//  1. the quota of 2,300 delegates is apportioned among 38 election units by their (synthetic)
//     membership (Huntington–Hill);
//  2. each unit nominates (package tally/nominate) on a sample of its organisation: recommending
//     units (their places apportioned by members), committees, branches and their members;
//     recommendation ballots in meeting and mobile boxes; three ups and three downs, the downs
//     being opinion ballots (agree, disagree, abstain) counted with count.Counter; inspection of
//     more persons than places (差额考察); vetting, with the next in rank taking a removed
//     person's place; public notice with objections; the preliminary and prospective lists; a
//     slate with more than 15% more candidates than seats (Tibet and Xinjiang, authorised, with
//     as many candidates as seats), every candidate carrying the attributes of the published
//     composition table; every tie at a cut settled by a seeded lot, recorded as a decision;
//  3. each unit's congress votes on the slate printed in surname stroke order: ballots are drawn
//     from a seeded voter model (with over-votes, spoiled ballots and write-ins), counted, and
//     decided round by round (runoffs among the tied, supplementary rounds, seats left empty by
//     the unit's decision);
//  4. a credentials review may refuse to confirm an elected delegate, leaving the seat empty;
//  5. the composition of the confirmed delegates is reported against the published table and
//     the announced targets, overall and in every unit.
//
// The printout gives each unit's funnel (recommended → inspected → preliminary → candidates →
// elected → confirmed) and participation, its average both ways (the mean of the units' rates
// and pooled), the vetting and notice decisions, the rounds, and the composition. The
// population is synthetic and calibrated (calibration.go says how and why) so that the default
// run lands within one percentage point of every published share.
//
// Usage:
//
//	go run ./examples/congress [-seed N] [-method M] [-units N] [-quota N] [-workers N] [-paper CODE] [-q] [-json] [-records DIR]
//	go run ./examples/congress -published
//
// -json prints the full record, with each unit's nomination record digest and election record;
// -records writes each unit's canonical nomination record (chae.nomination/1) to a directory.
// With -published it prints the composition report of a roster with the published counts, which
// reproduces the published table. The same seed prints the same bytes on any machine, whatever the
// number of workers.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
