// Command congress simulates the election of the delegates to the 20th National Congress of the
// Communist Party of China (2021–2022) end to end, with the chae library:
//
//  1. the quota of 2,300 delegates is apportioned among 38 election units by their (synthetic)
//     membership;
//  2. each unit nominates a slate with more than 15% more candidates than seats (Tibet and
//     Xinjiang, authorised, with as many candidates as seats), every candidate carrying the
//     attributes of the published composition table;
//  3. each unit's congress votes: ballots are drawn from a seeded voter model (with over-votes,
//     spoiled ballots and write-ins), counted, and decided round by round (runoffs among the tied,
//     supplementary rounds, seats left empty by the unit's decision);
//  4. a credentials review may refuse to confirm an elected delegate, leaving the seat empty;
//  5. the composition of the confirmed delegates is reported against the announced targets.
//
// Usage:
//
//	go run ./examples/congress [-seed N] [-method M] [-units N] [-quota N] [-workers N] [-q] [-json]
//	go run ./examples/congress -published
//
// With -published it prints the composition report of a roster with the published counts, which
// reproduces the published table. The same seed prints the same bytes on any machine, whatever the
// number of workers.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
