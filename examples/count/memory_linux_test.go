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
// ballot box. A file of 20,000 boxes of one ballot each, counted with -boxes, takes a few MB more
// than one box (its peak resident set stays under 40 MB); the old program kept a Counter a box
// and took 129 MB (1.57 GB for a million boxes). BENCHMARKS.md has the figures for a million.
func TestBoxMemoryBounded(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	def, err := readDefinition(td + "election.json")
	if err != nil {
		t.Fatal(err)
	}
	ballots := filepath.Join(dir, "boxes.csv")
	writeBallots(t, ballots, def.Slate, 20_000, 1)
	election := sample(t, dir, "election.json", `{"entitled": 50, "present": 46, "issued": 46, "returned": 46},`,
		`{"entitled": 20000, "present": 20000, "issued": 20000, "returned": 20000},`)
	cmd := program(t, "true", "-boxes", filepath.Join(dir, "boxes"), "-out", filepath.Join(dir, "sheet.txt"), election, ballots)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil && !strings.Contains(stderr.String(), "next round needed") {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "boxes", "round1-boxes.csv"))
	if err != nil || bytes.Count(b, []byte("\n")) != 20_001 {
		t.Fatalf("the box file has %d lines (%v), want 20,001", bytes.Count(b, []byte("\n")), err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage of the process here")
	}
	const bound = 40 << 10 // KiB, as Maxrss counts on Linux
	if ru.Maxrss > bound {
		t.Errorf("peak resident set %d KiB counting 20,000 boxes, want under %d KiB", ru.Maxrss, bound)
	}
	t.Logf("peak resident set %d KiB", ru.Maxrss)
}
