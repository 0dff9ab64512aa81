package ballot

import "slices"

// Ballot is one returned ballot paper.
type Ballot struct {
	// Marks holds one mark per slate candidate, in slate order.
	Marks []Mark
	// WriteIns are names written in for other persons (另选他人). Each counts toward the persons
	// the ballot chooses. Names are matched by MatchKey.
	WriteIns []string
	// Spoiled is set by the counting staff for a ballot they declare spoiled (废票): for example one
	// bearing identifying marks. A spoiled ballot is counted as spoiled and its marks are not read.
	Spoiled bool
}

// Clone returns a deep copy of b.
func (b Ballot) Clone() Ballot {
	b.Marks = slices.Clone(b.Marks)
	b.WriteIns = slices.Clone(b.WriteIns)
	return b
}

// Class is the classification of a returned ballot. Every returned ballot is exactly one of these.
type Class uint8

const (
	// Valid: the ballot chooses at most as many persons as there are seats. Its marks count.
	Valid Class = iota
	// OverVote: the ballot chooses more persons (For marks plus write-ins) than there are seats, and
	// is invalid by statute (选举法 Art. 44; CPC rules). None of its marks count.
	OverVote
	// Spoiled: declared spoiled by the counting staff (废票). None of its marks count.
	Spoiled
)

// String returns "valid", "over-vote" or "spoiled".
func (c Class) String() string {
	switch c {
	case Valid:
		return "valid"
	case OverVote:
		return "over-vote"
	case Spoiled:
		return "spoiled"
	}
	return "Class(?)"
}

// Chosen returns the number of persons the ballot chooses: For marks plus distinct write-in names.
// It does not check the ballot; see Classify.
func (b Ballot) Chosen() int {
	n := 0
	for _, m := range b.Marks {
		if m == For {
			n++
		}
	}
	return n + distinctWriteIns(b.WriteIns)
}

// Classify checks b against the slate and classifies it.
//
// A ballot flagged Spoiled is Spoiled whatever it carries. Otherwise it must have exactly one mark
// per candidate, each in range, and no write-in that is empty after NormalizeName; if not, Classify
// returns a *BallotError (with Ballot 0: the caller knows the position) wrapping ErrMarkCount,
// ErrMarkValue or ErrEmptyWriteIn. A well-formed ballot choosing more persons (For marks plus
// distinct write-in names) than the slate's seats is an OverVote; any other is Valid.
//
// Two write-ins on one ballot with the same MatchKey choose one person and are counted once.
func (s *Slate) Classify(b Ballot) (Class, error) {
	if b.Spoiled {
		return Spoiled, nil
	}
	nf, err := checkMarks(b.Marks, len(s.Candidates))
	if err != nil {
		return Valid, err
	}
	for i, w := range b.WriteIns {
		if NormalizeName(w) == "" {
			return Valid, &BallotError{WriteIn: i + 1, Err: ErrEmptyWriteIn}
		}
	}
	if nf+distinctWriteIns(b.WriteIns) > s.Seats {
		return OverVote, nil
	}
	return Valid, nil
}

// checkMarks verifies the marks' count and range and returns the number of For marks.
func checkMarks(marks []Mark, want int) (int, error) {
	if len(marks) != want {
		return 0, &BallotError{Err: ErrMarkCount, Detail: itoa(len(marks)) + " marks for " + itoa(want) + " candidates"}
	}
	nf := 0
	for i, m := range marks {
		if m >= NumMarks {
			return 0, &BallotError{Mark: i + 1, Err: ErrMarkValue, Detail: m.String()}
		}
		if m == For {
			nf++
		}
	}
	return nf, nil
}

// distinctWriteIns counts the distinct persons (MatchKey) among the names ws without allocating for
// the common cases (no write-in, one write-in).
func distinctWriteIns(ws []string) int {
	switch len(ws) {
	case 0:
		return 0
	case 1:
		return 1
	}
	n := 0
	for i, w := range ws {
		kw := MatchKey(w)
		dup := false
		for _, v := range ws[:i] {
			if MatchKey(v) == kw {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
