#!/usr/bin/env bash
# CI for examples/congress (run by .ci/run from the repository root): the default simulation, the
# published report against its golden file, and the same seed giving the same bytes on 1 and on 4
# workers.
set -euo pipefail
go build -o /tmp/chae-congress.$$ ./examples/congress
trap 'rm -f /tmp/chae-congress.$$' EXIT
/tmp/chae-congress.$$ -q >/dev/null
diff -u examples/congress/testdata/published.golden <(/tmp/chae-congress.$$ -published)
cmp <(/tmp/chae-congress.$$ -q -workers 1) <(GOMAXPROCS=1 /tmp/chae-congress.$$ -q -workers 4)
echo "examples/congress: ok"
