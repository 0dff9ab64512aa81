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
package ballot
