package nominate

import (
	"strconv"
	"strings"
)

// ReasonKind is what a Reason records. Its String is a stable name, used in records; sentences
// in English and Chinese belong to the reports.
type ReasonKind uint8

const (
	_ ReasonKind = iota
	// ReasonNotCounted: a branch's sheet did not count: its turnout is below the participation
	// minimum. Figures: ballots, entitled, needed.
	ReasonNotCounted
	// ReasonUnvoted: persons cleared the organisation bar with no member's recommendation below
	// and were not sent up (Rule.AllowUnvoted). Persons: them.
	ReasonUnvoted
	// ReasonCut: a list was cut to its size. Figures: places, min, max (−1: none), passers,
	// listed.
	ReasonCut
	// ReasonTie: the cut falls inside a tie; the tied persons wait for a decision. Persons: the
	// tied, in key order. Figures: rank, places (left among them).
	ReasonTie
	// ReasonTieSettled: a recorded decision ordered the tied persons. Persons: the decided
	// order. Figures: places.
	ReasonTieSettled
	// ReasonTieIncluded: every tied person was listed (IncludeTied). Persons, figures: as Tie.
	ReasonTieIncluded
	// ReasonTieExcluded: no tied person was listed (ExcludeTied). Persons, figures: as Tie.
	ReasonTieExcluded
	// ReasonShort: too few persons for the list. Figures: min, listed, missing.
	ReasonShort
	// ReasonSecondRound: a second recommendation is asked among persons. Persons: them, by rank.
	// Figures: missing.
	ReasonSecondRound
	// ReasonSecondResult: persons listed by a second recommendation. Persons: them. Figures:
	// ballots, base, needed.
	ReasonSecondResult
	// ReasonAdded: a recorded decision added a person. Persons: them. Ground, Ref: the
	// decision's.
	ReasonAdded
	// ReasonRemoved: a recorded decision kept a person off the list. Persons, Ground, Ref.
	ReasonRemoved
	// ReasonVetoed: a person removed by vetting. Persons, Ground, Ref.
	ReasonVetoed
	// ReasonReplaced: a person listed in place of a vetoed one. Persons: the new, then the
	// removed.
	ReasonReplaced
	// ReasonReopen: places to fill by a new round after vetting. Figures: missing.
	ReasonReopen
	// ReasonNotice: a public notice held. Figures: days, required.
	ReasonNotice
	// ReasonObjectionUpheld: an objection upheld during notice. Persons, Ground, Ref.
	ReasonObjectionUpheld
	// ReasonObjectionDismissed: an objection dismissed. Persons, Ground, Ref.
	ReasonObjectionDismissed
	// ReasonDifference: the slate checked against its difference rule. Figures: seats,
	// candidates, min, max (−1: none), from-above, in-base (1 if nominees from above count in
	// the base).
	ReasonDifference
	numReasonKinds
)

var reasonNames = [...]string{"", "not-counted", "unvoted", "cut", "tie", "tie-settled",
	"tie-included", "tie-excluded", "short", "second-round", "second-result", "added", "removed",
	"vetoed", "replaced", "reopen", "notice", "objection-upheld", "objection-dismissed",
	"difference"}

// String returns the kind's stable name ("cut", "tie", "vetoed"…).
func (k ReasonKind) String() string { return enumName(reasonNames[:], k) }

// MarshalText encodes the kind as String does.
func (k ReasonKind) MarshalText() ([]byte, error) {
	return marshalEnum(reasonNames[:], k, "reason kind")
}

// UnmarshalText decodes a name String returns.
func (k *ReasonKind) UnmarshalText(t []byte) error {
	if len(t) == 0 {
		return unmarshalEnum([]byte("?"), reasonNames[:], k, "reason kind")
	}
	return unmarshalEnum(t, reasonNames[:], k, "reason kind")
}

// FigureKind names a figure of a Reason.
type FigureKind uint8

const (
	_             FigureKind = iota
	FigPlaces                // the places a list is sized against
	FigMin                   // the least size the rule asks
	FigMax                   // the most it allows (−1: no maximum)
	FigPassers               // persons eligible for the list
	FigListed                // persons listed
	FigMissing               // places missing
	FigBallots               // ballots
	FigEntitled              // members entitled to recommend
	FigNeeded                // votes (or organisations) needed to clear a bar
	FigBase                  // the base a bar is measured against
	FigRank                  // a rank
	FigSeats                 // seats (in the difference rule's base)
	FigCandidates            // candidates (in the difference rule's base)
	FigFromAbove             // nominees from above
	FigInBase                // 1 if nominees from above count in the base, else 0
	FigDays                  // days of a notice, as its calendar counts them
	FigRequired              // days required
	numFigureKinds
)

var figureNames = [...]string{"", "places", "min", "max", "passers", "listed", "missing",
	"ballots", "entitled", "needed", "base", "rank", "seats", "candidates", "from-above",
	"in-base", "days", "required"}

// String returns the figure's stable name ("places", "needed"…).
func (k FigureKind) String() string { return enumName(figureNames[:], k) }

// MarshalText encodes the kind as String does.
func (k FigureKind) MarshalText() ([]byte, error) {
	return marshalEnum(figureNames[:], k, "figure kind")
}

// UnmarshalText decodes a name String returns.
func (k *FigureKind) UnmarshalText(t []byte) error {
	if len(t) == 0 {
		return unmarshalEnum([]byte("?"), figureNames[:], k, "figure kind")
	}
	return unmarshalEnum(t, figureNames[:], k, "figure kind")
}

// Figure is one named figure of a Reason.
type Figure struct {
	Kind  FigureKind
	Value int
}

// Ground is the ground of a removal, an addition or an objection.
type Ground uint8

const (
	// NoGround: none given (an added person who passed the bars needs none). The zero value.
	NoGround Ground = iota
	// Political: politically unqualified, a single disqualifying finding (一票否决, the 2021
	// Notice).
	Political
	// Integrity: a finding of the integrity review (廉洁; the "four musts": archive, personal
	// information, discipline inspection's opinion, reported misconduct).
	Integrity
	// Identity: not eligible for the place (身份: sector, membership, residence).
	Identity
	// PublicNotice: a finding from the public notice (公示反映).
	PublicNotice
	// Withdrawn: the person withdrew.
	Withdrawn
	// FromAbove: nominated by the higher organisation (上级提名): Sichuan's 38 provincially
	// nominated candidates in 2017, the central nominees of the National Congress.
	FromAbove
	// Structure: the list's composition (结构需要: front line, women, minorities).
	Structure
	// Consultation: after consultation with the higher organisation (与上级沟通).
	Consultation
	// OtherGround: any other ground, with its reference.
	OtherGround
	numGrounds
)

var groundNames = [...]string{"", "political", "integrity", "identity", "public-notice",
	"withdrawn", "from-above", "structure", "consultation", "other"}

// String returns the ground's stable name ("political", "from-above"…; "" for NoGround).
func (g Ground) String() string { return enumName(groundNames[:], g) }

// MarshalText encodes the ground as String does.
func (g Ground) MarshalText() ([]byte, error) { return marshalEnum(groundNames[:], g, "ground") }

// UnmarshalText decodes a name String returns.
func (g *Ground) UnmarshalText(t []byte) error { return unmarshalEnum(t, groundNames[:], g, "ground") }

// Reason is a decision's reason as data: its kind, where, the persons concerned, the figures,
// the ground and reference of a recorded decision, and the rule applied (the rule's Source). It
// holds no sentence; package tally/report renders reasons in English and Chinese, and String
// gives a stable one-line text form for debugging and tests.
type Reason struct {
	Kind    ReasonKind
	Org     OrgID // the organisation, or "" for a step after the ups
	Persons []string
	Figures []Figure
	Ground  Ground
	Ref     string // the recorded decision's reference (minutes, document number)
	Rule    string
}

// Figure returns the value of the figure of the given kind, and whether the reason has it.
func (r Reason) Figure(k FigureKind) (int, bool) {
	for _, f := range r.Figures {
		if f.Kind == k {
			return f.Value, true
		}
	}
	return 0, false
}

// String returns the reason's stable text form: the kind, then org=…, persons=a,b,
// figure=value…, ground=…, ref=…, rule=… (members left out when empty), separated by spaces;
// text values are quoted as strconv.Quote does when they hold spaces, commas, quotes or '='.
func (r Reason) String() string {
	var b strings.Builder
	b.WriteString(r.Kind.String())
	if r.Org != "" {
		b.WriteString(" org=")
		b.WriteString(quoteIf(string(r.Org)))
	}
	if len(r.Persons) > 0 {
		b.WriteString(" persons=")
		for i, p := range r.Persons {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(quoteIf(p))
		}
	}
	for _, f := range r.Figures {
		b.WriteByte(' ')
		b.WriteString(f.Kind.String())
		b.WriteByte('=')
		b.WriteString(strconv.Itoa(f.Value))
	}
	if r.Ground != NoGround {
		b.WriteString(" ground=")
		b.WriteString(r.Ground.String())
	}
	if r.Ref != "" {
		b.WriteString(" ref=")
		b.WriteString(quoteIf(r.Ref))
	}
	if r.Rule != "" {
		b.WriteString(" rule=")
		b.WriteString(quoteIf(r.Rule))
	}
	return b.String()
}

func quoteIf(s string) string {
	if s == "" || strings.ContainsAny(s, " ,\"=\t\n\r\\") {
		return strconv.Quote(s)
	}
	return s
}

func figs(kv ...int) []Figure {
	out := make([]Figure, len(kv)/2)
	for i := range out {
		out[i] = Figure{Kind: FigureKind(kv[2*i]), Value: kv[2*i+1]}
	}
	return out
}
