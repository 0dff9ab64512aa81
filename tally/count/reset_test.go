package count_test

import (
	"bytes"
	"testing"

	"github.com/chae-go/chae/tally/count"
	"pgregory.net/rapid"
)

// A counter reset after any ballots — enough to flush its lanes, with write-ins and spoiled
// ballots, or through a batch — counts what follows exactly as a new counter does.
func TestPropertyResetIsNew(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		s := genSlate(t)
		before := genBallots(t, s)
		// Past 32,512 ballots the lanes are flushed into the counts themselves.
		if rapid.Bool().Draw(t, "many") && len(before) > 0 {
			for len(before) < 40_000 {
				before = append(before, before...)
			}
		}
		after := genBallots(t, s)
		c, err := count.NewCounter(s)
		if err != nil {
			t.Fatal(err)
		}
		bt, err := count.NewBatch(len(s.Candidates), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range before {
			if err := bt.Append(b); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.AddBatch(bt); err != nil {
			t.Fatal(err)
		}
		c.Reset()
		for _, b := range after {
			if err := c.Add(b); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := encode(t, c.Counts()), encode(t, mustCount(t, s, after)); !bytes.Equal(got, want) {
			t.Fatalf("after Reset: %s\nnew counter: %s", got, want)
		}
	})
}
