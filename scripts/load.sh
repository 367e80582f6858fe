#!/usr/bin/env bash
# load.sh measures plume serve under load: 100 concurrent agents drafting for
# 60 s (LOAD_AGENTS, LOAD_DURATION) against a local fake model, on the demo
# corpus in a database of its own (plume_load). It prints the request count,
# the errors and the percentiles of plume's own time (timings.plume_ms).
# Everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

AGENTS=${LOAD_AGENTS:-100}
DURATION=${LOAD_DURATION:-60s}
PLUME_PORT=${LOAD_PLUME_PORT:-18080}
MODEL_PORT=${LOAD_MODEL_PORT:-18081}
export DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/plume_load?sslmode=disable&pool_max_conns=16}

PLUME_DATABASES=plume_load bash scripts/setup-db.sh
mkdir -p bin
go build -o bin/plume ./cmd/plume
go build -o bin/plumeload ./cmd/plumeload

./bin/plume migrate >/dev/null
./bin/plume ingest --quiet demo/corpus >&2
KEY=$(./bin/plume keys create --role agent --name "load $(date +%s)" 2>/dev/null)

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

./bin/plumeload fake -addr "127.0.0.1:$MODEL_PORT" -delay "${LOAD_MODEL_DELAY:-1s}" 2>/dev/null &
pids+=($!)
OPENAI_BASE_URL="http://127.0.0.1:$MODEL_PORT/v1" OPENAI_API_KEY=load PLUME_CHAT_MODEL=fake-load \
  PLUME_ADDR="127.0.0.1:$PLUME_PORT" ./bin/plume serve --rate -1 2>/tmp/plume-load-serve.log &
pids+=($!)

for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PLUME_PORT/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PLUME_PORT/readyz" >/dev/null

./bin/plumeload run -url "http://127.0.0.1:$PLUME_PORT" -key "$KEY" -c "$AGENTS" -d "$DURATION" "$@"
