package main

import (
	"fmt"
	"testing"

	"github.com/chae-go/chae/quota"
)

// BenchmarkSimulate runs the whole simulation (apportionment, nomination, slates, ballots,
// counting, every round, credentials review, composition reports, digests) for the default 38
// units and scaled up, on every core, and for 38 units on one goroutine: the baseline of
// BenchmarkNomination.
func BenchmarkSimulate(b *testing.B) {
	for _, tc := range []struct{ units, workers int }{{38, 0}, {190, 0}, {38, 1}} {
		b.Run(fmt.Sprintf("units=%d/workers=%d", tc.units, tc.workers), func(b *testing.B) {
			cfg := config{Seed: 2022, Method: quota.HuntingtonHill, Quota: (2300*tc.units + 19) / 38, Units: tc.units,
				Workers: tc.workers, NominateWorkers: 1}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := simulateAll(cfg, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNomination runs the nomination stage alone — trees, pools, recommendation ballots,
// three ups and three downs, inspection, vetting, notice, slates — for the default 38 units on
// one goroutine: its share of BenchmarkSimulate/units=38/workers=1 in the same run.
func BenchmarkNomination(b *testing.B) {
	base, err := loadUnits()
	if err != nil {
		b.Fatal(err)
	}
	a, err := apportion(2022, quota.HuntingtonHill, 2300, base)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, u := range base {
			un, err := newUnitNomination(2022, i, u, a.Seats[i], 1)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := un.run(); err != nil {
				b.Fatal(err)
			}
		}
	}
}
