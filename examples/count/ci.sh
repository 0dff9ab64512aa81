#!/usr/bin/env bash
# Run by .ci/run: count the shipped sample election in every form and language, and check the exit
# statuses (0 decided, 3 another round needed, 1 bad input). Run from the repository root.
set -euo pipefail
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/count" ./examples/count
td=examples/count/testdata
rounds="$td/round1.csv $td/round2.csv $td/round3.csv"
for format in text markdown html json; do
	for lang in en zh; do
		"$bin/count" -format "$format" -lang "$lang" -out "$bin/report.$format.$lang" "$td/election.json" $rounds
	done
done
"$bin/count" "$td/election-rules.json" $rounds >/dev/null
"$bin/count" -boxes "$bin/boxes" "$td/election.json" $rounds >/dev/null
test -s "$bin/boxes/round1-boxes.csv"
"$bin/count" "$td/election.json" "$td/round1-hall.csv,summary:$td/round1-mobile-summary.csv" "$td/round2.csv" "$td/round3.csv" >/dev/null
status=0
"$bin/count" "$td/election.json" "$td/round1.csv" >/dev/null 2>"$bin/err" || status=$?
[ "$status" -eq 3 ] || { echo "count: round 1 alone: exit status $status, want 3"; exit 1; }
grep -q "next round needed: round 2, supplementary" "$bin/err"
status=0
"$bin/count" "$td/election.json" "$td/round2.csv" >/dev/null 2>"$bin/err" || status=$?
[ "$status" -eq 1 ] || { echo "count: wrong ballots: exit status $status, want 1"; exit 1; }
echo "count: samples counted; exit statuses 0, 3 and 1 as documented"
