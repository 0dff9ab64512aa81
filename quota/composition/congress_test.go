package composition_test

import (
	"fmt"
	"time"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/quota/composition"
)

// minorityGroups are 40 of China's 55 ethnic minorities, from the package's list.
var minorityGroups = func() []string {
	var names []string
	for _, g := range composition.EthnicGroups()[1:41] {
		names = append(names, g.Name)
	}
	return names
}()

// congressRoster builds a synthetic roster of the 2,296 delegates elected to the 20th National
// Congress whose attribute counts are exactly the published ones (CONGRESS.md), with the attribute
// keys of the package documentation. Attributes are spread over the roster with different strides
// so that categories overlap as in a real body; the roster is deterministic.
func congressRoster() []ballot.Candidate {
	const n = 2296
	cs := make([]ballot.Candidate, n)
	for i := range cs {
		cs[i] = ballot.Candidate{ID: fmt.Sprintf("D%04d", i+1), Name: fmt.Sprintf("Delegate %d", i+1), Attrs: map[string]string{}}
	}
	// pos spreads index i over 0..n-1 by a stride coprime with 2,296 = 2³·7·41.
	pos := func(i, stride, offset int) int { return (i*stride + offset) % n }

	// Sector: 771 front-line (first 771 in roster order), the rest leading cadres.
	front := 0
	for i := range cs {
		if i < 771 {
			cs[i].Attrs["sector"] = "frontline"
			// Occupations of the front-line: 192 workers (26 migrant), 85 farmers, 266 technical,
			// 228 others; 710 with provincial-level or higher honours.
			switch k := (front * 2) % 771; {
			case k < 192:
				cs[i].Attrs["occupation"] = "worker"
				if k < 26 {
					cs[i].Attrs["migrant"] = "yes"
				}
			case k < 192+85:
				cs[i].Attrs["occupation"] = "farmer"
			case k < 192+85+266:
				cs[i].Attrs["occupation"] = "technical"
			default:
				cs[i].Attrs["occupation"] = "other"
			}
			switch h := (front * 5) % 771; {
			case h < 100:
				cs[i].Attrs["honours"] = "national"
			case h < 710:
				cs[i].Attrs["honours"] = "provincial"
			}
			front++
		} else {
			cs[i].Attrs["sector"] = "leading"
			if i%30 == 0 { // honours outside the front-line must not count toward the front-line's
				cs[i].Attrs["honours"] = "national"
			}
		}
	}
	for i := range cs {
		a := cs[i].Attrs
		// 619 women.
		if pos(i, 3, 1) < 619 {
			a["gender"] = "female"
		} else {
			a["gender"] = "male"
		}
		// 264 minority delegates from 40 groups (6 or 7 each), the rest Han.
		if p := pos(i, 5, 2); p < 264 {
			a["ethnicity"] = minorityGroups[p%40]
		} else {
			a["ethnicity"] = "Han"
		}
		// Education: 1,210 postgraduate, 826 university, 155 college, 105 secondary.
		switch p := pos(i, 9, 3); {
		case p < 1210:
			a["education"] = "postgraduate"
		case p < 1210+826:
			a["education"] = "university"
		case p < 1210+826+155:
			a["education"] = "college"
		default:
			a["education"] = "secondary"
		}
		// Joined the party: 2,224 after 1978, 72 before. Both sides of the boundary appear.
		switch p := pos(i, 11, 4); {
		case p == 0:
			a["joined"] = "1979-01-01"
		case p < 2224:
			a["joined"] = fmt.Sprintf("%d-07-01", 1979+p%40)
		case p == 2224:
			a["joined"] = "1978-12-31"
		default:
			a["joined"] = fmt.Sprintf("%d-03-15", 1960+p%18)
		}
	}
	// Ages on the opening day: 434 under 45, 937 from 45 to 54, 925 aged 55 or more, summing to
	// 119,851 years: a mean of 52.1999..., printed 52.2.
	ages := congressAges()
	on := time.Date(2022, time.October, 16, 0, 0, 0, 0, time.UTC)
	for i := range cs {
		age := ages[pos(i, 13, 5)]
		// Born on a day that makes the age exactly right; a few on the birthday itself, a few on
		// the day after, to exercise the boundary of completed years.
		var born time.Time
		switch i % 3 {
		case 0:
			born = on.AddDate(-age, 0, 0) // birthday on the day: exactly age
		case 1:
			born = on.AddDate(-age-1, 0, 1) // birthday tomorrow: still age
		default:
			born = time.Date(on.Year()-age, time.January, 2, 0, 0, 0, 0, time.UTC)
		}
		cs[i].Attrs["born"] = born.Format("2006-01-02")
	}
	return cs
}

// congressAges returns 2,296 ages: 434 under 45, 937 from 45 to 54, 925 of 55 or more, summing to
// 119,851.
func congressAges() []int {
	var ages []int
	add := func(count, lo, hi int) {
		for k := range count {
			ages = append(ages, lo+k%(hi-lo+1))
		}
	}
	add(434, 38, 44)
	add(937, 45, 54)
	add(925, 55, 64)
	sum := 0
	for _, a := range ages {
		sum += a
	}
	// Raise ages within their bands until the sum is right (only the 55-or-more band here).
	for i := len(ages) - 1; sum < 119851; i-- {
		if ages[i] < 66 {
			ages[i]++
			sum++
		}
		if i == 434+937 {
			i = len(ages)
		}
	}
	return ages
}
