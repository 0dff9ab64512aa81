// Package nominate is the stage before the vote: party members recommend names, the names are
// aggregated up the organisation tree level by level, lists go back down for opinions ("three ups
// and three downs", 三上三下), more people are inspected than there are places, vetting and public
// notice remove some, and what is left becomes the ballot paper of the difference election that
// package tally decides.
//
// Every official text fixes the same five steps — recommendation and nomination, inspection,
// preliminary candidates (made public), prospective candidates (sent up for review), the vote —
// and the principle that names go up "according to the opinion of the majority of party
// organisations and party members" (the 2020 regulation on grassroots party elections, Art. 10;
// the Central Committee's 2021 notice on electing the delegates to the 20th National Congress).
// None defines that majority: its base, its boundary, or whether organisations and members
// combine by "and" or "or"; the texts say both. So every such point is a parameter here, never a
// constant, and every figure is an exact integer or rational.
//
// # The pieces
//
// A Tree holds the organisations (NewTree validates them): branches at the leaves with their
// members, any number of levels above, the election unit at the root. A Registry interns the
// persons named, so that a province's millions of ballots cost no string per name. A Counter
// counts one branch's recommendation ballots (推荐票) — or one ballot box's: boxes, mobile boxes
// (流动票箱) and telephone recommendations merge in any order — into a Sheet.
//
// Aggregate runs one up: every organisation, from the branches to the root, turns what it
// received into the list it sends up under its Rule. Rules gives one rule per level (by Kind),
// with per-organisation overrides. A rule says
//
//   - whose majority counts (Basis: members, organisations, either, both) and among which names
//     (Universe: every name written below, or only those the level below sent up);
//   - the bars, each a quota.Threshold with a named base: votes against the entitled members,
//     those who took part or the valid ballots; organisations against the children or the
//     branches, all or only those whose sheets counted;
//   - the size of the list against the organisation's places: every passer, exactly the places
//     (全额), a quota.Difference surplus (more than 30%, at least 20%…) or a share of the places
//     (扩大比例), and whether to take the least, the most or all;
//   - the ranking keys; what a cut inside a tie does (reported as data by default, and settled
//     only by a recorded Decision); what a shortfall does (reported, or a second recommendation
//     among the most-voted);
//   - the minimum participation for a branch's sheet to count, whether probationary members'
//     recommendations count, and whether a name no member wrote may go up.
//
// The result, a Pass, holds every organisation's Node: its figures, the bars as applied, its
// tallies, its list, any tie or shortfall, and its reasons. Pass.Down gives an organisation's
// list as a ballot.Slate to send down for opinions: members mark each name agree, disagree or
// abstain, exactly as on a ballot, counted with a count.Counter; OpinionSheet turns each branch's
// counts into its sheet for the next up.
//
// A Nomination strings the steps together for one election unit and records them: the ups and
// downs, the inspection list (Narrow to Inspected, more people than places by its own difference
// rule: 差额考察), vetting (Vet: removals with typed grounds, replaced by no one, by the next in
// rank, or by reopening), public notice (Notice: civil dates, calendar or working days, and
// objections), the preliminary and prospective lists, and finally the ballot.Slate for
// tally.NewElection or tally.NewPreliminary (Slate, checked against its quota.Difference, with
// nominees from above in the base or not). Funnel gives the figures every published account
// reports: recommended → inspected → preliminary → candidates. Apportion divides an election
// unit's places among its recommending units with quota.Apportion, by members or by branches.
//
// # Decisions are data
//
// Nothing a committee decides is computed, and nothing computed is a sentence. A Decision
// (add, remove, order a tie), a Removal and an Objection are inputs, recorded with their Ground
// and reference. Every list change carries a Reason: a kind, the organisation, the persons,
// named figures and the rule's own citation (Rule.Source). Reason.String is a stable text form
// for debugging; sentences in English and Chinese belong to package tally/report.
//
// # Sources and defaults
//
// The zero value of every parameter is a documented choice; where a source fixes the point the
// choice follows it, and where none does the choice is the stricter reading, to be overridden.
//
//   - Basis ByMembers, with organisation bars available: the 1990 interim regulation used members
//     for a branch and organisations for a committee; the "两上两下" work plan of about 2002 has
//     each level decide by the majority of the level directly below.
//   - Member bar base OfEntitled (no source names one; the strictest); organisation scope
//     Children (the 1990 regulation's "所辖多数党组织") over all of them.
//   - A branch's bar "more than half" in the presets: a recommendation meeting template
//     ("得推荐票超过一半以上", m.yzwku.com/doc/920947.html), which also holds a second
//     recommendation among the most-voted when too few pass (Rule.Shortfall).
//   - AllowUnvoted false: Shanxi in 2012 forbade sending up a name no member had named (Xinhua,
//     2012-02-29, "党员没有提名的人选不向上级党组织推荐").
//   - CountProbationary false: probationary members have no vote (2020 grassroots regulation,
//     Art. 5); whether they may recommend is unstated, and a deployed university system for party
//     congresses (github.com/xvchaoqun/owip, read, not copied) counts their recommendations apart.
//     The same system ranks by branches recommending, then votes, then full members' votes, and
//     refuses a branch report below 80% participation: the presets OwipOrder and a Participation
//     of at least 4/5 reproduce it.
//   - List sizes: "more than 30% over the places" for recommended names and "more than 20%" for
//     preliminary candidates (work manuals after a 2021 party-work handbook; Yunnan applied the
//     30% in 2021), full quota (Chongqing 2012 and 2022, Shanxi 2012), an enlarged proportion
//     (Chongqing 2022, CCTV news, March 2022). "多于…以上" mixes "more than" and "at least": the
//     boundary is a parameter.
//   - Inspection surplus: required since the 18th Congress, 13.4% on average over 40 units
//     (China Daily, 2012-11-06), no fixed ratio: a ListRule.
//   - Replacement after a veto: none found for delegate candidates (NoReplacement, as the
//     Electoral Law's Art. 35 removes without replacing); Central Committee vacancies are filled
//     in order of votes (NextRanked).
//   - Notice period: none found for delegate candidates; cadre appointments take at least five
//     working days (2014 regulation on leading cadres, Art. 41: CadreNotice).
//   - Nominees from above in the difference base: unpublished (Guangxi 2022's 55 candidates for
//     48 seats meet "more than 15%" only without at least two central nominees in the base;
//     Sichuan 2017's 1,035 prospective candidates plus 38 nominated by the provincial committee
//     for 860 seats meet "at least 20%" either way): a parameter of Nomination.Slate.
//   - "Average participation" (99.5% for the 20th Congress, Xinhua 2022-09-26) is either the
//     mean of the units' rates or the pooled rate: Mean and Pooled give both, exactly; printed
//     percentages are rounded half-up (Rate.Percent: 4,748 of 5,275 is 90.01%), with or without
//     a cap below 100% for a rate short of the whole.
//
// # Recommendation files
//
// A recommendation file is CSV (UTF-8, with or without a byte order mark, or GB18030 as
// Chinese-language spreadsheets save it), one recommendation ballot per row after a header:
//
//	org,box,probationary,spoiled,names
//	b01,hall,,,P003,P017,P121
//	b01,mobile-1,yes,,P003
//	b01,hall,,yes,
//	b02,hall,,,"Wang, Fang",P017
//
// The header names the columns, in any order, by these words (any case; Chinese in brackets):
// org (organisation, branch; 党组织, 支部) — required, the branch's ID in the tree; box (票箱) —
// the ballot box, any label; probationary (预备党员) and spoiled (废票) — yes/no: 1, yes, y, true,
// x, 是 or 0, no, n, false, 否, or empty for no; names (name; 推荐人选, 被推荐人) — required, and
// last: that cell and every cell after it on a row is one person named, so a row may name any
// number of persons (a ballot naming more than the limit is read as it is and counted invalid).
// Empty name cells are skipped. Cells are trimmed; a cell may be quoted ("Wang, Fang"), with ""
// for a quote inside it; a quoted cell does not span lines. Blank lines are skipped.
//
// Bad input is a *ParseError with the line, the cell and the column's name, wrapping a
// sentinel: ErrNoHeader, ErrColumnName, ErrDuplicateColumn, ErrMissingColumn, ErrColumnOrder,
// ErrFieldCount, ErrEmptyOrg, ErrUnknownOrg, ErrNotLeaf, ErrFlagValue, ErrQuote,
// ErrRecordTooLong, ErrEncoding. ReadSheets reads and counts a whole file; Reader reads it row by
// row in bounded memory.
//
// # The record
//
// Nomination.Record gives a Record; its canonical encoding (Record.WriteTo, MarshalJSON) is a
// JSON text defined byte for byte, so that another program can re-encode a decoded record and
// compare, and check the digest:
//
//   - UTF-8, no byte order mark, no white space outside strings, no final newline;
//   - an object's members in the order listed below, every member always present; a missing
//     object is null; a list is an array, [] when empty, never null (except a node's tallies:
//     null when the pass did not keep them);
//   - a string is a quote, its characters, a quote: '"' written \", '\' written \\, every
//     character below U+0020 written \u00XX with two lowercase hexadecimal digits, every other
//     character as its UTF-8 bytes (U+007F, U+2028 and U+2029 included); an invalid byte as
//     U+FFFD;
//   - an integer in decimal, '-' for a negative, no leading zero, no plus, fraction or exponent;
//     true and false;
//   - a fraction (share) as the string of quota.Fraction.String: the form written ("15%",
//     "0.2", "1/3", in lowest terms); a boundary as "more-than" or "at-least"; every other
//     enumerated value as its String (kinds, bases, grounds, reason and figure kinds); a date as
//     YYYY-MM-DD.
//
// The members, in order:
//
//	record     {format:"chae.nomination/1", unit, seats, orgs:[org], passes:[pass], downs:[down],
//	            steps:[step], slate:slatestep|null, digest}
//	org        {id, parent, name, kind, members, probationary, places}        (tree order)
//	pass       {round, tally_levels, rules, decisions:[decision], second:[second], nodes:[node]}
//	rules      {default:rule, by_kind:[{kind, rule}], by_org:[{org, rule}]}    (kind order; ID order)
//	rule       {basis, universe, members:{share, boundary, base}, orgs:{share, boundary, scope, base},
//	            size, order:[key], at_cut, shortfall:{rule, candidates:difference},
//	            participation:{share, boundary}, count_probationary, allow_unvoted, source}
//	size       {kind, surplus:difference, share:{share, boundary}, take}
//	difference {min_share, min_boundary, max_share, min_surplus, max_surplus,
//	            steps:[{min_seats, min_surplus}], equal_allowed, source}
//	decision   {org, op, persons:[string], ground, ref}                       (canonical order)
//	second     {org, counts:{ballots, valid, invalid, spoiled, candidates:[{id, for, against,
//	            abstain}], write_ins:[{name, votes, same_as}]}}
//	node       {org, kind, depth, places, counted, members, probationary, all:turnout,
//	            full:turnout, uncounted, leaves, leaves_counted, children, children_counted, named,
//	            received, distinct, member_base, member_needed, org_base, org_needed, passers,
//	            min, max, tallies:[tally]|null, list:[entry], tie:tie|null, short,
//	            second:[string], reasons:[reason]}                             (tree order)
//	turnout    {ballots, invalid, spoiled}
//	tally      {person, votes, full, against, orgs, branches, cleared, passed} (key order)
//	entry      {person, votes, full, against, orgs, branches, cleared, passed, rank, origin}
//	tie        {persons:[string], rank, places}
//	reason     {kind, org, persons:[string], figures:[{kind, value}], ground, ref, rule}
//	down       {round, org, seats, persons:[string]}
//	step       {shortlist:shortlist|null, vetting:vetting|null, notice:notice|null}
//	shortlist  {stage, rule:{places, size, at_cut, source}, places, min, max, settle:[string],
//	            list:[entry], tie:tie|null, short, reasons:[reason]}
//	vetting    {stage, policy, removals:[{person, ground, ref}], settle:[string], list:[entry],
//	            tie:tie|null, reopen, reasons:[reason]}
//	notice     {stage, notice:{scope, from, to, min_days, calendar:{working_days,
//	            holidays:[date], workdays:[date]}, objections:[{received, person, ground, upheld,
//	            ref}]}, days, vetting:vetting|null, reasons:[reason]}
//	slatestep  {difference, nominees_in_base, from_above, slate:{office, seats,
//	            candidates:[{id, name, attrs:[{key, value}]}]}, reasons:[reason]} (attrs in key order)
//
// cleared is a bit set: 1 the member bar, 2 the organisation bar. The digest member is
// "sha256:" and the 64 lowercase hexadecimal digits of the SHA-256 of the encoding without it:
// the bytes before `,"digest":` followed by "}". DecodeRecord refuses any text that is not
// byte for byte the canonical encoding of what it decodes, and a digest that does not match.
//
// # Scale and determinism
//
// Aggregate works in exact integers, ranks by total orders ending on the person's key, and
// aggregates subtrees on several goroutines (Options.Workers): the pass and its record are the
// same bytes whatever the order of sheets, decisions and registry, and the number of workers.
// Sheets may be streamed (Up.Source) and the tallies of the lower levels dropped
// (Options.TallyLevels), so that a province — 200,000 branches, 4.7 million members, every
// member's ballot — is aggregated in memory bounded by its tree and its lists; BENCHMARKS.md in
// the repository has the figures.
//
// Package nominate imports ballot, quota and tally/count; package tally does not import it,
// nor it tally. A program uses both: nominate makes the slate, tally decides the vote.
//
// # Sources
//
// The package's rules, defaults and tests rest on these public texts (reprints where the original
// was not available; quotations in the documentation are short and given for citation):
//
//   - the Central Committee's 2021 notice on electing the delegates to the 20th National Congress,
//     as reported by Xinhua (reprinted in 农业科技报, 2022-03-24,
//     site.nkxww.nkb.com.cn/nykjb/20220324/html/content_20220324003003.htm): bottom-up selection
//     "according to the opinion of the majority of party organisations and party members",
//     inspection of more people than places, more than 15% more candidates, a political veto;
//   - the 2020 regulation on grassroots party elections, Arts. 5, 9 and 10 (People's Daily
//     reprint): at least 20% more candidates, recommendation from the branches up, preliminary
//     candidates that may be made public;
//   - a branch recommendation meeting template (m.yzwku.com/doc/920947.html): more than half of
//     the votes, full-quota lists, a second recommendation when too few pass;
//   - a work plan of about 2002 for "两上两下" (yanjianggao.wang): each level decides by the
//     majority of the level below and sends its list down for opinions;
//   - Xinhua on Shanxi, 2012-02-29: no name goes up that no member named;
//   - a deployed university party-congress system (github.com/xvchaoqun/owip, read, not copied):
//     opinion rounds marked agree, disagree, abstain or another name; ranking by branches, votes
//     and full members' votes; 80% participation;
//   - published figures: the central state organs' 108 seats and 125 candidates at least (澳门华侨报,
//     2012-08-17), Guangdong's 85 → 79 → 67 (人民日报海外版, 2012-07-26), Ningxia's 66 → 43 → 38
//     (经济日报, 2012-03-19), Chongqing's 1,772 recommendations naming 786 persons (Xinhua,
//     2012-03-21), Sichuan's 1,153 inspected and 1,035 + 38 candidates for 860 seats (成都,
//     2017-05-08), Guangxi's 55 candidates for 48 seats (Xinhua, 2022-04-23), a county's 4,026 +
//     722 of 5,275 members taking part, Wujiang's 408 candidates for 222 seats (吴江日报,
//     2016-05-27) — each checked exactly in the tests;
//   - the 2014 regulation on selecting and appointing leading cadres, Art. 41: public notice of
//     at least five working days; the PRC Electoral Law, Arts. 35 and 38: removal without
//     replacement, mobile ballot boxes.
package nominate
