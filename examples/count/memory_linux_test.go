//go:build linux

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestBoxMemoryBounded (issue 13, fault 6): the program's memory does not grow by a counter a
// ballot box. It counts 20,000 ballots twice with -boxes: in one box, then in 20,000 boxes of one
// ballot each; the second run's peak resident set may exceed the first's by a few MB (the boxes'
// names, kept compactly), not by a counter a box: the old program took 129 MB for 20,000 boxes
// (1.57 GB for a million). Comparing two runs of the same binary keeps the bound meaningful under
// the race detector, which inflates both. BENCHMARKS.md has the figures for a million boxes.
func TestBoxMemoryBounded(t *testing.T) {
	t.Parallel()
	one := peakRSS(t, 20_000)
	many := peakRSS(t, 1)
	const margin = 16 << 10 // KiB, as Maxrss counts on Linux
	if many > one+margin {
		t.Errorf("peak resident set %d KiB counting 20,000 boxes, %d KiB counting one box of 20,000 ballots: more than %d KiB apart", many, one, margin)
	}
	t.Logf("peak resident set: one box %d KiB, 20,000 boxes %d KiB", one, many)
}

// peakRSS runs the program with -boxes on 20,000 ballots, perBox ballots a box, and returns its
// peak resident set in KiB.
func peakRSS(t *testing.T, perBox int) int64 {
	t.Helper()
	dir := t.TempDir()
	def, err := readDefinition(td + "election.json")
	if err != nil {
		t.Fatal(err)
	}
	ballots := filepath.Join(dir, "boxes.csv")
	writeBallots(t, ballots, def.Slate, 20_000, perBox)
	election := sample(t, dir, "election.json", `{"entitled": 50, "present": 46, "issued": 46, "returned": 46},`,
		`{"entitled": 20000, "present": 20000, "issued": 20000, "returned": 20000},`)
	cmd := program(t, "true", "-boxes", filepath.Join(dir, "boxes"), "-out", filepath.Join(dir, "sheet.txt"), election, ballots)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && !strings.Contains(stderr.String(), "next round needed") {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "boxes", "round1-boxes.csv"))
	if want := 1 + 20_000/perBox; err != nil || bytes.Count(b, []byte("\n")) != want {
		t.Fatalf("the box file has %d lines (%v), want %d", bytes.Count(b, []byte("\n")), err, want)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage of the process here")
	}
	return ru.Maxrss
}
