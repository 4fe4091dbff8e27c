# prodlint's build, test and lint entry points. `make test` is what CI runs
# (.ci/run); it needs Go and pre-commit, builds golangci-lint with the plugin
# from the module proxy, and installs pre-commit from Debian when it runs as
# root and pre-commit is missing.

GO        ?= go
BIN       := bin/prodlint
# A count, not a duration: with a duration Go 1.26's fuzz coordinator can
# report its own deadline as a failure when the machine is busy
# (go.dev/issue/75804, fixed in Go 1.27). 40000 inputs take a few seconds here.
FUZZTIME  ?= 40000x

# Recipes run under bash with pipefail, so that a test run piped through a
# filter still fails the target.
SHELL       := bash
.SHELLFLAGS := -o pipefail -c

.PHONY: all build run test unit lint fmt-check vet selfcheck generate check-generated fuzz integration docs-check bench bench-heldout corpus gcl clean mutate newrule

# -v output of a test run, less the noise: each test prints "=== RUN" when
# it starts, the lines it logs as it goes (a long build says so) and
# "--- PASS/FAIL" with its duration, so a run is never silent for minutes;
# subtests' start and pass lines and the PAUSE/CONT/NAME lines are dropped.
PROGRESS := grep --line-buffered -v -E '^=== (PAUSE|CONT|NAME)|^=== RUN .*/|^ +--- PASS'

# The integration tests: go vet -vettool, the golangci-lint plugin,
# pre-commit, output formats, and every command of the docs.
integration:
	$(GO) test -count=1 -v -timeout 30m ./integration/ 2>&1 | $(PROGRESS)

# Every `sh` command of README.md and docs/*.md, run on a sample project
# (integration/docs_test.go lists the few it skips, with the reason).
docs-check:
	$(GO) test -count=1 -v -timeout 10m -run '^TestDocumentedCommands$$' ./integration/ 2>&1 | $(PROGRESS)

# Build the custom golangci-lint with the prodlint plugin from the module proxy alone.
gcl:
	scripts/build-custom-gcl.sh

all: build

# -buildvcs=auto: stamp the VCS revision (prodlint -version) even where
# GOFLAGS turns stamping off, and build anyway outside a repository.
build:
	$(GO) build -buildvcs=auto -o $(BIN) ./cmd/prodlint

# Build prodlint and run it on another project: make run PROJECT=/path/to/project
PROJECT ?= .
ARGS    ?= ./...
run: build
	cd $(PROJECT) && $(CURDIR)/$(BIN) $(ARGS)

# Everything CI checks, in order of cost. The unit and the integration tests
# (docs-check included) run side by side, as one `go test ./...` would, and
# print as they go: a line per unit-test package, a line per integration
# test (their lines interleave).
test: fmt-check vet check-generated
	$(MAKE) --no-print-directory -j2 unit integration
	$(MAKE) --no-print-directory fuzz selfcheck

# Every package but the integration tests; go test prints a line per
# package as it finishes.
unit:
	$(GO) test -count=1 -timeout 30m $$($(GO) list ./... | grep -v '/integration$$')

lint: fmt-check vet selfcheck

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' | grep -v /testdata/)); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# prodlint runs clean on its own repository.
selfcheck: build
	./$(BIN) ./...

# Scaffold a rule: make newrule FAMILY=sqlcheck ID=sql-order-random writes
# the rule, its test and a fixture, registers it and lists it in
# CHANGELOG.md (analyzers/CONTRIBUTING.md walks through the rest).
newrule:
	@test -n "$(FAMILY)" -a -n "$(ID)" || { echo "usage: make newrule FAMILY=family ID=rule-id"; exit 2; }
	$(GO) run ./analyzers/internal/newrule $(FAMILY) $(ID)

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

# The mutation benchmark: prodlint's recall on the corpus's own code, with
# the bugs its rules exist for put back one at a time (bench/mutate). Writes
# bench/results/mutation.md; not part of make test (its smoke test is).
# Mutants are written into private copies of the modules under MUTATE_SCRATCH;
# MUTATE_MODULES="chi gin" runs some modules only (the report then covers those).
# The tuning set is fetched but not built (the mutants are type-checked from
# source); modules run MUTATE_JOBS at a time. A miss of a rule that reads facts
# across packages is run again with the packages that import the mutated one.
MUTATE_CAP     ?= 5
MUTATE_JOBS    ?= 2
MUTATE_MODULES ?=
MUTATE_SEED    ?= 1
MUTATE_SCRATCH ?= $(or $(TMPDIR),/tmp)/prodlint-mutate
mutate: build
	CORPUS_NO_BUILD=1 bench/corpus.sh $(if $(MUTATE_MODULES),$(MUTATE_MODULES),-set tuning)
	$(GO) run ./bench/mutate -prodlint $(BIN) -cap $(MUTATE_CAP) -jobs $(MUTATE_JOBS) -seed $(MUTATE_SEED) -scratch $(MUTATE_SCRATCH) $(MUTATE_MODULES)

clean:
	rm -rf bin
