package count

import "github.com/chae-go/chae/ballot"

// The counting kernel. Marks are one byte each (ballot.Mark: Abstain 0, For 1, Against 2), so eight
// candidates' marks fit in a 64-bit word and are summed in eight byte lanes at once (SWAR: SIMD
// within a register). In a word w of eight well-formed marks, the low bit of each byte is 1 exactly
// for For, so two byte-lane sums give every count:
//
//	F lanes: the sum of w & 0x0101010101010101   (For marks)
//	W lanes: the sum of w itself                 (For + 2 × Against)
//
// and Against = (W − F) / 2. A W lane gains at most two per ballot, so the byte lanes are flushed
// every 127 ballots, before a lane can overflow, into wider lanes (see lanes). The number of
// persons a ballot chooses (the over-vote check) is the sum of its F lanes, taken once per ballot.
// Abstentions are not summed at all: on valid ballots Abstain = Valid − For − Against.
//
// A ballot is added optimistically and subtracted again if it turns out to be malformed or an
// over-vote: both are rare, and the common ballot is read once.

const (
	laneOnes = 0x0101010101010101 // the low bit of every byte
	laneHigh = 0xFCFCFCFCFCFCFCFC // bits no mark below NumMarks sets
	laneLow  = 0x0303030303030303 // the bits a mark below NumMarks may set
	laneFull = 127                // ballots a W lane (≤ 2 each) can take before it must be flushed
	// rowChunk bounds the words whose For lanes are summed before they are folded: a lane of the
	// row sum gains at most one per word.
	rowChunk = 255
)

// lanes holds the accumulators of a Counter: byte lanes, one word per eight candidates, flushed
// every 127 ballots into 16-bit lanes (two words per eight candidates: the even and the odd bytes),
// which are flushed into ints every 256 byte-lane flushes (32,512 ballots), before a 16-bit lane
// could overflow (256 × 254 < 65,536). Both flushes are a few word operations per eight candidates.
type lanes struct {
	n        int      // candidates
	f, w     []uint64 // F and W byte lanes of the ballots added since the last flush
	pending  int      // ballots added since the last flush: no lane exceeds 2 × pending
	f16, w16 []uint64 // F and W 16-bit lanes: word 2j has bytes 0, 2, 4, 6 of word j; 2j+1 the odd ones
	flushes  int      // byte-lane flushes since the 16-bit lanes were last flushed
	forN     []int    // flushed For counts, per candidate
	againN   []int    // flushed Against counts, per candidate
}

const (
	evenBytes = 0x00FF00FF00FF00FF
	wideFull  = 256 // byte-lane flushes a 16-bit lane can take
)

// lanePad is the words (a cache line) kept free around the lanes: counters counting on different
// goroutines must not write to one cache line (false sharing), and the lanes are written for every
// ballot.
const lanePad = 8

func newLanes(n int) lanes {
	w := (n + 7) / 8
	buf := make([]uint64, lanePad+w+lanePad+w+lanePad)
	return lanes{n: n,
		f:    buf[lanePad : lanePad+w : lanePad+w],
		w:    buf[2*lanePad+w : 2*lanePad+2*w : 2*lanePad+2*w],
		f16:  make([]uint64, 2*w),
		w16:  make([]uint64, 2*w),
		forN: make([]int, n), againN: make([]int, n)}
}

// reset zeroes every lane and count.
func (l *lanes) reset() {
	clear(l.f)
	clear(l.w)
	clear(l.f16)
	clear(l.w16)
	clear(l.forN)
	clear(l.againN)
	l.pending, l.flushes = 0, 0
}

// forCount and againstCount return candidate i's totals, flushed and pending, without flushing.
func (l *lanes) forCount(i int) int {
	return l.forN[i] + lane16(l.f16, i) + lane(l.f, i)
}

func (l *lanes) againstCount(i int) int {
	return l.againN[i] + (lane16(l.w16, i)-lane16(l.f16, i)+lane(l.w, i)-lane(l.f, i))/2
}

// lane returns byte lane i of the words v.
func lane(v []uint64, i int) int { return int(v[i/8] >> (8 * (i % 8)) & 0xFF) }

// lane16 returns the 16-bit lane of v holding byte i (see lanes).
func lane16(v []uint64, i int) int {
	k := i % 8
	return int(v[2*(i/8)+k%2] >> (16 * (k / 2)) & 0xFFFF)
}

// commit records that one more ballot's marks stay added, flushing before a lane could overflow.
func (l *lanes) commit() { l.commitN(1) }

// commitN records that k ≤ laneFull − pending more ballots' marks stay added.
func (l *lanes) commitN(k int) {
	l.pending += k
	if l.pending >= laneFull {
		l.flush()
	}
}

// room returns how many more ballots the lanes can take before they must be flushed.
func (l *lanes) room() int { return laneFull - l.pending }

// flush moves the byte lanes into the 16-bit lanes.
func (l *lanes) flush() {
	f16, w16 := l.f16[:2*len(l.f)], l.w16[:2*len(l.f)]
	ws := l.w[:len(l.f)]
	for j, f := range l.f {
		w := ws[j]
		f16[2*j] += f & evenBytes
		f16[2*j+1] += f >> 8 & evenBytes
		w16[2*j] += w & evenBytes
		w16[2*j+1] += w >> 8 & evenBytes
	}
	clear(l.f)
	clear(l.w)
	l.pending = 0
	l.flushes++
	if l.flushes == wideFull {
		l.flushWide()
	}
}

// flushWide moves the 16-bit lanes into the int counts.
func (l *lanes) flushWide() {
	for i := range l.forN {
		f := lane16(l.f16, i)
		l.forN[i] += f
		l.againN[i] += (lane16(l.w16, i) - f) / 2
	}
	clear(l.f16)
	clear(l.w16)
	l.flushes = 0
}

// merge adds o's totals to l's flushed counts. o is unchanged.
func (l *lanes) merge(o *lanes) {
	for i := range l.forN {
		l.forN[i] += o.forCount(i)
		l.againN[i] += o.againstCount(i)
	}
}

// load8 reads eight marks as one little-endian word (the compiler makes it one load).
func load8(m []ballot.Mark) uint64 {
	_ = m[7]
	return uint64(m[0]) | uint64(m[1])<<8 | uint64(m[2])<<16 | uint64(m[3])<<24 |
		uint64(m[4])<<32 | uint64(m[5])<<40 | uint64(m[6])<<48 | uint64(m[7])<<56
}

// loadTail reads the last len(m) < 8 marks as a word, zero-padded (zero is Abstain: no lane gains).
func loadTail(m []ballot.Mark) uint64 {
	var w uint64
	for k, v := range m {
		w |= uint64(v) << (8 * k)
	}
	return w
}

// forSum returns the sum of the byte lanes of s, the For lanes of a ballot of the given number of
// words: one multiplication adds them while the sum fits a byte (up to 31 words, 248 marks), fold
// beyond.
func forSum(s uint64, words int) int {
	if words <= 31 {
		return int(s * laneOnes >> 56)
	}
	return fold(s)
}

// fold returns the sum of the byte lanes of s, each at most rowChunk.
func fold(s uint64) int {
	s = s&0x00FF00FF00FF00FF + s>>8&0x00FF00FF00FF00FF // four 16-bit lanes, each ≤ 510
	return int((s * 0x0001000100010001) >> 48)         // their sum ≤ 2040 fits the top lane
}

// add adds the marks of one ballot of l.n marks to the lanes and returns the number of For marks
// and a non-zero value if a mark is out of range. The caller then commits or subtracts them.
func (l *lanes) add(m []ballot.Mark) (nf int, bad uint64) {
	full := len(m) / 8
	if full >= rowChunk {
		return l.addWide(m)
	}
	f, ws := l.f[:full], l.w[:full]
	var rs, or, both uint64
	for j := range f {
		w := load8(m[8*j:])
		or |= w
		both |= w & (w >> 1)
		w &= laneLow // a mark out of range is taken back; meanwhile no lane may gain more than 2
		fw := w & laneOnes
		f[j] += fw
		ws[j] += w
		rs += fw
	}
	if len(m) > 8*full {
		w := loadTail(m[8*full:])
		or |= w
		both |= w & (w >> 1)
		w &= laneLow
		fw := w & laneOnes
		l.f[full] += fw
		l.w[full] += w
		rs += fw
	}
	// A byte above 2 has a bit above the lowest two, or both of them (3).
	return forSum(rs, len(l.f)), or&laneHigh | both&laneOnes
}

// addWide is add for ballots of more than 8×(rowChunk−1) marks, whose For lanes are folded a
// chunk at a time.
func (l *lanes) addWide(m []ballot.Mark) (nf int, bad uint64) {
	full := len(m) / 8
	f, ws := l.f[:full], l.w[:full]
	for lo := 0; lo < full; lo += rowChunk {
		hi := min(lo+rowChunk, full)
		var rs uint64
		for j := lo; j < hi; j++ {
			w := load8(m[8*j:])
			bad |= w&laneHigh | w&(w>>1)&laneOnes
			w &= laneLow
			fw := w & laneOnes
			f[j] += fw
			ws[j] += w
			rs += fw
		}
		nf += fold(rs)
	}
	if len(m) > 8*full {
		w := loadTail(m[8*full:])
		bad |= w&laneHigh | w&(w>>1)&laneOnes
		w &= laneLow
		fw := w & laneOnes
		l.f[full] += fw
		l.w[full] += w
		nf += fold(fw)
	}
	return nf, bad
}

// sub takes back the marks that add added for the same ballot.
func (l *lanes) sub(m []ballot.Mark) {
	full := len(m) / 8
	f, ws := l.f[:full], l.w[:full]
	for j := range full {
		w := load8(m[8*j:]) & laneLow
		f[j] -= w & laneOnes
		ws[j] -= w
	}
	if len(m) > 8*full {
		w := loadTail(m[8*full:]) & laneLow
		l.f[full] -= w & laneOnes
		l.w[full] -= w
	}
}
