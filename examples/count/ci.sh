#!/usr/bin/env bash
# Run by .ci/run: count the shipped sample election in every form and language, print its ballot
# papers, and check the exit statuses (0 decided, 3 another round needed, 1 bad input, 2 a bad
# command line) and that a refused run leaves the files it would have written as they were. Run
# from the repository root.
set -euo pipefail
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/count" ./examples/count
td=examples/count/testdata
rounds="$td/round1.csv $td/round2.csv $td/round3.csv"
for format in text markdown html json; do
	for lang in en zh; do
		"$bin/count" -format "$format" -lang "$lang" -out "$bin/report.$format.$lang" "$td/election.json" $rounds
		test -s "$bin/report.$format.$lang"
	done
done
"$bin/count" "$td/election-rules.json" $rounds >/dev/null
"$bin/count" -boxes "$bin/boxes" "$td/election.json" $rounds >/dev/null
test -s "$bin/boxes/round1-boxes.csv"
"$bin/count" "$td/election.json" "$td/round1-hall.csv,summary:$td/round1-mobile-summary.csv" "$td/round2.csv" "$td/round3.csv" >/dev/null
# The ballot papers of round 1 and, after round 1's ballots, of round 2.
"$bin/count" -ballot -lang zh -out "$bin/ballot1.html" "$td/election.json"
grep -q "以姓氏笔画为序" "$bin/ballot1.html"
"$bin/count" -ballot -out "$bin/ballot2.html" "$td/election.json" "$td/round1.csv"
grep -q "Round 2, supplementary election" "$bin/ballot2.html"

expect() { # expect STATUS MESSAGE COMMAND...: the command exits with STATUS and says MESSAGE on stderr
	local want=$1 msg=$2 status=0
	shift 2
	"$@" >"$bin/out" 2>"$bin/err" || status=$?
	[ "$status" -eq "$want" ] || { echo "count: $*: exit status $status, want $want"; cat "$bin/err"; exit 1; }
	grep -qF -- "$msg" "$bin/err" || { echo "count: $*: stderr lacks \"$msg\":"; cat "$bin/err"; exit 1; }
}
expect 3 "next round needed: round 2, supplementary" "$bin/count" "$td/election.json" "$td/round1.csv"
expect 1 "candidate column out of slate order" "$bin/count" "$td/election.json" "$td/round2.csv"
head -n 37 "$td/round2.csv" >"$bin/round2-cut.csv"
expect 1 "round 2: counted 36 ballots, returned 46: a file may be truncated or missing" \
	"$bin/count" "$td/election.json" "$td/round1.csv" "$bin/round2-cut.csv"
echo "the old sheet" >"$bin/sheet.txt"
expect 2 '-format "ext"' "$bin/count" -format ext -out "$bin/sheet.txt" "$td/election.json" $rounds
[ "$(cat "$bin/sheet.txt")" = "the old sheet" ] || { echo "count: a refused run changed the -out file"; exit 1; }
ln -s "$bin/sheet.txt" "$bin/link.txt"
expect 1 "is a symbolic link" "$bin/count" -out "$bin/link.txt" "$td/election.json" $rounds
[ "$(cat "$bin/sheet.txt")" = "the old sheet" ] || { echo "count: the program wrote through a symbolic link"; exit 1; }
echo "count: samples counted, ballot papers printed; exit statuses 0, 3, 1 and 2 as documented"
