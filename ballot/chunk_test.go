package ballot_test

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf8"

	"pgregory.net/rapid"

	"github.com/chae-go/chae/ballot"
)

// pieceReader gives its data in pieces of the sizes drawn, one a Read (1 byte when they run out).
type pieceReader struct {
	data  []byte
	sizes []int
}

func (p *pieceReader) Read(b []byte) (int, error) {
	if len(p.data) == 0 {
		return 0, io.EOF
	}
	n := 1
	if len(p.sizes) > 0 {
		n, p.sizes = max(p.sizes[0], 1), p.sizes[1:]
	}
	n = copy(b, p.data[:min(n, len(p.data))])
	p.data = p.data[n:]
	return n, nil
}

// chunking is what reading a file's chunks gave.
type chunking struct {
	data []byte // the chunks' records, one after another
	err  string // how the reading ended
}

// readChunks reads the chunks of the file after its header, each into a buffer of the size size
// gives, checking what each chunk must be: records up to a line end (but the last), numbered on
// from the chunk before, in the buffer given when it holds MinChunk bytes.
func readChunks(t *rapid.T, r *ballot.Reader, size func() int) chunking {
	var out chunking
	line := -1
	for range 100_000 {
		buf := make([]byte, size())
		c, err := r.ReadChunk(buf)
		if err != nil {
			out.err = describeErr(err)
			return out
		}
		d := ballot.ChunkData(c)
		if len(d) == 0 || c.Len() != len(d) {
			t.Fatalf("chunk of %d bytes (Len %d)", len(d), c.Len())
		}
		if len(buf) >= r.MinChunk() && &d[0] != &buf[0] {
			t.Fatalf("a buffer of %d bytes (MinChunk %d) not used", len(buf), r.MinChunk())
		}
		if len(d) > max(len(buf), r.MinChunk()) {
			t.Fatalf("a chunk of %d bytes from a buffer of %d (MinChunk %d)", len(d), len(buf), r.MinChunk())
		}
		if !c.Last() && d[len(d)-1] != '\n' {
			t.Fatalf("chunk %q, not the last, does not end a line", d)
		}
		if line >= 0 && c.Line() != line {
			t.Fatalf("chunk begins on line %d, want %d", c.Line(), line)
		}
		line = c.Line() + bytes.Count(d, []byte{'\n'})
		out.data = append(out.data, d...)
	}
	t.Fatalf("no end")
	return out
}

// TestReadChunkAnyBuffer: chunks read into buffers of any size — a few bytes, too small for the
// next record, or MinChunk — from a source giving the file in pieces of any size, hold exactly
// the records that chunks of MinChunk bytes read at once hold (up to a record longer than
// MaxRecordBytes, whose chunk is as long as its buffer), and end as they end; and the
// records after a plain header are the file's bytes after it, up to a record too long to read.
func TestReadChunkAnyBuffer(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		g := drawFile(t)
		maxRecord := rapid.SampledFrom([]int{0, 24, 40, 200}).Draw(t, "maxRecord")
		whole := ballot.NewReader(bytes.NewReader(g.data))
		whole.MaxRecordBytes = maxRecord
		if _, err := whole.Header(); err != nil {
			return
		}
		want := readChunks(t, whole, whole.MinChunk)

		sizes := rapid.SliceOf(rapid.IntRange(1, 90)).Draw(t, "reads")
		r := ballot.NewReader(&pieceReader{data: g.data, sizes: sizes})
		r.MaxRecordBytes = maxRecord
		if _, err := r.Header(); err != nil {
			t.Fatalf("header: %v, read whole", err)
		}
		bufs := rapid.IntRange(0, 120)
		got := readChunks(t, r, func() int {
			if rapid.Bool().Draw(t, "minChunk") {
				return r.MinChunk()
			}
			return bufs.Draw(t, "buf")
		})
		// A record longer than MaxRecordBytes ends the chunks, in a last chunk as long as the
		// buffer it is read into: the bytes after its start may differ.
		same := bytes.Equal(got.data, want.data)
		if maxRecord > 0 {
			short := min(len(got.data), len(want.data))
			same = bytes.Equal(got.data[:short], want.data[:short])
		}
		if !same || got.err != want.err {
			t.Fatalf("chunks hold\n%q, %s\nwant\n%q, %s", got.data, got.err, want.data, want.err)
		}
		if i := bytes.IndexByte(g.data, '\n'); i >= 0 && g.h.Candidates != nil && plainUTF8(g.data, i) && want.err == "EOF" {
			// All of it, or, after a record longer than MaxRecordBytes, which ends the chunks, a part.
			rest := g.data[i+1:]
			if !bytes.HasPrefix(rest, want.data) || maxRecord == 0 && len(want.data) != len(rest) {
				t.Fatalf("chunks hold\n%q\nthe file after its header\n%q", want.data, rest)
			}
		}
	})
}

// plainUTF8 reports whether a file is UTF-8 without a byte order mark, and its header line, the
// first eol bytes, holds no quote: its header ends at its first line end.
func plainUTF8(b []byte, eol int) bool {
	return utf8.Valid(b) && !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) && bytes.IndexByte(b, 0) < 0 &&
		bytes.IndexByte(b[:eol], '"') < 0
}

// TestReuseReader: a chunk read by a Reader reused with ReuseReader — after chunks of another
// file, read in part, which leave it holding a box, empty rows, an error, a window of separators
// and buffers — gives exactly the ballots, boxes, lines, errors and skipped rows that a fresh
// Reader of the chunk gives, read by ReadMarks and Read.
func TestReuseReader(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		var reused *ballot.Reader
		for _, name := range []string{"first", "second"} {
			g := drawFile(t)
			r := ballot.NewReader(bytes.NewReader(g.data))
			r.MaxRecordBytes = rapid.SampledFrom([]int{0, 40}).Draw(t, name+" maxRecord")
			if _, err := r.Header(); err != nil {
				continue
			}
			for range 10_000 {
				c, err := r.ReadChunk(make([]byte, rapid.IntRange(0, 150).Draw(t, name+" buf")))
				if err != nil {
					break
				}
				if name == "first" {
					// Read a part of the chunk, by ReadMarks and Read.
					reused = c.ReuseReader(reused)
					marks := make([]ballot.Mark, 16*len(g.h.Candidates))
					for range rapid.IntRange(0, 6).Draw(t, "reads") {
						if _, err := reused.ReadMarks(marks, len(g.h.Candidates)); err != nil {
							t.Fatal(err)
						}
						if _, err := reused.Read(); err == io.EOF {
							break
						}
					}
					continue
				}
				rows, pad := rapid.IntRange(1, 5).Draw(t, "rows"), rapid.IntRange(0, 9).Draw(t, "pad")
				want, wantSkip := readFast(t, c.Reader(), rows, pad)
				reused = c.ReuseReader(reused)
				got, gotSkip := readFast(t, reused, rows, pad)
				if !sameEvents(want, got) || gotSkip != wantSkip {
					t.Fatalf("chunk at line %d: reused\n%v %+v\nfresh\n%v %+v", c.Line(), got, gotSkip, want, wantSkip)
				}
			}
		}
	})
}
