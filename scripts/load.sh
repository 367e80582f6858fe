#!/usr/bin/env bash
# load.sh measures plume serve under load: 100 concurrent agents drafting for
# 60 s (LOAD_AGENTS, LOAD_DURATION) against a local fake model, on the demo
# corpus in a database of its own (plume_load). It prints the request count,
# the errors and the percentiles of plume's own time (timings.plume_ms).
# LOAD_REPLICAS plume serve processes (default 1) share the database and are
# asked in turn; LOAD_RATE is each key's rate (default -1: none) and
# LOAD_KEYS the number of agent keys (default 1), given to the agents in turn.
# With LOAD_PAIRS=N, it compares one process and two instead: it starts one
# process and two more, then runs the load N times against each set in turn
# (one, two; two, one; …: the machine's load drifts), printing each run with
# the load average before it; each run ends with the CPU time the plume
# processes and the database's backends spent in it. Before the first pair,
# each set serves the same load unmeasured for LOAD_WARMUP (default 10s), so
# that no set is measured while it still opens connections and prepares
# statements.
# Everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

AGENTS=${LOAD_AGENTS:-100}
DURATION=${LOAD_DURATION:-60s}
PLUME_PORT=${LOAD_PLUME_PORT:-18080}
MODEL_PORT=${LOAD_MODEL_PORT:-18081}
LOAD_DB=${LOAD_DB:-plume_load}
REPLICAS=${LOAD_REPLICAS:-1}
export DATABASE_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/$LOAD_DB?sslmode=disable}
# Each process gets its share of the cores (LOAD_CPUS, default all), as a
# container limited to that many CPUs does (Go sets GOMAXPROCS from the
# limit), and so its share of the database connections (plume's pool is 8
# per core unless LOAD_POOL, the connections of all processes together,
# says otherwise).
CPUS=${LOAD_CPUS:-$(nproc)}

PLUME_DATABASES=$LOAD_DB bash scripts/setup-db.sh
mkdir -p bin
go build -o bin/plume ./cmd/plume
go build -o bin/plumeload ./cmd/plumeload

./bin/plume migrate >/dev/null
./bin/plume ingest --quiet demo/corpus >&2
KEYS=()
for i in $(seq 1 "${LOAD_KEYS:-1}"); do
  KEYS+=("$(./bin/plume keys create --role agent --name "load $(date +%s) $i" 2>/dev/null)")
done
KEY=$(IFS=,; echo "${KEYS[*]}")

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

./bin/plumeload fake -addr "127.0.0.1:$MODEL_PORT" -delay "${LOAD_MODEL_DELAY:-1s}" 2>/dev/null &
pids+=($!)
# start N FIRST starts N plume serve processes, numbered from FIRST, that
# share the cores and the connections, waits until they are ready and sets
# URLS to their addresses.
start() {
  local n=$1 first=$2 url=$DATABASE_URL sep="?" i port
  if [[ -n ${LOAD_POOL:-} ]]; then
    [[ $url == *"?"* ]] && sep="&"
    url="$url${sep}pool_max_conns=$(( (LOAD_POOL + n - 1) / n ))"
  fi
  URLS=() SET=()
  for i in $(seq "$first" $((first + n - 1))); do
    port=$((PLUME_PORT + 2 * i)) # MODEL_PORT is PLUME_PORT + 1
    DATABASE_URL=$url GOMAXPROCS=${LOAD_GOMAXPROCS:-$(( CPUS / n > 0 ? CPUS / n : 1 ))} \
      OPENAI_BASE_URL="http://127.0.0.1:$MODEL_PORT/v1" OPENAI_API_KEY=load PLUME_CHAT_MODEL=fake-load \
      PLUME_ADDR="127.0.0.1:$port" ./bin/plume serve --rate "${LOAD_RATE:--1}" --burst 1000 2>"/tmp/plume-load-serve-$i.log" &
    pids+=($!)
    SET+=($!)
    URLS+=("http://127.0.0.1:$port")
  done
  for url in "${URLS[@]}"; do
    for _ in $(seq 1 100); do
      curl -fsS "$url/readyz" >/dev/null 2>&1 && break
      sleep 0.1
    done
    curl -fsS "$url/readyz" >/dev/null
  done
}

# ticks PIDS… prints each process's CPU time so far, in clock ticks: "pid
# ticks" lines.
ticks() {
  local pid
  for pid in "$@"; do
    awk -v pid="$pid" '{print pid, $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true
  done
}

# backends prints the CPU time so far of the PostgreSQL backends serving
# the load's database ("pid ticks" lines).
backends() {
  ticks $(psql "$DATABASE_URL" -Atc "SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid()")
}

# spent BEFORE AFTER prints the CPU seconds spent between two "pid ticks"
# listings (a process absent before started since; one listed several
# times in AFTER counts at its last).
spent() {
  awk -v hz="$(getconf CLK_TCK)" 'NR == FNR { before[$1] = $2; next } { last[$1] = $2 }
    END { for (p in last) sum += last[p] - before[p]; printf "%.2f", sum / hz }' <(echo "$1") <(echo "$2")
}

# load PIDS URLS… runs the agents against URLS, then prints the CPU time
# the plume processes PIDS and the database's backends used meanwhile.
# The backends are listed every second: a connection closed during the run
# (a request cancelled) takes its backend with it.
load() {
  local procs=$1 before after pg_before sampler samples
  shift
  samples=$(mktemp)
  before=$(ticks $procs) pg_before=$(backends)
  while :; do backends; sleep 1; done >"$samples" &
  sampler=$!
  ./bin/plumeload run -url "$(IFS=,; echo "$*")" -key "$KEY" -c "$AGENTS" -d "$DURATION" "${ARGS[@]}"
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  after=$(ticks $procs)
  backends >>"$samples"
  echo "CPU: plume $(spent "$before" "$after") s, PostgreSQL $(spent "$pg_before" "$(cat "$samples")") s"
  rm -f "$samples"
}

ARGS=("$@")
if [[ -z ${LOAD_PAIRS:-} ]]; then
  start "$REPLICAS" 0
  load "${SET[*]}" "${URLS[@]}"
  exit
fi
start 1 0
ONE=("${URLS[@]}") ONEPIDS=${SET[*]}
start 2 1
TWO=("${URLS[@]}") TWOPIDS=${SET[*]}
for urls in "$(IFS=,; echo "${ONE[*]}")" "$(IFS=,; echo "${TWO[*]}")"; do
  ./bin/plumeload run -url "$urls" -key "$KEY" -c "$AGENTS" -d "${LOAD_WARMUP:-10s}" "${ARGS[@]}" >/dev/null
done
for pair in $(seq 1 "$LOAD_PAIRS"); do
  order=(1 2)
  (( pair % 2 == 0 )) && order=(2 1)
  for n in "${order[@]}"; do
    echo "== pair $pair, $n process(es), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S)"
    if (( n == 1 )); then load "$ONEPIDS" "${ONE[@]}"; else load "$TWOPIDS" "${TWO[@]}"; fi
  done
done
