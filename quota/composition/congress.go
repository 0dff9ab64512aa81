package composition

import (
	"time"

	"github.com/chae-go/chae/quota"
)

// CongressOpening is the opening day of the 20th National Congress of the Communist Party of
// China, 16 October 2022: the date on which Congress measures ages.
func CongressOpening() time.Time { return time.Date(2022, time.October, 16, 0, 0, 0, 0, time.UTC) }

// Category names of Congress, for targets and for looking rows up in a report.
const (
	CatFrontLine     = "front-line"
	CatWorkers       = "workers"
	CatMigrant       = "migrant workers"
	CatFarmers       = "farmers"
	CatTechnical     = "technical"
	CatWomen         = "women"
	CatMinorities    = "minorities"
	CatUnder55       = "under 55"
	CatUnder45       = "under 45"
	CatCollege       = "college or above"
	CatUniversity    = "university"
	CatPostgraduate  = "postgraduate"
	CatJoinedReform  = "joined after 1978"
	CatHonours       = "honours"
	CatLeadingCadres = "leading cadres"
)

// Congress returns the Spec of the composition report of the delegates to the 20th National
// Congress of the Communist Party of China, as published with the list of delegates (the reference
// case), over candidates carrying the attribute keys documented in the package comment. Shares
// are printed to one decimal place of a percent, the average age to one decimal place.
//
// Categories, in the published order (each over the whole body unless said):
//
//	front-line          sector=frontline (party members on the front line of production and work)
//	workers             front-line AND occupation=worker
//	migrant workers     front-line AND occupation=worker AND migrant=yes
//	farmers             front-line AND occupation=farmer
//	technical           front-line AND occupation=technical (professional and technical personnel)
//	women               gender=female
//	minorities          has ethnicity AND NOT ethnicity=Han
//	under 55            age(born) < 55 on CongressOpening
//	under 45            age(born) < 45 on CongressOpening
//	college or above    education in {college, university, postgraduate}
//	university          education=university
//	postgraduate        education=postgraduate
//	joined after 1978   joined after 1978-12-31 (after the reform and opening-up of December 1978)
//	honours             honours in {national, provincial}, of the front-line
//	leading cadres      sector=leading
//
// Distinct: "ethnic groups", the distinct ethnicity values among the minorities. Average: "age",
// in completed years on CongressOpening, of every delegate.
//
// Targets (announced beforehand; docs/rules.md U4 and the reference case): front-line share at
// least one third; leading cadres share at most two thirds; at least one minority delegate. The target
// that women's share exceed their share of the membership needs that share, which the reference
// case does not give: append it yourself,
//
//	c.Targets = append(c.Targets, composition.Target{Category: composition.CatWomen, Kind: composition.ShareAbove,
//		Share: membershipShare, Reference: "women's share of the membership"})
//
// The published figures come out of any roster with the published counts: 771 front-line (33.6%),
// 192 workers (8.4%), 85 farmers (3.7%), 266 technical (11.6%), 619 women (27.0%), 264 minorities
// (11.5%) from 40 ethnic groups, 1,371 under 55 (59.7%), 434 under 45 (18.9%), 2,191 college or
// above (95.4%), 826 university (36.0%), 1,210 postgraduate (52.7%), 2,224 joined after 1978
// (96.9%), 710 honours (92.1% of the front-line), average age 52.2, of 2,296 delegates.
func Congress() Spec {
	on := CongressOpening()
	front := Is("sector", "frontline")
	minority := And(Has("ethnicity"), Not(Is("ethnicity", han)))
	return Spec{
		Places: 1,
		Categories: []Category{
			{Name: CatFrontLine, Where: front},
			{Name: CatWorkers, Where: And(front, Is("occupation", "worker"))},
			{Name: CatMigrant, Where: And(front, Is("occupation", "worker"), Is("migrant", "yes"))},
			{Name: CatFarmers, Where: And(front, Is("occupation", "farmer"))},
			{Name: CatTechnical, Where: And(front, Is("occupation", "technical"))},
			{Name: CatWomen, Where: Is("gender", "female")},
			{Name: CatMinorities, Where: minority},
			{Name: CatUnder55, Where: AgeUnder("born", 55, on)},
			{Name: CatUnder45, Where: AgeUnder("born", 45, on)},
			{Name: CatCollege, Where: In("education", "college", "university", "postgraduate")},
			{Name: CatUniversity, Where: Is("education", "university")},
			{Name: CatPostgraduate, Where: Is("education", "postgraduate")},
			{Name: CatJoinedReform, Where: After("joined", time.Date(1978, time.December, 31, 0, 0, 0, 0, time.UTC))},
			{Name: CatHonours, Where: In("honours", "national", "provincial"), Of: CatFrontLine},
			{Name: CatLeadingCadres, Where: Is("sector", "leading")},
		},
		Distinct: []Distinct{{Name: "ethnic groups", Key: "ethnicity", Where: minority}},
		Averages: []Average{{Name: "age", Key: "born", AgeOn: on, Places: 1}},
		Targets: []Target{
			{Category: CatFrontLine, Kind: ShareAtLeast, Share: quota.Ratio(1, 3)},
			{Category: CatLeadingCadres, Kind: ShareAtMost, Share: quota.Ratio(2, 3)},
			{Category: CatMinorities, Kind: CountAtLeast, Count: 1},
		},
	}
}
