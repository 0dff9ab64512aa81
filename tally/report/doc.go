// Package report renders the result of an election as the tally sheet a counting team reads out and
// signs: for each round the turnout, the quorum, the ballots (valid, invalid, spoiled), the bar a
// candidate had to clear, and for each candidate the For, Against and Abstain votes, the share of
// the base, and whether they were elected and why; the write-ins; the decisions; the elected in
// order; and lines for the signatures.
//
// Three forms are written from one layout: aligned plain text (Text), Markdown (Markdown), and a
// self-contained HTML page (HTML) whose bar chart of For votes against the threshold line is
// inline SVG, needing no script and no network, and which prints on A4 with the title and the
// page number on every page and the signature lines under the result. Labels are in English or in
// simplified Chinese (Options.Lang); the candidates are listed in slate order or, as the rules
// that print ballot papers so require, in the order of their surnames' strokes
// (Options.StrokeOrder). The machine-readable record is the JSON encoding of tally.Result itself.
//
// BallotPaper writes the ballot paper of a round, to be printed before the vote: the candidates
// under boxes for the voter's marks, the lines for names written in, and the marking instructions
// the rules imply.
//
// The package owns every sentence: the reasons of a decision are values (tally.Reason), and it
// words each kind in English and in Chinese (Reasons), with the statute's own concepts (the
// quorum of a meeting, the turnout of an election by voters) and the row of docs/rules.md each
// applies. A Chinese sheet holds no English sentence; the presets have Chinese names on it
// (中国共产党基层组织委员会委员选举, …). Rewording or translating changes no record digest.
//
//	res := election.Result()
//	err := report.Text(os.Stdout, res, report.Options{Lang: report.Chinese})
//
// Every figure is computed exactly; shares are rounded half up to one decimal place for display
// only.
package report
