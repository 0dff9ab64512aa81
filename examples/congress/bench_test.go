package main

import (
	"fmt"
	"testing"

	"github.com/chae-go/chae/quota"
)

// BenchmarkSimulate runs the whole simulation (apportionment, slates, ballots, counting, every
// round, credentials review, composition reports) for the default 38 units and scaled up.
func BenchmarkSimulate(b *testing.B) {
	for _, units := range []int{38, 190} {
		b.Run(fmt.Sprintf("units=%d", units), func(b *testing.B) {
			cfg := config{Seed: 2022, Method: quota.HuntingtonHill, Quota: (2300*units + 19) / 38, Units: units}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := simulateAll(cfg, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
