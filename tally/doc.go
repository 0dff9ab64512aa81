// Package tally counts the ballots of a difference election and decides it.
//
// A Counter counts returned ballots for one slate: each is valid, invalid (an over-vote: more
// persons chosen than seats) or spoiled, and the For, Against and Abstain marks of valid ballots are
// summed per candidate, with write-in names counted apart. Counters of separate ballot boxes merge,
// in any order and grouping, to the count of all the ballots.
//
// Counts are plain values: Ballots = Valid + Invalid + Spoiled, and for every candidate
// For + Against + Abstain = Valid.
package tally
