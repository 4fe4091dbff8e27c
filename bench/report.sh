#!/usr/bin/env bash
# Run prodlint over the corpus fetched by bench/corpus.sh and write the findings report.
#
#   bench/report.sh [NAME...]      every module of bench/corpus.txt, or only the named ones
#
# Builds bin/prodlint, then bench/cmd/benchreport runs `prodlint -json ./...` in each module, fails
# (exit 1) on a panic, an internal error or a rule error, and writes bench/results/findings.md
# (module × rule table), bench/results/samples/RULE.txt (up to 40 findings per rule with source
# context, secrets masked) and the raw output to bench/work/NAME.prodlint.{json,stderr}.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}
go build -o bin/prodlint ./cmd/prodlint
go build -o bench/work/benchreport ./bench/cmd/benchreport
exec bench/work/benchreport -prodlint bin/prodlint -corpus bench/corpus.txt -work bench/work -results bench/results "$@"
