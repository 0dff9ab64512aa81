// Command count counts a difference election from files and prints its tally sheet.
//
//	count [flags] ELECTION.json ROUND1 [ROUND2 ...]
//
// ELECTION.json defines the election (see tally.ReadDefinition): office, seats, candidates, the
// rules (a preset's name or spelled out), and the turnout of each round. Each ROUND argument holds
// the ballots of one round of voting, in order: one ballot file (see package ballot), or several
// separated by commas — one per ballot box — where a file written "summary:PATH" is the hand count
// of one or more boxes (see count.ReadSummary) instead of ballots. A ballot file with a box column
// is counted box by box; a box counted twice, in ballots or in a summary, is refused.
//
// The program validates everything, counts, decides each round under the rules, and writes the
// report:
//
//	-format text|markdown|html|json   the report's form (json: the canonical election record)
//	-lang en|zh                       the labels' language
//	-out FILE                         write the report to FILE instead of standard output
//	-boxes DIR                        also write each round's counts per ballot box, as count
//	                                  summaries (DIR/round1-boxes.csv, ...)
//
// Exit status: 0 when the election is decided; 3 when it needs another round of voting (the
// report is written, and the round needed — number, kind, seats and candidates — is printed on
// standard error); 1 for bad input, with one line naming the file, line and column; 2 for a bad
// command line.
//
// With the sample files:
//
//	go run ./examples/count examples/count/testdata/election.json examples/count/testdata/round1.csv
//	go run ./examples/count -lang zh examples/count/testdata/election.json \
//		examples/count/testdata/round1.csv examples/count/testdata/round2.csv examples/count/testdata/round3.csv
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
	"github.com/chae-go/chae/tally/report"
)

// Exit statuses.
const (
	exitDecided   = 0
	exitBadInput  = 1
	exitUsage     = 2
	exitNextRound = 3
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the program, apart from the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("count", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "report form: text, markdown, html or json")
	lang := fs.String("lang", "en", "labels: en or zh")
	out := fs.String("out", "", "write the report to this file instead of standard output")
	boxesDir := fs.String("boxes", "", "write each round's counts per ballot box to DIR/roundN-boxes.csv (a count summary)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: count [flags] ELECTION.json ROUND1 [ROUND2 ...]")
		fmt.Fprintln(stderr, "  ROUND: BALLOTS.csv[,BALLOTS2.csv,summary:COUNTS.csv...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	l, err := report.ParseLang(*lang)
	if err != nil || !strings.Contains("text markdown html json", *format) || *format == "" || strings.Contains(*format, " ") {
		if err == nil {
			err = fmt.Errorf("unknown format %q", *format)
		}
		fmt.Fprintln(stderr, "count:", err)
		return exitUsage
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return exitUsage
	}
	res, next, perBox, err := countFiles(fs.Arg(0), fs.Args()[1:])
	if err == nil && *boxesDir != "" {
		err = writeBoxes(*boxesDir, res, perBox)
	}
	if err != nil {
		fmt.Fprintln(stderr, "count:", oneLine(err))
		return exitBadInput
	}
	w := stdout
	var f *os.File
	if *out != "" {
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(stderr, "count:", err)
			return exitBadInput
		}
		w = f
	}
	bw := bufio.NewWriter(w)
	opts := report.Options{Lang: l, Next: next}
	switch *format {
	case "text":
		err = report.Text(bw, res, opts)
	case "markdown":
		err = report.Markdown(bw, res, opts)
	case "html":
		err = report.HTML(bw, res, opts)
	case "json":
		var b []byte
		if b, err = res.MarshalJSON(); err == nil {
			bw.Write(append(b, '\n'))
		}
	}
	if err == nil {
		err = bw.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "count:", err)
		return exitBadInput
	}
	if next != nil {
		plural := "s"
		if next.Slate.Seats == 1 {
			plural = ""
		}
		cands := "candidates " + strings.Join(next.Slate.IDs(), ", ")
		if len(next.Slate.Candidates) == 0 {
			cands = "candidates to be given by the organisers (a tie at the cut-off of the list)"
		}
		fmt.Fprintf(stderr, "count: next round needed: round %d, %s, %d seat%s, %s\n",
			next.Number, next.Kind, next.Slate.Seats, plural, cands)
		return exitNextRound
	}
	return exitDecided
}

// oneLine keeps the first line of an error (joined errors print one per line).
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// countFiles reads the election and the rounds' files and decides as many rounds as there are files.
// It returns the result, the round needed next when the election is not done, and the counts of
// each round's ballot boxes.
func countFiles(electionPath string, rounds []string) (res tally.Result, next *tally.Round, perBox [][]count.BoxCounts, err error) {
	f, err := os.Open(electionPath)
	if err != nil {
		return tally.Result{}, nil, nil, err
	}
	def, err := tally.ReadDefinition(f)
	f.Close()
	if err != nil {
		return tally.Result{}, nil, nil, fmt.Errorf("%s: %w", electionPath, err)
	}
	e, err := tally.NewElection(def.Slate, def.Rules)
	if err != nil {
		return tally.Result{}, nil, nil, fmt.Errorf("%s: %w", electionPath, err)
	}
	for i, arg := range rounds {
		if e.Done() {
			return tally.Result{}, nil, nil, fmt.Errorf("%s: round %d given, but the election was done after round %d", arg, i+1, i)
		}
		round := e.Next()
		if i >= len(def.Turnout) {
			return tally.Result{}, nil, nil, fmt.Errorf("%s: no turnout for round %d (add it to \"turnout\")", electionPath, round.Number)
		}
		var boxes []count.BoxCounts
		for _, file := range strings.Split(arg, ",") {
			var bs []count.BoxCounts
			if path, ok := strings.CutPrefix(file, "summary:"); ok {
				bs, err = readSummary(path, round.Slate)
			} else {
				bs, err = countBallots(file, round.Slate)
			}
			if err != nil {
				return tally.Result{}, nil, nil, err
			}
			boxes = append(boxes, bs...)
		}
		perBox = append(perBox, boxes)
		total, err := count.SumBoxes(boxes)
		if err != nil {
			return tally.Result{}, nil, nil, fmt.Errorf("%s: %w", arg, err)
		}
		if _, err := e.Decide(def.Turnout[i], total); err != nil {
			return tally.Result{}, nil, nil, fmt.Errorf("%s: round %d: %w", arg, round.Number, err)
		}
	}
	res = e.Result()
	if e.Done() {
		return res, nil, perBox, nil
	}
	n := e.Next()
	return res, &n, perBox, nil
}

func readSummary(path string, s ballot.Slate) ([]count.BoxCounts, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	boxes, err := count.ReadSummary(f, s)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return boxes, nil
}

// countBallots counts a ballot file box by box, streaming: memory does not grow with the file.
// Ballots without a box column are one box named after the file.
func countBallots(path string, s ballot.Slate) ([]count.BoxCounts, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := ballot.NewReader(f)
	r.Candidates = s.IDs()
	var order []string
	counters := map[string]*count.Counter{}
	var b ballot.Ballot
	var last *count.Counter // the counter of the box of the previous ballot
	lastBox := ""
	for {
		err := r.ReadInto(&b)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		box := r.Box()
		if box == "" {
			box = filepath.Base(path)
		}
		c := last
		if c == nil || box != lastBox {
			c = counters[box]
		}
		if c == nil {
			if c, err = count.NewCounter(s); err != nil {
				return nil, err
			}
			counters[box] = c
			order = append(order, box)
		}
		last, lastBox = c, box
		if err := c.Add(b); err != nil {
			var be *ballot.BallotError
			if errors.As(err, &be) {
				return nil, fmt.Errorf("%s: line %d: %w", path, r.Line(), err)
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	out := make([]count.BoxCounts, len(order))
	for i, box := range order {
		out[i] = count.BoxCounts{Box: box, Counts: counters[box].Counts()}
	}
	return out, nil
}

// writeBoxes writes the counts of each round's ballot boxes as count summaries: the results sliced
// per box, in the form a polling station's hand count takes.
func writeBoxes(dir string, res tally.Result, perBox [][]count.BoxCounts) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for i, boxes := range perBox {
		if i >= len(res.Decisions) {
			break
		}
		path := filepath.Join(dir, fmt.Sprintf("round%d-boxes.csv", res.Decisions[i].Round.Number))
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		err = count.WriteSummary(f, res.Decisions[i].Round.Slate, boxes)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}
