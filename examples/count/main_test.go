package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const td = "testdata/"

var allRounds = []string{td + "election.json", td + "round1.csv", td + "round2.csv", td + "round3.csv"}

// TestGolden runs the program on the sample election and compares its reports with the golden
// files under testdata/golden (go test -update rewrites them).
func TestGolden(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		exit int
	}{
		{"text-en", allRounds, exitDecided},
		{"text-zh", append([]string{"-lang", "zh"}, allRounds...), exitDecided},
		{"markdown-en", append([]string{"-format", "markdown"}, allRounds...), exitDecided},
		{"markdown-zh", append([]string{"-format", "markdown", "-lang", "zh"}, allRounds...), exitDecided},
		{"json", append([]string{"-format", "json"}, allRounds...), exitDecided},
		{"json-zh", append([]string{"-format", "json", "-lang", "zh"}, allRounds...), exitDecided},
		{"html-en", append([]string{"-format", "html"}, allRounds...), exitDecided},
		{"html-zh", append([]string{"-format", "html", "-lang", "zh"}, allRounds...), exitDecided},
		{"round1-en", []string{td + "election.json", td + "round1.csv"}, exitNextRound},
		{"round1-zh", []string{"-lang", "zh", td + "election.json", td + "round1.csv"}, exitNextRound},
		{"rounds12-en", []string{td + "election.json", td + "round1.csv", td + "round2.csv"}, exitNextRound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			if got := run(tc.args, &stdout, &stderr); got != tc.exit {
				t.Fatalf("exit status %d, want %d; stderr: %s", got, tc.exit, stderr.String())
			}
			golden(t, tc.name, stdout.Bytes())
		})
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	ext := map[bool]string{true: ".html", false: ".golden"}[strings.HasPrefix(name, "html")]
	path := filepath.Join(td, "golden", name+ext)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; got:\n%s", path, got)
	}
}

// TestSummaryEqualsBallots: the mobile box given as a hand count gives the same result, digest and
// all, as its ballots.
func TestSummaryEqualsBallots(t *testing.T) {
	t.Parallel()
	var a, b, stderr bytes.Buffer
	if run([]string{"-format", "json", td + "election.json", td + "round1.csv"}, &a, &stderr) != exitNextRound {
		t.Fatal(stderr.String())
	}
	if run([]string{"-format", "json", td + "election.json", td + "round1-hall.csv,summary:" + td + "round1-mobile-summary.csv"}, &b, &stderr) != exitNextRound {
		t.Fatal(stderr.String())
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("ballots and summary give different records:\n%s\n%s", a.Bytes(), b.Bytes())
	}
}

func TestNextRoundMessage(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	run([]string{td + "election.json", td + "round1.csv"}, &stdout, &stderr)
	want := "count: next round needed: round 2, supplementary, 2 seats, candidates c4, c5, c6\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}

// TestBadInput: bad input exits 1 with one line naming the file and, where the problem is at one
// place, its line and column.
func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	election, err := os.ReadFile(td + "election.json")
	if err != nil {
		t.Fatal(err)
	}
	header := "box,c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n"
	badMark := write("bad-mark.csv", header+"A,○,×,,,,,,,\nA,○,✓,,,,,,,\n")
	unknownCol := write("unknown-col.csv", "box,c1,c2,c3,c4,c5,c6,c9\n")
	badDef := write("bad.json", strings.Replace(string(election), `"seats": 5`, `"seats": 5, "chair": "x"`, 1))
	oneTurnout := write("one.json", strings.Replace(string(election), "},\n    {\"entitled\": 50, \"present\": 46, \"issued\": 46},\n    {\"entitled\": 50, \"present\": 45, \"issued\": 45}", "}", 1))
	returnedWrong := write("returned.json", strings.Replace(string(election), `"issued": 46},`, `"issued": 46, "returned": 45},`, 1))
	tests := []struct {
		name string
		args []string
		want string // the one line on stderr
	}{
		{"returned differs from the ballots counted", []string{returnedWrong, td + "round1.csv"}, `round 1: tally: turnout: returned: 45 returned but 46 counted`},
		{"bad mark", []string{td + "election.json", badMark}, badMark + `: ballot: line 3, column 3 (c2): unknown mark "✓"`},
		{"unknown column", []string{td + "election.json", unknownCol}, unknownCol + `: ballot: line 1, column 8: unknown candidate column "c9"`},
		{"unknown field in the definition", []string{badDef, td + "round1.csv"}, badDef + `: tally: definition: line 3, column 15: $.chair: unknown field: unknown field "chair"`},
		{"box counted twice", []string{td + "election.json", td + "round1.csv,summary:" + td + "round1-mobile-summary.csv"}, "ballot box counted twice"},
		{"no turnout for round 2", []string{oneTurnout, td + "round1.csv", td + "round2.csv"}, oneTurnout + `: no turnout for round 2`},
		{"a round too many", append(append([]string{}, allRounds...), td+"round3.csv"), `round 4 given, but the election was done after round 3`},
		{"ballots of the wrong round", []string{td + "election.json", td + "round2.csv"}, `: ballot: line 1, column 1: candidate column out of slate order "c4"`},
		{"missing file", []string{td + "election.json", dir + "/none.csv"}, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			if got := run(tc.args, &stdout, &stderr); got != exitBadInput {
				t.Fatalf("exit status %d, want %d; stderr %s", got, exitBadInput, stderr.String())
			}
			msg := stderr.String()
			if strings.Count(msg, "\n") != 1 || !strings.Contains(msg, tc.want) {
				t.Errorf("stderr %q, want one line containing %q", msg, tc.want)
			}
		})
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {td + "election.json"}, {"-format", "pdf", td + "election.json", td + "round1.csv"}, {"-lang", "fr", td + "election.json", td + "round1.csv"}} {
		var stdout, stderr bytes.Buffer
		if got := run(args, &stdout, &stderr); got != exitUsage {
			t.Errorf("%q: exit status %d, want %d", args, got, exitUsage)
		}
	}
}

func TestOut(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "report.md")
	var stdout, stderr bytes.Buffer
	if got := run(append([]string{"-format", "markdown", "-out", out}, allRounds...), &stdout, &stderr); got != exitDecided {
		t.Fatal(stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("# Tally sheet")) || stdout.Len() != 0 {
		t.Errorf("report file %q (%v), stdout %q", b, err, stdout.String())
	}
}

// TestVoidPoll: more ballots returned than issued is not bad input but a void poll, which the
// rules answer by holding the round again (docs/rules.md B7): exit status 3, naming the round.
func TestVoidPoll(t *testing.T) {
	t.Parallel()
	election, err := os.ReadFile(td + "election.json")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "void.json")
	os.WriteFile(p, []byte(strings.Replace(string(election), `"issued": 46},`, `"issued": 45},`, 1)), 0o644)
	var stdout, stderr bytes.Buffer
	if got := run([]string{p, td + "round1.csv"}, &stdout, &stderr); got != exitNextRound {
		t.Fatalf("exit status %d, want %d: %s", got, exitNextRound, stderr.String())
	}
	if want := "count: next round needed: round 2, regular, 5 seats"; !strings.HasPrefix(stderr.String(), want) {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	if !strings.Contains(stdout.String(), "the poll is VOID") {
		t.Errorf("report does not say the poll is void:\n%s", stdout.String())
	}
}

// TestSpelledOutRules: the sample election with its preset spelled out field by field gives the
// same record, byte for byte.
func TestSpelledOutRules(t *testing.T) {
	t.Parallel()
	var a, b, stderr bytes.Buffer
	if run(append([]string{"-format", "json"}, allRounds...), &a, &stderr) != exitDecided {
		t.Fatal(stderr.String())
	}
	spelled := append([]string{"-format", "json", td + "election-rules.json"}, allRounds[1:]...)
	if run(spelled, &b, &stderr) != exitDecided {
		t.Fatal(stderr.String())
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("preset and spelled-out rules give different records")
	}
}

// TestBoxes: -boxes slices the results per ballot box; the mobile box's slice is the sample hand
// count of that box, line for line.
func TestBoxes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if got := run(append([]string{"-boxes", dir}, allRounds...), &stdout, &stderr); got != exitDecided {
		t.Fatal(stderr.String())
	}
	got, err := os.ReadFile(filepath.Join(dir, "round1-boxes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	summary, err := os.ReadFile(td + "round1-mobile-summary.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(summary)), "\n")
	// The summary has no 孙强 column (no write-in in that box): compare the figures before it.
	mobile := lines[1]
	if !strings.Contains(string(got), mobile+",0\n") {
		t.Errorf("round1-boxes.csv lacks the mobile box %q:\n%s", mobile, got)
	}
	for _, n := range []int{2, 3} {
		if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("round%d-boxes.csv", n))); err != nil {
			t.Error(err)
		}
	}
}
