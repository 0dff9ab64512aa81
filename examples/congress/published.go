package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota/composition"
)

// minorityGroups are the 55 recognised ethnic minority groups of China, as composition names them.
func minorityGroups() []string {
	var names []string
	for _, g := range composition.EthnicGroups()[1:] {
		names = append(names, g.Name)
	}
	return names
}

// The published counts of the 2,296 delegates elected to the 20th National Congress.
const (
	pubTotal        = 2296
	pubFrontLine    = 771
	pubWorkers      = 192
	pubMigrant      = 26
	pubFarmers      = 85
	pubTechnical    = 266
	pubWomen        = 619
	pubMinorities   = 264
	pubGroups       = 40
	pubUnder45      = 434
	pubUnder55      = 1371
	pubPostgraduate = 1210
	pubUniversity   = 826
	pubCollegeAll   = 2191 // college education or above
	pubJoinedReform = 2224
	pubHonours      = 710 // of the front-line
	pubAverageAge   = "52.2"
)

// spread returns the position of the j-th member of a category among n delegates: a stride
// coprime with n, so that categories are spread over the roster and overlap as in a real body.
func spread(j, stride, offset, n int) int { return (j*stride + offset) % n }

// publishedRoster builds a roster of 2,296 delegates whose attribute counts are exactly the
// published ones. Only the counts are real: names, units and the individual combinations of
// attributes are invented, deterministically.
func publishedRoster() []ballot.Candidate {
	n := pubTotal
	r := stream(0, 0, streamPublished)
	roster := make([]ballot.Candidate, n)
	for i := range roster {
		roster[i] = ballot.Candidate{
			ID:   fmt.Sprintf("D%04d", i+1),
			Name: personName(r),
			Attrs: map[string]string{
				attrSector: "leading", attrGender: "male", attrEthnicity: "Han", attrEducation: "secondary",
			},
		}
	}
	set := func(count, stride, offset int, key, value string) {
		for j := range count {
			roster[spread(j, stride, offset, n)].Attrs[key] = value
		}
	}
	// Front-line: the first 771; among them workers, farmers, technical personnel, others.
	for i := range pubFrontLine {
		a := roster[i].Attrs
		a[attrSector] = "frontline"
		switch {
		case i < pubWorkers:
			a[attrOccupation] = "worker"
			if i < pubMigrant {
				a[attrMigrant] = "yes"
			}
		case i < pubWorkers+pubFarmers:
			a[attrOccupation] = "farmer"
		case i < pubWorkers+pubFarmers+pubTechnical:
			a[attrOccupation] = "technical"
		default:
			a[attrOccupation] = "other"
		}
		a[attrHonours] = "none"
	}
	for j := range pubHonours { // 771 = 3·257: stride 5 is coprime
		roster[spread(j, 5, 2, pubFrontLine)].Attrs[attrHonours] = []string{"provincial", "national"}[j%2]
	}
	set(pubWomen, 13, 5, attrGender, "female")
	groups := minorityGroups()
	for j := range pubMinorities {
		roster[spread(j, 17, 11, n)].Attrs[attrEthnicity] = groups[j%pubGroups]
	}
	// Education: postgraduate, university, college; the rest secondary.
	edu := func(j int) string {
		switch {
		case j < pubPostgraduate:
			return "postgraduate"
		case j < pubPostgraduate+pubUniversity:
			return "university"
		case j < pubCollegeAll:
			return "college"
		}
		return "secondary"
	}
	for j := range n {
		roster[spread(j, 23, 7, n)].Attrs[attrEducation] = edu(j)
	}
	// Ages on the opening day, 16 October 2022: 434 aged 39–44, 937 aged 45–54, 925 aged 55–65,
	// cycling through each range (average 52.209…, printed 52.2). Birthdays fall before 16 October,
	// so a delegate born in 2022−a is a years old.
	ages := make([]int, 0, n)
	cycle := func(count, lo, hi int) {
		for j := range count {
			ages = append(ages, lo+j%(hi-lo+1))
		}
	}
	cycle(pubUnder45, 39, 44)
	cycle(pubUnder55-pubUnder45, 45, 54)
	cycle(n-pubUnder55, 55, 65)
	age := make([]int, n)
	for j, a := range ages {
		age[spread(j, 19, 3, n)] = a
	}
	// Joined the party: the 72 oldest before the reform and opening-up (December 1978), at 18 or
	// later; everyone else at 22, or in 1979 for those older.
	byAge := make([]int, n)
	for i := range byAge {
		byAge[i] = i
	}
	slices.SortStableFunc(byAge, func(a, b int) int { return age[b] - age[a] })
	early := make([]bool, n)
	for _, i := range byAge[:n-pubJoinedReform] {
		early[i] = true
	}
	for i := range roster {
		born := 2022 - age[i]
		month, day := 1+i%9, 1+i%28
		roster[i].Attrs[attrBorn] = fmt.Sprintf("%04d-%02d-%02d", born, month, day)
		joined := max(born+22, 1979)
		if early[i] {
			joined = born + 18
		}
		roster[i].Attrs[attrJoined] = fmt.Sprintf("%04d-%02d-%02d", joined, month, day)
	}
	return roster
}

// publishedReport is the composition report of the published roster.
func publishedReport() (*composition.Report, error) {
	return composition.Congress().Report(publishedRoster())
}

// writePublished prints the composition report of a roster with the published counts.
func writePublished(w io.Writer, asJSON bool) error {
	rep, err := publishedReport()
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(newComposition(rep))
	}
	fmt.Fprintln(w, "Composition of the 2,296 delegates elected to the 20th National Congress (2022),")
	fmt.Fprintln(w, "from a roster with the published counts (only the counts are real).")
	fmt.Fprintln(w)
	_, err = rep.WriteTo(w)
	return err
}
