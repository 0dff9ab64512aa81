package tally

import (
	"cmp"
	"slices"

	"github.com/chae-go/chae/ballot"
)

// OrderAlternates returns the members of an alternates' election (候补委员) in their listing
// order: by votes, more first; equal votes by tie, a comparator of candidates (surname stroke
// order, docs/rules.md C7: 得票相等的按姓氏笔划排列); whatever tie leaves equal shares a rank and is
// listed by ID. tie may be nil (equal votes then share a rank). slate supplies the candidates'
// names and attributes to tie; write-ins get a Candidate with ID and name. The input is not
// modified.
func OrderAlternates(members []ElectedMember, slate ballot.Slate, tie func(a, b ballot.Candidate) int) []ElectedMember {
	cand := func(m ElectedMember) ballot.Candidate {
		if i := slate.Index(m.ID); i >= 0 {
			return slate.Candidates[i]
		}
		return ballot.Candidate{ID: m.ID, Name: m.Name}
	}
	same := func(a, b ElectedMember) int {
		if c := cmp.Compare(b.Votes, a.Votes); c != 0 {
			return c
		}
		if tie != nil {
			return tie(cand(a), cand(b))
		}
		return 0
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
