#!/usr/bin/env bash
# Builds a golangci-lint v2 binary with prodlint's module plugin compiled in,
# from the Go module proxy alone: what `golangci-lint custom` does, without
# its `git clone` of github.com (unreachable from many CI networks).
#
#   scripts/build-custom-gcl.sh [OUTPUT]
#
# OUTPUT defaults to .cache/golangci-lint-prodlint/golangci-lint (gitignored).
# The golangci-lint version is the `version:` of .custom-gcl.yml, the one
# place it is pinned (`golangci-lint custom` reads it too); $GCL_VERSION
# overrides it. The build is skipped when OUTPUT exists and was
# built from the same version, Go toolchain and prodlint sources (a hash of
# them is kept in OUTPUT.key). The work tree lives beside OUTPUT at a fixed
# path, so that rebuilds hit the Go build cache.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${GCL_VERSION:-$(sed -n 's/^version:[[:space:]]*["'\'']\{0,1\}\(v[0-9][0-9A-Za-z.+-]*\).*/\1/p' "$root/.custom-gcl.yml")}"
if [[ -z "$version" ]]; then
	echo "build-custom-gcl: no version: line in $root/.custom-gcl.yml" >&2
	exit 2
fi
out="${1:-$root/.cache/golangci-lint-prodlint/golangci-lint}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
outdir="$(dirname "$out")"
mkdir -p "$outdir"

# One build at a time per output (parallel test runs share the cache);
# flock is util-linux's, absent on macOS, where builds are not serialized.
if command -v flock >/dev/null; then
	exec 9>"$out.lock"
	flock 9
fi

# The key covers everything the binary is built from: the golangci-lint
# version, the Go toolchain, this script, and prodlint's module files and
# non-test Go sources.
key="$(
	{
		echo "golangci-lint $version"
		go version
		cd "$root"
		find . \( -path ./.git -o -path ./.cache -o -name testdata \) -prune -o \
			-type f \( -name '*.go' ! -name '*_test.go' -o -name go.mod -o -name go.sum \) -print |
			LC_ALL=C sort | xargs sha256sum
		sha256sum scripts/build-custom-gcl.sh
	} | sha256sum | cut -d' ' -f1
)"
if [[ -x "$out" && -f "$out.key" && "$(cat "$out.key")" == "$key" ]]; then
	echo "build-custom-gcl: $out is up to date (golangci-lint $version)" >&2
	exit 0
fi

echo "build-custom-gcl: building golangci-lint $version with the prodlint plugin into $out" >&2
src="$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
if [[ -z "$src" || ! -d "$src" ]]; then
	echo "build-custom-gcl: go mod download gave no source directory for golangci-lint $version" >&2
	exit 1
fi

work="$outdir/src"
rm -rf "$work"
cp -R "$src" "$work"
chmod -R u+w "$work" # the module cache is read-only

# What `golangci-lint custom` writes into cmd/golangci-lint/plugins.go.
cat > "$work/cmd/golangci-lint/plugins.go" <<'GO'
package main

import _ "github.com/prodlint/prodlint/gclplugin"
GO

cd "$work"
go mod edit -replace "github.com/prodlint/prodlint=$root"
go mod tidy
go build -trimpath \
	-ldflags "-s -w -X 'main.version=${version#v}-prodlint' -X 'main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)'" \
	-o "$out.tmp" ./cmd/golangci-lint
mv "$out.tmp" "$out"
echo "$key" > "$out.key"
echo "build-custom-gcl: built $out" >&2
