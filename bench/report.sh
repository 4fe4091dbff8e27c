#!/usr/bin/env bash
# Run prodlint over one set of the corpus fetched by bench/corpus.sh and write the findings report.
#
#   bench/report.sh [-set tuning|heldout|all] [NAME...]
#
# The set (default tuning, or $CORPUS_SET) is a column of bench/corpus.txt: tuning modules may be
# looked at and tuned on; held-out modules are run only to measure precision, once, at the end of a
# round. Builds bin/prodlint, then bench/cmd/benchreport runs `prodlint -json ./...` in each module
# of the set (or only the named ones, which must belong to it), fails (exit 1) on a panic, an
# internal error or a rule error, and writes:
#   tuning   bench/results/findings.md and samples/RULE.txt (up to 40 findings per rule)
#   heldout  bench/results/findings-heldout.md and samples-heldout/RULE.txt (every finding)
#   all      bench/results/findings-all.md and samples-all/RULE.txt
# with source context (secrets masked), and the raw output to bench/work/NAME.prodlint.{json,stderr}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
set_=${CORPUS_SET:-tuning}
if [ "${1:-}" = "-set" ]; then
	set_=${2:?"-set needs tuning, heldout or all"}
	shift 2
fi
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}
go build -o bin/prodlint ./cmd/prodlint
go build -o bin/benchreport ./bench/cmd/benchreport # in bin/: bench/work may be shared by several checkouts
exec bin/benchreport -prodlint bin/prodlint -corpus bench/corpus.txt -work bench/work -results bench/results -set "$set_" "$@"
