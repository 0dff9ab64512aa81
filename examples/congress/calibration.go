package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// The calibration of the synthetic population.
//
// Nothing below is a published figure: the published composition of the 2,296 delegates (see
// published.go) is an outcome, and the simulation has to produce it from a population of persons
// the members can recommend, through the recommendation, the downs, inspection, vetting, notice
// and the vote. The parameters here set that population so that the default run lands within one
// percentage point of every published share and meets every announced target in every unit.
//
// Each unit has a pool of persons, ranked by their standing among the unit's members (rank 0 is
// the most widely supported). The pool has poolPer·seats/1000 + poolExtra persons, more than the
// funnel needs (the first up lists about twice the seats). Every attribute is dealt along the
// ranking (a dealer: every prefix of the ranking holds each category in its share, as nearly as
// whole persons allow), so that whoever the process selects — roughly the best-ranked seats —
// has the composition of the shares below, and no group's standing differs from another's, with
// two exceptions that stand for the nominating organisations' attention to the structure targets
// (结构需要, which the sources name as a ground of their decisions):
//
//   - women: the unit's planned number of women delegates (just above women's share of the
//     unit's membership, plus a cushion) is dealt among the best-ranked zonePermille‰ of the
//     seats; the rest of the pool has womenRestPermille‰ women;
//   - ethnic minorities: likewise, the unit's planned minority delegates (the unit's minority
//     share of its membership times minorityLift/1000, at least minorityMin) in the zone, and
//     the unit's membership share in the rest of the pool; their groups are dealt from the
//     unit's list in units.csv, each listed group first once, most numerous first, so that the
//     groups that can appear among the elected are known: 40 over the 38 units, as published.
//
// The zone is well above the cut of every list (its standing is well above the rest's), so the
// ups, the downs and the vote seldom touch it; the women's cushion covers a removal by vetting,
// by an upheld objection or by the credentials review.
const (
	poolPer   = 2600 // pool persons per thousand seats …
	poolExtra = 6    // … plus this many

	frontlinePermille = 340 // front-line share (published 33.6%; the target is at least 1/3)

	zonePermille      = 800 // the zone: the best-ranked 80% of the seats
	womenRestPermille = 130 // women outside the zone
	womenCushion      = 1   // planned women beyond the least that meets the unit's target
	minorityLift      = 1200
	minorityMin       = 2
)

// Front-line occupations (published: 192 workers, 85 farmers, 266 technical of 771 front-line),
// migrant workers among workers (26 of 192) and honours among the front-line (710 of 771).
var (
	occupations      = []string{"worker", "farmer", "technical", "other"}
	occupationWeight = []int{192, 85, 266, 228}
	migrantWeight    = []int{26, 166}
	honoursWeight    = []int{710, 61}
)

// ageBand is a band of ages, in completed years on the opening day.
type ageBand struct{ lo, hi int }

// Ages by sector, weights in thousandths (published: 18.9% under 45, 59.7% under 55, average
// 52.2). Front-line delegates are younger than leading cadres.
var (
	frontlineAges       = []ageBand{{34, 44}, {45, 54}, {55, 61}}
	frontlineAgeWeight  = []int{510, 415, 75}
	leadingAges         = []ageBand{{41, 44}, {47, 54}, {55, 61}, {62, 66}}
	leadingAgeWeight    = []int{20, 405, 355, 220}
	earlyJoinWeight     = []int{210, 790} // of those aged 62 or more: joined before 1979, or after
	educationLevels     = []string{"secondary", "college", "university", "postgraduate"}
	educationWorkers    = []int{380, 400, 200, 20} // front-line workers and farmers
	educationOthers     = []int{0, 22, 382, 596}   // everyone else
	educationWorkersSet = map[string]bool{"worker": true, "farmer": true}
)

// plan is what a unit's pool is dealt to hold.
type plan struct {
	Seats      int
	Pool       int
	Zone       int // the best-ranked persons among whom women and minorities are planned
	Women      int // planned women in the zone
	Minorities int // planned minority persons in the zone
	Groups     []string
}

// unitPlan returns the unit's plan for its seats.
func unitPlan(u Unit, seats int) plan {
	p := plan{Seats: seats, Pool: (poolPer*seats+999)/1000 + poolExtra}
	p.Zone = max(1, seats*zonePermille/1000)
	// strictly above the membership share: floor(share·seats) + 1, and the cushion
	p.Women = min(p.Zone, u.WomenPermille*seats/1000+1+womenCushion)
	p.Minorities = min(p.Zone, max(minorityMin, (u.MinorityPermille*seats*minorityLift+500000)/1000000))
	p.Groups = u.Minorities[:min(len(u.Minorities), p.Minorities)]
	return p
}

// person is one member of a unit's pool.
type person struct {
	ID    string
	Name  string
	Rank  int // 0 is the most widely supported
	Home  int // the recommending unit whose members know them
	Attrs map[string]string
	// Standing is the person's standing among the unit's members, in thousandths: from 1000
	// down to zoneFloor across the zone, then from restTop down to 0 across the rest of the pool.
	Standing int
}

// Standing across the pool: the zone's persons are widely known and supported (结构需要 puts them
// forward), well above the rest, so that the noise of the ups, the downs and the vote reorders
// them among themselves but seldom below the cut.
const (
	zoneFloor = 950
	restTop   = 700
)

// standingAt returns the standing of rank k in a pool with the given zone.
func standingAt(k, zone, pool int) int {
	if k < zone {
		return 1000 - (1000-zoneFloor)*k/zone
	}
	return restTop - restTop*(k-zone)/(pool-zone)
}

// makePool deals the unit's pool: names, homes (in proportion to the recommending units'
// places) and attributes, along the ranking.
func makePool(r *rand.Rand, u Unit, pl plan, places []int) []person {
	pool := make([]person, pl.Pool)
	homes := newDealer(r, places...)
	sector := newDealer(r, frontlinePermille, 1000-frontlinePermille)
	occupation := newDealer(r, occupationWeight...)
	migrant := newDealer(r, migrantWeight...)
	honours := newDealer(r, honoursWeight...)
	womenZone := chosen(r, pl.Zone, pl.Women)
	womenRest := newDealer(r, womenRestPermille, 1000-womenRestPermille)
	minZone := chosen(r, pl.Zone, pl.Minorities)
	minRest := newDealer(r, u.MinorityPermille, 1000-u.MinorityPermille)
	frontAge := newDealer(r, frontlineAgeWeight...)
	leadAge := newDealer(r, leadingAgeWeight...)
	early := newDealer(r, earlyJoinWeight...)
	eduW := newDealer(r, educationWorkers...)
	eduO := newDealer(r, educationOthers...)
	gw := make([]int, len(pl.Groups))
	for k := range gw {
		gw[k] = len(gw) - k // the first listed most numerous
	}
	groups := newDealer(r, gw...)
	minorities := 0
	names := make(map[string]bool, pl.Pool)
	for k := range pool {
		name := personName(r)
		for names[name] {
			name = personName(r)
		}
		names[name] = true
		a := make(map[string]string, 9)
		front := sector.next() == 0
		var age int
		if front {
			a[attrSector] = "frontline"
			occ := occupations[occupation.next()]
			a[attrOccupation] = occ
			if occ == "worker" && migrant.next() == 0 {
				a[attrMigrant] = "yes"
			}
			a[attrHonours] = "none"
			if honours.next() == 0 {
				a[attrHonours] = []string{"national", "provincial"}[r.IntN(2)]
			}
			b := frontlineAges[frontAge.next()]
			age = between(r, b.lo, b.hi)
		} else {
			a[attrSector] = "leading"
			b := leadingAges[leadAge.next()]
			age = between(r, b.lo, b.hi)
		}
		woman := false
		minority := false
		if k < pl.Zone {
			woman, minority = womenZone[k], minZone[k]
		} else {
			woman = womenRest.next() == 0
			minority = minRest.next() == 0
		}
		a[attrGender] = "male"
		if woman {
			a[attrGender] = "female"
		}
		a[attrEthnicity] = "Han"
		if minority && len(pl.Groups) > 0 {
			if minorities < len(pl.Groups) {
				a[attrEthnicity] = pl.Groups[minorities] // each listed group once first
			} else {
				a[attrEthnicity] = pl.Groups[groups.next()]
			}
			minorities++
		}
		born := bornAged(r, age)
		a[attrBorn] = day(born)
		joined := joinedAt(r, born, 18, 34)
		switch reform := time.Date(1979, time.January, 1, 0, 0, 0, 0, time.UTC); {
		case age >= 62 && early.next() == 0:
			// joined before the reform and opening-up: at 18, within 1978 at the latest
			if joined = joinedAt(r, born, 18, 18); !joined.Before(reform) {
				joined = reform.AddDate(0, 0, -1-r.IntN(200))
			}
		case joined.Before(reform):
			joined = reform.AddDate(r.IntN(6), r.IntN(12), r.IntN(28))
		}
		a[attrJoined] = day(joined)
		if front && educationWorkersSet[a[attrOccupation]] {
			a[attrEducation] = educationLevels[eduW.next()]
		} else {
			a[attrEducation] = educationLevels[eduO.next()]
		}
		pool[k] = person{ID: personID(u.Code, k), Name: name, Rank: k, Home: homes.next(), Attrs: a,
			Standing: standingAt(k, pl.Zone, pl.Pool)}
	}
	return pool
}

// groupsOf returns the distinct minority groups a plan can put among the elected.
func groupsOf(plans []plan) []string {
	var out []string
	for _, p := range plans {
		for _, g := range p.Groups {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	slices.SortFunc(out, strings.Compare)
	return out
}
