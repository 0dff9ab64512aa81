package tally

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
)

// RecordFormat names the version of the record encoding, the "format" member of every record.
//
// The record of an election is the JSON encoding of its Result (Result.MarshalJSON): compact,
// members in the order below, names in snake_case, no HTML escaping, no trailing newline:
//
//	{"format":"chae.election/2",
//	 "slate":{"office":…,"seats":…,"candidates":[{"id":…,"name":…,"attrs":{…}}…]},
//	 "rules":{"name","source",
//	          "cite":{"quorum","validity","threshold","ties","shortfall","list","write_ins"},
//	          "difference":{"min_share","min_boundary","max_share","min_surplus",
//	          "max_surplus","steps":[{"min_seats","min_surplus"}],"equal_allowed","source"},
//	          "attendance","quorum":{"share","boundary"},"quorum_waived_after","threshold":{…},
//	          "base","void_when_returned_exceeds","tie","runoff":bar|null,
//	          "shortfall":{"bar":bar|null,"difference":difference|null,"list_tie","two_for_one",
//	          "max_rounds"},"write_ins"},
//	 "preliminary":…,"seats":…,
//	 "decisions":[{"round":{"number","kind","slate"},"outcome","turnout":{"entitled","present",
//	          "issued","returned"},"counts":{"ballots","valid","invalid","spoiled",
//	          "candidates":[{"id","for","against","abstain"}],"write_ins":[{"name","votes","same_as"}]},
//	          "bar":{"threshold":{"share","boundary"},"base"}|null,"base_figure","needed",
//	          "standings":[…],"elected":[…],"tied","runoff_seats","missing","lots",
//	          "reasons":[{"kind","candidates","figures":{…},"rule"}…]}…],
//	 "closed":[{"after","seats","by_rules":reason,"reason"}…],
//	 "elected":[{"id","name","write_in","round","kind","votes","rank"}…],
//	 "done":…,
//	 "digest":"sha256:<64 hex digits>"}
//
// Shares are written as given ("20%", "1/3"); bases, kinds, outcomes, statuses, attendance and tie
// rules by their String names; attributes in key order; a reason's figures by name, those that are
// zero left out; a turnout's "returned" as a number when it was declared and null when it was not
// (the ballots counted then stand for it; see Turnout.Returned). The digest is the SHA-256 of the same encoding with the digest member left out:
// it covers the slate, the rules, every round's ballot paper, turnout and counts, and every
// decision with its reasons as values. No member holds a sentence of the library's (a reduction's
// reason is the caller's own words), so rewording or translating the reports changes no digest.
// Identical elections give identical bytes and digest; changing any input changes the digest.
//
// Format chae.election/1, whose reasons were English sentences, is not read: decoding such a
// record returns a *RecordFormatError naming its format. Decide its election again from its
// turnout and counts to make a chae.election/2 record.
const RecordFormat = "chae.election/2"

// MarshalJSON encodes the bar as {"threshold":{"share":"1/2","boundary":"more-than"},"base":"present"}.
func (b Bar) MarshalJSON() ([]byte, error) { return marshal(toWireBar(&b)) }

// UnmarshalJSON decodes what MarshalJSON encodes.
func (b *Bar) UnmarshalJSON(data []byte) error {
	var w wireBar
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*b = *w.bar()
	return nil
}

// MarshalJSON encodes the rules in the canonical form described at RecordFormat: snake_case
// members in a fixed order, shares as written. Election definition files use the same form.
func (r Rules) MarshalJSON() ([]byte, error) { return marshal(toWireRules(r)) }

// UnmarshalJSON decodes what MarshalJSON encodes. Members left out keep their zero values.
func (r *Rules) UnmarshalJSON(data []byte) error {
	var w wireRules
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	*r = w.rules()
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
		// Every member encodes; only an enumeration out of range can fail, which the Election
		// never produces.
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

// UnmarshalJSON decodes a record and checks it: its format must be RecordFormat (otherwise a
// *RecordFormatError) and its digest must match its content; otherwise the error wraps ErrRecord.
func (r *Result) UnmarshalJSON(data []byte) error {
	var f struct {
		Format string `json:"format"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return wrap(err, "record", ErrRecord)
	}
	if f.Format != RecordFormat {
		return &RecordFormatError{Format: f.Format}
	}
	var w wireResult
	if err := json.Unmarshal(data, &w); err != nil {
		return wrap(err, "record", ErrRecord)
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
// otherwise an error wrapping ErrRecord that names the first round that differs, or that wraps the
// error the procedure returned as well (errors.Is and errors.As see both).
func (r Result) Verify() error {
	e, err := r.restart()
	if err != nil {
		return err
	}
	last := 0
	for _, d := range r.Decisions {
		if err := r.reduce(e, last); err != nil {
			return err
		}
		got, err := r.replay(e, d)
		if err != nil {
			return err
		}
		a, _ := marshal(got)
		b, _ := marshal(d)
		if !bytes.Equal(a, b) {
			return fmt.Errorf("tally: verify: round %d is not decided as recorded: %w", d.Round.Number, ErrRecord)
		}
		last = d.Round.Number
	}
	if err := r.reduce(e, last); err != nil {
		return err
	}
	a, _ := marshal(e.Result().wire())
	b, _ := marshal(r.wire())
	if !bytes.Equal(a, b) {
		return fmt.Errorf("tally: verify: the result differs from the record: %w", ErrRecord)
	}
	return nil
}

// restart starts the election of the result again.
func (r Result) restart() (*Election, error) {
	var e *Election
	var err error
	if r.Preliminary {
		e, err = NewPreliminary(r.Slate, r.Rules, r.Seats)
	} else {
		e, err = NewElection(r.Slate, r.Rules)
	}
	if err != nil {
		return nil, wrap(err, "verify", ErrRecord)
	}
	if !r.Preliminary && r.Seats != r.Slate.Seats {
		return nil, fmt.Errorf("tally: verify: %d seats recorded for a slate of %d: %w", r.Seats, r.Slate.Seats, ErrRecord)
	}
	return e, nil
}

// reduce applies the caller's reductions recorded after round after.
func (r Result) reduce(e *Election, after int) error {
	for _, c := range r.Closed {
		if c.After == after && c.ByRules == nil {
			if err := e.ReduceSeats(c.Seats, c.Reason); err != nil {
				return wrap(err, fmt.Sprintf("verify: reduction after round %d", after), ErrRecord)
			}
		}
	}
	return nil
}

// replay decides the recorded round d again, with its nominated list and drawn lots.
func (r Result) replay(e *Election, d Decision) (Decision, error) {
	fail := func(err error) (Decision, error) {
		return Decision{}, wrap(err, fmt.Sprintf("verify: round %d", d.Round.Number), ErrRecord)
	}
	next := e.Next()
	if next.Kind == Supplementary && !reflect.DeepEqual(toWireSlate(next.Slate), toWireSlate(d.Round.Slate)) {
		if err := e.Nominate(d.Round.Slate); err != nil {
			return fail(err)
		}
	}
	if d.Lots != nil {
		// The tie first asks for lots, as it did when the round was decided.
		if _, err := e.Decide(d.Turnout, d.Counts); !errors.Is(err, ErrLotsNeeded) {
			return fail(fmt.Errorf("lots recorded, but the round does not ask for them (%v)", err))
		}
		if err := e.DrawLots(d.Lots); err != nil {
			return fail(err)
		}
	}
	got, err := e.Decide(d.Turnout, d.Counts)
	if err != nil {
		return fail(err)
	}
	return got, nil
}
