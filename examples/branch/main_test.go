package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
)

// The record is the same on every run, shows the three planned rounds, and the JSON record
// verifies and carries the digest the readable record prints.
func TestRecord(t *testing.T) {
	var a, b, js bytes.Buffer
	if err := run(&a, false); err != nil {
		t.Fatal(err)
	}
	if err := run(&b, false); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("two runs print different records")
	}
	for _, want := range []string{
		"== Round 1: regular, 7 of 7 seats",
		"valid 44, invalid (over-vote) 1, spoiled 1",
		"5 candidates cleared the bar for 7 seats",
		"== Round 2: supplementary, 2 of 7 seats",
		"tied for the last open seat",
		"== Round 3: runoff, 1 of 7 seats",
		"  7. ",
		"The committee, in surname stroke order: 王丽、刘洋、李强、杨帆、张伟、陈静、黄磊",
	} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("record lacks %q", want)
		}
	}
	if err := run(&js, true); err != nil {
		t.Fatal(err)
	}
	var res tally.Result
	if err := json.Unmarshal(js.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	if err := res.Verify(); err != nil {
		t.Fatalf("the record does not verify: %v", err)
	}
	if !res.Done || len(res.Elected) != 7 {
		t.Fatalf("done %v, %d elected", res.Done, len(res.Elected))
	}
	// The ballot paper is printed in surname stroke order (docs/rules.md B3).
	var printed []string
	for _, c := range res.Slate.Candidates {
		printed = append(printed, c.Name)
	}
	if want := "王丽 刘洋 李强 杨帆 张伟 陈静 周婷 赵敏 黄磊"; strings.Join(printed, " ") != want {
		t.Errorf("ballot paper %q, want %q", printed, want)
	}
	if !strings.Contains(a.String(), "Record digest: "+res.Digest()) {
		t.Errorf("the readable record does not print the digest %s", res.Digest())
	}
}

var update = flag.Bool("update", false, "rewrite testdata/record.txt")

// The readable record is the golden file, byte for byte.
func TestGolden(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, false); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/record.txt"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("the record differs from %s (go test -update to rewrite it):\n%s", golden, out.Bytes())
	}
}

// TestSurplusKeepsZeros: the candidate surplus is printed with its one decimal place whatever the
// figure: 6 candidates for 5 seats are "20.0%", as 27 for 23 are "17.4%" (not "20%").
func TestSurplusKeepsZeros(t *testing.T) {
	for _, tc := range []struct {
		seats, candidates int
		want              string
	}{{5, 6, "Candidate surplus 20.0%"}, {23, 27, "Candidate surplus 17.4%"}, {10, 12, "Candidate surplus 20.0%"}} {
		res := tally.Result{Slate: slateOf(tc.seats, tc.candidates), Rules: tally.CPCGrassrootsCommittee()}
		var b bytes.Buffer
		if err := record(&b, res); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tc.want+":") {
			t.Errorf("%d for %d seats: %q, want %q", tc.candidates, tc.seats, strings.SplitN(b.String(), "\n", 4)[2], tc.want)
		}
	}
}

func slateOf(seats, n int) ballot.Slate {
	s := ballot.Slate{Office: "Committee", Seats: seats}
	for i := range n {
		s.Candidates = append(s.Candidates, ballot.Candidate{ID: fmt.Sprintf("c%d", i+1), Name: fmt.Sprintf("Name %d", i+1)})
	}
	return s
}
