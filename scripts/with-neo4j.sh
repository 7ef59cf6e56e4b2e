#!/usr/bin/env bash
# Runs a command with a Neo4j: the one NEO4J_URI names, or else the local one (docs/neo4j-local.md),
# started for the command and stopped afterwards — even when the command fails — unless it was already
# running. Exits with the command's status.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${NEO4J_URI:-}" ]; then
	exec "$@"
fi

go build -trimpath -o bin/diplograph ./cmd/diplograph
started=""
if ! bin/diplograph neo4j status >/dev/null 2>&1; then
	started=yes
fi
stop() {
	if [ -n "$started" ]; then
		bin/diplograph neo4j stop || true
	fi
}
trap stop EXIT
line="$(bin/diplograph neo4j start)"
export "${line?}"
# This Neo4j is the command's own (its home and port): tests may empty it (internal/neo4jtest).
export DIPLOGRAPH_TEST_DB_DISPOSABLE=1
echo "using $line" >&2
status=0
"$@" || status=$?
exit $status
