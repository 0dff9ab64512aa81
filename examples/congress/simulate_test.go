package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/quota/composition"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/nominate"
)

// simulated runs the simulation for a seed, quietly.
func simulated(t *testing.T, seed uint64, units int) *record {
	t.Helper()
	rec, err := simulateAll(config{Seed: seed, Method: quota.HuntingtonHill, Quota: (2300*units + 19) / 38, Units: units}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestSlatesAndThresholds checks, for several seeds, that every unit's slate passes its difference
// rule (more than 15% more candidates than seats; equal numbers only in Tibet and Xinjiang), that
// the quota is divided exactly, and that every elected delegate cleared the bar of the round that
// elected them, recomputed here from the unit's turnout: more than half of those entitled, or, in
// a runoff among the tied, a place among the most voted of exactly the tied candidates.
func TestSlatesAndThresholds(t *testing.T) {
	t.Parallel()
	for _, seed := range []uint64{2022, 1, 17} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			rec := simulated(t, seed, 38)
			total := 0
			for i, u := range rec.Units {
				total += u.Seats
				checkUnit(t, u)
				checkUnitTargets(t, u, rec.UnitTargets[i])
			}
			if total != 2300 {
				t.Errorf("seats apportioned = %d, want 2300", total)
			}
			if rec.Elected+rec.Reduced != 2300 {
				t.Errorf("elected %d + reduced %d != 2300", rec.Elected, rec.Reduced)
			}
			if rec.Confirmed != rec.Elected-rec.Rejected {
				t.Errorf("confirmed %d != elected %d - rejected %d", rec.Confirmed, rec.Elected, rec.Rejected)
			}
		})
	}
}

func checkUnit(t *testing.T, u *unitRun) {
	t.Helper()
	checkNomination(t, u)
	n, seats := len(u.Slate.Candidates), u.Seats
	base := strings.TrimRight(u.Unit.Code, "0123456789")
	equalUnit := base == "XZ" || base == "XJ"
	if u.Unit.Equal != equalUnit {
		t.Errorf("%s: Equal = %v", u.Unit.Code, u.Unit.Equal)
	}
	if equalUnit {
		if n != seats {
			t.Errorf("%s: %d candidates for %d seats, want equal numbers", u.Unit.Code, n, seats)
		}
	} else {
		// more than 15%: 100·(n − seats) > 15·seats, in integers
		if 100*(n-seats) <= 15*seats {
			t.Errorf("%s: %d candidates for %d seats: surplus not more than 15%%", u.Unit.Code, n, seats)
		}
		if err := quota.NationalCongressDelegatesSurplus().Check(seats, n); err != nil {
			t.Errorf("%s: %v", u.Unit.Code, err)
		}
	}
	if err := quota.NationalCongressDelegatesSurplus().Check(seats, seats); !errors.Is(err, quota.ErrTooFewCandidates) {
		t.Errorf("%s: an equal slate passes the difference rule: %v", u.Unit.Code, err)
	}
	res := u.Result
	if !res.Done {
		t.Errorf("%s: election not done", u.Unit.Code)
	}
	byRound := make(map[int]tally.Decision, len(res.Decisions))
	for _, d := range res.Decisions {
		byRound[d.Round.Number] = d
	}
	needed := u.Turnout.Entitled/2 + 1 // more than half of those entitled
	for _, m := range res.Elected {
		d, ok := byRound[m.Round]
		if !ok {
			t.Errorf("%s: %s elected in round %d, which has no decision", u.Unit.Code, m.ID, m.Round)
			continue
		}
		var votes = -1
		for _, st := range d.Standings {
			if st.ID == m.ID {
				votes = st.For
			}
		}
		if votes != m.Votes {
			t.Errorf("%s: %s elected with %d votes, the round's count says %d", u.Unit.Code, m.ID, m.Votes, votes)
		}
		switch d.Round.Kind {
		case tally.Regular, tally.Supplementary:
			if votes < needed {
				t.Errorf("%s: %s elected in round %d with %d For votes, %d needed (more than half of %d entitled)",
					u.Unit.Code, m.ID, m.Round, votes, needed, u.Turnout.Entitled)
			}
		case tally.Runoff:
			prev, ok := byRound[m.Round-1]
			if !ok || !slices.Contains(prev.Tied, m.ID) {
				t.Errorf("%s: %s elected in runoff %d without being tied in the round before", u.Unit.Code, m.ID, m.Round)
			}
			// no candidate of the runoff who was not elected had more votes
			for _, st := range d.Standings {
				if !slices.Contains(d.Elected, st.ID) && st.For > votes && !st.WriteIn {
					t.Errorf("%s: runoff %d elected %s (%d) over %s (%d)", u.Unit.Code, m.Round, m.ID, votes, st.ID, st.For)
				}
			}
		}
	}
	if got := len(res.Elected); got != len(u.Elected) || got+u.Reduced != seats {
		t.Errorf("%s: %d elected + %d reduced, %d seats", u.Unit.Code, got, u.Reduced, seats)
	}
	for _, rj := range u.Rejected {
		if !slices.Contains(u.Elected, rj.ID) {
			t.Errorf("%s: credentials review rejected %s, who was not elected", u.Unit.Code, rj.ID)
		}
	}
}

// TestScaledUp checks that -units scales the simulation: more units, the quota scaled, and the
// same checks on every unit.
func TestScaledUp(t *testing.T) {
	t.Parallel()
	rec := simulated(t, 7, 95)
	if len(rec.Units) != 95 || rec.Quota != 5750 {
		t.Fatalf("%d units, quota %d; want 95 and 5750", len(rec.Units), rec.Quota)
	}
	for _, u := range rec.Units {
		checkUnit(t, u)
	}
}

// TestRecordRechecks decodes the -json record and re-checks every unit's election record against
// its SHA-256 digest (tally.Result refuses a record whose digest does not match), every unit's
// nomination record written by -records against its digest (nominate.DecodeRecord refuses one
// that is not canonical or does not match) and against the digest in -json, and the overall
// digest against the units'.
func TestRecordRechecks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, _ := runOK(t, "-q", "-json", "-records", dir)
	var rec struct {
		Digest string `json:"digest"`
		Units  []struct {
			Unit       Unit `json:"unit"`
			Nomination struct {
				Digest string `json:"digest"`
			} `json:"nomination"`
			Result json.RawMessage `json:"result"`
		} `json:"units"`
	}
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	if len(rec.Units) != 38 {
		t.Fatalf("%d units in the record", len(rec.Units))
	}
	h := sha256.New()
	for i, u := range rec.Units {
		// The document is indented; a record is read in its canonical form, without white space.
		var compact bytes.Buffer
		if err := json.Compact(&compact, u.Result); err != nil {
			t.Fatal(err)
		}
		u.Result = compact.Bytes()
		data, err := os.ReadFile(filepath.Join(dir, u.Unit.Code+".nomination.json"))
		if err != nil {
			t.Fatal(err)
		}
		nr, err := nominate.DecodeRecord(data)
		if err != nil {
			t.Fatalf("unit %d: nomination record: %v", i+1, err)
		}
		d, err := nr.Digest()
		if err != nil || d != u.Nomination.Digest {
			t.Errorf("unit %d: nomination digest %s (%v), the -json record says %s", i+1, d, err, u.Nomination.Digest)
		}
		if nr.Slate == nil || nr.Unit != nominate.OrgID(u.Unit.Code) {
			t.Errorf("unit %d: nomination record of %q without a slate", i+1, nr.Unit)
		}
		fmt.Fprintln(h, d)
		var res tally.Result
		if err := json.Unmarshal(u.Result, &res); err != nil {
			t.Fatalf("unit %d: %v", i+1, err)
		}
		fmt.Fprintln(h, res.Digest())
		// a tampered record is refused
		tampered := bytes.Replace(u.Result, []byte(`"for":`), []byte(`"for":1`), 1)
		if err := json.Unmarshal(tampered, &res); err == nil {
			t.Errorf("unit %d: a tampered record decodes without error", i+1)
		}
		if _, err := nominate.DecodeRecord(bytes.Replace(data, []byte(`"votes":`), []byte(`"votes":1`), 1)); err == nil {
			t.Errorf("unit %d: a tampered nomination record decodes without error", i+1)
		}
	}
	if got := "sha256:" + hex.EncodeToString(h.Sum(nil)); got != rec.Digest {
		t.Errorf("overall digest %s, recomputed %s", rec.Digest, got)
	}
}

// TestApportionTie checks that a tie in the apportionment is settled by a seeded lot and
// recorded, never by input order: with every unit doubled and an odd quota, one pair of equal
// units must share an odd seat.
func TestApportionTie(t *testing.T) {
	t.Parallel()
	base, err := loadUnits()
	if err != nil {
		t.Fatal(err)
	}
	units := scaleUnits(base, 76)
	if _, err := quota.Apportion(quota.HuntingtonHill, 4601, weightsOf(units)); !errors.Is(err, quota.ErrTie) {
		t.Fatalf("no tie to settle: %v", err)
	}
	a, err := apportion(1, quota.HuntingtonHill, 4601, units)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, s := range a.Seats {
		sum += s
	}
	if sum != 4601 || len(a.Lots) < 2 || a.TiedSeats < 1 {
		t.Errorf("sum %d, lots %v, tied seats %d", sum, a.Lots, a.TiedSeats)
	}
	b, err := apportion(1, quota.HuntingtonHill, 4601, units)
	if err != nil || !slices.Equal(a.Seats, b.Seats) || !slices.Equal(a.Lots, b.Lots) {
		t.Errorf("the same seed draws differently: %v %v", a, b)
	}
}

// checkUnitTargets recomputes a unit's targets from its confirmed delegates: women's share above
// the unit's membership share (1000·women > permille·delegates), at least one minority delegate.
func checkUnitTargets(t *testing.T, u *unitRun, ut unitTargets) {
	t.Helper()
	women, minorities, n := 0, 0, 0
	for _, c := range confirmedCandidates(u) {
		n++
		if c.Attrs[attrGender] == "female" {
			women++
		}
		if e := c.Attrs[attrEthnicity]; e != "" && e != "Han" {
			minorities++
		}
	}
	wantWomen := 1000*women > u.Unit.WomenPermille*n
	wantMinorities := minorities >= 1
	for _, tr := range ut.Report.Targets {
		want := wantMinorities
		if tr.Target.Category == composition.CatWomen {
			want = wantWomen
		}
		if tr.Met != want {
			t.Errorf("%s: target %s met = %v, recomputed %v (women %d, minorities %d of %d)",
				u.Unit.Code, tr.Target, tr.Met, want, women, minorities, n)
		}
	}
	if len(ut.Report.Targets) != 2 {
		t.Errorf("%s: %d unit targets, want 2", u.Unit.Code, len(ut.Report.Targets))
	}
}
