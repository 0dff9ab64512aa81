// Command count counts a difference election from files and prints its tally sheet, or the
// ballot paper of its next round.
//
//	count [flags] ELECTION.json ROUND1 [ROUND2 ...]
//	count -ballot [flags] ELECTION.json [ROUND1 ...]
//
// ELECTION.json defines the election (see tally.ReadDefinition): office, seats, candidates, the
// rules (a preset's name or spelled out), and the turnout of each round. The program needs each
// round's ballots issued and ballots returned (收回选票), counted before the ballots are read:
// a round whose files hold fewer or more ballots than were returned is refused ("round 2: counted
// 36 ballots, returned 46: a file may be truncated or missing"), and so is a round with no
// "returned" figure. A round in which no ballot was returned has "returned": 0.
//
// Each ROUND argument holds the ballots of one round of voting, in order: one ballot file (see
// package ballot), or several separated by commas — one per ballot box — where a file written
// "summary:PATH" is the hand count of one or more boxes (see count.ReadSummary) instead of
// ballots. A ballot file with a box column is counted box by box; a file without one is one box,
// named after the file; a file with a header and no ballot is a box returned empty. A box counted
// in two files of a round, in ballots or in a summary, is refused. Ballot files are counted with
// count.CountFile, on every core, with exactly the counts of counting their ballots one by one.
// The empty rows that end a ballot file (a spreadsheet's rows touched and left empty) are no
// ballots: standard error says which lines of which file were skipped, and the record (its
// counts' skipped_rows) and the tally sheet say how many, so every row is accounted for.
//
// The program validates everything, counts, decides each round under the rules, and writes the
// report:
//
//	-format text|markdown|html|json   the report's form (json: the canonical election record);
//	                                  html prints on A4 with page numbers and signature lines
//	-lang en|zh                       the labels' language
//	-out FILE                         write the report to FILE instead of standard output
//	-boxes DIR                        also write each round's counts per ballot box, as count
//	                                  summaries (DIR/round1-boxes.csv, ...)
//	-ballot                           write the ballot paper (HTML, A4) of the round that comes
//	                                  after the rounds given — round 1 with none — instead
//	-order auto|stroke|slate          the order of the candidates on the sheet's tables and on
//	                                  the ballot paper: stroke, by the strokes of the surnames
//	                                  (姓氏笔画, GF 3003-1999); slate, as the definition lists them;
//	                                  auto (the default), stroke under the rules that print
//	                                  ballot papers so (the CPC presets, docs/rules.md B3 and C7)
//	                                  and slate otherwise. The list of the elected stays by rank.
//
// Files are written whole or not at all: each goes to a temporary file in its folder, is synced,
// and is renamed into place only when the sheet and every box file are complete, so a failure
// (a full disk) leaves the old files as they were. The program does not write through a symbolic
// link: an -out file or a box file that is one is refused (a folder given to -boxes may be one).
// A file replaced keeps its permissions; a new one is created readable by all (0644). The box
// files are written after the sheet, also when another round is needed (exit status 3): they
// hold the counts of the rounds decided, which that sheet reports and which do not change.
//
// Memory does not grow with the ballot files: they stream through a reader and a batch of fixed
// size. It grows with the number of ballot boxes only when they must be remembered — a round of
// several files, to find a box counted twice, or -boxes — and then by the box's name and a dozen
// bytes, its counts going to a temporary file: a round of a million boxes is counted with -boxes
// in under 64 MB (BENCHMARKS.md).
//
// Exit status: 0 when the election is decided (or the ballot paper is written); 3 when it needs
// another round of voting (the report is written, and the round needed — number, kind, seats and
// candidates — is printed on standard error); 1 for bad input or a file that cannot be written,
// with one line naming the round, the file, and where the problem is at one place its line and
// column; 2 for a bad command line.
//
// With the sample files:
//
//	go run ./examples/count examples/count/testdata/election.json examples/count/testdata/round1.csv
//	go run ./examples/count -lang zh examples/count/testdata/election.json \
//		examples/count/testdata/round1.csv examples/count/testdata/round2.csv examples/count/testdata/round3.csv
//	go run ./examples/count -ballot -lang zh -out ballot.html examples/count/testdata/election.json
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/report"
)

// Exit statuses.
const (
	exitDecided   = 0
	exitBadInput  = 1
	exitUsage     = 2
	exitNextRound = 3
)

// formats and orders are the values -format and -order take.
var (
	formats = []string{"text", "markdown", "html", "json"}
	orders  = []string{"auto", "stroke", "slate"}
)

// strokePresets are the presets whose rules print the candidates of a ballot paper in the order
// of their surnames' strokes (docs/rules.md B3: grassroots delegates and committees; C7: local
// congresses and committees, and the national ones read so by analogy).
var strokePresets = []string{"cpc-grassroots-committee", "cpc-grassroots-delegates", "cpc-local-delegates",
	"cpc-local-committee", "national-congress-delegates", "central-committee-preliminary"}

func main() {
	softMemoryLimit()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// memoryLimit is the program's soft memory limit (runtime/debug.SetMemoryLimit), unless the
// environment sets GOMEMLIMIT. What the program keeps is small and does not grow with the ballots
// (a file's chunks in flight, and with -boxes a dozen bytes and the name of each box), but it
// makes garbage at the speed it reads; left to the default pacing (GOGC=100) the heap grows to
// twice what is kept before it is collected, and a count of a million boxes with -boxes peaked at
// 62–64 MB. Under the limit the collector runs sooner instead (at most half the CPU, by the
// runtime's rule, so a count that does need more memory still runs): 43–47 MB, for a little more
// CPU. See BENCHMARKS.md.
const memoryLimit = 40 << 20

// softMemoryLimit sets memoryLimit, unless GOMEMLIMIT is set.
func softMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// options are the command line's flags, checked.
type options struct {
	format, out, boxes, order string
	lang                      report.Lang
	ballot                    bool
}

// run is the program, apart from the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	o, files, ok := parseFlags(args, stderr)
	if !ok {
		return exitUsage
	}
	def, err := readDefinition(files[0])
	if err != nil {
		fmt.Fprintln(stderr, "count:", oneLine(err))
		return exitBadInput
	}
	el, err := countFiles(files[0], def, files[1:], o.boxes != "")
	defer el.close()
	for _, n := range el.notes {
		fmt.Fprintln(stderr, "count:", n)
	}
	if err == nil && o.ballot {
		err = writeBallot(o, el, stdout)
		if err == nil {
			return exitDecided
		}
	}
	if err == nil {
		err = writeReport(o, el, stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "count:", oneLine(err))
		return exitBadInput
	}

	if n := el.next; n != nil {
		plural := "s"
		if n.Slate.Seats == 1 {
			plural = ""
		}
		cands := "candidates " + strings.Join(n.Slate.IDs(), ", ")
		if len(n.Slate.Candidates) == 0 {
			cands = "candidates to be given by the organisers (a tie at the cut-off of the list)"
		}
		fmt.Fprintf(stderr, "count: next round needed: round %d, %s, %d seat%s, %s\n",
			n.Number, n.Kind, n.Slate.Seats, plural, cands)
		return exitNextRound
	}
	return exitDecided
}

// parseFlags reads the command line: the options, each checked against its exact values, and
// the file arguments. It prints the problem and the usage on stderr when it fails.
func parseFlags(args []string, stderr io.Writer) (options, []string, bool) {
	fs := flag.NewFlagSet("count", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	lang := fs.String("lang", "en", "labels: en or zh")
	fs.StringVar(&o.format, "format", "text", "report form: "+strings.Join(formats, ", "))
	fs.StringVar(&o.out, "out", "", "write the report to this file instead of standard output")
	fs.StringVar(&o.boxes, "boxes", "", "write each round's counts per ballot box to DIR/roundN-boxes.csv (a count summary)")
	fs.BoolVar(&o.ballot, "ballot", false, "write the ballot paper of the next round (HTML) instead of the report")
	fs.StringVar(&o.order, "order", "auto", "candidates' order on the sheet and the ballot paper: "+strings.Join(orders, ", "))
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: count [flags] ELECTION.json ROUND1 [ROUND2 ...]")
		fmt.Fprintln(stderr, "       count -ballot [flags] ELECTION.json [ROUND1 ...]")
		fmt.Fprintln(stderr, "  ROUND: BALLOTS.csv[,BALLOTS2.csv,summary:COUNTS.csv...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return o, nil, false
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	fail := func(format string, a ...any) (options, []string, bool) {
		fmt.Fprintf(stderr, "count: "+format+"\n", a...)
		fs.Usage()
		return o, nil, false
	}
	var err error
	if o.lang, err = report.ParseLang(*lang); err != nil {
		return fail("%v", err)
	}
	if !slices.Contains(formats, o.format) {
		return fail("-format %q: want one of %s", o.format, strings.Join(formats, ", "))
	}
	if !slices.Contains(orders, o.order) {
		return fail("-order %q: want one of %s", o.order, strings.Join(orders, ", "))
	}
	if o.ballot && set["format"] && o.format != "html" {
		return fail("-ballot writes HTML: -format %q cannot be used with it", o.format)
	}
	if o.ballot && o.boxes != "" {
		return fail("-ballot writes the ballot paper only: -boxes cannot be used with it")
	}
	if set["out"] && o.out == "" {
		return fail("-out: empty file name")
	}
	if set["boxes"] && o.boxes == "" {
		return fail("-boxes: empty folder name")
	}
	min := 2
	if o.ballot {
		min = 1
	}
	if fs.NArg() < min {
		fs.Usage()
		return o, nil, false
	}
	return o, fs.Args(), true
}

// oneLine keeps the first line of an error (joined errors print one per line).
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// strokeOrder reports whether the sheet and the ballot paper list candidates by surname strokes.
func strokeOrder(o options, def tally.Definition) bool {
	switch o.order {
	case "stroke":
		return true
	case "slate":
		return false
	}
	return slices.Contains(strokePresets, def.Preset)
}

// writeReport writes the tally sheet, and the box files of -boxes, whole or not at all: see the
// package comment.
func writeReport(o options, el election, stdout io.Writer) error {
	var files []*pending
	ok := false
	defer func() {
		if !ok {
			discard(files)
		}
	}()
	var sheet bytes.Buffer
	var w io.Writer = &sheet
	if o.out != "" {
		p, err := create(o.out)
		if err != nil {
			return err
		}
		files = append(files, p)
		w = p
	}
	if err := render(w, o, el); err != nil {
		return err
	}
	if o.out != "" {
		if err := files[0].finish(); err != nil {
			return err
		}
	}
	if o.boxes != "" {
		if err := os.MkdirAll(o.boxes, 0o755); err != nil {
			return err
		}
		for i, log := range el.logs {
			d := el.res.Decisions[i]
			p, err := create(filepath.Join(o.boxes, fmt.Sprintf("round%d-boxes.csv", d.Round.Number)))
			if err != nil {
				return err
			}
			files = append(files, p)
			if err := log.writeSummary(p, d.Round.Slate); err != nil {
				return fmt.Errorf("%s: %w", p.path, err)
			}
			if err := p.finish(); err != nil {
				return err
			}
		}
	}
	if o.out == "" {
		if _, err := stdout.Write(sheet.Bytes()); err != nil {
			return err
		}
	}
	ok = true
	return commit(files)
}

// render writes the report in its form.
func render(w io.Writer, o options, el election) error {
	opts := report.Options{Lang: o.lang, Next: el.next, StrokeOrder: strokeOrder(o, el.def)}
	switch o.format {
	case "markdown":
		return report.Markdown(w, el.res, opts)
	case "html":
		return report.HTML(w, el.res, opts)
	case "json":
		b, err := el.res.MarshalJSON()
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	}
	return report.Text(w, el.res, opts)
}

// writeBallot writes the ballot paper of the round after those counted.
func writeBallot(o options, el election, stdout io.Writer) error {
	n := el.next
	switch {
	case n == nil:
		return fmt.Errorf("the election is done after round %d: there is no ballot paper to print", len(el.res.Decisions))
	case len(n.Slate.Candidates) == 0:
		return fmt.Errorf("round %d: the list of candidates is to be given by the organisers (a tie at the cut-off of the list)", n.Number)
	}
	opts := report.Options{Lang: o.lang, StrokeOrder: strokeOrder(o, el.def)}
	if o.out == "" {
		var b bytes.Buffer
		if err := report.BallotPaper(&b, *n, el.def.Rules, opts); err != nil {
			return err
		}
		_, err := stdout.Write(b.Bytes())
		return err
	}
	p, err := create(o.out)
	if err != nil {
		return err
	}
	if err := report.BallotPaper(p, *n, el.def.Rules, opts); err != nil {
		p.abort()
		return err
	}
	if err := p.finish(); err != nil {
		p.abort()
		return err
	}
	return commit([]*pending{p})
}
