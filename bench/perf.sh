#!/usr/bin/env bash
# Measure prodlint against go vet, staticcheck and gosec on one corpus module, in one run.
#
#   bench/perf.sh [NAME|DIR] [EDIT_FILE]
#
# NAME is a module fetched by bench/corpus.sh into bench/work/NAME (default: caddy, the mid-size
# one; `bench/perf.sh gitea` for the large one); DIR any module directory. EDIT_FILE (relative to
# the module) is the file the warm run edits; by default a file of a "mid-level" package: the
# package whose number of importers inside the module is the median among packages that have
# importers.
#
# Each tool is measured (wall seconds and peak RSS by /usr/bin/time -f "%e %M"), one at a time, in
# two states:
#   cold  a fresh, empty GOCACHE for the tool, and fresh result caches: staticcheck's
#         (XDG_CACHE_HOME, STATICCHECK_CACHE) and prodlint's own (PRODLINT_CACHE);
#   warm  the same caches after that cold run, with one comment line appended to EDIT_FILE (the
#         file is restored afterwards, also on failure).
# Tools: go vet ./...; prodlint ./...; go vet -vettool=prodlint ./...; staticcheck ./...
# (honnef.co/go/tools pinned below, installed with GOBIN=.cache/benchtools); gosec ./... (pinned;
# skipped with a note if it cannot be installed). The module proxy is switched off during the
# measurements (GOPROXY=off): every dependency must already be in
# the module cache. Results: a table on stdout and in bench/work/perf-NAME.md (not committed).
set -euo pipefail

STATICCHECK_VERSION=${STATICCHECK_VERSION:-v0.8.2} # staticcheck 2026.2.2
GOSEC_VERSION=${GOSEC_VERSION:-v2.30.0}

root=$(cd "$(dirname "$0")/.." && pwd)
arg=${1:-caddy}
if [ -d "$arg" ]; then mod=$(cd "$arg" && pwd); else mod=$root/bench/work/$arg; fi
[ -f "$mod/go.mod" ] || { echo "perf: $mod is not a module (run bench/corpus.sh first)" >&2; exit 1; }
name=$(basename "$mod")
export GOTOOLCHAIN=${GOTOOLCHAIN:-local}
[ -x /usr/bin/time ] || { echo "perf: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

tools=$root/.cache/benchtools
mkdir -p "$tools"
cd "$root"
go build -o bin/prodlint ./cmd/prodlint
prodlint=$root/bin/prodlint
if [ ! -x "$tools/staticcheck-$STATICCHECK_VERSION" ]; then
	echo "perf: installing staticcheck $STATICCHECK_VERSION" >&2
	GOBIN=$tools go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
	mv "$tools/staticcheck" "$tools/staticcheck-$STATICCHECK_VERSION"
fi
gosec=
if [ -x "$tools/gosec-$GOSEC_VERSION" ]; then
	gosec=$tools/gosec-$GOSEC_VERSION
else
	echo "perf: installing gosec $GOSEC_VERSION" >&2
	if GOBIN=$tools go install "github.com/securego/gosec/v2/cmd/gosec@$GOSEC_VERSION"; then
		mv "$tools/gosec" "$tools/gosec-$GOSEC_VERSION"
		gosec=$tools/gosec-$GOSEC_VERSION
	else
		echo "perf: gosec $GOSEC_VERSION could not be installed: skipped" >&2
	fi
fi

cd "$mod"
if [ -n "${2:-}" ]; then
	edit=$2
else
	# The mid-level package: median number of importers inside the module.
	modpath=$(go list -m)
	pkg=$(go list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' ./... 2>/dev/null |
		awk -v m="$modpath" '{ for (i = 2; i <= NF; i++) if ($i == m || index($i, m "/") == 1) n[$i]++ }
			END { for (p in n) print n[p], p }' | sort -k1,1n -k2 | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }')
	dir=$(go list -f '{{.Dir}}' "$pkg")
	file=$(go list -f '{{range .GoFiles}}{{.}}{{"\n"}}{{end}}' "$pkg" | head -n 1)
	edit=${dir#"$mod"/}/$file
fi
[ -f "$mod/$edit" ] || { echo "perf: $edit is not a file of $mod" >&2; exit 1; }
backup=$(mktemp)
cp "$mod/$edit" "$backup"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/prodlint-perf.XXXXXX")
restore() { cp "$backup" "$mod/$edit"; rm -f "$backup"; chmod -R u+w "$scratch"; rm -rf "$scratch"; }
trap restore EXIT

export GOPROXY=off GOFLAGS=${GOFLAGS:--buildvcs=false} PRODLINT_CONFIG=
results=()
# measure LABEL STATE CMD...: runs CMD under /usr/bin/time in the tool's caches.
measure() {
	local label=$1 state=$2
	shift 2
	local out=$scratch/$label-$state
	local code=0
	/usr/bin/time -o "$out.time" -f "%e %M" "$@" >"$out.stdout" 2>"$out.stderr" || code=$?
	local t
	t=$(tail -n 1 "$out.time")
	echo "perf: $name $label $state: ${t% *}s ${t#* } KiB (exit $code)" >&2
	results+=("$label $state ${t% *} ${t#* } $code")
}
# run_tool LABEL CMD...: cold in fresh caches, then warm after an edit.
run_tool() {
	local label=$1
	shift
	local caches=$scratch/cache-$label
	mkdir -p "$caches/go" "$caches/xdg" "$caches/staticcheck" "$caches/prodlint"
	export GOCACHE=$caches/go XDG_CACHE_HOME=$caches/xdg STATICCHECK_CACHE=$caches/staticcheck PRODLINT_CACHE=$caches/prodlint
	cp "$backup" "$mod/$edit"
	sync
	measure "$label" cold "$@"
	printf '\n// prodlint perf: edited %s\n' "$(date +%s%N)" >>"$mod/$edit"
	measure "$label" warm "$@"
	cp "$backup" "$mod/$edit"
	unset GOCACHE XDG_CACHE_HOME STATICCHECK_CACHE PRODLINT_CACHE
}

# PERF_TOOLS picks some of the tools (e.g. PERF_TOOLS="go-vet prodlint" for a quick look at a
# large module); all by default.
want=" ${PERF_TOOLS:-go-vet prodlint vet-vettool staticcheck gosec} "
echo "perf: $name ($(go list -m)), edit $edit, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
[[ $want != *" go-vet "* ]] || run_tool go-vet go vet ./...
[[ $want != *" prodlint "* ]] || run_tool prodlint "$prodlint" ./...
[[ $want != *" vet-vettool "* ]] || run_tool vet-vettool go vet -vettool="$prodlint" ./...
[[ $want != *" staticcheck "* ]] || run_tool staticcheck "$tools/staticcheck-$STATICCHECK_VERSION" ./...
if [ -n "$gosec" ] && [[ $want == *" gosec "* ]]; then
	run_tool gosec "$gosec" -quiet -fmt=text ./...
fi

# The table, with ratios of wall time and peak RSS to go vet and to staticcheck in the same state.
report=$root/bench/work/perf-$name.md
{
	echo "perf: $name ($(go list -m)) at $(date -u +%FT%TZ); edited file: $edit; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	echo "| tool | state | wall s | peak RSS MiB | exit | wall ÷ go vet | wall ÷ staticcheck | RSS ÷ staticcheck |"
	echo "|---|---|---:|---:|---:|---:|---:|---:|"
	printf '%s\n' "${results[@]}" | awk '
		{ tool[NR] = $1; state[NR] = $2; wall[NR] = $3; rss[NR] = $4; code[NR] = $5
		  if ($1 == "go-vet") { vw[$2] = $3 }
		  if ($1 == "staticcheck") { sw[$2] = $3; sr[$2] = $4 } }
		function ratio(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
		END { for (i = 1; i <= NR; i++)
			printf "| %s | %s | %.2f | %.0f | %d | %s | %s | %s |\n", tool[i], state[i], wall[i], rss[i] / 1024, code[i],
				ratio(wall[i], vw[state[i]]), ratio(wall[i], sw[state[i]]), ratio(rss[i], sr[state[i]]) }'
	echo
	echo "go-vet: go vet ./...; prodlint: prodlint ./...; vet-vettool: go vet -vettool=prodlint ./...;"
	if [ -n "$gosec" ]; then echo "staticcheck $STATICCHECK_VERSION; gosec $GOSEC_VERSION (-quiet)."; else echo "staticcheck $STATICCHECK_VERSION; gosec $GOSEC_VERSION could not be installed: skipped."; fi
	echo "cold: fresh empty GOCACHE, staticcheck cache and prodlint result cache per tool; warm: the same caches after one comment line appended to $edit."
} | tee "$report"
