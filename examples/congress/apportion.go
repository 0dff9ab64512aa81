package main

import (
	"errors"
	"fmt"
	"slices"

	"github.com/chae-go/chae/quota"
)

// methods are the apportionment methods -method accepts, by flag name.
var methods = []struct {
	name   string
	method quota.Method
}{
	{"huntington-hill", quota.HuntingtonHill},
	{"sainte-lague", quota.SainteLague},
	{"modified-sainte-lague", quota.ModifiedSainteLague},
	{"dhondt", quota.DHondt},
	{"hamilton", quota.Hamilton},
	{"droop", quota.Droop},
	{"adams", quota.Adams},
	{"dean", quota.Dean},
}

// methodNames lists the names -method accepts.
func methodNames() []string {
	var out []string
	for _, m := range methods {
		out = append(out, m.name)
	}
	return out
}

// apportionment is the division of the quota among the units, with any tie settled by lot.
type apportionment struct {
	Method string   `json:"method"`
	Seats  []int    `json:"seats"`
	Lots   []string `json:"lots,omitempty"` // units in the order drawn by lot for a tie, if any
}

// apportion divides seats among the units by their membership with the named method. A tie for
// the last seat(s) is settled by lot, drawn from the seed, and recorded: the library never breaks
// it by itself.
func apportion(seed uint64, name string, seats int, units []Unit) (apportionment, error) {
	i := slices.IndexFunc(methods, func(m struct {
		name   string
		method quota.Method
	}) bool {
		return m.name == name
	})
	if i < 0 {
		return apportionment{}, fmt.Errorf("congress: unknown method %q (one of %v)", name, methodNames())
	}
	m := methods[i].method
	weights := make([]int64, len(units))
	for k, u := range units {
		weights[k] = u.Members
	}
	a := apportionment{Method: m.String()}
	res, err := quota.Apportion(m, seats, weights)
	var te *quota.TieError
	if errors.As(err, &te) {
		// the tied units in the order drawn by lot
		order := make([]int, len(te.Units))
		for k, p := range stream(seed, 0, streamLots).Perm(len(te.Units)) {
			order[k] = te.Units[p]
			a.Lots = append(a.Lots, units[order[k]].Code)
		}
		var r quota.Result
		r, err = quota.ApportionWithOptions(m, seats, weights, quota.Options{TieOrder: order})
		res = r.Seats
	}
	if err != nil {
		return apportionment{}, err
	}
	a.Seats = res
	return a, nil
}
