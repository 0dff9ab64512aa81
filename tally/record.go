package tally

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
)

// RecordFormat names the version of the record encoding, the "format" member of every record.
//
// The record of an election is the JSON encoding of its Result (Result.MarshalJSON): compact,
// members in the order below, names in snake_case, no HTML escaping, no trailing newline:
//
//	{"format":"chae.election/1",
//	 "slate":{"office":…,"seats":…,"candidates":[{"id":…,"name":…,"attrs":{…}}…]},
//	 "rules":{"name","source","difference":{"min_share","min_boundary","max_share","min_surplus",
//	          "max_surplus","steps":[{"min_seats","min_surplus"}],"equal_allowed","source"},
//	          "quorum":{"share","boundary"},"quorum_waived_after","threshold":{…},"base",
//	          "void_when_returned_exceeds","tie","runoff":bar|null,
//	          "shortfall":{"bar":bar|null,"difference":difference|null,"max_rounds"},"write_ins"},
//	 "preliminary":…,"seats":…,
//	 "decisions":[{"round":{"number","kind","slate"},"outcome","turnout":{"entitled","present",
//	          "issued","returned"},"counts":{"ballots","valid","invalid","spoiled",
//	          "candidates":[{"id","for","against","abstain"}],"write_ins":[{"name","votes","same_as"}]},
//	          "bar":{"threshold":{"share","boundary"},"base"}|null,"base_figure","needed",
//	          "standings":[…],"elected":[…],"tied","runoff_seats","missing","lots","reasons":[…]}…],
//	 "closed":[{"after","seats","by_rules","reason"}…],
//	 "elected":[{"id","name","write_in","round","kind","votes","rank"}…],
//	 "done":…,
//	 "digest":"sha256:<64 hex digits>"}
//
// Shares are written as given ("20%", "1/3"); bases, kinds, outcomes, statuses and tie rules by
// their String names; attributes in key order. The digest is the SHA-256 of the same encoding
// with the digest member left out: it covers the slate, the rules, every round's ballot paper,
// turnout and counts, and every decision. Identical elections give identical bytes and digest;
// changing any input changes the digest.
const RecordFormat = "chae.election/1"

// ErrRecord: a record cannot be read, or its digest does not match its content.
var ErrRecord = errors.New("invalid election record")

type wireCandidate struct {
	ID    string            `json:"id"`
	Name  string            `json:"name"`
	Attrs map[string]string `json:"attrs,omitempty"`
}

type wireSlate struct {
	Office     string          `json:"office"`
	Seats      int             `json:"seats"`
	Candidates []wireCandidate `json:"candidates"`
}

func toWireSlate(s ballot.Slate) wireSlate {
	w := wireSlate{Office: s.Office, Seats: s.Seats, Candidates: make([]wireCandidate, len(s.Candidates))}
	for i, c := range s.Candidates {
		w.Candidates[i] = wireCandidate{ID: c.ID, Name: c.Name, Attrs: c.Attrs}
	}
	return w
}

func (w wireSlate) slate() ballot.Slate {
	s := ballot.Slate{Office: w.Office, Seats: w.Seats, Candidates: make([]ballot.Candidate, len(w.Candidates))}
	for i, c := range w.Candidates {
		s.Candidates[i] = ballot.Candidate{ID: c.ID, Name: c.Name, Attrs: c.Attrs}
	}
	return s
}

type wireThreshold struct {
	Share    quota.Fraction `json:"share"`
	Boundary quota.Boundary `json:"boundary"`
}

type wireBar struct {
	Threshold wireThreshold `json:"threshold"`
	Base      Base          `json:"base"`
}

type wireStep struct {
	MinSeats   int `json:"min_seats"`
	MinSurplus int `json:"min_surplus"`
}

type wireDifference struct {
	MinShare     quota.Fraction `json:"min_share"`
	MinBoundary  quota.Boundary `json:"min_boundary"`
	MaxShare     quota.Fraction `json:"max_share"`
	MinSurplus   int            `json:"min_surplus"`
	MaxSurplus   int            `json:"max_surplus"`
	Steps        []wireStep     `json:"steps"`
	EqualAllowed bool           `json:"equal_allowed"`
	Source       string         `json:"source"`
}

func toWireDifference(d quota.Difference) wireDifference {
	w := wireDifference{MinShare: d.MinShare, MinBoundary: d.MinBoundary, MaxShare: d.MaxShare,
		MinSurplus: d.MinSurplus, MaxSurplus: d.MaxSurplus, Steps: make([]wireStep, len(d.Steps)),
		EqualAllowed: d.EqualAllowed, Source: d.Source}
	for i, s := range d.Steps {
		w.Steps[i] = wireStep{s.MinSeats, s.MinSurplus}
	}
	return w
}

func (w wireDifference) difference() quota.Difference {
	d := quota.Difference{MinShare: w.MinShare, MinBoundary: w.MinBoundary, MaxShare: w.MaxShare,
		MinSurplus: w.MinSurplus, MaxSurplus: w.MaxSurplus, EqualAllowed: w.EqualAllowed, Source: w.Source}
	for _, s := range w.Steps {
		d.Steps = append(d.Steps, quota.SurplusStep{MinSeats: s.MinSeats, MinSurplus: s.MinSurplus})
	}
	return d
}

type wireShortfall struct {
	Bar        *Bar            `json:"bar"`
	Difference *wireDifference `json:"difference"`
	MaxRounds  int             `json:"max_rounds"`
}

type wireRules struct {
	Name                    string         `json:"name"`
	Source                  string         `json:"source"`
	Difference              wireDifference `json:"difference"`
	Quorum                  wireThreshold  `json:"quorum"`
	QuorumWaivedAfter       int            `json:"quorum_waived_after"`
	Threshold               wireThreshold  `json:"threshold"`
	Base                    Base           `json:"base"`
	VoidWhenReturnedExceeds Base           `json:"void_when_returned_exceeds"`
	Tie                     TieRule        `json:"tie"`
	Runoff                  *Bar           `json:"runoff"`
	Shortfall               wireShortfall  `json:"shortfall"`
	WriteIns                bool           `json:"write_ins"`
}

// MarshalJSON encodes the bar as {"threshold":{"share":"1/2","boundary":"more-than"},"base":"present"}.
func (b Bar) MarshalJSON() ([]byte, error) {
	return marshal(wireBar{wireThreshold{b.Threshold.Share, b.Threshold.Boundary}, b.Base})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (b *Bar) UnmarshalJSON(data []byte) error {
	var w wireBar
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*b = Bar{Threshold: quota.Threshold{Share: w.Threshold.Share, Boundary: w.Threshold.Boundary}, Base: w.Base}
	return nil
}

// MarshalJSON encodes the rules in the canonical form described at RecordFormat: snake_case members in a fixed order, shares as written.
func (r Rules) MarshalJSON() ([]byte, error) {
	w := wireRules{
		Name: r.Name, Source: r.Source, Difference: toWireDifference(r.Difference),
		Quorum:            wireThreshold{r.Quorum.Share, r.Quorum.Boundary},
		QuorumWaivedAfter: r.QuorumWaivedAfter,
		Threshold:         wireThreshold{r.Threshold.Share, r.Threshold.Boundary},
		Base:              r.Base, VoidWhenReturnedExceeds: r.VoidWhenReturnedExceeds, Tie: r.Tie,
		Runoff:    r.Runoff,
		Shortfall: wireShortfall{Bar: r.Shortfall.Bar, MaxRounds: r.Shortfall.MaxRounds},
		WriteIns:  r.WriteIns,
	}
	if r.Shortfall.Difference != nil {
		d := toWireDifference(*r.Shortfall.Difference)
		w.Shortfall.Difference = &d
	}
	return marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes. Members left out keep their zero values.
func (r *Rules) UnmarshalJSON(data []byte) error {
	var w wireRules
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*r = Rules{
		Name: w.Name, Source: w.Source, Difference: w.Difference.difference(),
		Quorum:            quota.Threshold{Share: w.Quorum.Share, Boundary: w.Quorum.Boundary},
		QuorumWaivedAfter: w.QuorumWaivedAfter,
		Threshold:         quota.Threshold{Share: w.Threshold.Share, Boundary: w.Threshold.Boundary},
		Base:              w.Base, VoidWhenReturnedExceeds: w.VoidWhenReturnedExceeds, Tie: w.Tie,
		Runoff:    w.Runoff,
		Shortfall: Shortfall{Bar: w.Shortfall.Bar, MaxRounds: w.Shortfall.MaxRounds},
		WriteIns:  w.WriteIns,
	}
	if w.Shortfall.Difference != nil {
		d := w.Shortfall.Difference.difference()
		r.Shortfall.Difference = &d
	}
	return nil
}

type wireRound struct {
	Number int       `json:"number"`
	Kind   RoundKind `json:"kind"`
	Slate  wireSlate `json:"slate"`
}

// MarshalJSON encodes the round as {"number":…,"kind":…,"slate":{"office","seats","candidates"}}.
func (r Round) MarshalJSON() ([]byte, error) {
	return marshal(wireRound{r.Number, r.Kind, toWireSlate(r.Slate)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (r *Round) UnmarshalJSON(data []byte) error {
	var w wireRound
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*r = Round{Number: w.Number, Kind: w.Kind, Slate: w.Slate.slate()}
	return nil
}

type wireResult struct {
	Format      string          `json:"format"`
	Slate       wireSlate       `json:"slate"`
	Rules       Rules           `json:"rules"`
	Preliminary bool            `json:"preliminary"`
	Seats       int             `json:"seats"`
	Decisions   []Decision      `json:"decisions"`
	Closed      []Reduction     `json:"closed"`
	Elected     []ElectedMember `json:"elected"`
	Done        bool            `json:"done"`
	Digest      string          `json:"digest,omitempty"`
}

func (r Result) wire() wireResult {
	w := wireResult{Format: RecordFormat, Slate: toWireSlate(r.Slate), Rules: r.Rules,
		Preliminary: r.Preliminary, Seats: r.Seats, Decisions: r.Decisions, Closed: r.Closed,
		Elected: r.Elected, Done: r.Done}
	if w.Decisions == nil {
		w.Decisions = []Decision{}
	}
	if w.Closed == nil {
		w.Closed = []Reduction{}
	}
	if w.Elected == nil {
		w.Elected = []ElectedMember{}
	}
	return w
}

// Digest returns "sha256:" and the hexadecimal SHA-256 of the canonical record without its digest
// member.
func (r Result) Digest() string {
	b, err := marshal(r.wire())
	if err != nil {
		// Every member encodes; only a Base or TieRule out of range can fail, which the
		// Election never produces.
		return "sha256:invalid"
	}
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// MarshalJSON encodes the result as the canonical record, with its digest.
func (r Result) MarshalJSON() ([]byte, error) {
	w := r.wire()
	b, err := marshal(w)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(b)
	w.Digest = "sha256:" + hex.EncodeToString(sum[:])
	return marshal(w)
}

// UnmarshalJSON decodes a record and checks it: its format must be RecordFormat and its digest
// must match its content; otherwise the error wraps ErrRecord.
func (r *Result) UnmarshalJSON(data []byte) error {
	var w wireResult
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("tally: record: %w: %w", ErrRecord, err)
	}
	if w.Format != RecordFormat {
		return fmt.Errorf("tally: record: format %q, want %q: %w", w.Format, RecordFormat, ErrRecord)
	}
	res := Result{Slate: w.Slate.slate(), Rules: w.Rules, Preliminary: w.Preliminary, Seats: w.Seats,
		Decisions: w.Decisions, Closed: w.Closed, Elected: w.Elected, Done: w.Done}
	if got := res.Digest(); got != w.Digest {
		return fmt.Errorf("tally: record: digest %q does not match the content (%q): %w", w.Digest, got, ErrRecord)
	}
	*r = res
	return nil
}

// marshal is encoding/json without HTML escaping and without the trailing newline.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Verify re-checks a result, typically one decoded from a record: it runs the election again from
// the result's slate and rules, feeding each round the recorded turnout and counts, the recorded
// drawn lots and nominated lists, and the caller's recorded seat reductions, and compares every
// decision with the recorded one. It returns nil when the whole record is reproduced exactly, and
// otherwise an error wrapping ErrRecord that names the first round that differs (or the error
// the procedure returned).
func (r Result) Verify() error {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("tally: verify: "+format+": %w", append(a, ErrRecord)...)
	}
	var e *Election
	var err error
	if r.Preliminary {
		e, err = NewPreliminary(r.Slate, r.Rules, r.Seats)
	} else {
		e, err = NewElection(r.Slate, r.Rules)
	}
	if err != nil {
		return fail("%v", err)
	}
	if !r.Preliminary && r.Seats != r.Slate.Seats {
		return fail("%d seats recorded for a slate of %d", r.Seats, r.Slate.Seats)
	}
	reduce := func(after int) error {
		for _, c := range r.Closed {
			if c.After == after && !c.ByRules {
				if err := e.ReduceSeats(c.Seats, c.Reason); err != nil {
					return fail("reduction after round %d: %v", after, err)
				}
			}
		}
		return nil
	}
	last := 0
	for _, d := range r.Decisions {
		if err := reduce(last); err != nil {
			return err
		}
		next := e.Next()
		if next.Kind == Supplementary && !reflect.DeepEqual(toWireSlate(next.Slate), toWireSlate(d.Round.Slate)) {
			if err := e.Nominate(d.Round.Slate); err != nil {
				return fail("round %d: nominated list: %v", d.Round.Number, err)
			}
		}
		if d.Lots != nil {
			if err := e.DrawLots(d.Lots); err != nil {
				return fail("round %d: %v", d.Round.Number, err)
			}
		}
		got, err := e.Decide(d.Turnout, d.Counts)
		if err != nil {
			return fail("round %d: %v", d.Round.Number, err)
		}
		a, _ := marshal(got)
		b, _ := marshal(d)
		if !bytes.Equal(a, b) {
			return fail("round %d is not decided as recorded", d.Round.Number)
		}
		last = d.Round.Number
	}
	if err := reduce(last); err != nil {
		return err
	}
	a, _ := marshal(e.Result().wire())
	b, _ := marshal(r.wire())
	if !bytes.Equal(a, b) {
		return fail("the result differs from the record")
	}
	return nil
}
