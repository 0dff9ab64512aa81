package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzFlags runs the program with any flags before the sample's files: it never panics, exits 0,
// 1, 2 or 3, writes nothing on a bad command line (2), one line on bad input (1), and never an
// empty report with status 0 or 3. Flags are separated by NUL; a value of -out or -boxes is put
// in the test's folder, and any other argument naming a path is replaced, so that the fuzzer reads
// and writes nothing else.
func FuzzFlags(f *testing.F) {
	for _, seed := range []string{
		"", "-format\x00text", "-format\x00ext", "-format\x00t", "-format\x00ml", "-format\x00js", "-format=json",
		"-lang\x00zh\x00-format\x00html", "-lang\x00fr", "-ballot", "-ballot\x00-format\x00markdown", "-out\x00x",
		"-out=", "-boxes\x00b", "-boxes\x00b\x00-out\x00x", "-order\x00stroke", "-order\x00alpha", "--", "-h",
		"-ballot\x00-out\x00x\x00-lang\x00zh", "--format\x00markdown\x00--out\x00y", "stray", "-out",
	} {
		f.Add(seed, uint8(3))
		f.Add(seed, uint8(len(seed)%3))
	}
	f.Fuzz(func(t *testing.T, flags string, rounds uint8) {
		dir := t.TempDir()
		for _, name := range []string{"election.json", "round1.csv", "round2.csv", "round3.csv"} {
			b, err := os.ReadFile(td + name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var args []string
		if flags != "" {
			args = strings.Split(flags, "\x00")
		}
		out := filepath.Join(dir, "out", "sheet")
		if err := os.Mkdir(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		args = confine(args, out, filepath.Join(dir, "boxes"))
		args = append(args, filepath.Join(dir, "election.json"))
		for i := range int(rounds % 4) {
			args = append(args, filepath.Join(dir, []string{"round1.csv", "round2.csv", "round3.csv"}[i]))
		}
		var stdout, stderr bytes.Buffer
		status := run(args, &stdout, &stderr)
		if f, ok := formatGiven(args); ok && !slices.Contains(formats, f) && status != exitUsage {
			t.Fatalf("%q: -format %q: exit status %d, want %d", args, f, status, exitUsage)
		}
		switch status {
		case exitUsage:
			if stdout.Len() != 0 {
				t.Fatalf("%q: a report on a bad command line", args)
			}
		case exitBadInput:
			if strings.Count(stderr.String(), "\n") != 1 {
				t.Fatalf("%q: stderr %q is not one line", args, stderr.String())
			}
		case exitDecided, exitNextRound:
			if stdout.Len() > 0 {
				return
			}
			if b, err := os.ReadFile(out); err != nil || len(b) == 0 {
				t.Fatalf("%q: status %d with an empty report (%v)", args, status, err)
			}
		default:
			t.Fatalf("%q: exit status %d", args, status)
		}
	})
}

// confine replaces the value of -out and -boxes with out and boxes, and every other argument
// that names a path with "x".
func confine(args []string, out, boxes string) []string {
	args = append([]string(nil), args...)
	target := func(name string) (string, bool) {
		switch strings.TrimLeft(name, "-") {
		case "out":
			return out, true
		case "boxes":
			return boxes, true
		}
		return "", false
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if name, _, ok := strings.Cut(a, "="); ok && strings.HasPrefix(a, "-") {
			if p, ok := target(name); ok {
				args[i] = name + "=" + p
				continue
			}
		} else if p, ok := target(a); ok && strings.HasPrefix(a, "-") {
			if i+1 < len(args) {
				args[i+1] = p
				i++
			}
			continue
		}
		if strings.ContainsAny(a, `/\`) || a == ".." || a == "." {
			args[i] = "x"
		}
	}
	return args
}

// formatGiven returns the last value given to -format before the first argument that is not a
// flag, as package flag reads it.
func formatGiven(args []string) (string, bool) {
	value, given := "", false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		name, v, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		switch {
		case name == "format" && hasValue:
			value, given = v, true
		case name == "format" && i+1 < len(args):
			value, given = args[i+1], true
			i++
		case !hasValue && name != "ballot" && name != "h" && name != "help" && i+1 < len(args):
			i++ // the flag's value
		}
	}
	return value, given
}
