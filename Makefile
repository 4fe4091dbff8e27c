# prodlint's build, test and lint entry points. `make test` is what CI runs
# (.ci/run); it needs only Go, and installs what the integration tests need
# (golangci-lint built from the module proxy, pre-commit from Debian).

GO        ?= go
BIN       := bin/prodlint
FUZZTIME  ?= 15s

.PHONY: all build run test unit lint fmt-check vet selfcheck generate check-generated fuzz integration bench bench-heldout corpus gcl clean

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
# proxy) fetched into bench/work/, which is not committed. It has two sets:
# tuning (the default here) and heldout; CORPUS_SET=heldout or all picks.
CORPUS_SET ?= tuning
corpus:
	bench/corpus.sh -set $(CORPUS_SET)

# Corpus, findings report of the tuning set (bench/results/findings.md and
# samples/) and the performance comparison on the mid-size module. On the
# large one: make bench PERF_MODULE=gitea (or bench/perf.sh gitea after make
# corpus). See docs/performance.md and docs/precision.md.
PERF_MODULE ?= caddy
bench: corpus
	bench/report.sh -set $(CORPUS_SET)
	bench/perf.sh $(PERF_MODULE)

# The held-out set, run once at the end of a round to measure precision:
# bench/results/findings-heldout.md and samples-heldout/ (every finding).
# No go build check: the report's "not type-checked" column says the same.
bench-heldout:
	CORPUS_NO_BUILD=1 bench/corpus.sh -set heldout
	bench/report.sh -set heldout

clean:
	rm -rf bin
