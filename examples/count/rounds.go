package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/count"
)

// readDefinition reads the election definition. A misspelt preset gets the list of presets.
func readDefinition(path string) (tally.Definition, error) {
	f, err := os.Open(path)
	if err != nil {
		return tally.Definition{}, err
	}
	defer f.Close()
	def, err := tally.ReadDefinition(f)
	if err != nil {
		err = fmt.Errorf("%s: %w", path, err)
		if errors.Is(err, tally.ErrUnknownPreset) {
			err = fmt.Errorf("%w; the presets are %s", err, strings.Join(tally.PresetNames(), ", "))
		}
		return tally.Definition{}, err
	}
	return def, nil
}

// election is what counting the files gave: the result, the round needed next (nil when the
// election is done), the ballot boxes of each round decided, and notes for standard error.
type election struct {
	def   tally.Definition
	res   tally.Result
	next  *tally.Round
	logs  []*boxLog
	notes []string // what the counting team should know that is not wrong: empty rows skipped
}

// close removes the temporary files of the boxes' counts.
func (el election) close() {
	for _, l := range el.logs {
		l.close()
	}
}

// countFiles decides as many rounds as there are ROUND arguments, each from the counts of its
// files. keep: keep the counts of each ballot box, for -boxes.
func countFiles(defPath string, def tally.Definition, rounds []string, keep bool) (election, error) {
	e, err := tally.NewElection(def.Slate, def.Rules)
	if err != nil {
		return election{}, fmt.Errorf("%s: %w", defPath, err)
	}
	out := election{def: def}
	fail := func(err error) (election, error) {
		out.close()
		return election{}, err
	}
	marks, err := def.Marks.Spellings()
	if err != nil {
		return election{}, fmt.Errorf("%s: %w", defPath, err)
	}
	for i, arg := range rounds {
		if e.Done() {
			return fail(fmt.Errorf("%s: round %d given, but the election was done after round %d", arg, i+1, i))
		}
		round := e.Next()
		where := fmt.Sprintf("round %d", round.Number)
		if i >= len(def.Turnout) {
			return fail(fmt.Errorf("%s: %s: no turnout (add the round's figures to \"turnout\": entitled, present, issued, returned)", defPath, where))
		}
		t := def.Turnout[i]
		returned, ok := t.Returned.Get()
		if !ok {
			return fail(fmt.Errorf("%s: %s: the ballots returned (收回选票) are not declared: add \"returned\" to turnout[%d], the ballot papers collected before counting, so that a file cut short or missing is found", defPath, where, i))
		}
		if len(round.Slate.Candidates) == 0 {
			return fail(fmt.Errorf("%s: %s: the list of candidates is to be given by the organisers (a tie at the cut-off of the list); this program cannot count it", arg, where))
		}
		total, log, notes, err := countRound(where, arg, round.Slate, def.Slate, marks, keep)
		if err != nil {
			return fail(err)
		}
		out.logs = append(out.logs, log)
		out.notes = append(out.notes, notes...)
		switch {
		case total.Ballots < returned:
			return fail(fmt.Errorf("%s: counted %d ballots, returned %d: a file may be truncated or missing (%s)", where, total.Ballots, returned, arg))
		case total.Ballots > returned:
			return fail(fmt.Errorf("%s: counted %d ballots, returned %d: a file may belong to another round, or hold ballots twice (%s)", where, total.Ballots, returned, arg))
		}
		if _, err := e.Decide(t, total); err != nil {
			return fail(fmt.Errorf("%s: %s: %w", where, arg, err))
		}
	}
	out.res = e.Result()
	if !e.Done() {
		n := e.Next()
		out.next = &n
	}
	return out, nil
}

// countRound counts the files of one round, given as "FILE[,FILE...]" where "summary:PATH" is a
// hand-count summary. all is the election's slate, for the hints of error messages.
func countRound(where, arg string, s, all ballot.Slate, marks ballot.Spellings, keep bool) (_ count.Counts, _ *boxLog, notes []string, err error) {
	files := strings.Split(arg, ",")
	log := newBoxLog(keep, len(files))
	defer func() {
		if err != nil {
			log.close()
		}
	}()
	var ballots, summed count.Counts
	for _, file := range files {
		log.source(file)
		if path, ok := strings.CutPrefix(file, "summary:"); ok {
			boxes, err := readSummary(path, s)
			if err != nil {
				return count.Counts{}, nil, nil, fmt.Errorf("%s: %s: %w", where, path, err)
			}
			for _, b := range boxes {
				if summed, err = count.Merge(summed, b.Counts); err != nil {
					return count.Counts{}, nil, nil, fmt.Errorf("%s: %s: %w", where, path, err)
				}
				if err := log.add(b.Box, b.Counts); err != nil {
					return count.Counts{}, nil, nil, fmt.Errorf("%s: %w", where, err)
				}
			}
			continue
		}
		skipped, err := countBallots(file, s, marks, &ballots, log)
		if err != nil {
			return count.Counts{}, nil, nil, fmt.Errorf("%s: %s: %w", where, file, withHint(err, where, all))
		}
		if skipped.Rows > 0 {
			notes = append(notes, skippedNote(where, file, skipped))
		}
	}
	if err := log.check(); err != nil {
		return count.Counts{}, nil, nil, fmt.Errorf("%s: %w", where, err)
	}
	total, err := count.Merge(ballots, summed)
	if err != nil {
		return count.Counts{}, nil, nil, fmt.Errorf("%s: %s: %w", where, arg, err)
	}
	return total, log, notes, nil
}

func readSummary(path string, s ballot.Slate) ([]count.BoxCounts, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return count.ReadSummary(f, s)
}

// countBallots counts a ballot file and adds its counts to total, with count.CountFile: its plain
// rows are decoded by the reader's fast path straight into the counting kernel, the file cut into
// chunks counted on every core, and memory does not grow with the file or with its boxes. Ballots
// without a box column are one box named after the file; a file with a header and no ballot is
// that box, returned empty. Each run of rows of one box is recorded in log, in file order, with its
// counts when the log keeps them.
func countBallots(path string, s ballot.Slate, marks ballot.Spellings, total *count.Counts, log *boxLog) (ballot.SkippedRows, error) {
	f, err := os.Open(path)
	if err != nil {
		return ballot.SkippedRows{}, err
	}
	defer f.Close()
	runs := 0
	fc, err := count.CountFile(f, s, count.FileOptions{Box: filepath.Base(path), Spellings: marks,
		Runs: func(run *count.Run) error {
			runs++
			var c count.Counts
			if log.keep {
				c = run.Counts()
			}
			return log.add(run.Box, c)
		}})
	if err != nil {
		return ballot.SkippedRows{}, err
	}
	if runs == 0 {
		// A header and no ballot, in a file with a box column: the box returned empty is the file's.
		if err := log.add(filepath.Base(path), count.Zero(s)); err != nil {
			return ballot.SkippedRows{}, err
		}
	}
	if *total, err = count.Merge(*total, fc.Total); err != nil {
		return ballot.SkippedRows{}, err
	}
	return fc.Skipped, nil
}

// withHint adds to an error in a ballot file's header what the reader cannot know: that an unknown
// column is a candidate of the election who is not on this round's ballot paper, as when one
// round's file is given for another. (The reader itself lists the round's columns, IDs and
// names, and says whose name a column headed by a candidate's name holds.)
func withHint(err error, where string, all ballot.Slate) error {
	var pe *ballot.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ballot.ErrUnknownColumn) {
		return err
	}
	for _, c := range all.Candidates {
		if c.ID == pe.Text {
			return fmt.Errorf("%w; %s (%s) is not a candidate in %s: is this the file of another round?", err, c.ID, c.Name, where)
		}
	}
	return err
}

// skippedNote says which empty rows ended a ballot file: rows a spreadsheet exports below its
// data, which hold no ballot and are not counted.
func skippedNote(where, file string, sk ballot.SkippedRows) string {
	lines := fmt.Sprintf("line %d", sk.First)
	if sk.Last > sk.First {
		lines = fmt.Sprintf("lines %d–%d", sk.First, sk.Last)
	}
	rows := "1 empty row"
	if sk.Rows != 1 {
		rows = fmt.Sprintf("%d empty rows", sk.Rows)
	}
	return fmt.Sprintf("%s: %s: %s at the end of the file skipped (%s): no ballot is counted from them", where, file, rows, lines)
}
