package tally_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// honestRecord is the record of a small election whose first candidate is "Name c1" (with an
// attribute), whose office has characters the canonical form escapes ("R&D <committee>"), and
// whose other names hold a slash, U+FFFD and a character beyond the Basic Multilingual Plane.
func honestRecord(t testing.TB) []byte {
	t.Helper()
	s := ballot.Slate{Office: "R&D <committee>", Seats: 1, Candidates: []ballot.Candidate{
		{ID: "c1", Name: "Name c1", Attrs: map[string]string{"gender": "female"}}, {ID: "c2", Name: "Li Wei/"},
		{ID: "c3", Name: "Zhao Liu\uFFFD😀"}}}
	e, err := tally.NewElection(s, tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Decide(tally.Turnout{Entitled: 5, Present: 5, Issued: 5}, countsOf(e.Next().Slate, 5, 0, 0, []int{4, 1, 0})); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(e.Result())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRecordIsItsBytes: a record is read only in its canonical byte form, so that two readers
// can never see different values under one digest. Each case changes the honest record at one
// place without changing what encoding/json decodes from it (so the digest still matches the
// content as decoded): every one is refused with ErrRecord and the offset of the first byte that
// differs from the canonical form.
func TestRecordIsItsBytes(t *testing.T) {
	t.Parallel()
	honest := honestRecord(t)
	var res tally.Result
	if err := json.Unmarshal(honest, &res); err != nil {
		t.Fatalf("the honest record: %v", err)
	}
	// json.Marshal (which escapes <, > and &) and MarshalJSON give the same bytes.
	if direct, err := res.MarshalJSON(); err != nil || !bytes.Equal(direct, honest) || !bytes.Contains(honest, []byte(`R\u0026D \u003ccommittee\u003e`)) {
		t.Fatalf("MarshalJSON differs from json.Marshal (%v):\n%s\n%s", err, direct, honest)
	}
	tests := []struct {
		name     string
		from, to string
		at       string // the changed record's bytes at the offset reported begin so
	}{
		{"a case-variant key", `"name":"Name c1"`, `"name":"Mallory","NAME":"Name c1"`, `Mallory"`},
		{"a duplicate key", `"name":"Name c1"`, `"name":"Mallory","name":"Name c1"`, `Mallory"`},
		{"a duplicate key in attrs", `"attrs":{"gender":"female"}`, `"attrs":{"gender":"male","gender":"female"}`, `male"`},
		{"an unknown member", `"seats":1,"candidates"`, `"seats":1,"note":"recounted","candidates"`, `note"`},
		{"an escape for a plain letter", `"Name c1"`, `"Name \u00631"`, `\u0063`},
		{"a raw & where the canonical form escapes it", `R\u0026D`, `R&D`, `&D`},
		{"a slash escaped", `"Li Wei/"`, `"Li Wei\/"`, `\/`},
		{"white space", `{"format"`, `{ "format"`, ` "format"`},
		{"a number written -0", `"invalid":0`, `"invalid":-0`, `-0`},
		{"a false member the canonical form leaves out", `"status":"elected"`, `"status":"elected","write_in":false`, `,"write_in"`},
		{"invalid UTF-8 for U+FFFD", "Liu\uFFFD", "Liu\xff", "\xff"},
		{"a lone surrogate for U+FFFD", "Liu\uFFFD", `Liu\ud800`, `\ud800`},
		{"a surrogate pair for a character written as itself", "😀", `\ud83d\ude00`, `\ud83d`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if !bytes.Contains(honest, []byte(tc.from)) {
				t.Fatalf("the honest record has no %s", tc.from)
			}
			changed := bytes.Replace(honest, []byte(tc.from), []byte(tc.to), 1)
			var got tally.Result
			err := json.Unmarshal(changed, &got)
			var re *tally.RecordError
			if !errors.Is(err, tally.ErrRecord) || !errors.As(err, &re) {
				t.Fatalf("json.Unmarshal: %v, want a *RecordError wrapping ErrRecord", err)
			}
			if re.Offset < 0 || !bytes.HasPrefix(changed[re.Offset:], []byte(tc.at)) {
				t.Fatalf("offset %d (%q…), want the offset of %q: %v", re.Offset, changed[max(re.Offset, 0):min(max(re.Offset, 0)+12, len(changed))], tc.at, err)
			}
			if _, err := tally.ReadRecord(bytes.NewReader(changed)); !errors.Is(err, tally.ErrRecord) {
				t.Fatalf("ReadRecord: %v", err)
			}
		})
	}
}

// TestReadRecordErrors: every problem of a record wraps ErrRecord, syntax errors too (truncated,
// nested too deep), which json.Unmarshal reports as a *json.SyntaxError of its own before a
// decoder is called; one line feed after the record, as tools write files, is not part of it.
func TestReadRecordErrors(t *testing.T) {
	t.Parallel()
	honest := honestRecord(t)
	if res, err := tally.ReadRecord(bytes.NewReader(append(honest, '\n'))); err != nil || res.Slate.Office != "R&D <committee>" {
		t.Fatalf("ReadRecord of the record and a line feed: %v", err)
	}
	deep := `{"format":"chae.election/2","slate":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`
	tests := []struct {
		name string
		data []byte
		at   int // the offset the error reports; -1 for none
	}{
		{"empty", nil, 0},
		{"truncated", honest[:len(honest)/2], len(honest) / 2},
		{"nested too deep", []byte(deep), -2},
		{"two line feeds after it", append(honest, '\n', '\n'), len(honest)},
		{"a carriage return and line feed after it", append(honest, '\r', '\n'), len(honest)},
		{"a byte order mark before it", append([]byte("\uFEFF"), honest...), 0},
		{"another format", bytes.Replace(honest, []byte(`chae.election/2`), []byte(`chae.election/9`), 1), -1},
		{"a digest that does not match", bytes.Replace(honest, []byte(`"digest":"sha256:`), []byte(`"digest":"sha256:0`), 1), bytes.Index(honest, []byte(`"digest"`)) + len(`"digest":`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := tally.ReadRecord(bytes.NewReader(tc.data))
			if !errors.Is(err, tally.ErrRecord) {
				t.Fatalf("ReadRecord: %v, want ErrRecord", err)
			}
			if !strings.HasPrefix(err.Error(), "tally: record: ") || strings.Count(err.Error(), "tally:") != 1 {
				t.Errorf("message %q", err)
			}
			var re *tally.RecordError
			if tc.at == -1 {
				return
			}
			if !errors.As(err, &re) || (tc.at >= 0 && re.Offset != tc.at) {
				t.Fatalf("error %v, want a *RecordError at offset %d", err, tc.at)
			}
		})
	}
}

// TestRecordKeepsSkippedRows: the empty rows that ended a round's ballot files are in its counts
// and so in the record (skipped_rows), which reads back and verifies; the member is left out when
// 0, so records of files without such rows are unchanged, and a record writing it as 0 is not
// canonical. Counts with a negative number of rows skipped are refused.
func TestRecordKeepsSkippedRows(t *testing.T) {
	t.Parallel()
	decide := func(skipped int) (tally.Result, error) {
		e, err := tally.NewElection(slateOf(2, 3), tally.CPCGrassrootsCommittee())
		if err != nil {
			t.Fatal(err)
		}
		c := countsOf(e.Next().Slate, 5, 0, 0, []int{4, 3, 1})
		c.SkippedRows = skipped
		_, err = e.Decide(tally.Turnout{Entitled: 5, Present: 5, Issued: 5}, c)
		return e.Result(), err
	}
	plain, err := decide(0)
	if err != nil {
		t.Fatal(err)
	}
	padded, err := decide(3)
	if err != nil {
		t.Fatal(err)
	}
	plainBytes, _ := json.Marshal(plain)
	b, err := json.Marshal(padded)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(plainBytes, []byte("skipped_rows")) || !bytes.Contains(b, []byte(`,"skipped_rows":3}`)) {
		t.Fatalf("skipped_rows is not in the record exactly when rows were skipped:\n%s\n%s", plainBytes, b)
	}
	if plain.Digest() == padded.Digest() {
		t.Error("the digest does not cover the rows skipped")
	}
	var back tally.Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if n := back.Decisions[0].Counts.SkippedRows; n != 3 || back.Verify() != nil {
		t.Errorf("read back: %d rows skipped (verify: %v), want 3", n, back.Verify())
	}
	// Written as 0, where the canonical form leaves it out: refused where it differs.
	zero := bytes.Replace(plainBytes, []byte(`,"write_ins":[]}`), []byte(`,"write_ins":[],"skipped_rows":0}`), 1)
	if bytes.Equal(zero, plainBytes) {
		t.Fatalf("the record has no empty write-ins to follow:\n%s", plainBytes)
	}
	var re *tally.RecordError
	if err := json.Unmarshal(zero, &back); !errors.Is(err, tally.ErrRecord) || !errors.As(err, &re) || !bytes.HasPrefix(zero[re.Offset:], []byte(`,"skipped_rows"`)) {
		t.Errorf("skipped_rows written 0: %v, want ErrRecord at the member", err)
	}
	if _, err := decide(-1); !errors.Is(err, count.ErrCounts) {
		t.Errorf("-1 rows skipped: %v, want ErrCounts", err)
	}
	// A round without a quorum: rows skipped are not dropped as if nothing had been counted.
	e, err := tally.NewElection(slateOf(2, 3), tally.CPCGrassrootsCommittee())
	if err != nil {
		t.Fatal(err)
	}
	short := tally.Turnout{Entitled: 10, Present: 5, Issued: 5, Returned: tally.Declare(0)}
	if _, err := e.Decide(short, count.Counts{SkippedRows: 2}); !errors.Is(err, count.ErrSlateMismatch) {
		t.Errorf("no quorum, 2 rows skipped and no count of the slate: %v, want ErrSlateMismatch", err)
	}
	c := count.Zero(e.Next().Slate)
	c.SkippedRows = 2
	if d, err := e.Decide(short, c); err != nil || d.Outcome != tally.NoQuorum || d.Counts.SkippedRows != 2 {
		t.Errorf("no quorum, 2 rows skipped: %v, %+v", err, d.Counts)
	}
}
