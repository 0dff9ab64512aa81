package main

import (
	"errors"

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
	weights := weightsOf(units)
	a := apportionment{Method: m.String()}
	res, err := quota.Apportion(m, seats, weights)
	var te *quota.ApportionTieError
	if errors.As(err, &te) {
		// the tied units in the order drawn by lot
		order := make([]int, len(te.Units))
		for k, p := range stream(seed, 0, streamLots).Perm(len(te.Units)) {
			order[k] = te.Units[p]
			a.Lots = append(a.Lots, units[order[k]].Code)
		}
		a.TiedSeats = te.Seats
		var r quota.Apportionment
		r, err = quota.ApportionWithOptions(m, seats, weights, quota.ApportionOptions{TieOrder: order})
		res = r.Seats
	}
	if err != nil {
		return apportionment{}, err
	}
	a.Seats = res
	return a, nil
}

// weightsOf returns the units' apportionment weights: their membership.
func weightsOf(units []Unit) []int64 {
	w := make([]int64, len(units))
	for i, u := range units {
		w[i] = u.Members
	}
	return w
}
