package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/quota/composition"
)

// synthetic says, in every output, what is real and what is simulated.
const synthetic = "Real: the process (recommendation and three ups and three downs, inspection of more persons " +
	"than places, vetting, public notice, the difference election, the credentials review), the rules (more than " +
	"15% more candidates than seats; Tibet and Xinjiang with as many candidates as seats), the quota of 2,300 " +
	"among 38 units (their list is our reconstruction), the composition targets. Synthetic: every membership " +
	"figure, organisation, member, recommendation, opinion, candidate, vote, vetting and credentials decision " +
	"(the real figures are not published); the population is calibrated to the published composition."

// record is the full record of one simulation: the -json output, and what the text output prints.
type record struct {
	Seed uint64 `json:"seed"`
	// Paper is the unit whose ballot paper the text report prints.
	Paper     string `json:"-"`
	Quota     int    `json:"quota"`
	Synthetic string `json:"synthetic"`
	Members   int64  `json:"members"`
	// Apportionment is the division of the quota among the units.
	Apportionment apportionment `json:"apportionment"`
	// Units are the election units' runs, in unit order.
	Units []*unitRun `json:"units"`
	// Totals over all units.
	Candidates int `json:"candidates"`
	Elected    int `json:"elected"`
	Reduced    int `json:"reduced"`
	Rejected   int `json:"rejected"`
	Confirmed  int `json:"confirmed"`
	// Composition is the report on the confirmed delegates; UnitTargets the targets every unit must
	// meet (women above their share of the unit's membership, some minority delegates).
	Composition *composition.Report `json:"-"`
	// CompositionJSON is Composition in the record's JSON form.
	CompositionJSON compositionJSON `json:"composition"`
	UnitTargets     []unitTargets   `json:"unit_targets"`
	// Digest is "sha256:" and the SHA-256 of the units' record digests, two lines a unit in unit
	// order: the nomination record's (nominate.Record.Digest), then the election record's
	// (tally.Result.Digest). A recount that reproduces every unit's records reproduces it.
	Digest string `json:"digest"`
}

// unitTargets is one unit's composition targets and their outcome.
type unitTargets struct {
	Code   string              `json:"code"`
	Report *composition.Report `json:"-"`
	// Composition is Report in the record's JSON form.
	Composition compositionJSON `json:"composition"`
	Unmet       []string        `json:"unmet,omitempty"`
}

// simulateAll runs the whole simulation for cfg.
func simulateAll(cfg config, progress func(*unitRun)) (*record, error) {
	base, err := loadUnits()
	if err != nil {
		return nil, err
	}
	units := scaleUnits(base, cfg.Units)
	rec := &record{Seed: cfg.Seed, Quota: cfg.Quota, Synthetic: synthetic, Paper: cfg.Paper}
	if cfg.Paper != "" && !slices.ContainsFunc(units, func(u Unit) bool { return u.Code == cfg.Paper }) {
		return nil, fmt.Errorf("congress: -paper: no unit %q", cfg.Paper)
	}
	for _, u := range units {
		rec.Members += u.Members
	}
	rec.Apportionment, err = apportion(cfg.Seed, cfg.Method, cfg.Quota, units)
	if err != nil {
		return nil, err
	}
	rec.Units, err = simulate(cfg, units, rec.Apportionment.Seats, progress)
	if err != nil {
		return nil, err
	}
	var delegates []ballot.Candidate
	h := sha256.New()
	for _, u := range rec.Units {
		d, err := u.Nomination.record.Digest()
		if err != nil {
			return nil, fmt.Errorf("congress: %s: nomination record: %w", u.Unit.Name, err)
		}
		u.Nomination.Digest = d
		fmt.Fprintln(h, d)
		fmt.Fprintln(h, u.Result.Digest())
		rec.Candidates += len(u.Slate.Candidates)
		rec.Elected += len(u.Elected)
		rec.Reduced += u.Reduced
		rec.Rejected += len(u.Rejected)
		mine := confirmedCandidates(u)
		rec.Confirmed += len(mine)
		delegates = append(delegates, mine...)
		ut, err := unitReport(u, mine)
		if err != nil {
			return nil, err
		}
		rec.UnitTargets = append(rec.UnitTargets, ut)
	}
	rec.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	rec.Composition, err = composition.Congress().Report(delegates)
	if err != nil {
		return nil, err
	}
	rec.CompositionJSON = newComposition(rec.Composition)
	return rec, nil
}

// confirmedCandidates returns the unit's confirmed delegates as candidates, in order of election.
func confirmedCandidates(u *unitRun) []ballot.Candidate {
	var out []ballot.Candidate
	for _, id := range u.confirmed() {
		if c, ok := u.candidate(id); ok {
			out = append(out, c)
		}
	}
	return out
}

// unitReport checks the unit's own targets: women's share of its delegates above their share of
// its membership, and at least one ethnic-minority delegate.
func unitReport(u *unitRun, delegates []ballot.Candidate) (unitTargets, error) {
	women, err := quota.ParseFraction(permilleString(u.Unit.WomenPermille))
	if err != nil {
		return unitTargets{}, err
	}
	c := composition.Spec{
		Places: 1,
		Categories: []composition.Category{
			{Name: composition.CatWomen, Where: composition.Is(attrGender, "female")},
			{Name: composition.CatMinorities, Where: composition.And(composition.Has(attrEthnicity), composition.Not(composition.Is(attrEthnicity, "Han")))},
		},
		Targets: []composition.Target{
			{Category: composition.CatWomen, Kind: composition.ShareAbove, Share: women, Reference: "women's share of the membership"},
			{Category: composition.CatMinorities, Kind: composition.CountAtLeast, Count: 1},
		},
	}
	rep, err := c.Report(delegates)
	if err != nil {
		return unitTargets{}, err
	}
	ut := unitTargets{Code: u.Unit.Code, Report: rep, Composition: newComposition(rep)}
	for _, e := range rep.Unmet() {
		ut.Unmet = append(ut.Unmet, e.Target.Category)
	}
	return ut, nil
}
