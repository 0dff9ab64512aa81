package nominate

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/tally/count"
)

// DupRule says what a recommendation ballot naming the same person twice is worth. No source
// covers it: it is a parameter.
type DupRule uint8

const (
	// DupOnce counts the person once; the ballot stays valid. The zero value, as a ballot paper
	// (package ballot) counts a name written in twice once.
	DupOnce DupRule = iota
	// DupInvalid makes the whole ballot invalid.
	DupInvalid
	numDupRules
)

var dupNames = [...]string{"once", "invalid"}

// String returns "once" or "invalid".
func (d DupRule) String() string { return enumName(dupNames[:], d) }

// MarshalText encodes the rule as String does.
func (d DupRule) MarshalText() ([]byte, error) { return marshalEnum(dupNames[:], d, "duplicate rule") }

// UnmarshalText decodes a name String returns.
func (d *DupRule) UnmarshalText(b []byte) error {
	return unmarshalEnum(b, dupNames[:], d, "duplicate rule")
}

// BallotRule is how recommendation ballots are counted.
type BallotRule struct {
	// Limit is the most persons a valid ballot names (distinct persons); a ballot naming more
	// is invalid and counted as such, as an over-vote is in the vote. A branch meeting template
	// sets it to the places under full-quota recommendation; a village template to 3. Zero
	// means no limit.
	Limit int
	// Duplicates is what a person named twice on one ballot does to it.
	Duplicates DupRule
}

// Ballot is one recommendation ballot (推荐票): the persons a member names.
type Ballot struct {
	// Persons named, as registry indices (Registry.Intern). Order does not matter.
	Persons []Person
	// Probationary marks the ballot of a probationary member; whether it counts is the rule's
	// choice (Rule.CountProbationary). Both kinds are always counted and reported.
	Probationary bool
	// Spoiled is set by the counting staff for a ballot they declare spoiled (废票); the names
	// on it are not read.
	Spoiled bool
}

// Turnout is what one organisation's ballots came to.
type Turnout struct {
	Ballots int // ballots returned: one per member who took part, whatever the channel
	Invalid int // ballots naming more persons than the limit (or a person twice, under DupInvalid)
	Spoiled int // ballots declared spoiled
}

// Valid returns Ballots − Invalid − Spoiled.
func (t Turnout) Valid() int { return t.Ballots - t.Invalid - t.Spoiled }

func (t Turnout) add(u Turnout) Turnout {
	return Turnout{t.Ballots + u.Ballots, t.Invalid + u.Invalid, t.Spoiled + u.Spoiled}
}

// Vote is one person's support on a sheet.
type Vote struct {
	Person Person
	// Votes is the number of valid ballots naming the person (a recommendation), or For votes
	// plus write-ins naming them (an opinion round).
	Votes int
	// Full is how many of Votes came from full members.
	Full int
	// Against is the Against votes in an opinion round (不同意); 0 for recommendations.
	Against int
}

// Sheet is what one branch reports for one round (推荐情况统计表): its ballots and each named
// person's support. Counter.Sheet makes it from recommendation ballots, OpinionSheet from the
// count of an opinion round.
type Sheet struct {
	Org OrgID
	// Limit is the most persons a valid ballot could name (0: no limit), and Duplicates the
	// rule applied to a person named twice: how the ballots were counted.
	Limit      int
	Duplicates DupRule
	// All is the turnout of every ballot; Full of full members' ballots only (a part of All).
	All  Turnout
	Full Turnout
	// Votes holds one entry per person named on a valid ballot, by Person ascending.
	Votes []Vote
}

// Clone returns a copy of s that shares nothing with it.
func (s Sheet) Clone() Sheet { s.Votes = slices.Clone(s.Votes); return s }

// Counter counts the recommendation ballots of one branch, or of one ballot box: counters of
// separate boxes (the meeting's box, mobile boxes 流动票箱, recommendations taken by telephone)
// merge, in any order and grouping, to the count of all their ballots. It holds one small entry
// per person named, however many ballots it counts, and Add does not allocate once the persons
// have been seen.
//
// A Counter is not safe for concurrent use: count in parallel with one Counter per goroutine
// and Merge them.
type Counter struct {
	reg   *Registry
	rule  BallotRule
	given int
	all   Turnout
	full  Turnout
	table []int32 // open addressing: vec index + 1, 0 empty
	vec   []vrec
	sort  []Person
}

type vrec struct {
	p     Person
	votes int32
	full  int32
}

// NewCounter returns an empty counter for ballots naming persons of the registry.
func NewCounter(reg *Registry, rule BallotRule) *Counter {
	return &Counter{reg: reg, rule: rule}
}

// Reset empties the counter, keeping its memory for reuse.
func (c *Counter) Reset() {
	c.given = 0
	c.all, c.full = Turnout{}, Turnout{}
	clear(c.table)
	c.vec = c.vec[:0]
}

// Ballots returns the ballots counted so far.
func (c *Counter) Ballots() int { return c.all.Ballots }

// Add counts one ballot: spoiled, invalid (more distinct persons than the limit, or a person
// twice under DupInvalid) or valid, in which case each distinct person named gets a vote. A
// ballot naming a person outside the registry is not counted: Add returns a *BallotError
// (wrapping ErrPerson) with the ballot's 1-based position among those given to this counter.
func (c *Counter) Add(b Ballot) error {
	c.given++
	n := c.reg.Len()
	for i, p := range b.Persons {
		if p < 0 || int(p) >= n {
			return &BallotError{Ballot: c.given, Name: i + 1, Err: ErrPerson}
		}
	}
	c.all.Ballots++
	if !b.Probationary {
		c.full.Ballots++
	}
	if b.Spoiled {
		c.all.Spoiled++
		if !b.Probationary {
			c.full.Spoiled++
		}
		return nil
	}
	persons := b.Persons
	distinct := len(persons)
	sorted := false
	if len(persons) > 1 {
		if len(persons) <= 16 {
			for i := 1; i < len(persons); i++ {
				if slices.Contains(persons[:i], persons[i]) {
					distinct--
				}
			}
		} else {
			c.sort = append(c.sort[:0], persons...)
			slices.Sort(c.sort)
			persons = slices.Compact(c.sort)
			distinct = len(persons)
			sorted = true
		}
	}
	if (c.rule.Limit > 0 && distinct > c.rule.Limit) || (distinct < len(b.Persons) && c.rule.Duplicates == DupInvalid) {
		c.all.Invalid++
		if !b.Probationary {
			c.full.Invalid++
		}
		return nil
	}
	full := int32(0)
	if !b.Probationary {
		full = 1
	}
	for i, p := range persons {
		if !sorted && distinct < len(persons) && slices.Contains(persons[:i], p) {
			continue
		}
		r := c.slot(p)
		r.votes++
		r.full += full
	}
	return nil
}

// slot returns the person's entry, adding it if new.
func (c *Counter) slot(p Person) *vrec {
	if 2*(len(c.vec)+1) > len(c.table) {
		c.grow()
	}
	mask := uint32(len(c.table) - 1)
	h := (uint32(p) * 0x9E3779B1) & mask
	for {
		k := c.table[h]
		if k == 0 {
			c.vec = append(c.vec, vrec{p: p})
			c.table[h] = int32(len(c.vec))
			return &c.vec[len(c.vec)-1]
		}
		if c.vec[k-1].p == p {
			return &c.vec[k-1]
		}
		h = (h + 1) & mask
	}
}

func (c *Counter) grow() {
	size := max(16, 2*len(c.table))
	c.table = make([]int32, size)
	mask := uint32(size - 1)
	for i, r := range c.vec {
		h := (uint32(r.p) * 0x9E3779B1) & mask
		for c.table[h] != 0 {
			h = (h + 1) & mask
		}
		c.table[h] = int32(i + 1)
	}
}

// Merge adds the counts of o to c; o is unchanged. Counters of different registries or ballot
// rules cannot be merged (ErrMerge).
func (c *Counter) Merge(o *Counter) error {
	if c.reg != o.reg || c.rule != o.rule {
		return fmt.Errorf("nominate: %w (different registry or ballot rule)", ErrMerge)
	}
	c.given += o.given
	c.all = c.all.add(o.all)
	c.full = c.full.add(o.full)
	for _, r := range o.vec {
		s := c.slot(r.p)
		s.votes += r.votes
		s.full += r.full
	}
	return nil
}

// Sheet returns the count so far as the sheet of the given branch.
func (c *Counter) Sheet(org OrgID) Sheet {
	s := Sheet{Org: org, Limit: c.rule.Limit, Duplicates: c.rule.Duplicates, All: c.all, Full: c.full,
		Votes: make([]Vote, len(c.vec))}
	// Sort by person: the person and the entry's position packed in one word, sorted as numbers.
	keys := make([]uint64, len(c.vec))
	for i, r := range c.vec {
		keys[i] = uint64(r.p)<<32 | uint64(i)
	}
	slices.Sort(keys)
	for i, k := range keys {
		r := c.vec[uint32(k)]
		s.Votes[i] = Vote{Person: r.p, Votes: int(r.votes), Full: int(r.full)}
	}
	return s
}

// OpinionSheet turns the count of one branch's opinion round — the list an organisation sent
// down (Pass.Down), marked agree (For), disagree (Against) or abstain by each member, counted
// with a count.Counter exactly like a ballot — into the branch's sheet for the next up. full is
// the count of full members' ballots and probationary the count of probationary members'
// (the zero Counts where there are none or where they are not counted apart).
//
// A person's Votes are their For votes plus the valid ballots writing them in (另选他人: a
// write-in is support for the person written, as in the deployed system the package's
// documentation cites); a written-in name is a person key, interned in the registry. A write-in
// of a person already on the slate is not added to their For votes, as in package tally. The
// counts must be of the slate (its candidate IDs in order) and pass count.Check; otherwise the
// error wraps ErrSheet.
func OpinionSheet(reg *Registry, org OrgID, slate ballot.Slate, full, probationary count.Counts) (Sheet, error) {
	fail := func(detail string) (Sheet, error) {
		return Sheet{}, &SheetError{Org: org, Index: -1, Err: ErrSheet, Detail: detail}
	}
	s := Sheet{Org: org, Limit: slate.Seats}
	var votes = map[Person]*Vote{}
	for k, c := range []count.Counts{full, probationary} {
		if c.Ballots == 0 && len(c.Candidates) == 0 {
			continue
		}
		if len(c.Candidates) != len(slate.Candidates) {
			return fail(fmt.Sprintf("%d candidates counted for a slate of %d", len(c.Candidates), len(slate.Candidates)))
		}
		if err := count.Check(slate, c); err != nil {
			return fail(err.Error())
		}
		t := Turnout{Ballots: c.Ballots, Invalid: c.Invalid, Spoiled: c.Spoiled}
		s.All = s.All.add(t)
		isFull := k == 0
		if isFull {
			s.Full = t
		}
		add := func(key string, f, a int) error {
			p, err := reg.Intern(key)
			if err != nil {
				return err
			}
			v := votes[p]
			if v == nil {
				v = &Vote{Person: p}
				votes[p] = v
			}
			v.Votes += f
			v.Against += a
			if isFull {
				v.Full += f
			}
			return nil
		}
		for i, cc := range c.Candidates {
			if cc.ID != slate.Candidates[i].ID {
				return fail(fmt.Sprintf("candidate %d is %q, the slate's is %q", i+1, cc.ID, slate.Candidates[i].ID))
			}
			if cc.For == 0 && cc.Against == 0 {
				continue
			}
			if err := add(cc.ID, cc.For, cc.Against); err != nil {
				return fail(err.Error())
			}
		}
		for _, w := range c.WriteIns {
			if w.SameAs != "" || w.Votes == 0 {
				continue
			}
			if err := add(w.Name, w.Votes, 0); err != nil {
				return fail(err.Error())
			}
		}
	}
	s.Votes = make([]Vote, 0, len(votes))
	for _, v := range votes {
		s.Votes = append(s.Votes, *v)
	}
	slices.SortFunc(s.Votes, func(a, b Vote) int { return cmp.Compare(a.Person, b.Person) })
	return s, nil
}

func enumName[T ~uint8](names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%d", uint8(v))
}

func marshalEnum[T ~uint8](names []string, v T, what string) ([]byte, error) {
	if int(v) >= len(names) {
		return nil, fmt.Errorf("nominate: %s %d: %w", what, uint8(v), ErrKind)
	}
	return []byte(names[v]), nil
}
