#!/usr/bin/env bash
# Fetch prodlint's real-world corpus (bench/corpus.txt) by exact version through the Go module proxy.
#
#   bench/corpus.sh [-set tuning|heldout|all] [NAME...]
#
# Every module of corpus.txt (or only those of one set, CORPUS_SET=... does the same, or only the
# named ones). For each line "module@version name set note...": `go mod download -json
# module@version`, copy the module directory out of the module cache into bench/work/NAME (made
# writable), then `go mod download` inside it so every dependency is in the module cache, and check
# that it type-checks with `go build ./...` (skipped with CORPUS_NO_BUILD=1; a failure is reported,
# not fatal: prodlint must still finish on the packages that do type-check). Fetching runs no rule:
# it is safe on the held-out set. Prints a table of modules with their set and Go line counts
# (`find -name '*.go' | xargs cat | wc -l`, vendor/ and testdata/ excluded); each module's row is
# kept in bench/work/NAME.corpus.tsv and all rows fetched so far in bench/work/corpus.tsv.
#
# Idempotent: a module already present at bench/work/NAME with the same version stamp is kept.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
list=${CORPUS_LIST:-$here/corpus.txt}
work=${CORPUS_WORK:-$here/work}
set_=${CORPUS_SET:-all}
if [ "${1:-}" = "-set" ]; then
	set_=${2:?"-set needs tuning, heldout or all"}
	shift 2
fi
case "$set_" in tuning|heldout|all) ;; *) echo "corpus: unknown set $set_ (want tuning, heldout or all)" >&2; exit 2 ;; esac
mkdir -p "$work"
# GOWORK=off: a module zip may carry a go.work naming directories the zip leaves out.
export GOTOOLCHAIN=${GOTOOLCHAIN:-local} GOFLAGS=${GOFLAGS:--buildvcs=false} GOWORK=off

want=" $* "

lines_of_go() {
	find "$1" -type f -name '*.go' -not -path '*/vendor/*' -not -path '*/testdata/*' -print0 | xargs -0 cat | wc -l
}

# Read the list once: an edit of corpus.txt during a long fetch must not shift the lines read.
corpus=$(cat "$list")
names=()
while read -r modver name mset _note; do
	case "$modver" in ''|'#'*) continue ;; esac
	case "$mset" in tuning|heldout) ;; *) echo "corpus: $name: set is \"$mset\", want tuning or heldout ($list)" >&2; exit 2 ;; esac
	if [ "$want" != "  " ] && [[ "$want" != *" $name "* ]]; then continue; fi
	if [ "$set_" != all ] && [ "$set_" != "$mset" ]; then continue; fi
	names+=("$name")
	mod=${modver%@*} ver=${modver##*@}
	dst=$work/$name
	if [ -f "$dst/.corpus-version" ] && [ "$(cat "$dst/.corpus-version")" = "$modver" ]; then
		echo "corpus: $name: $modver already in $dst" >&2
	else
		echo "corpus: $name: downloading $modver" >&2
		json=$(go mod download -json "$modver") || { echo "corpus: $name: go mod download $modver failed:" >&2; echo "$json" >&2; exit 1; }
		dir=$(printf '%s' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
		err=$(printf '%s' "$json" | sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p')
		if [ -n "$err" ] || [ -z "$dir" ] || [ ! -d "$dir" ]; then
			echo "corpus: $name: $modver: ${err:-no module directory in go mod download output}" >&2
			exit 1
		fi
		rm -rf "$dst"
		cp -R "$dir" "$dst"
		chmod -R u+w "$dst"
		# A module zip keeps vendor/modules.txt but none of the vendored packages: left alone, the go command
		# sees a vendor directory and loads with -mod=vendor, and no package that imports a dependency loads.
		if [ -d "$dst/vendor" ] && [ -z "$(find "$dst/vendor" -type f -not -name modules.txt -print -quit)" ]; then
			rm -rf "$dst/vendor"
		fi
		printf '%s\n' "$modver" >"$dst/.corpus-version"
	fi
	echo "corpus: $name: go mod download (dependencies)" >&2
	# A dependency the proxy no longer serves (or never did) is reported, not fatal: the packages that import it
	# fail to load, and prodlint reports them and analyzes the rest, as it must on any module.
	depnote=""
	if ! (cd "$dst" && go mod download); then
		echo "corpus: $name: go mod download of dependencies failed; the packages that need them will not load" >&2
		depnote="; some dependencies not served"
	fi
	status=ok
	if [ -z "${CORPUS_NO_BUILD:-}" ]; then
		echo "corpus: $name: go build ./..." >&2
		if ! (cd "$dst" && go build ./... >"$work/$name.build.log" 2>&1); then
			status="build errors (see bench/work/$name.build.log)$depnote"
			echo "corpus: $name: $status" >&2
			tail -n 20 "$work/$name.build.log" >&2
		fi
	else
		# No type check, but a load check: packages (with their dependencies) that go list cannot load.
		bad=$( (cd "$dst" && go list -e -deps -f '{{if .Error}}{{.ImportPath}}{{end}}' ./... 2>/dev/null || true) | grep -c . || true)
		status="not built (CORPUS_NO_BUILD); packages failing to load: $bad$depnote"
	fi
	n=$(lines_of_go "$dst")
	pkgs=$( (cd "$dst" && go list -e ./... 2>/dev/null || true) | wc -l)
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$modver" "$mset" "$n" "$pkgs" "$status" >"$work/$name.corpus.tsv"
done <<<"$corpus"

# corpus.tsv: the rows of every module of corpus.txt fetched so far, in corpus.txt's order.
tsv=$(mktemp "$work/corpus.tsv.XXXXXX")
while read -r modver name _rest; do
	case "$modver" in ''|'#'*) continue ;; esac
	if [ -f "$work/$name.corpus.tsv" ]; then cat "$work/$name.corpus.tsv" >>"$tsv"; fi
done <<<"$corpus"
mv "$tsv" "$work/corpus.tsv"

printf '\n| module | version | set | lines of Go | packages | go build ./... |\n|---|---|---|---:|---:|---|\n'
for name in "${names[@]}"; do
	awk -F'\t' '{ split($2, mv, "@"); printf "| %s | %s | %s | %s | %s | %s |\n", mv[1], mv[2], $3, $4, $5, $6 }' "$work/$name.corpus.tsv"
done
