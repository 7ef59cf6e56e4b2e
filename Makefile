# Diplograph — the two commands of the README and their parts.
#
#   make run     build, start the local Neo4j when NEO4J_URI is unset, load testdata/corpus, serve GraphQL
#   make test    every test against a real Neo4j (the local one when NEO4J_URI is unset), with -race,
#                plus go vet and a gofmt check
#
# Other targets: build, graphiql, bench, bench-load, bench-api, score, neo4j-start, neo4j-stop, clean.

GO        ?= go
BIN       := bin/diplograph
ADDR      ?= 127.0.0.1:8080
# The tests use their own local Neo4j (its own home and port), so they never wipe your dev data.
TEST_HOME ?= $(CURDIR)/.diplograph/test
TEST_PORT ?= 7691

include web/graphiql/Makefile.inc

.PHONY: all build run test vet fmt-check bench bench-load bench-api score neo4j-start neo4j-stop clean

all: build

# The binary, with GraphiQL built and embedded when npm is available (without it, / explains how).
build:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory graphiql; \
	 else echo "npm not found: building without the GraphiQL page (/graphql still works)"; fi
	$(GO) build -trimpath -o $(BIN) ./cmd/diplograph

# The main job: local Neo4j (unless NEO4J_URI is set), the sample corpus loaded, GraphQL served with
# GraphiQL at http://$(ADDR)/.
run: build
	$(BIN) serve --addr $(ADDR) --load testdata/corpus

# Every test. scripts/with-neo4j.sh starts a local Neo4j for them when NEO4J_URI is unset (and stops
# it afterwards), and exports NEO4J_URI.
test:
	DIPLOGRAPH_HOME=$(TEST_HOME) DIPLOGRAPH_NEO4J_PORT=$(TEST_PORT) scripts/with-neo4j.sh $(MAKE) --no-print-directory test-in-env

test-in-env: vet fmt-check
	$(GO) test -race -count=1 -timeout 20m ./...

vet:
	$(GO) vet ./...

fmt-check:
	@out="$$(gofmt -l $$(git ls-files '*.go' | grep -v '^graph/generated/') 2>/dev/null)"; \
	 if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

# Extraction speed (no database).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./extract ./normalize

# Loader and API benchmarks (docs/benchmarks.md) on the tests' own Neo4j, whose content is disposable:
# they empty it (--wipe) before and after, so NEO4J_URI is ignored here: never a database you need.
bench-load: build
	env -u NEO4J_URI DIPLOGRAPH_HOME=$(TEST_HOME) DIPLOGRAPH_NEO4J_PORT=$(TEST_PORT) scripts/with-neo4j.sh $(BIN) bench load --wipe
bench-api: build
	env -u NEO4J_URI DIPLOGRAPH_HOME=$(TEST_HOME) DIPLOGRAPH_NEO4J_PORT=$(TEST_PORT) scripts/with-neo4j.sh $(BIN) bench api --wipe

# Extraction quality with the reference scorer, on the dev corpus and on the project's own articles.
score: build
	python3 ../shared/tools/score-extraction.py --bin ./$(BIN) --gold ../shared/corpus/dev/gold --articles ../shared/corpus/dev/articles --verbose
	python3 ../shared/tools/score-extraction.py --bin ./$(BIN) --gold testdata/gold --articles testdata/articles

neo4j-start: build
	$(BIN) neo4j start
neo4j-stop:
	$(BIN) neo4j stop

clean:
	rm -rf bin
