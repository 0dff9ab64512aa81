// Package count counts the ballots of a difference election: exactly, mergeably, and near the
// speed of reading them.
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
// batch from a ballot file, so that a file of any size is counted in batches of bounded size.
// CountFile counts a ballot file box by box: its plain rows decoded by the reader's fast path
// straight into compact rows for the kernel, the file cut into chunks counted on every core and
// merged in file order, in memory bounded by the chunks in flight. Every path gives exactly the
// counts Add gives, and the first problem of a file whatever the scheduling; BENCHMARKS.md in the
// repository has the figures.
//
// Hand counts of whole ballot boxes are read from and written to summary files (ReadSummary,
// WriteSummary). Check is the one validator of a Counts value: the summary files, Merge, SumBoxes
// and tally.Election.Decide all check counts with it.
package count
