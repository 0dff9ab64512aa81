package ballot_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
)

// TestRecordLengthLimit: a record of exactly MaxRecordBytes bytes (its line end not counted) is
// read; one byte more is refused with ErrRecordTooLong, on every path through the reader: a line
// ended by a newline, the last line without one, a record with a quoted cell, and the header.
func TestRecordLengthLimit(t *testing.T) {
	t.Parallel()
	const limit = 100
	// ballot returns a ballot record of n bytes: a mark and a written-in name.
	ballotOf := func(n int) string { return "F," + strings.Repeat("x", n-2) }
	quotedOf := func(n int) string { return "F,\"" + strings.Repeat("x", n-4) + "\"" }
	headerOf := func(n int) string { return "write-in," + strings.Repeat("c", n-9) }
	tests := []struct {
		name string
		file func(n int) string
	}{
		{"line with a newline", func(n int) string { return "c1,write-in\n" + ballotOf(n) + "\n" }},
		{"last line without a newline", func(n int) string { return "c1,write-in\n" + ballotOf(n) }},
		{"line before another", func(n int) string { return "c1,write-in\n" + ballotOf(n) + "\nA,\n" }},
		{"quoted cell", func(n int) string { return "c1,write-in\n" + quotedOf(n) + "\n" }},
		{"header", func(n int) string { return headerOf(n) + "\n" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, n := range []int{limit, limit + 1} {
				r := ballot.NewReader(strings.NewReader(tc.file(n)))
				r.MaxRecordBytes = limit
				_, _, err := readAll(r)
				if n == limit && err != nil {
					t.Errorf("a record of exactly %d bytes: %v", n, err)
				}
				if n > limit && !errors.Is(err, ballot.ErrRecordTooLong) {
					t.Errorf("a record of %d bytes, limit %d: error %v, want ErrRecordTooLong", n, limit, err)
				}
			}
		})
	}
}
