# plume — make demo runs the main job on the demo corpus; make test runs the checks.
SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
GO ?= go
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(shell $(GO) env GOPATH)/bin/staticcheck
export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/plume?sslmode=disable
export PLUME_TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/plume_test?sslmode=disable

.PHONY: all build setup setup-browser demo test vet staticcheck bench fmt fuzz

all: build

build:
	$(GO) build -o bin/plume ./cmd/plume

setup:
	bash scripts/setup-db.sh

setup-browser:
	bash scripts/setup-browser.sh

demo: setup build
	./bin/plume migrate
	./bin/plume ingest demo/corpus
	./bin/plume search --k 3 "comment renouveler ma carte d'identite"
	./bin/plume draft --channel email "Bonjour, je m'appelle Claire Martin, j'ai demenage et je dois changer l'adresse de ma carte grise. Merci"
	@echo "Admin key for the demo (shown once):"
	@./bin/plume keys create --role admin --name "demo $$(date +%s)"
	@echo "plume serve on $${PLUME_ADDR:-:8080} — see README for the curl calls; Ctrl-C stops it."
	./bin/plume serve

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...

test: setup setup-browser vet staticcheck
	$(GO) test -race -count=1 -timeout 30m ./...
	cd deploy && $(GO) vet ./... && $(GO) test -count=1 ./...
	PLUME_FULL_CORPUS=1 $(GO) test -count=1 -timeout 30m -run 'TestRetrievalFullCorpus|TestRealZip' -v ./rag/ ./ingest/ | grep -Ev '^=== RUN|miss:'

bench: setup
	$(GO) test -run '^$$' -bench . -benchtime 1x ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

# Fuzz every target of redact/ for FUZZTIME each (not part of CI).
FUZZTIME ?= 5m
fuzz:
	for target in $$($(GO) test -list '^Fuzz' ./redact/ | grep '^Fuzz'); do \
		$(GO) test -run '^$$' -fuzz "^$$target\$$" -fuzztime $(FUZZTIME) ./redact/ || exit 1; \
	done
