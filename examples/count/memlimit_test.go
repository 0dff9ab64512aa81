package main

import (
	"runtime/debug"
	"testing"
)

// TestSoftMemoryLimit: the program sets its soft memory limit unless GOMEMLIMIT is set, which
// is then the user's. (Not parallel: the limit is the process's.)
func TestSoftMemoryLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)

	t.Setenv("GOMEMLIMIT", "")
	debug.SetMemoryLimit(1 << 40)
	softMemoryLimit()
	if got := debug.SetMemoryLimit(-1); got != memoryLimit {
		t.Errorf("the memory limit is %d, want %d", got, memoryLimit)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetMemoryLimit(1 << 40)
	softMemoryLimit()
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("with GOMEMLIMIT set, the program changed the limit to %d", got)
	}
}
