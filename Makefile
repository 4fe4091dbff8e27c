# prodlint's build, test and lint entry points. `make test` is what CI runs
# (.ci/run); it needs only Go, and installs what the integration tests need
# (golangci-lint built from the module proxy, pre-commit from Debian).

GO        ?= go
BIN       := bin/prodlint
FUZZTIME  ?= 15s

.PHONY: all build run test unit lint fmt-check vet selfcheck generate check-generated fuzz integration bench corpus gcl clean mutate

# The integration tests alone: go vet -vettool, the golangci-lint plugin, pre-commit, output formats.
integration:
	$(GO) test -count=1 -timeout 30m ./integration/...

# Build the custom golangci-lint with the prodlint plugin from the module proxy alone.
gcl:
	scripts/build-custom-gcl.sh

all: build

build:
	$(GO) build -o $(BIN) ./cmd/prodlint

# Build prodlint and run it on another project: make run PROJECT=/path/to/project
PROJECT ?= .
ARGS    ?= ./...
run: build
	cd $(PROJECT) && $(CURDIR)/$(BIN) $(ARGS)

# Everything CI checks, in order of cost.
test: fmt-check vet check-generated unit fuzz selfcheck

# A fresh machine builds golangci-lint for the integration tests (minutes on
# 2 cores), hence the long timeout.
unit:
	$(GO) test -count=1 -timeout 30m ./...

lint: fmt-check vet selfcheck

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v /testdata/)); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# prodlint runs clean on its own repository.
selfcheck: build
	./$(BIN) ./...

# Regenerate docs/rules/*.md and rules.toml from the rule registry.
generate:
	$(GO) test ./analyzers -run 'TestGenerated' -update

check-generated:
	$(GO) test -count=1 ./analyzers -run 'TestGenerated'

# A fixed, short run of the rules.toml and golangci-lint settings fuzzers;
# crashers land in testdata/fuzz/ and stay as regression seeds that every
# plain `go test` replays.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./analyzers/internal/config
	$(GO) test -run '^$$' -fuzz '^FuzzNew$$' -fuzztime $(FUZZTIME) ./gclplugin

# The real-world corpus (bench/corpus.txt, pinned versions from the Go module
# proxy) fetched into bench/work/, which is not committed.
corpus:
	bench/corpus.sh

# Corpus, findings report (bench/results/findings.md and samples/) and the
# performance comparison on the mid-size module. On the large one:
# make bench PERF_MODULE=gitea (or bench/perf.sh gitea after make corpus).
# See docs/performance.md.
PERF_MODULE ?= caddy
bench: corpus
	bench/report.sh
	bench/perf.sh $(PERF_MODULE)

# The mutation benchmark: prodlint's recall on the corpus's own code, with
# the bugs its rules exist for put back one at a time (bench/mutate). Writes
# bench/results/mutation.md; not part of make test (its smoke test is).
# Mutants are written into private copies of the modules under MUTATE_SCRATCH.
MUTATE_CAP     ?= 5
MUTATE_SEED    ?= 1
MUTATE_SCRATCH ?= $(or $(TMPDIR),/tmp)/prodlint-mutate
mutate: build corpus
	$(GO) run ./bench/mutate -prodlint $(BIN) -cap $(MUTATE_CAP) -seed $(MUTATE_SEED) -scratch $(MUTATE_SCRATCH)

clean:
	rm -rf bin
