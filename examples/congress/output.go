package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chae-go/chae/internal/table"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/quota/composition"
	"github.com/chae-go/chae/tally"
)

// newTable returns an aligned table whose first column and the columns in left are left-aligned,
// the others right-aligned.
func newTable(ncol int, left ...int) *table.Table {
	t := &table.Table{Right: make([]bool, ncol)}
	for j := 1; j < ncol; j++ {
		t.Right[j] = true
	}
	for _, j := range left {
		t.Right[j] = false
	}
	return t
}

// thousands formats n with commas: 2,300.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// percent formats num/den as a percentage rounded half-up to one place.
func percent(num, den int) string {
	if den == 0 {
		return "-"
	}
	return quota.Ratio(int64(num), int64(den)).PercentDecimal(1).StringFixed(1) + "%"
}

// writeText prints the simulation's record for a reader.
func writeText(w io.Writer, rec *record) error {
	fmt.Fprintf(w, "Delegates to the 20th National Congress: a simulated election (seed %d)\n", rec.Seed)
	fmt.Fprintln(w, wrap(rec.Synthetic, 100))
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Quota: %s delegates among %d election units by %s, on %s members (synthetic).\n\n",
		thousands(int64(rec.Quota)), len(rec.Units), rec.Apportionment.Method, thousands(rec.Members))
	if len(rec.Apportionment.Lots) > 0 {
		a := rec.Apportionment
		fmt.Fprintf(w, "%d units were tied for the last %d seat(s); lots drawn from the seed give the order %s: the first %d take them.\n\n",
			len(a.Lots), a.TiedSeats, strings.Join(a.Lots, ", "), a.TiedSeats)
	}

	r := tally.NationalCongressDelegates()
	baseWords := map[tally.Base]string{tally.OfPresent: "those present", tally.OfEntitled: "those entitled to vote",
		tally.OfIssued: "the ballots issued", tally.OfReturned: "the ballots returned", tally.OfValid: "the valid ballots"}
	rules := fmt.Sprintf("Each unit's congress elects under the rules %q (%s): more candidates than seats by %s %s "+
		"(Tibet and Xinjiang: as many as seats); elected with %s of %s; a tie across the last seat goes to a runoff "+
		"among the tied; missing seats to a supplementary election, unless the unit closes them.",
		r.Name, r.Source, r.Difference.MinBoundary, r.Difference.MinShare, r.Threshold, baseWords[r.Base])
	fmt.Fprintln(w, wrap(rules, 100))
	fmt.Fprintln(w)

	t := newTable(10)
	t.Add("unit", "members", "women", "quota", "cand.", "surplus", "rounds", "elected", "closed", "confirmed")
	runoffs, supps := 0, 0
	for _, u := range rec.Units {
		name := u.Unit.Name
		if u.Unit.Equal {
			name += " (等额)"
		}
		for _, d := range u.Result.Decisions {
			switch d.Round.Kind {
			case tally.Runoff:
				runoffs++
			case tally.Supplementary:
				supps++
			}
		}
		t.Add(name, thousands(u.Unit.Members), permilleString(u.Unit.WomenPermille),
			strconv.Itoa(u.Seats), strconv.Itoa(len(u.Slate.Candidates)),
			percent(len(u.Slate.Candidates)-u.Seats, u.Seats), strconv.Itoa(len(u.Result.Decisions)),
			strconv.Itoa(len(u.Elected)), strconv.Itoa(u.Reduced), strconv.Itoa(len(u.confirmed())))
	}
	t.Add("total", thousands(rec.Members), "", thousands(int64(rec.Quota)), thousands(int64(rec.Candidates)),
		percent(rec.Candidates-rec.Quota, rec.Quota), "", thousands(int64(rec.Elected)), strconv.Itoa(rec.Reduced), thousands(int64(rec.Confirmed)))
	io.WriteString(w, t.String())
	fmt.Fprintln(w, "women: women's share of the unit's membership (synthetic). surplus: candidates beyond the seats, of the seats.")
	fmt.Fprintln(w)

	var ballots, valid, invalid, spoiled, writeIns int
	type person struct{ unit, name string }
	names := map[person]bool{}
	for _, u := range rec.Units {
		for _, d := range u.Result.Decisions {
			c := d.Counts
			ballots, valid, invalid, spoiled = ballots+c.Ballots, valid+c.Valid, invalid+c.Invalid, spoiled+c.Spoiled
			for _, wi := range c.WriteIns {
				writeIns += wi.Votes
				names[person{u.Unit.Code, wi.Name}] = true
			}
		}
	}
	fmt.Fprintf(w, "Ballots: %s returned in all rounds: %s valid, %s invalid (more persons chosen than seats), %s spoiled;\n",
		thousands(int64(ballots)), thousands(int64(valid)), thousands(int64(invalid)), thousands(int64(spoiled)))
	elected := 0
	for _, u := range rec.Units {
		for _, m := range u.Result.Elected {
			if m.WriteIn {
				elected++
			}
		}
	}
	fmt.Fprintf(w, "%s write-in votes for %d persons not on the slates; %d of them elected.\n", thousands(int64(writeIns)), len(names), elected)
	fmt.Fprintf(w, "Rounds: %d runoff(s) among tied candidates, %d supplementary round(s).\n", runoffs, supps)
	for _, u := range rec.Units {
		writeRounds(w, u)
	}
	fmt.Fprintf(w, "Seats left empty by a unit's decision: %d. Not confirmed by the credentials review: %d.\n", rec.Reduced, rec.Rejected)
	for _, u := range rec.Units {
		for _, rj := range u.Rejected {
			c, _ := u.candidate(rj.ID)
			fmt.Fprintf(w, "  %s %s (%s): %s\n", rj.ID, c.Name, u.Unit.Name, rj.Reason)
		}
	}
	fmt.Fprintf(w, "Elected %s delegates for a quota of %s; %s confirmed.\n",
		thousands(int64(rec.Elected)), thousands(int64(rec.Quota)), thousands(int64(rec.Confirmed)))
	fmt.Fprintf(w, "Record digest (of the %d units' election records, see -json): %s\n\n", len(rec.Units), rec.Digest)

	fmt.Fprintf(w, "Composition of the %s confirmed delegates, beside the published figures of 2022\n\n", thousands(int64(rec.Confirmed)))
	writeComposition(w, rec.Composition)
	fmt.Fprintln(w)
	women, minorities := 0, 0
	var missed []string
	for i, ut := range rec.UnitTargets {
		for _, tr := range ut.Report.Targets {
			if !tr.Met {
				missed = append(missed, fmt.Sprintf("%s: %s, %d of %d", rec.Units[i].Unit.Name, tr.Target, tr.Count, tr.Base))
				continue
			}
			if tr.Target.Category == composition.CatWomen {
				women++
			} else {
				minorities++
			}
		}
	}
	fmt.Fprintf(w, "Unit targets: women above their share of the unit's membership in %d of %d units; minority delegates in %d of %d units.\n",
		women, len(rec.Units), minorities, len(rec.Units))
	for _, m := range missed {
		fmt.Fprintf(w, "  NOT MET %s\n", m)
	}
	return nil
}

// permilleString formats a share in thousandths as a percentage: 295 → 29.5%.
func permilleString(p int) string { return fmt.Sprintf("%d.%d%%", p/10, p%10) }

// wrap breaks s into lines of at most n bytes at spaces.
func wrap(s string, n int) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if line+1+len(word) > n {
				b.WriteByte('\n')
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}

// writeRounds summarises a unit's election when it took more than one round or closed seats.
func writeRounds(w io.Writer, u *unitRun) {
	res := u.Result
	if len(res.Decisions) < 2 && len(res.Closed) == 0 {
		return
	}
	fmt.Fprintf(w, "  %s %s:\n", u.Unit.Name, u.Unit.English)
	name := func(id string) string {
		if c, ok := u.candidate(id); ok {
			return c.Name
		}
		return id
	}
	for _, d := range res.Decisions {
		votes := make(map[string]int, len(d.Standings))
		for _, st := range d.Standings {
			votes[st.ID] = st.For
		}
		line := fmt.Sprintf("round %d, %s for %d seat(s) among %d: ", d.Round.Number, d.Round.Kind, d.Round.Slate.Seats, len(d.Round.Slate.Candidates))
		if d.Outcome != tally.Decided {
			fmt.Fprintf(w, "    %s%s\n", line, d.Outcome)
			continue
		}
		var parts []string
		if d.Round.Kind == tally.Regular || len(d.Elected) > 3 {
			parts = append(parts, fmt.Sprintf("%d elected (%d For votes needed)", len(d.Elected), d.Needed))
		} else {
			var names []string
			for _, id := range d.Elected {
				names = append(names, fmt.Sprintf("%s (%d)", name(id), votes[id]))
			}
			if len(names) == 0 {
				parts = append(parts, "no one elected")
			} else {
				parts = append(parts, "elected "+strings.Join(names, ", "))
			}
		}
		if len(d.Tied) > 0 {
			var names []string
			for _, id := range d.Tied {
				names = append(names, name(id))
			}
			parts = append(parts, fmt.Sprintf("%s tied with %d votes for the last %d seat(s): runoff", strings.Join(names, ", "), votes[d.Tied[0]], d.RunoffSeats))
		}
		if d.Missing > 0 {
			parts = append(parts, fmt.Sprintf("%d seat(s) short of the bar", d.Missing))
		}
		fmt.Fprintf(w, "    %s%s\n", line, strings.Join(parts, "; "))
	}
	for _, c := range res.Closed {
		fmt.Fprintf(w, "    %d seat(s) closed: %s\n", c.Seats, c.Reason)
	}
}

// published gives the published count of each category of composition.Congress (the base of
// "honours" is the front-line; leading cadres are not published as such).
var published = map[string]int{
	composition.CatFrontLine: pubFrontLine, composition.CatWorkers: pubWorkers, composition.CatMigrant: pubMigrant,
	composition.CatFarmers: pubFarmers, composition.CatTechnical: pubTechnical, composition.CatWomen: pubWomen,
	composition.CatMinorities: pubMinorities, composition.CatUnder55: pubUnder55, composition.CatUnder45: pubUnder45,
	composition.CatCollege: pubCollegeAll, composition.CatUniversity: pubUniversity,
	composition.CatPostgraduate: pubPostgraduate, composition.CatJoinedReform: pubJoinedReform,
	composition.CatHonours: pubHonours,
}

// writeComposition prints the composition report of the simulated delegates in the published
// table's form, with the published share of each category beside the simulated one, then the
// distinct counts, averages and targets.
func writeComposition(w io.Writer, rep *composition.Report) {
	t := newTable(5, 3)
	t.Add("category", "count", "share", "of", "published")
	for _, r := range rep.Categories {
		share := "-"
		if p, ok := r.Percent(rep.Places); ok {
			share = p.StringFixed(rep.Places) + "%"
		}
		of := "all"
		if r.Of != "" {
			of = r.Of
		}
		pub := "-"
		if n, ok := published[r.Name]; ok {
			base := pubTotal
			if r.Of == composition.CatFrontLine {
				base = pubFrontLine
			}
			pub = percent(n, base)
		}
		t.Add(r.Name, strconv.Itoa(r.Count), share, of, pub)
	}
	for _, d := range rep.Distinct {
		pub := "-"
		if d.Name == "ethnic groups" {
			pub = strconv.Itoa(pubGroups)
		}
		t.Add(d.Name, strconv.Itoa(d.Count()), "", "minorities", pub)
	}
	for _, a := range rep.Averages {
		v := "-"
		if m, ok := a.Mean(a.Places); ok {
			v = m.StringFixed(a.Places)
		}
		t.Add("average "+a.Name+" on "+a.AgeOn.Format(composition.DateLayout), v, "", "all", pubAverageAge)
	}
	io.WriteString(w, t.String())
	fmt.Fprintln(w)
	for _, tr := range rep.Targets {
		res := "met"
		if !tr.Met {
			res = "NOT MET"
		}
		fmt.Fprintf(w, "Target %s: %s (%d of %d).\n", tr.Target, res, tr.Count, tr.Base)
	}
}
