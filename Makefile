# The two commands of README.md:
#   go run ./cmd/sio     runs the sandbox
#   make test            runs every check CI runs

GO ?= go

.PHONY: test generate check-generated vet unit graphql-http-audit fuzz sandbox

test: check-generated vet unit graphql-http-audit

generate:
	$(GO) generate ./...

# CI fails if regenerating graph/ from schema/ changes anything.
check-generated: generate
	@if [ -n "$$(git status --porcelain -- graph/)" ]; then \
		echo "graph/ is out of date with schema/: run 'go generate ./...' and commit" >&2; \
		git status --porcelain -- graph/ >&2; git diff --stat -- graph/ >&2; exit 1; \
	fi

vet:
	$(GO) vet ./...

unit:
	./scripts/ensure-postgres.sh
	./scripts/ensure-chromium.sh
	$(GO) test -count=1 -timeout 25m ./...

# The graphql-http server audit (npm graphql-http, auditServer) against the
# sandbox binary: fails on any error result.
graphql-http-audit:
	./scripts/graphql-http-audit.sh

# Each fuzz target in turn, FUZZTIME per target (default a million
# executions); the seed corpus is under testdata/fuzz/, what the fuzzer
# finds stays in the Go build cache's fuzz corpus.
FUZZTIME ?= 1000000x
# New inputs are minimised briefly: an execution of the handler fuzzer runs
# a whole request, and the default minute per input would dominate the run.
FUZZMINIMIZETIME ?= 100x
FUZZ_TARGETS = .:FuzzParseIIN .:FuzzParseBIN ./authz:FuzzBasisInput ./gateway:FuzzHTTPHandler
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test $$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZETIME) -timeout 0; \
	done

sandbox:
	$(GO) run ./cmd/sio
