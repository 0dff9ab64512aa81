package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestMain runs the program itself, as a process, when COUNT_RUN_PROGRAM=1: the tests that need
// a process of their own (a file size limit, its peak memory) run the test binary so.
func TestMain(m *testing.M) {
	if os.Getenv("COUNT_RUN_PROGRAM") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// program returns the command that runs the program with args under the shell's limits (a
// "ulimit" command, or "").
func program(t *testing.T, limits string, args ...string) *exec.Cmd {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	sh, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed: no process with limits of its own")
	}
	cmd := exec.Command(sh, append([]string{"-c", limits + `; exec "$0" "$@"`, bin}, args...)...)
	cmd.Env = append(os.Environ(), "COUNT_RUN_PROGRAM=1")
	return cmd
}

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
		{"slate-order-zh", append([]string{"-lang", "zh", "-order", "slate"}, allRounds...), exitDecided},
		{"html-ballot-zh", []string{"-ballot", "-lang", "zh", td + "election.json"}, exitDecided},
		{"html-ballot-en", []string{"-ballot", td + "election.json"}, exitDecided},
		{"html-ballot-round2-zh", []string{"-ballot", "-lang", "zh", td + "election.json", td + "round1.csv"}, exitDecided},
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

// sample returns the sample election's definition with each replacement applied once, written
// to a file in dir.
func sample(t *testing.T, dir, name string, replace ...string) string {
	t.Helper()
	b, err := os.ReadFile(td + "election.json")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(s, replace[i]) {
			t.Fatalf("the sample election has no %q", replace[i])
		}
		s = strings.Replace(s, replace[i], replace[i+1], 1)
	}
	return writeFile(t, dir, name, s)
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// lines returns the first n lines of a sample file (the header is line 1).
func lines(t *testing.T, name string, n int) string {
	t.Helper()
	b, err := os.ReadFile(td + name)
	if err != nil {
		t.Fatal(err)
	}
	ls := strings.SplitAfter(string(b), "\n")
	return strings.Join(ls[:n], "")
}

// The declared turnout of the sample's rounds 1 and 2, as election.json writes it.
const (
	turnout1 = `{"entitled": 50, "present": 46, "issued": 46, "returned": 46},
    {"entitled": 50, "present": 46`
	turnout2 = `{"entitled": 50, "present": 46, "issued": 46, "returned": 46},
    {"entitled": 50, "present": 45`
)

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

// badInput runs the program, expecting exit status 1 and one line on stderr; it returns the line.
func badInput(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if got := run(args, &stdout, &stderr); got != exitBadInput {
		t.Fatalf("exit status %d, want %d; stderr %s", got, exitBadInput, stderr.String())
	}
	msg := stderr.String()
	if strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "count: ") {
		t.Errorf("stderr %q is not one line", msg)
	}
	if stdout.Len() != 0 {
		t.Errorf("a report was written on bad input:\n%s", stdout.String())
	}
	return msg
}

// TestBadInput: bad input exits 1 with one line naming the file and, where the problem is at one
// place, its line and column.
func TestBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	header := "box,c1,c2,c3,c4,c5,c6,c7,write-in,spoiled\n"
	badMark := writeFile(t, dir, "bad-mark.csv", header+"A,○,×,,,,,,,\nA,○,✓,,,,,,,\n")
	unknownCol := writeFile(t, dir, "unknown-col.csv", "box,c1,c2,c3,c4,c5,c6,c9\n")
	badDef := sample(t, dir, "bad.json", `"seats": 5`, `"seats": 5, "chair": "x"`)
	oneTurnout := sample(t, dir, "one.json", `,
    {"entitled": 50, "present": 46, "issued": 46, "returned": 46},
    {"entitled": 50, "present": 45, "issued": 45, "returned": 45}`, ``)
	tests := []struct {
		name string
		args []string
		want string // in the one line on stderr
	}{
		{"bad mark", []string{td + "election.json", badMark}, badMark + `: ballot: line 3, column 3 (c2): unknown mark "✓"`},
		{"unknown column", []string{td + "election.json", unknownCol}, unknownCol + `: ballot: line 1, column 8: unknown candidate column "c9"`},
		{"unknown field in the definition", []string{badDef, td + "round1.csv"}, badDef + `: tally: definition: line 3, column 15: $.chair: unknown field: unknown field "chair"`},
		{"box counted twice", []string{td + "election.json", td + "round1.csv,summary:" + td + "round1-mobile-summary.csv"}, `round 1: ballot box "流动票箱" counted twice: in ` + td + `round1.csv and in summary:` + td + "round1-mobile-summary.csv"},
		{"no turnout for round 2", []string{oneTurnout, td + "round1.csv", td + "round2.csv"}, oneTurnout + `: round 2: no turnout`},
		{"a round too many", append(append([]string{}, allRounds...), td+"round3.csv"), `round 4 given, but the election was done after round 3`},
		{"ballots of the wrong round", []string{td + "election.json", td + "round2.csv"}, `round 1: ` + td + `round2.csv: ballot: line 1, column 1: candidate column out of slate order "c4"`},
		{"missing file", []string{td + "election.json", dir + "/none.csv"}, "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if msg := badInput(t, tc.args...); !strings.Contains(msg, tc.want) {
				t.Errorf("stderr %q, want one line containing %q", msg, tc.want)
			}
		})
	}
}

// TestDeclaredFigures (issue 12, item 2): the ballots returned are required and checked. A round
// file cut at a line end (36 of the 46 ballots returned) was counted without a word: it is
// refused, naming the round and the figures; so are more ballots than returned, a definition
// without the ballots returned or issued, and a round with no ballot counted of 46 present unless
// its ballots returned are declared 0.
func TestDeclaredFigures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cut := writeFile(t, dir, "round2-cut.csv", lines(t, "round2.csv", 37)) // header and 36 ballots
	empty := writeFile(t, dir, "empty.csv", lines(t, "round1.csv", 1))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a file cut short", []string{td + "election.json", td + "round1.csv", cut},
			"count: round 2: counted 36 ballots, returned 46: a file may be truncated or missing (" + cut + ")"},
		{"a box missing", []string{td + "election.json", td + "round1-hall.csv"},
			"count: round 1: counted 40 ballots, returned 46: a file may be truncated or missing"},
		{"a file too many", []string{td + "election.json", td + "round1.csv," + td + "round1-hall.csv"},
			`count: round 1: ballot box "大厅" counted twice`},
		{"more ballots than returned", []string{sample(t, dir, "45.json", `"issued": 46, "returned": 46}`, `"issued": 46, "returned": 45}`), td + "round1.csv"},
			"count: round 1: counted 46 ballots, returned 45: a file may belong to another round, or hold ballots twice"},
		{"returned not declared", []string{sample(t, dir, "noreturned.json", `"issued": 46, "returned": 46}`, `"issued": 46}`), td + "round1.csv"},
			`: round 1: the ballots returned (收回选票) are not declared: add "returned" to turnout[0]`},
		{"issued not declared", []string{sample(t, dir, "noissued.json", `"issued": 46, "returned": 46}`, `"returned": 46}`), td + "round1.csv"},
			`: tally: definition: line 15, column 5: $.turnout[0].issued: missing field`},
		{"no ballot of 46 present, returned not declared", []string{sample(t, dir, "none.json", `"issued": 46, "returned": 46}`, `"issued": 46}`), empty},
			`round 1: the ballots returned (收回选票) are not declared`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if msg := badInput(t, tc.args...); !strings.Contains(msg, tc.want) {
				t.Errorf("stderr %q, want it to contain %q", msg, tc.want)
			}
		})
	}
	t.Run("no ballot of 46 present, returned declared 0", func(t *testing.T) {
		t.Parallel()
		def := sample(t, dir, "zero.json", `"issued": 46, "returned": 46}`, `"issued": 46, "returned": 0}`)
		var stdout, stderr bytes.Buffer
		if got := run([]string{"-lang", "zh", def, empty}, &stdout, &stderr); got != exitNextRound {
			t.Fatalf("exit status %d, want %d: %s", got, exitNextRound, stderr.String())
		}
		if want := "注意：清点选票0张，比实到人数（46人）少46张"; !strings.Contains(stdout.String(), want) {
			t.Errorf("sheet lacks %q:\n%s", want, stdout.String())
		}
	})
}

// TestFewerBallotsThanPresent: where fewer ballots are counted than voters are present, the sheet
// says so, in English and in Chinese.
func TestFewerBallotsThanPresent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	def := sample(t, dir, "40.json", `"issued": 46, "returned": 46}`, `"issued": 46, "returned": 40}`)
	for lang, want := range map[string]string{
		"en": "Note: 40 ballots counted, 6 fewer than the 46 present",
		"zh": "注意：清点选票40张，比实到人数（46人）少6张",
	} {
		var stdout, stderr bytes.Buffer
		if got := run([]string{"-lang", lang, def, td + "round1-hall.csv"}, &stdout, &stderr); got != exitNextRound {
			t.Fatalf("%s: exit status %d: %s", lang, got, stderr.String())
		}
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("%s sheet lacks %q:\n%s", lang, want, stdout.String())
		}
	}
	var stdout, stderr bytes.Buffer
	run([]string{"-lang", "zh", td + "election.json", td + "round1.csv"}, &stdout, &stderr)
	if strings.Contains(stdout.String(), "注意") {
		t.Errorf("a sheet with as many ballots as present notes a shortfall:\n%s", stdout.String())
	}
}

// TestHeaderOnlyFile (issue 12, item 3): a file with a header and no ballot is an empty ballot
// box wherever it stands among a round's files: alone, first, between others, last. As the
// round's only file it was refused ("0 candidates counted, the round's slate has 7").
func TestHeaderOnlyFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.csv", lines(t, "round1.csv", 1))
	emptyNoBox := writeFile(t, dir, "empty-nobox.csv", "c1,c2,c3,c4,c5,c6,c7\n")
	hall, mobile := td+"round1-hall.csv", "summary:"+td+"round1-mobile-summary.csv"
	var want bytes.Buffer
	if run([]string{"-format", "json", td + "election.json", hall + "," + mobile}, &want, &bytes.Buffer{}) != exitNextRound {
		t.Fatal("the sample's round 1 does not count")
	}
	for name, files := range map[string]string{
		"first":            empty + "," + hall + "," + mobile,
		"between":          hall + "," + emptyNoBox + "," + mobile,
		"last":             hall + "," + mobile + "," + empty,
		"two, first, last": emptyNoBox + "," + hall + "," + mobile + "," + empty,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			boxes := t.TempDir()
			var stdout, stderr bytes.Buffer
			if got := run([]string{"-format", "json", "-boxes", boxes, td + "election.json", files}, &stdout, &stderr); got != exitNextRound {
				t.Fatalf("exit status %d: %s", got, stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), want.Bytes()) {
				t.Errorf("an empty box changes the record:\n%s", stdout.String())
			}
			b, err := os.ReadFile(filepath.Join(boxes, "round1-boxes.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), "\nempty") {
				t.Errorf("the empty box is not listed:\n%s", b)
			}
		})
	}
	t.Run("alone", func(t *testing.T) {
		t.Parallel()
		def := sample(t, dir, "alone.json", `"present": 46, "issued": 46, "returned": 46}`, `"present": 46, "issued": 46, "returned": 0}`)
		boxes := t.TempDir()
		var stdout, stderr bytes.Buffer
		if got := run([]string{"-boxes", boxes, def, empty}, &stdout, &stderr); got != exitNextRound {
			t.Fatalf("exit status %d, want %d: %s", got, exitNextRound, stderr.String())
		}
		b, err := os.ReadFile(filepath.Join(boxes, "round1-boxes.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "\nempty.csv,0,0,0,0,0,0,0,") {
			t.Errorf("the empty box is not listed with zeros:\n%s", b)
		}
	})
}

// TestErrorsSayWhatToDo (issue 12, item 4): an error names the round and the file and says what
// is expected: round 1's file given as round 2 lists round 2's columns, IDs and names, and says
// whose column c1 is; a header of names instead of IDs says which ID each name has; a misspelt
// preset lists the presets; a summary whose figures do not add up says so once. One line each,
// each hint once.
func TestErrorsSayWhatToDo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	names := writeFile(t, dir, "names.csv", strings.Replace(lines(t, "round1.csv", 3), "c1,c2,c3,c4,c5,c6,c7", "李伟,王芳,张敏,刘洋,陈静,杨帆,赵磊", 1))
	summary, err := os.ReadFile(td + "round1-mobile-summary.csv")
	if err != nil {
		t.Fatal(err)
	}
	badSum := writeFile(t, dir, "bad-summary.csv", strings.Replace(string(summary), "流动票箱,6,6", "流动票箱,6,5", 1))
	preset := sample(t, dir, "preset.json", `"cpc-grassroots-committee"`, `"cpc-grassroot-committee"`)
	tests := []struct {
		name string
		args []string
		want []string // each in the one line
		once string   // said exactly once
	}{
		{"round 1's file as round 2", []string{td + "election.json", td + "round1.csv", td + "round1.csv"}, []string{
			"count: round 2: " + td + "round1.csv: ballot: line 1, column 2: unknown candidate column \"c1\"",
			"(the candidate columns, in order: c4 刘洋, c5 陈静, c6 杨帆)",
			"c1 (李伟) is not a candidate in round 2: is this the file of another round?"}, "candidate columns"},
		{"names instead of IDs", []string{td + "election.json", names}, []string{
			"count: round 1: " + names + ": ballot: line 1, column 2",
			`"李伟" is a candidate's name: use its ID "c1"`,
			"c1 李伟, c2 王芳, c3 张敏, c4 刘洋, c5 陈静, c6 杨帆, c7 赵磊"}, "candidate columns"},
		{"a misspelt preset", []string{preset, td + "round1.csv"}, []string{
			`unknown rules preset "cpc-grassroot-committee"; the presets are cpc-grassroots-committee, cpc-grassroots-delegates,`,
			"vietnam-national-assembly"}, ""},
		{"a summary's figures", []string{td + "election.json", td + "round1-hall.csv,summary:" + badSum}, []string{
			"count: round 1: " + badSum + ": count: summary: line 2 (流动票箱): figures do not add up: 6 ballots, but 5 valid + 0 invalid + 0 spoiled"},
			"do not add up"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			msg := badInput(t, tc.args...)
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("stderr %q\nlacks %q", msg, w)
				}
			}
			if tc.once != "" && strings.Count(msg, tc.once) != 1 {
				t.Errorf("stderr %q says %q %d times", msg, tc.once, strings.Count(msg, tc.once))
			}
		})
	}
}

func TestUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{}, {td + "election.json"}, {"-format", "pdf", td + "election.json", td + "round1.csv"},
		{"-lang", "fr", td + "election.json", td + "round1.csv"}, {"-order", "alpha", td + "election.json", td + "round1.csv"},
		{"-ballot", "-format", "text", td + "election.json"}, {"-ballot", "-boxes", "x", td + "election.json"}, {"-ballot"}} {
		var stdout, stderr bytes.Buffer
		if got := run(args, &stdout, &stderr); got != exitUsage {
			t.Errorf("%q: exit status %d, want %d", args, got, exitUsage)
		}
		if stdout.Len() != 0 {
			t.Errorf("%q: output on a bad command line", args)
		}
	}
}

// TestFormatExact (issue 13, fault 2): -format takes exactly text, markdown, html or json. "ext",
// "t", "ml" and "js" passed a substring test, exited 0 with an empty report, and truncated the
// -out file; they are a bad command line now, and leave the file as it was.
func TestFormatExact(t *testing.T) {
	t.Parallel()
	for _, f := range []string{"ext", "t", "ml", "js", "", "TEXT", "text ", "markdown html", "jso"} {
		t.Run(f, func(t *testing.T) {
			t.Parallel()
			out := writeFile(t, t.TempDir(), "sheet.txt", "the old sheet")
			var stdout, stderr bytes.Buffer
			if got := run(append([]string{"-format", f, "-out", out}, allRounds...), &stdout, &stderr); got != exitUsage {
				t.Errorf("exit status %d, want %d", got, exitUsage)
			}
			if b, err := os.ReadFile(out); err != nil || string(b) != "the old sheet" {
				t.Errorf("the -out file is now %q (%v)", b, err)
			}
		})
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
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("a new sheet's permissions: %v (%v), want 0644", fi.Mode(), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the sheet alone: a temporary file is left", len(entries))
	}
}

// TestOutKeepsPermissions: a sheet written over an old one keeps the old one's permissions.
func TestOutKeepsPermissions(t *testing.T) {
	t.Parallel()
	out := writeFile(t, t.TempDir(), "sheet.txt", "old")
	if err := os.Chmod(out, 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if got := run(append([]string{"-out", out}, allRounds...), &stdout, &stderr); got != exitDecided {
		t.Fatal(stderr.String())
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("permissions %v (%v), want 0600", fi.Mode(), err)
	}
}

// TestSymlinkRefused (issue 13, fault 4): the program does not write through a symbolic link, as
// -out or as a box file; the file the link names is left as it was.
func TestSymlinkRefused(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := writeFile(t, dir, "precious.txt", "not a tally sheet")
	link := filepath.Join(dir, "sheet.txt")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("symbolic links not supported here:", err)
	}
	boxes := filepath.Join(dir, "boxes")
	if err := os.Mkdir(boxes, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(boxes, "round2-boxes.csv")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		append([]string{"-out", link}, allRounds...),
		append([]string{"-boxes", boxes}, allRounds...),
	} {
		if msg := badInput(t, args...); !strings.Contains(msg, "is a symbolic link") {
			t.Errorf("%q: stderr %q", args, msg)
		}
		if b, err := os.ReadFile(target); err != nil || string(b) != "not a tally sheet" {
			t.Fatalf("%q: the link's target is now %q (%v)", args, b, err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("%q: the link is gone", args)
		}
	}
	if _, err := os.Stat(filepath.Join(boxes, "round1-boxes.csv")); err == nil {
		t.Error("round 1's box file was written although round 2's was refused")
	}
}

// TestBoxesAfterReport (issue 13, fault 4): the box files are written after the sheet, and only
// when it is written: a sheet that cannot be written leaves no box file. They were written first.
func TestBoxesAfterReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	boxes := filepath.Join(dir, "boxes")
	out := filepath.Join(dir, "no such folder", "sheet.txt")
	badInput(t, append([]string{"-boxes", boxes, "-out", out}, allRounds...)...)
	if entries, err := os.ReadDir(boxes); err == nil && len(entries) > 0 {
		t.Errorf("box files written although the sheet was not: %v", entries)
	}
}

// TestBoxesOnNextRound: when another round is needed (exit status 3) the sheet and the box files
// of the rounds decided are written, as documented: they report the same rounds.
func TestBoxesOnNextRound(t *testing.T) {
	t.Parallel()
	boxes := t.TempDir()
	var stdout, stderr bytes.Buffer
	if got := run([]string{"-boxes", boxes, td + "election.json", td + "round1.csv"}, &stdout, &stderr); got != exitNextRound {
		t.Fatalf("exit status %d: %s", got, stderr.String())
	}
	entries, err := os.ReadDir(boxes)
	if err != nil || len(entries) != 1 || entries[0].Name() != "round1-boxes.csv" {
		t.Errorf("box files %v (%v), want round1-boxes.csv", entries, err)
	}
}

// TestVoidPoll: more ballots returned than issued is not bad input but a void poll, which the
// rules answer by holding the round again (docs/rules.md B7): exit status 3, naming the round.
func TestVoidPoll(t *testing.T) {
	t.Parallel()
	p := sample(t, t.TempDir(), "void.json", `"issued": 46, "returned": 46},`, `"issued": 45, "returned": 46},`)
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

// TestStrokeOrder (issue 14, item 3): under the CPC rules the sheet lists each round's candidates
// in the order of their surnames' strokes, as the ballot paper prints them; -order slate keeps the
// definition's order; the list of the elected stays by rank.
func TestStrokeOrder(t *testing.T) {
	t.Parallel()
	table := func(args ...string) []string {
		var stdout, stderr bytes.Buffer
		if got := run(append(args, allRounds...), &stdout, &stderr); got != exitDecided {
			t.Fatal(stderr.String())
		}
		var names []string
		rows := strings.Split(stdout.String(), "\n")
		for i, l := range rows {
			if strings.HasPrefix(l, "  序号  候选人  赞成") {
				for _, r := range rows[i+1 : i+8] {
					names = append(names, strings.Fields(r)[1])
				}
				break
			}
		}
		return names
	}
	if got, want := table("-lang", "zh"), []string{"王芳", "刘洋", "李伟", "杨帆", "张敏", "陈静", "赵磊"}; !reflect.DeepEqual(got, want) {
		t.Errorf("round 1 listed %v, want stroke order %v", got, want)
	}
	if got, want := table("-lang", "zh", "-order", "slate"), []string{"李伟", "王芳", "张敏", "刘洋", "陈静", "杨帆", "赵磊"}; !reflect.DeepEqual(got, want) {
		t.Errorf("round 1 listed %v, want slate order %v", got, want)
	}
	var stdout bytes.Buffer
	run(append([]string{"-lang", "zh"}, allRounds...), &stdout, &bytes.Buffer{})
	elected := stdout.String()[strings.Index(stdout.String(), "当选人名单"):]
	if !strings.Contains(elected, "1  李伟") || !strings.Contains(elected, "2  王芳") {
		t.Errorf("the elected are not listed by rank:\n%s", elected)
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

// TestBatchEqualsAdd (issue 12, item 7): counting through batches gives exactly the counts of
// giving every ballot to Counter.Add, per box and in all: on the sample files, and on a generated
// file of 30,000 ballots in 3,000 boxes with write-ins and spoiled ballots, and on the sample with
// one more ballot of its first box at the end, so that the box's rows are in two runs.
func TestBatchEqualsAdd(t *testing.T) {
	t.Parallel()
	def, err := readDefinition(td + "election.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gen := filepath.Join(dir, "generated.csv")
	writeBallots(t, gen, def.Slate, 30_000, 10)
	split := writeFile(t, dir, "split.csv", lines(t, "round1.csv", 47)+"大厅,○,○,○,○,,,,,\n")
	for _, path := range []string{td + "round1.csv", td + "round1-hall.csv", gen, split} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			want, err := countByAdd(path, def.Slate)
			if err != nil {
				t.Fatal(err)
			}
			var total count.Counts
			log := newBoxLog(true, 1)
			log.source(path)
			if _, err := countBallots(path, def.Slate, ballot.DefaultSpellings(), &total, log); err != nil {
				t.Fatal(err)
			}
			if err := log.check(); err != nil {
				t.Fatal(err)
			}
			defer log.close()
			var summary bytes.Buffer
			if err := log.writeSummary(&summary, def.Slate); err != nil {
				t.Fatal(err)
			}
			got, err := count.ReadSummary(&summary, def.Slate)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("per box, batches give\n%+v\nAdd gives\n%+v", got, want)
			}
			all, err := count.SumBoxes(want)
			if err != nil {
				t.Fatal(err)
			}
			if tc := total; !reflect.DeepEqual(tc, all) {
				t.Errorf("in all, batches give %+v, Add gives %+v", tc, all)
			}
		})
	}
}

// TestBallotPaper (issue 14, item 4): -ballot writes the ballot paper of the round after those
// given: round 1's with no file, with its candidates in stroke order under the CPC rules, a
// write-in line per seat and the rule on over-votes; round 2's after round 1's file; none after
// the last round.
func TestBallotPaper(t *testing.T) {
	t.Parallel()
	paper := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		if got := run(append([]string{"-ballot", "-lang", "zh"}, args...), &stdout, &stderr); got != exitDecided {
			t.Fatalf("%q: exit status %d: %s", args, got, stderr.String())
		}
		return stdout.String()
	}
	p1 := paper(td + "election.json")
	order := []string{"王芳", "刘洋", "李伟", "杨帆", "张敏", "陈静", "赵磊"}
	at := 0
	for _, n := range order {
		i := strings.Index(p1, ">"+n+"<")
		if i < at {
			t.Fatalf("%s out of stroke order on the paper", n)
		}
		at = i
	}
	for _, want := range []string{"第一党支部委员会选举选票", "应选5名", "以姓氏笔画为序", "另选人姓名 5", "多于应选人数的为无效票"} {
		if !strings.Contains(p1, want) {
			t.Errorf("round 1's paper lacks %q", want)
		}
	}
	if strings.Contains(p1, "另选人姓名 6") {
		t.Error("more write-in lines than seats")
	}
	p2 := paper(td+"election.json", td+"round1.csv")
	for _, want := range []string{"第一党支部委员会另行选举选票", "第2轮另行选举", "应选2名", "另选人姓名 2"} {
		if !strings.Contains(p2, want) {
			t.Errorf("round 2's paper lacks %q", want)
		}
	}
	if msg := badInput(t, append([]string{"-ballot"}, allRounds...)...); !strings.Contains(msg, "the election is done after round 3") {
		t.Errorf("stderr %q", msg)
	}
}

// TestWriteSheetSameAsStdout: the sheets of the sample written with -out are the bytes written to
// standard output.
func TestWriteSheetSameAsStdout(t *testing.T) {
	t.Parallel()
	for _, format := range formats {
		out := filepath.Join(t.TempDir(), "sheet")
		var stdout, file, stderr bytes.Buffer
		if run(append([]string{"-format", format}, allRounds...), &stdout, &stderr) != exitDecided ||
			run(append([]string{"-format", format, "-out", out}, allRounds...), &file, &stderr) != exitDecided {
			t.Fatal(stderr.String())
		}
		b, err := os.ReadFile(out)
		if err != nil || !bytes.Equal(b, stdout.Bytes()) || stdout.Len() == 0 {
			t.Errorf("%s: the file differs from standard output (%v)", format, err)
		}
	}
}

// TestWriteErrorKeepsOldFile (issue 13, fault 4): a write that fails — here for the file size
// limit, as on a full disk — leaves the old sheet and the old box files as they were, no half
// sheet, no temporary file and no sheet on standard output, and exits 1. The old program
// truncated the sheet and left its first 2 KiB.
func TestWriteErrorKeepsOldFile(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		limit  string // files of 2 KiB, less than the sheet; of none at all
		toFile bool   // the sheet to -out, else to standard output
	}{
		{"the sheet", "ulimit -f 2", true},
		{"a box file", "ulimit -f 0", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			out := writeFile(t, dir, "sheet.txt", "the old sheet")
			boxes := filepath.Join(dir, "boxes")
			if err := os.Mkdir(boxes, 0o755); err != nil {
				t.Fatal(err)
			}
			oldBox := writeFile(t, boxes, "round1-boxes.csv", "the old boxes")
			args := []string{"-boxes", boxes}
			if tc.toFile {
				args = append(args, "-out", out)
			}
			cmd := program(t, tc.limit, append(args, allRounds...)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitBadInput {
				t.Fatalf("exit %v, want status %d; stderr %s", err, exitBadInput, stderr.String())
			}
			if !strings.Contains(stderr.String(), "file too large") || strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("stderr %q, want one line saying the file is too large", stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("the sheet was written to standard output although a box file was not:\n%.80s", stdout.String())
			}
			for path, want := range map[string]string{out: "the old sheet", oldBox: "the old boxes"} {
				if b, err := os.ReadFile(path); err != nil || string(b) != want {
					t.Errorf("%s is now %.40q (%v), want %q", path, b, err, want)
				}
			}
			for _, d := range []string{dir, boxes} {
				entries, _ := os.ReadDir(d)
				for _, e := range entries {
					if strings.HasSuffix(e.Name(), ".tmp") {
						t.Errorf("a temporary file is left: %s", e.Name())
					}
				}
			}
		})
	}
}

// TestEmptyRowsSkipped: the empty rows a spreadsheet exports below its data are no ballots: the
// round counts as without them; standard error says how many rows were skipped and where; the
// record keeps how many (its counts' skipped_rows, and nothing else changes but the digest), and
// the tally sheets say so, in English and in Chinese.
func TestEmptyRowsSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	padded := writeFile(t, dir, "round1.csv", lines(t, "round1.csv", 47)+",,,,,,,,,\n,,,,,,,,,\n\n,,,,,,,,,\n")
	var want, got, stderr bytes.Buffer
	if run([]string{"-format", "json", td + "election.json", td + "round1.csv"}, &want, &bytes.Buffer{}) != exitNextRound {
		t.Fatal("the sample does not count")
	}
	if status := run([]string{"-format", "json", td + "election.json", padded}, &got, &stderr); status != exitNextRound {
		t.Fatalf("exit status %d: %s", status, stderr.String())
	}
	note := "count: round 1: " + padded + ": 4 empty rows at the end of the file skipped (lines 48–51): no ballot is counted from them\n"
	if !strings.HasPrefix(stderr.String(), note) {
		t.Errorf("stderr %q, want it to begin %q", stderr.String(), note)
	}
	rec, err := tally.ReadRecord(&got)
	if err != nil {
		t.Fatal(err)
	}
	if n := rec.Decisions[0].Counts.SkippedRows; n != 4 {
		t.Errorf("the record says %d rows skipped, want 4", n)
	}
	rec.Decisions[0].Counts.SkippedRows = 0
	unpadded, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(unpadded, '\n'), want.Bytes()) {
		t.Errorf("the empty rows change more of the record than its skipped rows:\n%s\nwant\n%s", unpadded, want.Bytes())
	}
	for lang, line := range map[string]string{
		"en": "Note: 4 empty rows at the end of the ballot files skipped: they hold no ballot and are not counted",
		"zh": "注意：选票文件末尾的空行4行已跳过，不含选票，不计入清点",
	} {
		var sheet, plain bytes.Buffer
		run([]string{"-lang", lang, td + "election.json", padded}, &sheet, &bytes.Buffer{})
		run([]string{"-lang", lang, td + "election.json", td + "round1.csv"}, &plain, &bytes.Buffer{})
		if !strings.Contains(sheet.String(), line) || strings.Contains(plain.String(), line) {
			t.Errorf("%s: the sheet of the padded file does not say %q, or the plain file's does:\n%s", lang, line, sheet.String())
		}
	}
}

// TestDeclaredMarks: ballot files are read with the mark spellings the definition declares (√
// for For, 否 against): the sample's round 1 so spelled gives the sample's record.
func TestDeclaredMarks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	def := sample(t, dir, "marks.json", `"rules": "cpc-grassroots-committee",`, `"rules": "cpc-grassroots-committee",
  "marks": {"for": ["√"], "against": ["否"]},`)
	spelled := writeFile(t, dir, "round1.csv", strings.NewReplacer("○", "√", "×", "否").Replace(lines(t, "round1.csv", 47)))
	var want, got, stderr bytes.Buffer
	run([]string{"-format", "json", td + "election.json", td + "round1.csv"}, &want, &bytes.Buffer{})
	if status := run([]string{"-format", "json", def, spelled}, &got, &stderr); status != exitNextRound {
		t.Fatalf("exit status %d: %s", status, stderr.String())
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("the ballots spelled √ and 否 give another record:\n%s", got.String())
	}
}
