package nominate_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chae-go/chae/quota"
	"github.com/chae-go/chae/tally/nominate"
)

// The benchmarks. Each times its baseline in the same loop, alternating with the code measured,
// and reports the ratio of the two times (x-baseline: how many times longer than the baseline
// the measured code takes). The province-sized cases — 5,000,000 ballots counted; 200,000
// branches and 4.7 million members aggregated — run only with CHAE_NOMINATE_PROVINCE=1 in the
// environment, so that CI's one-iteration run stays within seconds:
//
//	CHAE_NOMINATE_PROVINCE=1 go test -run '^$' -bench . -count 6 ./tally/nominate/ | tee new.txt
//	benchstat new.txt
//
// BENCHMARKS.md records the figures and the machine.

func provinceScale(b *testing.B) {
	if os.Getenv("CHAE_NOMINATE_PROVINCE") == "" {
		b.Skip("province scale: set CHAE_NOMINATE_PROVINCE=1")
	}
}

// zipf is an inverse-CDF table of a Zipf distribution (exponent 1.1) over n items: a uniform
// 16-bit draw picks an item with one lookup.
type zipf []uint32

func newZipf(n int) zipf {
	w := make([]float64, n)
	total := 0.0
	for i := range w {
		w[i] = 1 / math.Pow(float64(i+1), 1.1)
		total += w[i]
	}
	z := make(zipf, 1<<16)
	acc, k := 0.0, 0
	for i := range w {
		acc += w[i] / total
		for k < len(z) && float64(k) < acc*float64(len(z)) {
			z[k] = uint32(i)
			k++
		}
	}
	for ; k < len(z); k++ {
		z[k] = uint32(n - 1)
	}
	return z
}

func (z zipf) draw(r *rand.Rand) uint32 { return z[r.Uint32()>>16] }

// province is a synthetic election unit: branches → committees → recommending units → the unit,
// members per branch exponentially distributed (mean 23.5: 4.7 million for 200,000 branches), each recommending unit with its own
// 200 local persons and a province-wide pool of 2,000. Every branch's ballots are generated
// from its own seed, so that any branch can be generated, again, on any goroutine.
type province struct {
	tree    *nominate.Tree
	reg     *nominate.Registry
	leaves  []nominate.OrgID
	leafOf  map[nominate.OrgID]int
	members []int
	prob    []int
	unit    []int
	local   [][]nominate.Person
	common  []nominate.Person
	zLocal  zipf
	zCommon zipf
	seats   int
}

func newProvince(tb testing.TB, branches int) *province {
	p := &province{leafOf: map[nominate.OrgID]int{}, zLocal: newZipf(200), zCommon: newZipf(2000), seats: 860}
	r := rand.New(rand.NewPCG(7, uint64(branches)))
	units := max(1, min(40, branches/50))
	committees := max(units, branches/15)
	orgs := []nominate.Org{{ID: "unit", Kind: nominate.ElectionUnit, Places: p.seats}}
	for u := range units {
		orgs = append(orgs, nominate.Org{ID: nominate.OrgID(fmt.Sprintf("u%02d", u)), Parent: "unit", Kind: nominate.RecommendingUnit})
	}
	for c := range committees {
		orgs = append(orgs, nominate.Org{ID: nominate.OrgID(fmt.Sprintf("c%05d", c)), Parent: nominate.OrgID(fmt.Sprintf("u%02d", c%units)), Kind: nominate.Committee})
	}
	for i := range branches {
		c := i % committees
		m := 3 + int(-math.Log(1-r.Float64())*21)
		pr := r.IntN(m/20 + 1)
		id := nominate.OrgID(fmt.Sprintf("b%06d", i))
		orgs = append(orgs, nominate.Org{ID: id, Parent: nominate.OrgID(fmt.Sprintf("c%05d", c)), Members: m, Probationary: pr})
		p.leafOf[id] = i
		p.leaves = append(p.leaves, id)
		p.members = append(p.members, m)
		p.prob = append(p.prob, pr)
		p.unit = append(p.unit, c%units)
	}
	tree, err := nominate.NewTree(orgs)
	if err != nil {
		tb.Fatal(err)
	}
	// Places: the unit's seats among its recommending units by members, then each list sized
	// against them.
	alloc, err := nominate.Apportion(tree, "unit", p.seats, quota.HuntingtonHill, nominate.WeightMembers)
	if err != nil {
		tb.Fatal(err)
	}
	if p.tree, err = tree.WithPlaces(alloc); err != nil {
		tb.Fatal(err)
	}
	p.reg = nominate.NewRegistry()
	for u := range units {
		var ps []nominate.Person
		for k := range 200 {
			x, _ := p.reg.Intern(fmt.Sprintf("L%02d-%03d", u, k))
			ps = append(ps, x)
		}
		p.local = append(p.local, ps)
	}
	for k := range 2000 {
		x, _ := p.reg.Intern(fmt.Sprintf("P%04d", k))
		p.common = append(p.common, x)
	}
	return p
}

// each generates branch i's ballots, calling f with each (the slice is reused).
func (p *province) each(i int, buf []nominate.Person, f func(nominate.Ballot)) {
	r := rand.New(rand.NewPCG(11, uint64(i)))
	m, pr := p.members[i], p.prob[i]
	local := p.local[p.unit[i]]
	took := 0
	for range m {
		if r.IntN(200) == 0 { // 99.5% take part
			continue
		}
		took++
		k := 1 + r.IntN(10)
		buf = buf[:0]
		for range k {
			if r.IntN(10) < 7 {
				buf = append(buf, local[p.zLocal.draw(r)])
			} else {
				buf = append(buf, p.common[p.zCommon.draw(r)])
			}
		}
		f(nominate.Ballot{Persons: buf, Probationary: took <= pr})
	}
}

func (p *province) rules() nominate.Rules {
	return nominate.Rules{
		Default: nominate.BranchMajority(),
		ByKind: map[nominate.Kind]nominate.Rule{
			nominate.Committee: {Basis: nominate.ByEither,
				Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 10), Boundary: quota.AtLeast}, Base: nominate.OfTookPart},
				Orgs:    nominate.OrgBar{Threshold: quota.Majority()}},
			nominate.RecommendingUnit: {Basis: nominate.ByEither, Order: nominate.OwipOrder(),
				Members: nominate.MemberBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 50), Boundary: quota.AtLeast}, Base: nominate.OfTookPart},
				Orgs:    nominate.OrgBar{Threshold: quota.Threshold{Share: quota.Ratio(1, 10), Boundary: quota.AtLeast}, Scope: nominate.Branches},
				Size:    nominate.RecommendedSurplus(), AtCut: nominate.IncludeTied},
			nominate.ElectionUnit: {Universe: nominate.ChildLists, Order: []nominate.Key{nominate.KeyVotes, nominate.KeyBranches},
				Size:  nominate.Surplus(quota.Difference{MinShare: quota.Percent(20), MinBoundary: quota.AtLeast}),
				AtCut: nominate.IncludeTied},
		},
	}
}

var counterPool = sync.Pool{}

// source returns an Up.Source that generates and counts each branch's ballots on demand.
func (p *province) source() func(nominate.OrgID) (nominate.Sheet, bool, error) {
	rule := nominate.BallotRule{Limit: 10}
	return func(org nominate.OrgID) (nominate.Sheet, bool, error) {
		i := p.leafOf[org]
		c, _ := counterPool.Get().(*nominate.Counter)
		if c == nil {
			c = nominate.NewCounter(p.reg, rule)
		}
		c.Reset()
		var err error
		p.each(i, make([]nominate.Person, 0, 10), func(b nominate.Ballot) {
			if e := c.Add(b); e != nil {
				err = e
			}
		})
		s := c.Sheet(org)
		counterPool.Put(c)
		return s, true, err
	}
}

// read generates every branch's ballots on the given workers without counting them: the
// baseline of aggregation.
func (p *province) read(workers int) uint64 {
	var next atomic.Int64
	var sum atomic.Uint64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			buf := make([]nominate.Person, 0, 10)
			var s uint64
			for {
				i := int(next.Add(64)) - 64
				if i >= len(p.leaves) {
					break
				}
				for j := i; j < min(i+64, len(p.leaves)); j++ {
					p.each(j, buf, func(b nominate.Ballot) {
						for _, x := range b.Persons {
							s += uint64(x)
						}
					})
				}
			}
			sum.Add(s)
		})
	}
	wg.Wait()
	return sum.Load()
}

var benchSink uint64

// heapDuring runs f and returns the largest heap in use while it ran (sampled every
// millisecond, after a collection before it starts) and the heap f's result keeps, measured
// after a collection at its end.
func heapDuring(f func()) (peak, retained uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	before := read()
	var max atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if v := read(); v > max.Load() {
				max.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	runtime.GC()
	after := read() // f's result is still referenced by the caller
	return max.Load() - before, after - before
}

// BenchmarkAggregate runs the first up of a province end to end — every branch's ballots
// generated and counted, every level aggregated — beside a loop that generates the same ballots
// without counting them. ballots/s is the aggregation's; x-baseline how many times longer it
// takes than reading the ballots. The record is the same bytes for 1 worker and for GOMAXPROCS.
func BenchmarkAggregate(b *testing.B) {
	for _, branches := range []int{2_000, 20_000, 200_000} {
		b.Run(fmt.Sprintf("branches=%d", branches), func(b *testing.B) {
			if branches > 2_000 {
				provinceScale(b)
			}
			p := newProvince(b, branches)
			workers := runtime.GOMAXPROCS(0)
			var ballots, members int
			for i := range p.leaves {
				members += p.members[i]
				p.each(i, nil, func(nominate.Ballot) { ballots++ })
			}
			run := func(w int) *nominate.Pass {
				pass, err := nominate.Aggregate(p.tree, p.reg, nominate.Up{Round: 1, Rules: p.rules(), Source: p.source()},
					nominate.Options{Workers: w, TallyLevels: 2})
				if err != nil {
					b.Fatal(err)
				}
				return pass
			}
			// Memory: the peak heap during one pass, and what the pass itself retains.
			var kept *nominate.Pass
			peak, retained := heapDuring(func() { kept = run(workers) })
			runtime.KeepAlive(kept)
			kept = nil
			// Determinism across workers, checked once.
			one, many := run(1), run(workers)
			d1, _ := (&nominate.Record{Passes: []*nominate.Pass{one}}).Digest()
			d2, _ := (&nominate.Record{Passes: []*nominate.Pass{many}}).Digest()
			if d1 != d2 {
				b.Fatalf("1 worker and %d give different records", workers)
			}
			root := many.Root()
			b.Logf("%d branches, %d members, %d ballots: %d named, %d received (%d distinct), %d listed for %d places",
				len(p.leaves), members, ballots, root.Named, root.Received, root.Distinct, len(root.List), root.Places)
			b.ReportAllocs()
			var base time.Duration
			for b.Loop() {
				benchSink += uint64(len(run(workers).Nodes))
				b.StopTimer()
				t0 := time.Now()
				benchSink += p.read(workers)
				base += time.Since(t0)
				b.StartTimer()
			}
			b.ReportMetric(float64(ballots)*float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
			b.ReportMetric(b.Elapsed().Seconds()/base.Seconds(), "x-baseline")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(retained)/(1<<20), "pass-MiB")
		})
	}
}

// flat is generated ballots stored back to back: persons[off[i]:off[i+1]] is ballot i.
type flat struct {
	persons []nominate.Person
	off     []int32
}

func flatBallots(p *province, n int) flat {
	f := flat{off: []int32{0}}
	for i := 0; len(f.off)-1 < n; i = (i + 1) % len(p.leaves) {
		p.each(i, nil, func(b nominate.Ballot) {
			if len(f.off)-1 < n {
				f.persons = append(f.persons, b.Persons...)
				f.off = append(f.off, int32(len(f.persons)))
			}
		})
	}
	return f
}

// BenchmarkCount counts recommendation ballots of 1 to 10 names (Zipf-distributed over 10,000
// persons) with Counter.Add, beside a loop reading the same ballots' names; the parallel case
// counts them in one counter per goroutine and merges, beside the one-goroutine count
// (x-one-core: its time over the parallel time).
func BenchmarkCount(b *testing.B) {
	for _, n := range []int{100_000, 5_000_000} {
		b.Run(fmt.Sprintf("ballots=%d", n), func(b *testing.B) {
			if n > 100_000 {
				provinceScale(b)
			}
			p := newProvince(b, 2_000)
			f := flatBallots(p, n)
			rule := nominate.BallotRule{Limit: 10}
			b.SetBytes(int64(4 * len(f.persons)))
			b.ReportAllocs()
			countAll := func(lo, hi int) *nominate.Counter {
				c := nominate.NewCounter(p.reg, rule)
				for i := lo; i < hi; i++ {
					c.Add(nominate.Ballot{Persons: f.persons[f.off[i]:f.off[i+1]]})
				}
				return c
			}
			var base time.Duration
			for b.Loop() {
				benchSink += uint64(countAll(0, n).Ballots())
				b.StopTimer()
				t0 := time.Now()
				var s uint64
				for i := range n {
					for _, x := range f.persons[f.off[i]:f.off[i+1]] {
						s += uint64(x)
					}
				}
				benchSink += s
				base += time.Since(t0)
				b.StartTimer()
			}
			b.ReportMetric(float64(len(f.persons))*float64(b.N)/b.Elapsed().Seconds(), "names/s")
			b.ReportMetric(b.Elapsed().Seconds()/base.Seconds(), "x-baseline")
		})
		b.Run(fmt.Sprintf("parallel/ballots=%d", n), func(b *testing.B) {
			if n > 100_000 {
				provinceScale(b)
			}
			p := newProvince(b, 2_000)
			f := flatBallots(p, n)
			rule := nominate.BallotRule{Limit: 10}
			workers := runtime.GOMAXPROCS(0)
			count := func(lo, hi int) *nominate.Counter {
				c := nominate.NewCounter(p.reg, rule)
				for i := lo; i < hi; i++ {
					c.Add(nominate.Ballot{Persons: f.persons[f.off[i]:f.off[i+1]]})
				}
				return c
			}
			parallel := func() *nominate.Counter {
				parts := make([]*nominate.Counter, workers)
				var wg sync.WaitGroup
				for w := range workers {
					wg.Go(func() { parts[w] = count(n*w/workers, n*(w+1)/workers) })
				}
				wg.Wait()
				for _, c := range parts[1:] {
					parts[0].Merge(c)
				}
				return parts[0]
			}
			x, y := parallel().Sheet("x"), count(0, n).Sheet("x")
			if x.All != y.All || len(x.Votes) != len(y.Votes) {
				b.Fatal("parallel and serial counts differ")
			}
			b.SetBytes(int64(4 * len(f.persons)))
			b.ReportAllocs()
			var one time.Duration
			for b.Loop() {
				benchSink += uint64(parallel().Ballots())
				b.StopTimer()
				t0 := time.Now()
				benchSink += uint64(count(0, n).Ballots())
				one += time.Since(t0)
				b.StartTimer()
			}
			b.ReportMetric(float64(len(f.persons))*float64(b.N)/b.Elapsed().Seconds(), "names/s")
			b.ReportMetric(one.Seconds()/b.Elapsed().Seconds(), "x-one-core")
		})
	}
}

// BenchmarkReadSheets reads and counts a recommendation file beside encoding/csv reading the
// same bytes into records (x-baseline: ReadSheets' time over encoding/csv's).
func BenchmarkReadSheets(b *testing.B) {
	p := newProvince(b, 2_000)
	var file bytes.Buffer
	file.WriteString("org,box,probationary,names\n")
	rows := 0
	for i, leaf := range p.leaves {
		p.each(i, nil, func(bl nominate.Ballot) {
			fmt.Fprintf(&file, "%s,hall,%s", leaf, map[bool]string{true: "yes", false: ""}[bl.Probationary])
			for _, x := range bl.Persons {
				file.WriteByte(',')
				file.WriteString(p.reg.Key(x))
			}
			file.WriteByte('\n')
			rows++
		})
	}
	data := file.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var base time.Duration
	for b.Loop() {
		sheets, err := nominate.ReadSheets(bytes.NewReader(data), p.tree, p.reg, nominate.BallotRule{Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		benchSink += uint64(len(sheets))
		b.StopTimer()
		t0 := time.Now()
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		r.ReuseRecord = true
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			benchSink += uint64(len(rec))
		}
		base += time.Since(t0)
		b.StartTimer()
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "ballots/s")
	b.ReportMetric(b.Elapsed().Seconds()/base.Seconds(), "x-baseline")
}

// BenchmarkRecord writes and reads back the record of a 2,000-branch up that keeps every
// level's tallies. The baseline of writing is hashing the same bytes with SHA-256, which the
// digest needs anyway; the baseline of reading is checking the bytes are JSON (json.Valid).
func BenchmarkRecord(b *testing.B) {
	p := newProvince(b, 2_000)
	pass, err := nominate.Aggregate(p.tree, p.reg, nominate.Up{Round: 1, Rules: p.rules(), Source: p.source()}, nominate.Options{})
	if err != nil {
		b.Fatal(err)
	}
	rec := &nominate.Record{Unit: p.tree.Root(), Orgs: p.tree.Orgs(), Passes: []*nominate.Pass{pass}}
	data, err := rec.MarshalJSON()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("write", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		var base time.Duration
		for b.Loop() {
			if _, err := rec.WriteTo(io.Discard); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			t0 := time.Now()
			sum := sha256.Sum256(data)
			base += time.Since(t0)
			benchSink += uint64(sum[0])
			b.StartTimer()
		}
		b.ReportMetric(b.Elapsed().Seconds()/base.Seconds(), "x-baseline")
	})
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		var base time.Duration
		for b.Loop() {
			r, err := nominate.DecodeRecord(data)
			if err != nil {
				b.Fatal(err)
			}
			benchSink += uint64(len(r.Passes))
			b.StopTimer()
			t0 := time.Now()
			if !json.Valid(data) {
				b.Fatal("not JSON")
			}
			base += time.Since(t0)
			b.StartTimer()
		}
		b.ReportMetric(b.Elapsed().Seconds()/base.Seconds(), "x-baseline")
	})
}
