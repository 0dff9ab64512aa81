package main

import "math/rand/v2"

// Purposes of the random streams. Every decision of the simulation draws from its own stream,
// derived from the seed, the unit's index and the purpose, so that units can be simulated in any
// order, on any number of goroutines, and give the same numbers.
const (
	streamSlate       = 1 // the temper of the unit's congress and the names some voters write in
	streamElectorate  = 2 // turnout of the unit's congress
	streamVotes       = 3 // ballots (round r uses streamVotes + 16·r)
	streamDecision    = 4 // the unit's own decisions (reducing seats)
	streamCredentials = 5 // the credentials review
	streamPublished   = 6 // the roster with the published counts
	streamLots        = 7 // lots drawn for a tie in the apportionment

	// The nomination stage (none of them is 3 modulo 16 below 500, where the votes' streams are).
	streamTree           = 1000 // the sampled organisation tree
	streamTreeLots       = 1001 // lots drawn for a tie in dividing the places among recommending units
	streamPool           = 1002 // the pool of persons and their attributes
	streamRecommend      = 1003 // the recommendation ballots of the first up
	streamOpinions       = 1010 // the opinion ballots of the downs (round k uses streamOpinions + k)
	streamVetting        = 1020 // vetting removals and objections during the notice
	streamNominationLots = 1100 // lots settling ties in the nomination (up to streamNominationLots + 63)
)

// splitmix64 is the finaliser of SplitMix64: a bijection on uint64 that spreads nearby inputs
// apart, so that streams for neighbouring units are unrelated.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// stream returns the random stream of one purpose for one unit (PCG, seeded from the run's seed,
// the unit index and the purpose). Simulation draws only integers from it: no floating point, so
// the same seed gives the same numbers on every architecture.
func stream(seed uint64, unit int, purpose uint64) *rand.Rand {
	return rand.New(rand.NewPCG(splitmix64(seed), splitmix64(uint64(unit)<<20^purpose)))
}

// permille reports an event of probability p/1000.
func permille(r *rand.Rand, p int) bool { return r.IntN(1000) < p }

// between returns an integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }
