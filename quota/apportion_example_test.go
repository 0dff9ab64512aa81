package quota_test

import (
	"errors"
	"fmt"

	"github.com/chae-go/chae/quota"
)

// Balinski and Young's four states share 10 seats: the largest-remainder and the divisor
// methods disagree, and only Hamilton keeps every state within its quota.
func ExampleApportion() {
	population := []int64{5117, 4400, 162, 161}
	for _, m := range []quota.Method{quota.Hamilton, quota.DHondt, quota.SainteLague, quota.HuntingtonHill} {
		seats, err := quota.Apportion(m, 10, population)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-16s %v within quota: %v\n", m, seats, quota.WithinQuota(seats, population))
	}
	// Output:
	// Hamilton         [5 5 0 0] within quota: true
	// D'Hondt          [5 5 0 0] within quota: true
	// Sainte-Laguë     [5 5 0 0] within quota: true
	// Huntington–Hill  [4 4 1 1] within quota: false
}

// The divisor methods on one result: D'Hondt favours the large parties, Sainte-Laguë is
// even-handed, the modified first divisor 1.4 makes a small party's first seat dearer, and
// Huntington–Hill and Adams give every party a first seat before anyone a second.
func ExampleApportion_divisorMethods() {
	votes := []int64{50000, 28000, 12000, 6000, 4000}
	for _, m := range []quota.Method{quota.DHondt, quota.SainteLague, quota.ModifiedSainteLague, quota.HuntingtonHill, quota.Adams} {
		seats, err := quota.Apportion(m, 10, votes)
		fmt.Printf("%-22s %v %v\n", m, seats, err)
	}
	// Output:
	// D'Hondt                [6 3 1 0 0] <nil>
	// Sainte-Laguë           [5 3 1 1 0] <nil>
	// modified Sainte-Laguë  [6 3 1 0 0] <nil>
	// Huntington–Hill        [4 3 1 1 1] <nil>
	// Adams                  [4 3 1 1 1] <nil>
}

// The largest-remainder methods differ only in the quota: Hare (Hamilton), Droop and
// Hagenbach-Bischoff.
func ExampleApportion_largestRemainder() {
	votes := []int64{47000, 16000, 15800, 12000, 6100, 3100}
	for _, m := range []quota.Method{quota.Hamilton, quota.Droop, quota.HagenbachBischoff} {
		seats, err := quota.Apportion(m, 10, votes)
		fmt.Printf("%-45s %v %v\n", m, seats, err)
	}
	// Output:
	// Hamilton                                      [5 2 1 1 1 0] <nil>
	// largest remainder (Droop quota)               [5 2 2 1 0 0] <nil>
	// largest remainder (Hagenbach-Bischoff quota)  [5 2 2 1 0 0] <nil>
}

// A congress quota: 60 delegates among five election units by membership, every unit at least
// two, none more than twenty.
func ExampleApportionWithOptions() {
	members := []int64{52000, 31000, 9000, 4000, 800}
	r, err := quota.ApportionWithOptions(quota.SainteLague, 60, members, quota.ApportionOptions{Min: 2, Max: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Seats)
	// Output:
	// [20 20 12 6 2]
}

// A 5% threshold: the fourth party, below it, gets nothing and is recorded as excluded.
func ExampleApportionWithOptions_threshold() {
	votes := []int64{41000, 33000, 21000, 4900}
	r, err := quota.ApportionWithOptions(quota.SainteLague, 20, votes, quota.ApportionOptions{
		Threshold: quota.Threshold{Share: quota.Percent(5), Boundary: quota.AtLeast},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Seats, "excluded:", r.Excluded)
	// Output:
	// [9 7 4 0] excluded: [3]
}

// The Portuguese parliament's worked example of D'Hondt: 7 seats, votes 12000, 7500, 4500,
// 3000. The seventh seat is a tie (A's fourth quotient and D's first are both 3000). The
// library reports it; the law (Lei 14/79, art. 16.º) gives it to the list with fewer votes, so
// the organisers pass that order back in, and the result records it.
func ExampleApportionTieError() {
	votes := []int64{12000, 7500, 4500, 3000}
	_, err := quota.Apportion(quota.DHondt, 7, votes)
	var tie *quota.ApportionTieError
	if errors.As(err, &tie) {
		fmt.Println(err)
		fmt.Println("settled so far:", tie.Settled)
	}
	r, err := quota.ApportionWithOptions(quota.DHondt, 7, votes, quota.ApportionOptions{TieOrder: []int{3, 2, 1, 0}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Seats, "tie:", r.Ties[0].Units, "seat to", r.Ties[0].Winners)
	// Output:
	// quota: D'Hondt: tie among units 0, 3 for 1 seat
	// settled so far: [3 2 1 0]
	// [3 2 1 1] tie: [0 3] seat to [3]
}

func ExampleWithinQuota() {
	// Quotas 4.29, 4.29, 1.43 of 10 seats.
	fmt.Println(quota.WithinQuota([]int{4, 4, 2}, []int64{6, 6, 2}))
	fmt.Println(quota.WithinQuota([]int{5, 5, 0}, []int64{6, 6, 2}))
	// Output:
	// true
	// false
}
