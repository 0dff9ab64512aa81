package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/chae-go/chae/quota"
)

// run is the whole program: it parses args, writes the results to stdout and progress and errors
// to stderr, and returns the exit status (0 done, 1 failure, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("congress", flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg := config{NominateWorkers: 1}
	fs.Uint64Var(&cfg.Seed, "seed", 2022, "random seed of the simulation")
	method := fs.String("method", "huntington-hill", "apportionment method: hamilton, dhondt, sainte-lague, huntington-hill, adams, dean, modified-sainte-lague, droop, hagenbach-bischoff")
	fs.IntVar(&cfg.Units, "units", 38, "election units to simulate (beyond 38 the units repeat, numbered)")
	fs.IntVar(&cfg.Quota, "quota", 0, "delegates to elect in all (0: 2,300 scaled to the units)")
	fs.IntVar(&cfg.Workers, "workers", 0, "goroutines deciding units (0: GOMAXPROCS); the output does not depend on it")
	fs.StringVar(&cfg.Paper, "paper", "TW", "print the ballot paper and delegates of the unit with this code (\"\": none)")
	quiet := fs.Bool("q", false, "quiet: no progress on stderr")
	asJSON := fs.Bool("json", false, "print the full record as JSON")
	records := fs.String("records", "", "write each unit's canonical nomination record (chae.nomination/1) to this directory, as CODE.nomination.json")
	published := fs.Bool("published", false, "print the composition report of a roster with the published counts and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "congress: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *published {
		if err := writePublished(stdout, *asJSON); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	m, err := quota.ParseMethod(*method)
	if err != nil {
		fmt.Fprintf(stderr, "congress: -method: %v\n", err)
		return 2
	}
	cfg.Method = m
	if cfg.Units < 1 {
		fmt.Fprintln(stderr, "congress: -units must be at least 1")
		return 2
	}
	if cfg.Quota == 0 {
		cfg.Quota = (2300*cfg.Units + 19) / 38 // 2,300 for 38 units, scaled, rounded half-up
	}
	if cfg.Quota < cfg.Units {
		fmt.Fprintln(stderr, "congress: -quota must be at least the number of units")
		return 2
	}
	if cfg.Paper != "" {
		base, err := loadUnits()
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if !slices.ContainsFunc(scaleUnits(base, cfg.Units), func(u Unit) bool { return u.Code == cfg.Paper }) {
			fmt.Fprintf(stderr, "congress: -paper: no unit with the code %q\n", cfg.Paper)
			return 2
		}
	}
	var progress func(*unitRun)
	if !*quiet {
		progress = func(u *unitRun) {
			f := u.Nomination.Funnel
			fmt.Fprintf(stderr, "[%*d/%d] %s: %d seats; recommended %d, inspected %d, preliminary %d, %d candidates; %d round(s), %d elected\n",
				len(fmt.Sprint(cfg.Units)), u.Index+1, cfg.Units, u.Unit.Name, u.Seats, f.Recommended, f.Inspected, f.Preliminary,
				len(u.Slate.Candidates), len(u.Result.Decisions), len(u.Elected))
		}
	}
	rec, err := simulateAll(cfg, progress)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *records != "" {
		if err := writeRecords(*records, rec); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	if err := writeText(stdout, rec); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// writeRecords writes each unit's canonical nomination record to dir/CODE.nomination.json: the
// bytes its digest covers (nominate.DecodeRecord reads and checks them).
func writeRecords(dir string, rec *record) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("congress: -records: %w", err)
	}
	for _, u := range rec.Units {
		f, err := os.Create(filepath.Join(dir, u.Unit.Code+".nomination.json"))
		if err != nil {
			return fmt.Errorf("congress: -records: %w", err)
		}
		_, err = u.Nomination.record.WriteTo(f)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("congress: -records: %w", err)
		}
	}
	return nil
}
