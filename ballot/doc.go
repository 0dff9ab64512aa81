// Package ballot defines the ballot paper of a difference election: the candidates, the slate
// printed on the paper, the voter's marks, and the returned ballot, and classifies a returned
// ballot as valid, invalid (an over-vote) or spoiled.
//
// On the paper every candidate is marked For (赞成, ○), Against (不赞成, ×) or left unmarked, which
// is an abstention (弃权); the voter may also write in other names (另选他人). A ballot that chooses
// more persons than there are seats — For marks plus written-in names — is invalid by statute
// (PRC Electoral Law Art. 44; CPC election rules). A ballot the counting staff declare spoiled
// (废票) is counted as spoiled.
//
//	slate := ballot.Slate{Office: "Branch committee", Seats: 2, Candidates: []ballot.Candidate{
//		{ID: "c1", Name: "Li Wei"}, {ID: "c2", Name: "Wang Fang"}, {ID: "c3", Name: "Zhang Min"},
//	}}
//	b := ballot.Ballot{Marks: []ballot.Mark{ballot.For, ballot.Against, ballot.For}}
//	class, err := slate.Classify(b) // ballot.Valid, nil
//
// Malformed input (a ballot with the wrong number of marks, a mark out of range, an empty write-in;
// a slate with duplicate IDs) is reported as a typed error carrying the position — *BallotError,
// *SlateError, *MarkError — wrapping a sentinel such as ErrMarkCount for errors.Is.
//
// # Ballot files
//
// Ballots entered by hand or by a scanner travel as CSV files (RFC 4180), one returned ballot per
// line, read by a Reader as a stream and written by a Writer:
//
//	box,c1,c2,c3,write-in,spoiled
//	A,○,×,○,,
//	A,F,A,-,,
//	A,1,0,,Zhao Liu,
//	B,,,,,1
//
// The first line is the header. Each candidate has a column named by its ID, and the candidate
// columns stand in slate order. Three names are reserved, in any case: "box" (票箱), an optional
// column naming the ballot box, so that boxes can be counted separately and merged; "write-in"
// (另选他人), any number of columns for written-in names, an empty cell meaning none; and "spoiled"
// (废票), an optional column in which the counting staff flag a spoiled ballot. The other columns
// may stand anywhere.
//
// A mark is one of the spellings of DefaultSpellings, read ignoring case and surrounding spaces:
// ○ 〇 F O 1 or the word for (For); × X ✕ A 0 or against (Against); an empty cell, - 弃 弃权 or
// abstain (an abstention). A spoiled cell is empty, 0, no, n, false or 否 for a ballot not
// spoiled, and 1, yes, y, true, x, spoiled, 是, 废 or 废票 for a spoiled one. An election whose
// papers are marked otherwise (√ for For, say) gives its Reader a Spellings extended with WithMark;
// an election definition file declares them (see tally.ReadDefinition).
//
// # Blank ballots and empty rows
//
// A blank ballot (no candidate marked) is written with an explicit abstention in every candidate
// cell — 弃 or - — and a Writer writes it so. A row in which every cell is empty or white space,
// however many cells it has (a line of commas, of spaces, or no character at all), is not a
// ballot: spreadsheets export such rows below their data, and reading them as blank ballots would
// change every figure counted on valid ballots. So:
//
//	c1,c2,c3
//	○,×,
//	弃,-,弃      a blank ballot
//	,,,          an empty row before a later row: an error (ErrEmptyRow) on its line
//	×,○,○
//	,,,,,,       empty rows at the end of the file: skipped, and reported by Reader.Skipped
//	             (how many, and which lines)
//
// An empty row before the header is an error too: the header is the first row. A file with a
// header and no ballot row (empty rows after it or not) holds no ballots: a box returned empty.
// Counted with count.CountFile, the rows skipped are kept in the count (Counts.SkippedRows), and
// so in an election's record and on its tally sheet.
//
// # What spreadsheets export
//
// What spreadsheets export is read as it is: a UTF-8 byte order mark, CRLF line ends, cells
// quoted with double quotes (a quoted cell may hold separators, quotes doubled, and line breaks,
// kept as they are), and empty columns after the last named one. A file that begins with a UTF-16
// byte order mark (spreadsheets' "Unicode text") is decoded as UTF-16; one whose first 64 KiB are
// not UTF-8 but are well-formed GB18030 (as Chinese-language spreadsheets save "CSV") is decoded
// as GB18030. Cells are separated by commas, or by semicolons or tabs where the header line is so
// separated (Reader.Comma).
//
// # Reading fast, and in parallel
//
// Read and ReadInto build a Ballot for each row. ReadMarks reads the plain rows — a ballot of the
// same box as the row before, no write-in, not spoiled, no quote, every mark in a spelling of the
// table — straight into rows of marks, eight bytes of the line at a time, and stops before any
// other row, for ReadInto to read; reading a file so gives exactly what ReadInto alone gives,
// errors included. ReadChunk cuts the rest of a file into chunks of whole records, at line ends no
// quoted cell spans, each decoded by a Reader of its own (Chunk.Reader; Chunk.ReuseReader keeps one
// Reader's buffers from chunk to chunk), on as many goroutines as there are chunks in flight;
// package tally/count counts a file so (count.CountFile).
//
// Errors in a file are *ParseError values carrying the line and the column (the cell's 1-based
// number and its header) and wrapping a sentinel: ErrUnknownColumn, ErrFieldCount, ErrMarkValue,
// ErrEmptyRow, ErrRecordTooLong and the others; a header that names the candidate columns wrongly
// is reported with the columns it must name. The Reader checks the file, not the ballot: a ballot
// choosing more persons than seats is read as it is, and classified as an over-vote by
// Slate.Classify.
package ballot
