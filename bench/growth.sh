#!/usr/bin/env bash
# Data growth: the article page at 1 000 articles (10 000 comments) and at 100 000 articles
# (1 000 000 comments). For each size, loads a fresh embedded database while the application is
# stopped (dev.shimbun.bench.GrowthLoader), starts the jar with production settings and -Xmx256m,
# warms it and measures with wrk at 64 connections the same article (5 000 comments at both sizes),
# its category page and the front page. Prints p99 at each size and the article page's ratio.
# A separate command from the tests: bash bench/growth.sh (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk curl java ss; do
  command -v "$tool" >/dev/null || { echo "bench/growth.sh needs $tool (Debian packages: wrk curl iproute2)" >&2; exit 2; }
done

CONNECTIONS=64
DURATION=${BENCH_DURATION:-15}
WARM=${BENCH_WARM:-10}
SIZES=("${BENCH_SMALL:-1000}:${BENCH_SMALL_COMMENTS:-10000}" "${BENCH_LARGE:-100000}:${BENCH_LARGE_COMMENTS:-1000000}")
HOT_COMMENTS=${BENCH_HOT_COMMENTS:-5000}

echo "Building the jar and the loader..."
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
JAR=$(ls target/shimbun-*.jar | head -n 1)
LOADER_CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

TMP=$(mktemp -d -t shimbun-bench-growth.XXXXXX)
LOGS=target/bench/growth-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh

cleanup() {
  stop_app
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PAGE_LUA=bench/wrk/page.lua
PAGES=(article category front)
declare -A LABELS=([article]="article page" [category]="category page" [front]="front page")
declare -A RESULTS LOAD_SECONDS STARTUP DB_SIZE PATHS MEASURED
for size in "${SIZES[@]}"; do
  articles=${size%%:*}
  comments=${size##*:}
  data=$TMP/data-$articles
  echo
  echo "== $articles articles, $comments comments =="
  echo "Loading (application stopped)..."
  started=$SECONDS
  java -Xmx1g -cp "$LOADER_CP" dev.shimbun.bench.GrowthLoader "$data" "$articles" "$comments" "$HOT_COMMENTS" \
    >"$LOGS/load-$articles.txt" 2>&1 || { cat "$LOGS/load-$articles.txt" >&2; exit 1; }
  LOAD_SECONDS[$articles]=$((SECONDS - started))
  grep -E '^(inserted|indexed|updated|compacted)' "$LOGS/load-$articles.txt" || true
  echo "loading took ${LOAD_SECONDS[$articles]} s in all (with the loader's start and stop)"
  PATHS[article]=$(sed -n 's/^ARTICLE=//p' "$LOGS/load-$articles.txt")
  PATHS[category]=$(sed -n 's/^CATEGORY=//p' "$LOGS/load-$articles.txt")
  PATHS[front]=/
  MEASURED[$articles]="${PATHS[article]} and ${PATHS[category]}"
  DB_SIZE[$articles]=$(du -sh "$data" | cut -f1)

  start_app "$data" "$LOGS/app-$articles.log"
  STARTUP[$articles]=$APP_STARTUP
  base=http://localhost:$APP_PORT
  echo "Shimbun started in ${APP_STARTUP:-?} s on ${DB_SIZE[$articles]} of data"
  for page in "${PAGES[@]}"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$base${PATHS[$page]}")
    [[ "$status" == 200 ]] || { echo "$base${PATHS[$page]} answered $status" >&2; exit 1; }
  done
  echo "Warming up (${WARM} s on the article page, half that on the others)..."
  run_wrk "warm-article-$articles" "$CONNECTIONS" "$WARM" "$base${PATHS[article]}" "$PAGE_LUA" >/dev/null
  run_wrk "warm-category-$articles" "$CONNECTIONS" $(((WARM + 1) / 2)) "$base${PATHS[category]}" "$PAGE_LUA" >/dev/null
  run_wrk "warm-front-$articles" "$CONNECTIONS" $(((WARM + 1) / 2)) "$base/" "$PAGE_LUA" >/dev/null
  for page in "${PAGES[@]}"; do
    echo "Measuring the ${LABELS[$page]} ${PATHS[$page]} at $CONNECTIONS connections (${DURATION} s)..."
    RESULTS[$page-$articles]=$(run_wrk "$page-$articles" "$CONNECTIONS" "$DURATION" "$base${PATHS[$page]}" "$PAGE_LUA")
  done
  stop_app
  rm -rf "$data"
done

small=${SIZES[0]%%:*}
large=${SIZES[1]%%:*}
echo
echo "== Data growth (wrk -t$WRK_THREADS -c$CONNECTIONS, ${DURATION} s per run, $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)) =="
for size in "${SIZES[@]}"; do
  articles=${size%%:*}
  echo "$articles articles, ${size##*:} comments: loaded in ${LOAD_SECONDS[$articles]} s, ${DB_SIZE[$articles]} on disk, start-up ${STARTUP[$articles]:-?} s, measured ${MEASURED[$articles]}"
done
echo "the measured article has $HOT_COMMENTS comments at both sizes (the page shows the newest 50)"
printf '%-14s %9s %10s %9s %9s %7s\n' page articles "req/s" "p50 ms" "p99 ms" errors
for page in "${PAGES[@]}"; do
  for articles in "$small" "$large"; do
    r=${RESULTS[$page-$articles]}
    printf '%-14s %9s %10s %9s %9s %7s\n' "${LABELS[$page]}" "$articles" "$(metric "$r" rps)" "$(metric "$r" p50_ms)" \
      "$(metric "$r" p99_ms)" "$(errors "$r")"
  done
done
for page in "${PAGES[@]}"; do
  for articles in "$small" "$large"; do
    few_requests "the ${LABELS[$page]} at $articles articles" "${RESULTS[$page-$articles]}"
  done
done
for articles in "$small" "$large"; do
  log_problems "$LOGS/app-$articles.log"
done
echo
for page in category front; do
  echo "${LABELS[$page]} p99 at $large / at $small: $(ratio "$(metric "${RESULTS[$page-$large]}" p99_ms)" \
    "$(metric "${RESULTS[$page-$small]}" p99_ms)")× (for information)"
done
growth=$(ratio "$(metric "${RESULTS[article-$large]}" p99_ms)" "$(metric "${RESULTS[article-$small]}" p99_ms)")
verdict=$(verdict "$growth" "<=" 1.5)
[[ $verdict == PASS && $(errors "${RESULTS[article-$large]}") == 0 ]] || verdict=FAIL
FAILED=$([[ $verdict == PASS ]] && echo 0 || echo 1)
echo "target: article page p99 at $large articles ≤ 1.5× its p99 at $small: $growth× → $verdict"
echo
echo "raw wrk outputs, loader output and application logs: $LOGS"
exit "$FAILED"
