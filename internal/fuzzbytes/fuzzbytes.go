// Package fuzzbytes draws figures from a fuzz target's input, so that the fuzzer reaches both
// the common counts and the ones that wrap. Only tests import it: it is the one copy of a helper
// the fuzz targets of several packages share.
package fuzzbytes

import (
	"encoding/binary"
	"math"
)

// Reader consumes fuzz input. Past its end every byte is 0.
type Reader struct{ b []byte }

// New returns a Reader of b.
func New(b []byte) *Reader { return &Reader{b: b} }

// Byte returns the next byte.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// Int returns a figure: mostly small (a byte below 200 is itself; below 240, two more bytes make
// a number below 65,536), sometimes near math.MaxInt (below 250: MaxInt less the next byte), else
// any int64, negative included (the next eight bytes, little-endian).
func (r *Reader) Int() int {
	m := r.Byte()
	switch {
	case m < 200:
		return int(m)
	case m < 240:
		return int(r.Byte())<<8 | int(r.Byte())
	case m < 250:
		return math.MaxInt - int(r.Byte())
	}
	var w [8]byte
	for i := range w {
		w[i] = r.Byte()
	}
	return int(int64(binary.LittleEndian.Uint64(w[:])))
}
