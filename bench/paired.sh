#!/usr/bin/env bash
# Two builds of the application on the same machine in the same minutes: both jars are started at once
# (production settings, -Xmx256m, fresh embedded databases), each is warmed up, then wrk measures the
# article page at 64 connections on one and then the other, BENCH_ROUNDS times (5) for BENCH_DURATION
# seconds (10). Prints per round the requests/s, the p99 and the application's CPU time per page, then
# the means. For telling a change of a few per cent from this machine's drift, which moves separate runs
# by ±20 %.
# A separate command from the tests: bash bench/paired.sh BEFORE.jar AFTER.jar (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk curl java ss python3; do
  command -v "$tool" >/dev/null || { echo "bench/paired.sh needs $tool" >&2; exit 2; }
done
[[ $# -eq 2 && -f $1 && -f $2 ]] || { echo "usage: bash bench/paired.sh BEFORE.jar AFTER.jar" >&2; exit 2; }

ROUNDS=${BENCH_ROUNDS:-5}
DURATION=${BENCH_DURATION:-10}
ARTICLE=/articles/us-japan-extended-deterrence-dialogue-barksdale-b52
TMP=$(mktemp -d -t shimbun-bench-paired.XXXXXX)
LOGS=target/bench/paired-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh

declare -A PIDS PORTS
cleanup() {
  for side in before after; do
    if [[ -n "${PIDS[$side]:-}" ]]; then
      kill -TERM "${PIDS[$side]}" 2>/dev/null || true
      wait "${PIDS[$side]}" 2>/dev/null || true
    fi
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

JAR=$1; start_app "$TMP/before" "$LOGS/before.log"; PIDS[before]=$APP_PID; PORTS[before]=$APP_PORT
JAR=$2; start_app "$TMP/after" "$LOGS/after.log"; PIDS[after]=$APP_PID; PORTS[after]=$APP_PORT
APP_PID=
echo "before: $1 on port ${PORTS[before]}; after: $2 on port ${PORTS[after]}"

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# run_wrk waits after each run until the application it measured is idle again (settle in lib.sh)
use() { APP_PID=${PIDS[$1]}; APP_PORT=${PORTS[$1]}; }
for side in before after; do
  use "$side"
  run_wrk "warm-$side" 16 20 "http://localhost:${PORTS[$side]}$ARTICLE" bench/wrk/page.lua >/dev/null
done

declare -A RPS P99 CPU
printf '%-6s %-7s %10s %9s %17s\n' round build "req/s" "p99 ms" "CPU µs per page"
for round in $(seq "$ROUNDS"); do
  for side in before after; do
    use "$side"
    before_ticks=$(cpu_ticks "${PIDS[$side]}")
    result=$(run_wrk "$side-$round" 64 "$DURATION" "http://localhost:${PORTS[$side]}$ARTICLE" bench/wrk/page.lua)
    after_ticks=$(cpu_ticks "${PIDS[$side]}")
    cpu=$(awk -v t=$((after_ticks - before_ticks)) -v hz="$(getconf CLK_TCK)" -v n="$(field "$result" requests)" \
      'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
    printf '%-6s %-7s %10s %9s %17s\n' "$round" "$side" "$(metric "$result" rps)" "$(metric "$result" p99_ms)" "$cpu"
    RPS[$side]+="$(metric "$result" rps) "
    P99[$side]+="$(metric "$result" p99_ms) "
    CPU[$side]+="$cpu "
  done
done
APP_PID=
mean() { awk '{ s = 0; for (i = 1; i <= NF; i++) s += $i; printf "%.1f", s / NF }' <<<"$1"; }
echo
for side in before after; do
  printf 'mean %-7s %10s %9s %17s\n' "$side" "$(mean "${RPS[$side]}")" "$(mean "${P99[$side]}")" "$(mean "${CPU[$side]}")"
done
echo "raw wrk outputs and the applications' logs: $LOGS"
