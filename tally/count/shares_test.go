package count_test

import (
	"reflect"
	"testing"

	"github.com/chae-go/chae/tally/count"
)

// TestParallelSplits: AddBatchParallel splits a batch among the workers asked for (as many shares
// as the batch's size allows), counts no ballot twice, and does not split a batch too small to be
// worth it. Not parallel: it sets the package's shares hook.
func TestParallelSplits(t *testing.T) {
	bc := makeBulk(3, 12, 5, 4*1024+7, 40, 2, 2, 3)
	bt := batchOf(t, len(bc.slate.Candidates), bc.ballots)
	want, err := count.Count(bc.slate, bc.ballots)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		workers, shares int // shares 0: not split
	}{{1, 0}, {2, 2}, {4, 4}, {9, 4}}
	for _, tc := range tests {
		shares := 0
		restore := count.OnShares(func(n int) { shares = n })
		c, _ := count.NewCounter(bc.slate)
		err := c.AddBatchParallel(bt, tc.workers)
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if shares != tc.shares {
			t.Errorf("%d workers: %d shares, want %d", tc.workers, shares, tc.shares)
		}
		if got := c.Counts(); !reflect.DeepEqual(got, want) {
			t.Errorf("%d workers: counts differ from Add's:%s", tc.workers, diffCounts(want, got))
		}
	}
}
