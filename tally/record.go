package tally

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
)

// RecordFormat names the version of the record encoding, the "format" member of every record.
//
// The record of an election is the JSON encoding of its Result (Result.MarshalJSON) in one fixed
// byte form, its canonical form: no white space, members in the order below, names in snake_case,
// integers in decimal without sign, leading zeros, fraction or exponent (a minus sign only before
// a negative figure), strings escaped only as docs/record.md in the repository lists (", \ and
// control characters; <, > and & as \u003c, \u003e and \u0026, as json.Marshal writes them), no
// trailing newline:
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
// (the ballots counted then stand for it; see Turnout.Returned). The digest is the SHA-256 of the
// same bytes with the digest member, always the last, left out (`,"digest":"sha256:…"` before the
// final '}'): it covers the slate, the rules, every round's ballot paper, turnout and counts, and
// every decision with its reasons as values. No member holds a sentence of the library's (a reduction's
// reason is the caller's own words), so rewording or translating the reports changes no digest.
// Identical elections give identical bytes and digest; changing any input changes the digest.
//
// A record is read only in its canonical form (ReadRecord, Result.UnmarshalJSON): bytes that are
// not exactly the canonical encoding of the values they hold — a member repeated or in another
// case, an unknown member, white space, another escape or number form, text that is not UTF-8 —
// are refused, so that every reader of a record, in any language, sees the values the digest
// covers. docs/record.md in the repository describes the form for a verifier in another language.
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
	b, err := encodeRecord(r.wire())
	if err != nil {
		// Every member encodes; only an enumeration out of range can fail, which the Election
		// never produces.
		return "sha256:invalid"
	}
	return digestOf(b)
}

// digestOf returns the digest of a record's bytes without the digest member.
func digestOf(body []byte) string {
	sum := sha256.Sum256(body)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// MarshalJSON encodes the result as the canonical record, with its digest (see RecordFormat and
// docs/record.md in the repository). json.Marshal of a Result gives the same bytes.
func (r Result) MarshalJSON() ([]byte, error) {
	b, err := encodeRecord(r.wire())
	if err != nil {
		return nil, err
	}
	return withDigest(b, digestOf(b)), nil
}

// encodeRecord returns the canonical record of w, without its digest member when w.Digest is
// empty.
func encodeRecord(w wireResult) ([]byte, error) {
	b, err := marshal(w)
	if err != nil {
		return nil, err
	}
	return canonicalStrings(b), nil
}

// withDigest returns the record body (the record without its digest member, ending in '}') with
// the digest member added last: `,"digest":"sha256:…"}` in place of the final '}'.
func withDigest(body []byte, digest string) []byte {
	out := make([]byte, 0, len(body)+len(digest)+12)
	out = append(out, body[:len(body)-1]...)
	out = append(out, `,"digest":`...)
	out = appendQuoted(out, digest)
	return append(out, '}')
}

// ReadRecord reads an election record (see RecordFormat) from r, to its end, and checks it as
// Result.UnmarshalJSON does. One line feed after the record, as tools end a file, is not part of
// it. Every error wraps ErrRecord: a *RecordError saying where (syntax errors too, which
// json.Unmarshal would report as a *json.SyntaxError of its own), or a *RecordFormatError for a
// record of another format.
func ReadRecord(r io.Reader) (Result, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Result{}, &RecordError{Offset: -1, Detail: "reading", Err: err}
	}
	data = bytes.TrimSuffix(data, []byte("\n"))
	return decodeRecord(data)
}

// UnmarshalJSON decodes a record and checks it: its format must be RecordFormat (otherwise a
// *RecordFormatError); its bytes must be exactly the canonical encoding of what they hold (no
// white space, no other escape or number form, no member repeated, unknown or out of order, valid
// UTF-8 only), so that every reader of a record sees the same values; and its digest must match
// its content. Otherwise the error is a *RecordError, wrapping ErrRecord, with the offset of the
// first byte in question. (json.Unmarshal checks the syntax of its whole input before calling
// UnmarshalJSON and reports a syntax error as a *json.SyntaxError; ReadRecord wraps those in
// ErrRecord too.)
func (r *Result) UnmarshalJSON(data []byte) error {
	res, err := decodeRecord(data)
	if err != nil {
		return err
	}
	*r = res
	return nil
}

// decodeRecord decodes and checks a record: text, syntax, format, content, canonical form,
// digest, in that order.
func decodeRecord(data []byte) (Result, error) {
	if off, what := textProblem(data); off >= 0 {
		return Result{}, &RecordError{Offset: off, Detail: what}
	}
	var w wireResult
	if err := json.Unmarshal(data, &w); err != nil || w.Format != RecordFormat {
		// A record of another format may not decode as this one: say which format it is.
		var f struct {
			Format string `json:"format"`
		}
		ferr := json.Unmarshal(data, &f)
		if ferr == nil && f.Format != RecordFormat {
			return Result{}, &RecordFormatError{Format: f.Format}
		}
		return Result{}, jsonError(err, len(data))
	}
	res := Result{Slate: w.Slate.slate(), Rules: w.Rules, Preliminary: w.Preliminary, Seats: w.Seats,
		Decisions: w.Decisions, Closed: w.Closed, Elected: w.Elected, Done: w.Done}
	body, err := encodeRecord(res.wire())
	if err != nil {
		return Result{}, &RecordError{Offset: -1, Detail: "cannot be encoded again", Err: err}
	}
	canon := body
	if w.Digest != "" {
		canon = withDigest(body, w.Digest)
	}
	if off := firstDifference(data, canon); off >= 0 {
		return Result{}, &RecordError{Offset: off, Detail: fmt.Sprintf("not the canonical form: %s where it has %s",
			excerpt(data, off), excerpt(canon, off))}
	}
	if got := digestOf(body); got != w.Digest {
		return Result{}, &RecordError{Offset: len(body) + len(`,"digest":`) - 1,
			Detail: fmt.Sprintf("digest %q does not match the content (%q)", w.Digest, got)}
	}
	return res, nil
}

// jsonError locates an error of encoding/json in a record of n bytes.
func jsonError(err error, n int) error {
	e := &RecordError{Offset: -1, Err: err}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		// Offset is the bytes read when the error was found: just past the bad byte, or the end.
		e.Offset = int(se.Offset)
		if e.Offset > 0 && e.Offset <= n && se.Error() != "unexpected end of JSON input" {
			e.Offset--
		}
	case errors.As(err, &te):
		e.Offset = int(te.Offset)
	}
	return e
}

// firstDifference returns the offset of the first byte where a and b differ (where the shorter
// ends), or -1 if they are equal.
func firstDifference(a, b []byte) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) == len(b) {
		return -1
	}
	return n
}

// excerpt quotes up to 16 bytes of b from off, or says it has ended there.
func excerpt(b []byte, off int) string {
	if off >= len(b) {
		return "the end"
	}
	return strconv.Quote(string(b[off:min(off+16, len(b))]))
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
