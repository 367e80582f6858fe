#!/usr/bin/env bash
# redact-linearity.sh checks that the redactor's cost grows linearly with
# its input, on every shape of BenchmarkRedactShapes
# (redact/shapes_bench_test.go): realistic messages and the floods a large
# or hostile upload holds. For each shape it counts, with callgrind, the
# instructions of one redaction at two sizes (LINEARITY_SIZES, default
# "100KB 1MB"; "1MB 10MB" also reads a text cut into pieces, about ten
# times slower) and fails when the larger size costs more than
# LINEARITY_MAX (default 1.3) times the smaller's instructions per byte.
# Instructions, unlike time, do not move with the load of a shared
# machine; GOGC=off keeps the collector out of the count. A run counts the
# whole process (callgrind's --toggle-collect loses a goroutine that
# changes threads): the count of a run that redacts nothing is taken off,
# and what is left is one redaction and the text's generation (linear).
# LINEARITY_SHAPES is a regexp of the shapes to check (default all).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind >/dev/null || { echo "redact-linearity: valgrind is needed" >&2; exit 2; }
read -r SMALL BIG <<<"${LINEARITY_SIZES:-100KB 1MB}"
MAX=${LINEARITY_MAX:-1.3}
SHAPES=${LINEARITY_SHAPES:-.}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/redact.test" ./redact/

# bytes returns the nominal size of a benchmark size name.
bytes() {
  case $1 in
    *KB) echo $(( ${1%KB} << 10 )) ;;
    *MB) echo $(( ${1%MB} << 20 )) ;;
    *) echo "redact-linearity: unknown size $1" >&2; exit 2 ;;
  esac
}

# count prints the instructions of a run of the benchmark of shape $1 at
# size $2, less those of a run that redacts nothing.
count() {
  local n
  GOGC=off GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
    --callgrind-out-file="$tmp/cg" \
    "$tmp/redact.test" -test.run '^$' -test.bench "^BenchmarkRedactShapes\$/^$1\$/^$2\$" \
    -test.benchtime 1x >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; exit 2; }
  n=$(awk '/^summary:/ {print $2}' "$tmp/cg")
  [ -n "$n" ] || { echo "redact-linearity: no count for $1/$2" >&2; cat "$tmp/log" >&2; exit 2; }
  echo $(( n - ${base:-0} ))
}

shapes=$(GOMAXPROCS=1 "$tmp/redact.test" -test.run '^$' -test.bench '^BenchmarkRedactShapes$/./^100KB$' -test.benchtime 1x |
  awk -F/ '/^BenchmarkRedactShapes\// {print $2}' | grep -E "$SHAPES")
base=$(count none none)
printf '%-12s %14s %14s %7s\n' shape "instr/B $SMALL" "instr/B $BIG" ratio
fail=0
for s in $shapes; do
  a=$(count "$s" "$SMALL")
  b=$(count "$s" "$BIG")
  line=$(awk -v a="$a" -v b="$b" -v na="$(bytes "$SMALL")" -v nb="$(bytes "$BIG")" -v max="$MAX" -v s="$s" 'BEGIN {
    r = (b / nb) / (a / na)
    printf "%-12s %14.1f %14.1f %7.2f%s", s, a / na, b / nb, r, (r > max ? "  SUPERLINEAR" : "")
  }')
  echo "$line"
  [[ $line != *SUPERLINEAR* ]] || fail=1
done
exit $fail
