package count_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// sevenSlate is the slate of the example election: 7 candidates for 5 seats.
func sevenSlate() ballot.Slate {
	s := ballot.Slate{Office: "Branch committee", Seats: 5}
	for i, name := range []string{"李伟", "王芳", "张敏", "刘洋", "陈静", "杨帆", "赵磊"} {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i+1), Name: name})
	}
	return s
}

// TestHeaderOnlyFileIsAnEmptyBox: a header-only file, documented as a box returned empty, failed as
// a round's only file with "0 candidates counted, the round's slate has 7": no box was counted,
// and the sum of no box is no slate's count. Counted, it is the slate's zero count, which Check
// accepts, with or without a box column, and it changes nothing in any position among a round's
// files.
func TestHeaderOnlyFileIsAnEmptyBox(t *testing.T) {
	t.Parallel()
	s := sevenSlate()
	for _, head := range []string{"c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n", "box,c1,c2,c3,c4,c5,c6,c7\n", "c1;c2;c3;c4;c5;c6;c7\r\n;;;;;;\r\n"} {
		fc, err := count.CountFile(strings.NewReader(head), s, count.FileOptions{Box: "hall.csv"})
		if err != nil {
			t.Fatalf("%q: %v", head, err)
		}
		want := count.Zero(s)
		if strings.Contains(head, ";;") {
			want.SkippedRows = 1 // the empty row that ends the file: skipped, and counted as skipped
		}
		if !reflect.DeepEqual(fc.Total, want) || count.Check(s, fc.Total) != nil {
			t.Errorf("%q: total %+v (%v), want the zero count of the slate", head, fc.Total, count.Check(s, fc.Total))
		}
		hasBox := strings.HasPrefix(head, "box")
		if hasBox && len(fc.Boxes) != 0 || !hasBox && (len(fc.Boxes) != 1 || fc.Boxes[0].Box != "hall.csv" || !reflect.DeepEqual(fc.Boxes[0].Counts, count.Zero(s))) {
			t.Errorf("%q: boxes %+v", head, fc.Boxes)
		}
		// A round's only file: its boxes and the zero count sum to a count Check accepts.
		total, err := count.SumBoxes(fc.Boxes)
		if err == nil {
			total, err = count.Merge(count.Zero(s), total)
		}
		if err != nil || count.Check(s, total) != nil || total.Ballots != 0 {
			t.Errorf("%q: a round's only file sums to %+v, %v", head, total, err)
		}
	}

	// First, middle or last of a round's files, with a box column or without.
	a := "box,c1,c2,c3,c4,c5,c6,c7\nA,○,×,○,,○,×,\nA,弃,弃,弃,弃,弃,弃,弃\n"
	b := "c1,c2,c3,c4,c5,c6,c7\n×,○,○,○,○,,×\n"
	for _, empty := range []string{"box,c1,c2,c3,c4,c5,c6,c7\n", "c1,c2,c3,c4,c5,c6,c7\n,,,,,,\n"} {
		var want count.Counts
		for _, order := range [][]string{{empty, a, b}, {a, empty, b}, {a, b, empty}} {
			var boxes []count.BoxCounts
			for i, f := range order {
				fc, err := count.CountFile(strings.NewReader(f), s, count.FileOptions{Box: fmt.Sprintf("file%d-%d", i, len(f))})
				if err != nil {
					t.Fatal(err)
				}
				boxes = append(boxes, fc.Boxes...)
			}
			total, err := count.SumBoxes(boxes)
			if err != nil || count.Check(s, total) != nil || total.Ballots != 3 {
				t.Fatalf("%q: total %+v, %v", order, total, err)
			}
			if want.Candidates == nil {
				want = total
			} else if !reflect.DeepEqual(total, want) {
				t.Errorf("%q: total %+v, want %+v", order, total, want)
			}
		}
	}
}

// TestCountFileTrailingEmptyRows: five trailing ",,,,,,,," rows of a file without a box column were
// counted as five blank ballots; they are no ballots, and reported.
func TestCountFileTrailingEmptyRows(t *testing.T) {
	t.Parallel()
	s := sevenSlate()
	in := "c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n○,×,○,,○,×,,,\n×,○,,○,○,×,○,,\n" + strings.Repeat(",,,,,,,,\n", 5)
	fc, err := count.CountFile(strings.NewReader(in), s, count.FileOptions{Box: "round1.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if fc.Total.Ballots != 2 || fc.Total.Valid != 2 || fc.Skipped != (ballot.SkippedRows{Rows: 5, First: 4, Last: 8}) {
		t.Errorf("counted %d ballots (%d valid), skipped %+v; want 2, rows 4–8 skipped", fc.Total.Ballots, fc.Total.Valid, fc.Skipped)
	}
	if fc.Total.SkippedRows != 5 || fc.Boxes[0].Counts.SkippedRows != 0 {
		t.Errorf("the file's count says %d rows skipped (its box %d), want 5 (the box, which holds ballots, 0)", fc.Total.SkippedRows, fc.Boxes[0].Counts.SkippedRows)
	}
	// Between ballots, an empty row is refused at its line.
	in = "c1,c2,c3,c4,c5,c6,c7\n○,×,○,,○,×,\n,,,,,,\n×,○,,○,○,×,○\n"
	_, err = count.CountFile(strings.NewReader(in), s, count.FileOptions{})
	var pe *ballot.ParseError
	if !errors.Is(err, ballot.ErrEmptyRow) || !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("an empty row between ballots: %v, want ErrEmptyRow on line 3", err)
	}
}

// TestCountFileBoxes: boxes are counted apart, in the order they first appear, and sum to the
// total.
func TestCountFileBoxes(t *testing.T) {
	t.Parallel()
	s := sevenSlate()
	in := "box,c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n" +
		"B,○,×,○,,○,×,,,\n" +
		"A,○,○,○,○,○,○,,,\n" + // an over-vote: 6 persons for 5 seats
		"B,×,,,,,,,赵六,\n" +
		"A,,,,,,,,,1\n"
	fc, err := count.CountFile(strings.NewReader(in), s, count.FileOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(fc.Boxes) != 2 || fc.Boxes[0].Box != "B" || fc.Boxes[1].Box != "A" {
		t.Fatalf("boxes %+v, want B then A", fc.Boxes)
	}
	b, a := fc.Boxes[0].Counts, fc.Boxes[1].Counts
	if b.Valid != 2 || len(b.WriteIns) != 1 || b.Candidates[0].For != 1 || b.Candidates[0].Against != 1 ||
		a.Invalid != 1 || a.Spoiled != 1 || a.Valid != 0 {
		t.Errorf("box B %+v, box A %+v", b, a)
	}
	sum, err := count.SumBoxes(fc.Boxes)
	if err != nil || !reflect.DeepEqual(sum, fc.Total) {
		t.Errorf("boxes sum to %+v, %v; total %+v", sum, err, fc.Total)
	}
}

// TestCountFileRuns: with Runs, each run of one box is given in file order (a box in two runs
// twice), no box is kept, and an error of Runs stops the count and is returned, on every path.
func TestCountFileRuns(t *testing.T) {
	t.Parallel()
	s := sevenSlate()
	in := "box,c1,c2,c3,c4,c5,c6,c7\n" + strings.Repeat("A,○,×,○,,○,×,\n", 30) + "B,×,○,,○,○,×,○\n" + strings.Repeat("A,弃,弃,弃,弃,弃,弃,弃\n", 20)
	for _, w := range []int{1, 2, 3} {
		var boxes []string
		var ballots []int
		fc, err := count.CountFile(strings.NewReader(in), s, count.FileOptions{Workers: w, ChunkBytes: 100, MaxRecordBytes: 60,
			Runs: func(r *count.Run) error {
				boxes = append(boxes, r.Box)
				ballots = append(ballots, r.Counts().Ballots)
				return nil
			}})
		if err != nil || fc.Boxes != nil || fc.Total.Ballots != 51 {
			t.Fatalf("%d workers: %v, boxes %v, total %d", w, err, fc.Boxes, fc.Total.Ballots)
		}
		if fmt.Sprint(boxes, ballots) != "[A B A] [30 1 20]" {
			t.Errorf("%d workers: runs %v %v, want [A B A] [30 1 20]", w, boxes, ballots)
		}
		stop := errors.New("stop")
		_, err = count.CountFile(strings.NewReader(in), s, count.FileOptions{Workers: w, ChunkBytes: 100, MaxRecordBytes: 60,
			Runs: func(r *count.Run) error {
				if r.Box == "B" {
					return stop
				}
				return nil
			}})
		if err != stop {
			t.Errorf("%d workers: error %v, want Runs' error", w, err)
		}
	}
	// Without Runs, a box in two runs is one box.
	fc, err := count.CountFile(strings.NewReader(in), s, count.FileOptions{})
	if err != nil || len(fc.Boxes) != 2 || fc.Boxes[0].Box != "A" || fc.Boxes[0].Counts.Ballots != 50 {
		t.Errorf("boxes %+v, %v", fc.Boxes, err)
	}
}
