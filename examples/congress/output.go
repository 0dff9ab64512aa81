package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/internal/table"
	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/quota/composition"
	"github.com/chae-go/chae/tally"
	"github.com/chae-go/chae/tally/nominate"
	"github.com/chae-go/chae/tally/report"
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

// howMany returns "1 tie", "10 ties".
func howMany(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
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

// writeText prints the simulation's record for a reader: the quota and the rules, the units'
// table with the nomination's funnel and participation, the ballots and rounds, the outcome, a
// ballot paper, and the composition against the published figures and the units' targets.
func writeText(w io.Writer, rec *record) error {
	writeIntro(w, rec)
	writeUnits(w, rec)
	writeNominationEvents(w, rec)
	fmt.Fprintln(w)
	writeBallots(w, rec)
	writeOutcome(w, rec)
	if err := writePaper(w, rec); err != nil {
		return err
	}
	fmt.Fprintf(w, "Composition of the %s confirmed delegates, beside the published figures of 2022\n\n", thousands(int64(rec.Confirmed)))
	writeComposition(w, rec.Composition)
	fmt.Fprintln(w)
	writeUnitTargets(w, rec)
	return nil
}

// writeIntro prints the title, the quota and its apportionment, the nomination and the rules of
// the units' elections.
func writeIntro(w io.Writer, rec *record) {
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

	fmt.Fprintln(w, wrap(nominationText, 100))
	fmt.Fprintln(w)
	r := tally.NationalCongressDelegates()
	baseWords := map[tally.Base]string{tally.OfPresent: "those present", tally.OfEntitled: "those entitled to vote",
		tally.OfIssued: "the ballots issued", tally.OfReturned: "the ballots returned", tally.OfValid: "the valid ballots"}
	rules := fmt.Sprintf("Each unit's congress elects under the rules %q (%s): more candidates than seats by %s %s "+
		"(Tibet and Xinjiang: as many as seats), printed in surname stroke order; elected with %s of %s; a tie across "+
		"the last seat goes to a runoff among the tied; missing seats to a supplementary election, unless the "+
		"unit closes them.",
		r.Name, r.Source, r.Difference.MinBoundary, r.Difference.MinShare, r.Threshold, baseWords[r.Base])
	fmt.Fprintln(w, wrap(rules, 100))
	fmt.Fprintln(w)
}

// writeUnits prints the table of the units, with a total row, its legend, and the funnel and
// participation over all units.
func writeUnits(w io.Writer, rec *record) {
	t := newTable(12)
	t.Add("unit", "members", "women", "quota", "part.", "recomm.", "insp.", "prelim.", "cand.", "surplus", "elected", "confirmed")
	var rates []nominate.Rate
	var tot nominate.Funnel
	branches, sampled := 0, 0
	for _, u := range rec.Units {
		name := u.Unit.Name
		if u.Unit.Equal {
			name += " (等额)"
		}
		f := u.Nomination.Funnel
		rates = append(rates, u.Nomination.participation)
		tot.Recommended += f.Recommended
		tot.Inspected += f.Inspected
		tot.Preliminary += f.Preliminary
		tot.Candidates += f.Candidates
		tot.Seats += f.Seats
		branches += u.Nomination.Branches
		sampled += u.Nomination.Members
		t.Add(name, thousands(u.Unit.Members), permilleString(u.Unit.WomenPermille), strconv.Itoa(u.Seats),
			u.Nomination.participation.Percent(2, false).StringFixed(2)+"%",
			strconv.Itoa(f.Recommended), strconv.Itoa(f.Inspected), strconv.Itoa(f.Preliminary),
			strconv.Itoa(len(u.Slate.Candidates)), percent(len(u.Slate.Candidates)-u.Seats, u.Seats),
			strconv.Itoa(len(u.Elected)), strconv.Itoa(len(u.confirmed())))
	}
	pooled := nominate.Pooled(rates)
	t.Add("total", thousands(rec.Members), "", thousands(int64(rec.Quota)), pooled.Percent(2, false).StringFixed(2)+"%",
		thousands(int64(tot.Recommended)), thousands(int64(tot.Inspected)), thousands(int64(tot.Preliminary)),
		thousands(int64(rec.Candidates)), percent(rec.Candidates-rec.Quota, rec.Quota), thousands(int64(rec.Elected)),
		thousands(int64(rec.Confirmed)))
	io.WriteString(w, t.String())
	fmt.Fprintln(w, wrap("women: women's share of the unit's membership (synthetic). part.: members of the sampled "+
		"branches who returned a recommendation ballot in the first up, of all their members, rounded half up. recomm., "+
		"insp., prelim., cand.: the nomination's lists (recommended after the third up, inspected, preliminary "+
		"candidates, candidates on the ballot paper). surplus: candidates beyond the seats, of the seats.", 100))
	fmt.Fprintln(w)
	tot.Candidates = rec.Candidates
	fmt.Fprintf(w, "Funnel, all units: %s; %s elected, %s confirmed.\n", report.NominationFunnel(tot, report.English),
		thousands(int64(rec.Elected)), thousands(int64(rec.Confirmed)))
	fmt.Fprintf(w, "Sampled organisations: %s branches with %s members. Participation in the first up: %s%% as the mean of the %d units' rates, %s%% pooled (%s of %s members); published: an average of 99.5%%.\n",
		thousands(int64(branches)), thousands(int64(sampled)), nominate.PercentOf(nominate.Mean(rates), 2, false).StringFixed(2),
		len(rates), pooled.Percent(2, false).StringFixed(2), thousands(pooled.Num), thousands(pooled.Den))
}

// writeBallots prints the ballots of every round of every unit, the write-ins, and the runoffs
// and supplementary rounds.
func writeBallots(w io.Writer, rec *record) {
	var ballots, valid, invalid, spoiled, writeIns, runoffs, supps int
	type person struct{ unit, name string }
	names := map[person]bool{}
	for _, u := range rec.Units {
		for _, d := range u.Result.Decisions {
			switch d.Round.Kind {
			case tally.Runoff:
				runoffs++
			case tally.Supplementary:
				supps++
			}
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
}

// writeOutcome prints the seats left empty, the delegates not confirmed, the totals and the
// record's digest.
func writeOutcome(w io.Writer, rec *record) {
	fmt.Fprintf(w, "Seats left empty by a unit's decision: %d. Not confirmed by the credentials review: %d.\n", rec.Reduced, rec.Rejected)
	for _, u := range rec.Units {
		for _, rj := range u.Rejected {
			c, _ := u.candidate(rj.ID)
			fmt.Fprintf(w, "  %s %s (%s): %s\n", rj.ID, c.Name, u.Unit.Name, rj.Reason)
		}
	}
	fmt.Fprintf(w, "Elected %s delegates for a quota of %s; %s confirmed.\n",
		thousands(int64(rec.Elected)), thousands(int64(rec.Quota)), thousands(int64(rec.Confirmed)))
	fmt.Fprintf(w, "Record digest (of the %d units' nomination and election records, see -json): %s\n\n", len(rec.Units), rec.Digest)
}

// writeUnitTargets prints how many units met their targets for women and minority delegates,
// and each target missed.
func writeUnitTargets(w io.Writer, rec *record) {
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

// nominationText describes the nomination stage the simulation runs in every unit.
const nominationText = "Nomination (推荐提名) in each unit, on a sample of its organisation (one branch for every " +
	"100,000 members, under its recommending units and their committees): members write recommendation ballots " +
	"(推荐票), in the meeting's box or a mobile one, naming at most 17/10 of their recommending unit's places; a branch " +
	"sends up the names on more than half of its ballots, a committee those more than half of its branches sent, a " +
	"recommending unit 17/10 of its places by votes, and the unit takes them all (一上). Twice the list goes down for " +
	"opinions, agree, disagree or abstain counted like ballots (一下, 二下), and the unit keeps more than 50%, then " +
	"more than 40% more persons than seats (二上, 三上, the recommended); the list is announced for inspection (三下). " +
	"More persons are inspected than the preliminary list has places (差额考察, more than 10%); vetting may remove a " +
	"person (一票否决), the next in rank taking the place; the preliminary list, more than 20% over the seats, is made " +
	"public for five working days, and an upheld objection is replaced the same way; the prospective list meets the " +
	"difference rule. A tie at any cut is settled by lot, recorded as a decision (docs/rules.md G1–G11; the figures " +
	"are the simulation's)."

// writeNominationEvents lists what the nomination decided beyond its counts: vetting removals,
// upheld objections, replacements and ties settled by lot, in unit order, worded by tally/report.
func writeNominationEvents(w io.Writer, rec *record) {
	var lines []string
	vetoed, objections, upheld, replaced, lots := 0, 0, 0, 0, 0
	for _, u := range rec.Units {
		nm := &u.Nomination
		vetoed += len(nm.Vetoed)
		objections += len(nm.Objections)
		replaced += nm.Replaced
		lots += len(nm.Lots)
		for _, o := range nm.Objections {
			if o.Upheld {
				upheld++
			}
		}
		name := func(key string) string {
			if n, ok := nm.names[key]; ok {
				return n + " (" + key + ")"
			}
			return key
		}
		for _, r := range nominationEvents(nm.record) {
			lines = append(lines, fmt.Sprintf("  %s %s", u.Unit.Name, report.NominationReason(r, report.English, name)))
		}
	}
	fmt.Fprintf(w, "Vetting removed %s; %s during the public notice, %d upheld; %s listed in their places; %s settled by lot.\n",
		howMany(vetoed, "person", "persons"), howMany(objections, "objection", "objections"), upheld,
		howMany(replaced, "person", "persons"), howMany(lots, "tie", "ties"))
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// nominationEvents returns the reasons of a nomination record worth a line: ties settled,
// vetoes, upheld objections and replacements.
func nominationEvents(r *nominate.Record) []nominate.Reason {
	keep := func(rs []nominate.Reason) []nominate.Reason {
		var out []nominate.Reason
		for _, x := range rs {
			switch x.Kind {
			case nominate.ReasonTieSettled, nominate.ReasonVetoed, nominate.ReasonObjectionUpheld, nominate.ReasonReplaced:
				out = append(out, x)
			}
		}
		return out
	}
	var out []nominate.Reason
	for _, p := range r.Passes {
		for _, nd := range p.Nodes {
			out = append(out, keep(nd.Reasons)...)
		}
	}
	for _, s := range r.Steps {
		switch {
		case s.Shortlist != nil:
			out = append(out, keep(s.Shortlist.Reasons)...)
		case s.Vetting != nil:
			out = append(out, keep(s.Vetting.Reasons)...)
		case s.Notice != nil:
			out = append(out, keep(s.Notice.Reasons)...)
			if s.Notice.Vetting != nil {
				// the upheld objection has said who is removed
				for _, x := range keep(s.Notice.Vetting.Reasons) {
					if x.Kind != nominate.ReasonVetoed {
						out = append(out, x)
					}
				}
			}
		}
	}
	return out
}

// writePaper prints the ballot paper of the unit rec.Paper names and its delegates, both in
// surname stroke order, as the rules print them (docs/rules.md C7).
func writePaper(w io.Writer, rec *record) error {
	for _, u := range rec.Units {
		if u.Unit.Code != rec.Paper {
			continue
		}
		var names []string
		for _, c := range u.Slate.Candidates {
			names = append(names, c.Name)
		}
		fmt.Fprintf(w, "The ballot paper of %s %s, %d seats, in surname stroke order: %s.\n", u.Unit.Name, u.Unit.English,
			u.Seats, strings.Join(names, "、"))
		confirmed := ballot.Slate{Office: u.Slate.Office, Seats: u.Seats}
		for _, id := range u.confirmed() {
			c, _ := u.candidate(id)
			confirmed.Candidates = append(confirmed.Candidates, c)
		}
		names = names[:0]
		for _, c := range confirmed.StrokeOrdered().Candidates {
			names = append(names, c.Name)
		}
		fmt.Fprintf(w, "Its delegates, in surname stroke order: %s.\n\n", strings.Join(names, "、"))
		return nil
	}
	return nil
}
