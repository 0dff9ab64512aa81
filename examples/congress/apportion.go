package main

import (
	"errors"
	"math/rand/v2"

	"github.com/chae-go/chae/quota"
)

// apportionment is the division of the quota among the units, with any tie settled by lot.
type apportionment struct {
	Method string `json:"method"`
	Seats  []int  `json:"seats"`
	// Lots lists the units tied for the last seat(s), in the order drawn by lot (the first
	// TiedSeats of them take the seats); empty when there was no tie.
	Lots      []string `json:"lots,omitempty"`
	TiedSeats int      `json:"tied_seats,omitempty"`
}

// apportion divides seats among the units by their membership with the method m. A tie for
// the last seat(s) is settled by lot, drawn from the seed, and recorded: the library never breaks
// it by itself.
func apportion(seed uint64, m quota.Method, seats int, units []Unit) (apportionment, error) {
	res, err := apportionLots(stream(seed, 0, streamLots), m, seats, weightsOf(units))
	if err != nil {
		return apportionment{}, err
	}
	a := apportionment{Method: m.String(), Seats: res.Seats, TiedSeats: res.TiedSeats}
	for _, k := range res.Lots {
		a.Lots = append(a.Lots, units[k].Code)
	}
	return a, nil
}

// lotted is an apportionment whose tie, if any, was settled by lot: Lots are the tied units'
// positions in the order drawn, the first TiedSeats of them taking the seats.
type lotted struct {
	Seats     []int
	Lots      []int
	TiedSeats int
}

// apportionLots divides seats among weights with the method m; a tie for the last seat(s) is
// settled by an order drawn from r.
func apportionLots(r *rand.Rand, m quota.Method, seats int, weights []int64) (lotted, error) {
	res, err := quota.Apportion(m, seats, weights)
	var te *quota.ApportionTieError
	if !errors.As(err, &te) {
		return lotted{Seats: res}, err
	}
	out := lotted{TiedSeats: te.Seats}
	for _, p := range r.Perm(len(te.Units)) {
		out.Lots = append(out.Lots, te.Units[p])
	}
	a, err := quota.ApportionWithOptions(m, seats, weights, quota.ApportionOptions{TieOrder: out.Lots})
	out.Seats = a.Seats
	return out, err
}

// weightsOf returns the units' apportionment weights: their membership.
func weightsOf(units []Unit) []int64 {
	w := make([]int64, len(units))
	for i, u := range units {
		w[i] = u.Members
	}
	return w
}
