package tally

import (
	"cmp"
	"slices"

	"github.com/chae-go/chae/ballot"
	"github.com/chae-go/chae/ballot/stroke"
)

// OrderAlternates returns the members of an alternates' election (候补委员) in their listing
// order: by votes, more first; equal votes by tie, a comparator of candidates. A nil tie is the
// rule's own: the strokes of the surnames (docs/rules.md C7: 得票相等的按姓氏笔划排列), comparing the
// candidates' names with stroke.CompareNames (GF 3003-1999, a two-character name read as surname
// and blank). Members whose votes are equal and whom tie does not separate (names that read the
// same; everyone, with a tie that always returns 0) share a rank and are listed by ID. slate
// supplies the candidates' names and attributes to tie; write-ins get a Candidate with ID and
// name. The input is not modified.
func OrderAlternates(members []ElectedMember, slate ballot.Slate, tie func(a, b ballot.Candidate) int) []ElectedMember {
	cand := func(m ElectedMember) ballot.Candidate {
		if i := slate.Index(m.ID); i >= 0 {
			return slate.Candidates[i]
		}
		return ballot.Candidate{ID: m.ID, Name: m.Name}
	}
	if tie == nil {
		tie = func(a, b ballot.Candidate) int { return stroke.CompareNames(a.Name, b.Name) }
	}
	same := func(a, b ElectedMember) int {
		if c := cmp.Compare(b.Votes, a.Votes); c != 0 {
			return c
		}
		return tie(cand(a), cand(b))
	}
	out := slices.Clone(members)
	slices.SortStableFunc(out, func(a, b ElectedMember) int {
		if c := same(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	for i := range out {
		if i > 0 && same(out[i-1], out[i]) == 0 {
			out[i].Rank = out[i-1].Rank
		} else {
			out[i].Rank = i + 1
		}
	}
	return out
}
