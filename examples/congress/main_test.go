package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota/composition"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runOK runs the program and fails the test unless it exits 0.
func runOK(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("run(%q) = %d, stderr:\n%s", args, code, errb.String())
	}
	return out.String(), errb.String()
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (-want +got):\n%s", path, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ, for a readable failure.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("-" + a + "\n+" + c + "\n")
		}
	}
	return b.String()
}

// TestPublished checks that -published reproduces the table of the reference case: the golden
// file holds the published figures, and each figure is also checked on its own line, so that a
// golden file rewritten by mistake cannot hide a wrong share.
func TestPublished(t *testing.T) {
	t.Parallel()
	out, _ := runOK(t, "-published")
	golden(t, "published.golden", out)
	want := []struct{ category, count, share string }{
		{"front-line", "771", "33.6%"},
		{"workers", "192", "8.4%"},
		{"migrant workers", "26", "1.1%"},
		{"farmers", "85", "3.7%"},
		{"technical", "266", "11.6%"},
		{"women", "619", "27.0%"},
		{"minorities", "264", "11.5%"},
		{"under 55", "1371", "59.7%"},
		{"under 45", "434", "18.9%"},
		{"college or above", "2191", "95.4%"},
		{"university", "826", "36.0%"},
		{"postgraduate", "1210", "52.7%"},
		{"joined after 1978", "2224", "96.9%"},
		{"honours", "710", "92.1%"},
	}
	lines := strings.Split(out, "\n")
	find := func(prefix string) []string {
		for _, l := range lines {
			if f := strings.Fields(l); strings.HasPrefix(l, prefix+" ") && len(f) > 0 {
				return strings.Fields(strings.TrimPrefix(l, prefix))
			}
		}
		return nil
	}
	for _, w := range want {
		t.Run(w.category, func(t *testing.T) {
			f := find(w.category)
			if len(f) < 2 || f[0] != w.count || f[1] != w.share {
				t.Errorf("row %q = %q, want count %s share %s", w.category, f, w.count, w.share)
			}
		})
	}
	if f := find("ethnic groups"); len(f) != 1 || f[0] != "40" {
		t.Errorf("ethnic groups = %q, want 40", f)
	}
	if f := find("age on 2022-10-16"); len(f) != 2 || f[0] != "52.2" || f[1] != "2296" {
		t.Errorf("average age = %q, want 52.2 over 2296", f)
	}
	if f := find("honours"); len(f) < 4 || f[2] != "front-line" || f[3] != "771" {
		t.Errorf("honours base = %q, want front-line 771", f)
	}
	t.Run("json", func(t *testing.T) {
		js, _ := runOK(t, "-published", "-json")
		var c compositionJSON
		if err := json.Unmarshal([]byte(js), &c); err != nil {
			t.Fatal(err)
		}
		shares := make(map[string]string)
		for _, r := range c.Rows {
			shares[r.Name] = r.Share
		}
		for _, w := range want {
			if shares[w.category] != w.share {
				t.Errorf("%s: JSON share %q, want %q", w.category, shares[w.category], w.share)
			}
		}
		if c.Total != 2296 || len(c.Distinct) != 1 || c.Distinct[0].Count != 40 || len(c.Averages) != 1 || c.Averages[0].Value != "52.2" {
			t.Errorf("JSON total %d, distinct %+v, averages %+v", c.Total, c.Distinct, c.Averages)
		}
	})
}

// TestPublishedRoster checks the roster itself, independently of the report's rendering.
func TestPublishedRoster(t *testing.T) {
	t.Parallel()
	rep, err := publishedReport()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total != pubTotal {
		t.Errorf("total = %d, want %d", rep.Total, pubTotal)
	}
	if err := rep.Check(); err != nil {
		t.Errorf("published roster misses a target: %v", err)
	}
	if r, ok := rep.Category(composition.CatLeadingCadres); !ok || r.Count != pubTotal-pubFrontLine {
		t.Errorf("leading cadres = %+v, want %d", r, pubTotal-pubFrontLine)
	}
}

// TestDefaultGolden pins the default run's output: the same seed gives the same bytes on any
// machine (the simulation draws only integers from PCG streams and every decision is exact), so a
// difference here is a change in the simulation or in a decision of the library.
func TestDefaultGolden(t *testing.T) {
	t.Parallel()
	out, _ := runOK(t, "-q")
	golden(t, "default.golden", out)
}

// TestDeterministic runs the default simulation with one seed several times, with different
// numbers of workers and GOMAXPROCS, and requires byte-identical output (stdout and progress).
func TestDeterministic(t *testing.T) {
	first, firstErr := runOK(t, "-workers", "1")
	if !strings.Contains(first, "Composition of the") {
		t.Fatalf("unexpected output:\n%s", first)
	}
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for _, tc := range []struct {
		name  string
		procs int
		args  []string
	}{
		{"workers 7", prev, []string{"-workers", "7"}},
		{"GOMAXPROCS 1", 1, nil},
		{"GOMAXPROCS 2", 2, nil},
		{"GOMAXPROCS 2, workers 3", 2, []string{"-workers", "3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.GOMAXPROCS(tc.procs)
			out, errOut := runOK(t, tc.args...)
			if out != first {
				t.Errorf("stdout differs:\n%s", lineDiff(first, out))
			}
			if errOut != firstErr {
				t.Errorf("progress differs:\n%s", lineDiff(firstErr, errOut))
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		runtime.GOMAXPROCS(1)
		a, _ := runOK(t, "-q", "-json", "-workers", "1")
		runtime.GOMAXPROCS(2)
		b, _ := runOK(t, "-q", "-json", "-workers", "5")
		if a != b {
			t.Error("-json output differs between worker counts")
		}
		var rec struct {
			Digest string `json:"digest"`
		}
		if err := json.Unmarshal([]byte(a), &rec); err != nil {
			t.Fatalf("-json output is not JSON: %v", err)
		}
		if !strings.HasPrefix(rec.Digest, "sha256:") || !strings.Contains(first, rec.Digest) {
			t.Errorf("record digest %q is not the one printed", rec.Digest)
		}
	})
	t.Run("another seed differs", func(t *testing.T) {
		out, _ := runOK(t, "-q", "-seed", "21")
		if out == first {
			t.Error("seed 21 gives the same output as seed 2022: the seed is ignored")
		}
	})
}

// TestUsage checks the exit status of bad command lines.
func TestUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"unknown flag", []string{"-nope"}},
		{"unknown method", []string{"-method", "lottery"}},
		{"no units", []string{"-units", "0"}},
		{"quota below units", []string{"-units", "38", "-quota", "10"}},
		{"argument", []string{"extra"}},
		{"unknown unit", []string{"-paper", "XX"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var out, errb bytes.Buffer
			if code := run(tc.args, &out, &errb); code != 2 {
				t.Errorf("run(%q) = %d, want 2", tc.args, code)
			}
			if errb.Len() == 0 {
				t.Error("no message on stderr")
			}
		})
	}
}

// TestUnitMinorities: every ethnic minority the unit table names is one of the 55 of
// composition.EthnicGroups, spelled as there.
func TestUnitMinorities(t *testing.T) {
	units, err := loadUnits()
	if err != nil {
		t.Fatal(err)
	}
	known := make(map[string]bool)
	for _, g := range composition.EthnicGroups()[1:] {
		known[g.Name] = true
	}
	for _, u := range units {
		if len(u.Minorities) == 0 {
			t.Errorf("%s names no minority group", u.Code)
		}
		for _, m := range u.Minorities {
			if !known[m] {
				t.Errorf("%s: %q is not an ethnic minority of composition.EthnicGroups", u.Code, m)
			}
		}
	}
}

// TestReadme: the README's block of what the main example shows is the default run's output,
// line for line (its "..." lines stand for the rows left out).
func TestReadme(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := os.ReadFile(filepath.Join("testdata", "default.golden"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "### What the main example shows\n\n```\n")
	block, _, ok2 := strings.Cut(after, "```")
	if !ok || !ok2 {
		t.Fatal("README.md has no block of what the main example shows")
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(golden), "\n") {
		have[l] = true
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSuffix(block, "\n"), "\n") {
		if l == "..." || l == "" {
			continue
		}
		n++
		if !have[l] {
			t.Errorf("README line not in the default output: %q", l)
		}
	}
	if n < 20 {
		t.Errorf("the README block has %d lines of output", n)
	}
}
