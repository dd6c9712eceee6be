# The two commands of README.md:
#   go run ./cmd/sio     runs the sandbox
#   make test            runs every check CI runs

GO ?= go

.PHONY: test generate check-generated vet unit sandbox

test: check-generated vet unit

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

sandbox:
	$(GO) run ./cmd/sio
