package ballot

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/chae-go/chae/ballot/stroke"
)

// Candidate is one person standing for election.
type Candidate struct {
	// ID is unique within a slate and is the key of the candidate in every count and result.
	ID string
	// Name is the name printed on the ballot paper.
	Name string
	// Attrs holds attributes used by composition reports and tie rules, e.g. gender=female,
	// ethnicity=Zhuang, sector=frontline, born=1970-05-01 (dates as YYYY-MM-DD). May be nil.
	Attrs map[string]string
}

// Clone returns a deep copy of c (its Attrs map is copied).
func (c Candidate) Clone() Candidate {
	if c.Attrs != nil {
		c.Attrs = maps.Clone(c.Attrs)
	}
	return c
}

// Slate is one ballot paper: the office, how many seats it fills, and the candidates in the order
// they are printed.
type Slate struct {
	Office     string
	Seats      int
	Candidates []Candidate
}

// Clone returns a deep copy of s, sharing nothing with it.
func (s Slate) Clone() Slate {
	c := s
	c.Candidates = make([]Candidate, len(s.Candidates))
	for i, cand := range s.Candidates {
		c.Candidates[i] = cand.Clone()
	}
	return c
}

// Index returns the position of the candidate with the given ID, or -1.
func (s Slate) Index(id string) int {
	for i := range s.Candidates {
		if s.Candidates[i].ID == id {
			return i
		}
	}
	return -1
}

// IDs returns the candidate IDs in slate order, in a new slice.
func (s Slate) IDs() []string {
	ids := make([]string, len(s.Candidates))
	for i := range s.Candidates {
		ids[i] = s.Candidates[i].ID
	}
	return ids
}

// Names returns the candidates' names in slate order, in a new slice (for Reader.Names).
func (s Slate) Names() []string {
	names := make([]string, len(s.Candidates))
	for i := range s.Candidates {
		names[i] = s.Candidates[i].Name
	}
	return names
}

// Validate reports every problem with the slate at once, as *SlateError values joined with
// errors.Join, in a fixed order: the slate's own problems (seats, no candidates, fewer candidates
// than seats, the office's text), then each candidate's in slate order (ID, name, attributes by
// name). It returns nil for a well-formed slate. The office, every ID, name and attribute must be
// text that can be printed as it is stored (ErrNameText): UTF-8 without control characters, line
// or paragraph separators or bidirectional formatting characters.
//
// Validate does not decide whether the slate has enough candidates for a difference election: that
// is the difference rule's job (quota.Difference).
func (s Slate) Validate() error {
	var errs []error
	if s.Seats < 1 {
		errs = append(errs, &SlateError{Candidate: -1, Field: "seats", Err: ErrSeats})
	}
	if len(s.Candidates) == 0 {
		errs = append(errs, &SlateError{Candidate: -1, Field: "candidates", Err: ErrNoCandidates})
	} else if s.Seats > len(s.Candidates) {
		errs = append(errs, &SlateError{Candidate: -1, Field: "seats", Err: ErrFewerCandidatesThanSeats})
	}
	if bad := unprintable(s.Office); bad != "" {
		errs = append(errs, &SlateError{Candidate: -1, Field: "office", Detail: bad, Err: ErrNameText})
	}
	seen := make(map[string]int, len(s.Candidates))
	for i, c := range s.Candidates {
		switch bad := unprintable(c.ID); {
		case c.ID == "":
			errs = append(errs, &SlateError{Candidate: i, Field: "id", Err: ErrEmptyID})
		case bad != "":
			errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Field: "id", Detail: bad, Err: ErrNameText})
		default:
			if _, dup := seen[c.ID]; dup {
				errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Field: "id", Err: ErrDuplicateID})
			} else {
				seen[c.ID] = i
			}
		}
		if NormalizeName(c.Name) == "" {
			errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Field: "name", Err: ErrEmptyName})
		} else if bad := unprintable(c.Name); bad != "" {
			errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Field: "name", Detail: bad, Err: ErrNameText})
		}
		for _, k := range slices.Sorted(maps.Keys(c.Attrs)) {
			bad := unprintable(k)
			if bad == "" {
				bad = unprintable(c.Attrs[k])
			}
			if bad != "" {
				errs = append(errs, &SlateError{Candidate: i, ID: c.ID, Field: "attrs", Detail: fmt.Sprintf("%q: %s", k, bad), Err: ErrNameText})
				break
			}
		}
	}
	return errors.Join(errs...)
}

// unprintable describes the first character of s that a slate may not hold (see ErrNameText), with
// its byte offset, or returns "" when there is none.
func unprintable(s string) string {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("byte %#02x (not UTF-8) at byte %d", s[i], i)
		case r < 0x20 || 0x7F <= r && r <= 0x9F:
			return fmt.Sprintf("%U (a control character) at byte %d", r, i)
		case r == '\u2028' || r == '\u2029':
			return fmt.Sprintf("%U (a line or paragraph separator) at byte %d", r, i)
		case unicode.Is(unicode.Bidi_Control, r):
			return fmt.Sprintf("%U (a bidirectional formatting character) at byte %d", r, i)
		}
		i += size
	}
	return ""
}

// Equal reports whether two slates describe the same ballot paper: same office, seats, and
// candidate IDs in the same order. Names and attributes are not compared.
func (s Slate) Equal(t Slate) bool {
	return s.Office == t.Office && s.Seats == t.Seats &&
		slices.EqualFunc(s.Candidates, t.Candidates, func(a, b Candidate) bool { return a.ID == b.ID })
}

// StrokeOrdered returns a copy of s with its candidates in surname stroke order (以姓氏笔画为序),
// the order in which CPC election rules print delegate, committee and standing-committee
// candidates on the ballot paper and official lists print their members (docs/rules.md B3, C7):
// names compared by stroke.CompareNames (GF 3003-1999, surname first, a two-character name read
// as surname and blank, annotations such as （女，回族） ignored). The sort is stable: candidates
// whose names read the same keep their order in s, which the caller decides (secretaries are
// printed in the order the higher organisation approved, not by strokes: do not sort their slate).
// s is not modified.
func (s Slate) StrokeOrdered() Slate {
	out := s.Clone()
	keys := make([]stroke.Key, len(out.Candidates))
	pos := make([]int, len(out.Candidates))
	for i, c := range out.Candidates {
		keys[i] = stroke.NameKey(c.Name)
		pos[i] = i
	}
	slices.SortStableFunc(pos, func(a, b int) int { return cmp.Compare(keys[a], keys[b]) })
	sorted := make([]Candidate, len(pos))
	for i, p := range pos {
		sorted[i] = out.Candidates[p]
	}
	out.Candidates = sorted
	return out
}
