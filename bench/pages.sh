#!/usr/bin/env bash
# Pages and comments under load, against the static limit: builds the jar, starts it with production
# settings (-Xmx256m, a fresh embedded database; only the comment rate limits raised), serves a static
# copy of the article page with nginx, and measures with wrk at 16 and 64 connections the static copy,
# the article page and the front page, interleaved (BENCH_ROUNDS rounds, 3, of each in turn), then
# comment posting. Prints requests/s, p50 and p99 per round, the ratio of the article page to nginx in
# each round and their mean, and whether every acknowledged comment was stored.
# A separate command from the tests: bash bench/pages.sh (bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in wrk nginx curl java unzip ss; do
  command -v "$tool" >/dev/null || { echo "bench/pages.sh needs $tool (Debian packages: wrk nginx curl unzip iproute2)" >&2; exit 2; }
done

CONNECTIONS=(16 64)
ROUNDS=${BENCH_ROUNDS:-3}
DURATION=${BENCH_DURATION:-10}
WARM=${BENCH_WARM:-10}
SLUG=us-japan-extended-deterrence-dialogue-barksdale-b52
ARTICLE=/articles/$SLUG
# Every request of the benchmark comes from one address; the default limits (5 a minute, 50 a day)
# are meant for one reader, so they are raised for this run. Everything else is the default.
RATE_LIMITS=(--shimbun.comments.per-minute=1000000000 --shimbun.comments.per-day=1000000000)

echo "Building the jar..."
./mvnw -B -q -DskipTests package
JAR=$(ls target/shimbun-*.jar | head -n 1)

TMP=$(mktemp -d -t shimbun-bench-pages.XXXXXX)
LOGS=target/bench/pages-$(date +%Y%m%d-%H%M%S)
mkdir -p "$LOGS"
# shellcheck source=bench/lib.sh
source bench/lib.sh

cleanup() {
  stop_app
  stop_static_nginx
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- The application -------------------------------------------------------------------------
DATA=$TMP/data
start_app "$DATA" "$LOGS/app.log" "${RATE_LIMITS[@]}"
BASE=http://localhost:$APP_PORT
echo "Shimbun started in ${APP_STARTUP:-?} s (Spring's \"Started ShimbunApplication\"), -Xmx256m, port $APP_PORT"

# --- nginx with a static copy of the article page ----------------------------------------------
curl -sf -A "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0" -H 'Accept: text/html' \
  -D "$TMP/headers.txt" -o "$TMP/article.html" "$BASE$ARTICLE"
CONTENT_TYPE=$(sed -n 's/^[Cc]ontent-[Tt]ype: *\([^\r]*\).*/\1/p' "$TMP/headers.txt")
start_static_nginx "$TMP/article.html" "$ARTICLE" "$CONTENT_TYPE"
STATIC=http://localhost:$NGINX_PORT$ARTICLE
curl -sf -o "$TMP/static-check.html" "$STATIC"
cmp -s "$TMP/static-check.html" "$TMP/article.html" || { echo "nginx does not serve the saved page" >&2; exit 1; }
echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') serves the same page ($(wc -c <"$TMP/article.html") bytes, $CONTENT_TYPE) on port $NGINX_PORT"

# --- Pages ------------------------------------------------------------------------------------
PAGE_LUA=bench/wrk/page.lua
echo "Warming up (${WARM} s each)..."
run_wrk warm-nginx 16 "$WARM" "$STATIC" "$PAGE_LUA" >/dev/null
run_wrk warm-article 16 "$WARM" "$BASE$ARTICLE" "$PAGE_LUA" >/dev/null
run_wrk warm-front 16 "$WARM" "$BASE/" "$PAGE_LUA" >/dev/null

declare -A RESULTS
PAGES=(nginx article front)
declare -A LABELS=([nginx]="nginx, static article" [article]="Shimbun article page" [front]="Shimbun front page")
declare -A URLS=([nginx]="$STATIC" [article]="$BASE$ARTICLE" [front]="$BASE/")
for c in "${CONNECTIONS[@]}"; do
  for round in $(seq "$ROUNDS"); do
    for page in "${PAGES[@]}"; do
      echo "Measuring ${LABELS[$page]} at $c connections, round $round of $ROUNDS (${DURATION} s)..."
      RESULTS[$page-$c-$round]=$(run_wrk "$page-c$c-r$round" "$c" "$DURATION" "${URLS[$page]}" "$PAGE_LUA")
    done
  done
done

# --- Comment posting --------------------------------------------------------------------------
COMMENT_LUA=bench/wrk/comment.lua
mkdir -p "$TMP/acked"
echo "Warming up comment posting (5 s)..."
COMMENT_WARM=$(run_wrk comments-warm 16 5 "$BASE$ARTICLE/comments" "$COMMENT_LUA" warm "$ARTICLE/comments" "$BASE" "$TMP/acked")
for c in "${CONNECTIONS[@]}"; do
  echo "Measuring comment posting at $c connections (${DURATION} s)..."
  RESULTS[comment-$c]=$(run_wrk "comments-c$c" "$c" "$DURATION" "$BASE$ARTICLE/comments" "$COMMENT_LUA" "c$c" \
    "$ARTICLE/comments" "$BASE" "$TMP/acked")
done

echo "Stopping the application (SIGTERM, graceful) to count the stored comments..."
stop_app
unzip -p "$JAR" 'BOOT-INF/lib/h2-*.jar' >"$TMP/h2.jar"
java -cp "$TMP/h2.jar" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/shimbun;IFEXISTS=TRUE" -user sa -password "" \
  -sql "CALL CSVWRITE('$TMP/stored.csv', 'SELECT id FROM article_comment WHERE body LIKE ''bench-%''', 'writeColumnHeader=false')" \
  >"$LOGS/h2-count.txt" 2>&1 || { cat "$LOGS/h2-count.txt" >&2; exit 1; }
tr -d '"\r' <"$TMP/stored.csv" | sort -u >"$TMP/stored-ids.txt"
cat "$TMP"/acked/*.txt 2>/dev/null | sort >"$TMP/acked-all.txt"
sort -u "$TMP/acked-all.txt" >"$TMP/acked-ids.txt"
STORED=$(wc -l <"$TMP/stored-ids.txt")
ACKED_IDS=$(wc -l <"$TMP/acked-ids.txt")
DUPLICATE_IDS=$(($(wc -l <"$TMP/acked-all.txt") - ACKED_IDS))
ACKED=$(($(field "$COMMENT_WARM" acknowledged) + $(field "${RESULTS[comment-16]}" acknowledged) + $(field "${RESULTS[comment-64]}" acknowledged)))
PENDING=$(($(field "$COMMENT_WARM" pending) + $(field "${RESULTS[comment-16]}" pending) + $(field "${RESULTS[comment-64]}" pending)))
MISSING=$(comm -23 "$TMP/acked-ids.txt" "$TMP/stored-ids.txt" | wc -l)
UNACKED=$(comm -13 "$TMP/acked-ids.txt" "$TMP/stored-ids.txt" | wc -l)
# Acknowledged comments without an id (pre-moderated article) can only be checked by number.
LOST=$((MISSING + (PENDING > 0 && ACKED > STORED ? ACKED - STORED : 0)))

# --- Report -----------------------------------------------------------------------------------
echo
echo "== Shimbun pages against nginx (wrk -t$WRK_THREADS, $ROUNDS interleaved rounds of ${DURATION} s, $(nproc) CPUs, load average now $(cut -d' ' -f1-3 /proc/loadavg)) =="
echo "start-up: ${APP_STARTUP:-?} s"
printf '%-26s %5s %5s %10s %9s %9s %7s\n' page conns round "req/s" "p50 ms" "p99 ms" errors
for c in "${CONNECTIONS[@]}"; do
  for round in $(seq "$ROUNDS"); do
    for page in "${PAGES[@]}"; do
      r=${RESULTS[$page-$c-$round]}
      printf '%-26s %5s %5s %10s %9s %9s %7s\n' "${LABELS[$page]}" "$c" "$round" "$(metric "$r" rps)" \
        "$(metric "$r" p50_ms)" "$(metric "$r" p99_ms)" "$(errors "$r")"
    done
  done
done
for c in "${CONNECTIONS[@]}"; do
  for round in $(seq "$ROUNDS"); do
    for page in "${PAGES[@]}"; do
      few_requests "${LABELS[$page]} at $c connections, round $round" "${RESULTS[$page-$c-$round]}"
    done
  done
done
log_problems "$LOGS/app.log"
echo
# mean PAGE C: the mean of a page's ratios to nginx over the rounds at C connections
mean_ratio() {
  local page=$1 c=$2 round ratios=()
  for round in $(seq "$ROUNDS"); do
    ratios+=("$(ratio "$(metric "${RESULTS[$page-$c-$round]}" rps)" "$(metric "${RESULTS[nginx-$c-$round]}" rps)")")
  done
  printf '%s\n' "${ratios[@]}" | awk '$1 == "-" { unknown = 1 } { sum += $1; n++ } END { if (unknown || n == 0) print "-"; else printf "%.2f", sum / n }'
}
FAILED=0
for c in "${CONNECTIONS[@]}"; do
  per_round=()
  for round in $(seq "$ROUNDS"); do
    per_round+=("$(ratio "$(metric "${RESULTS[article-$c-$round]}" rps)" "$(metric "${RESULTS[nginx-$c-$round]}" rps)")×")
  done
  printf 'article page / nginx at %2s connections: %s× the requests/s, mean of the rounds (%s); front page %s×\n' "$c" \
    "$(mean_ratio article "$c")" "${per_round[*]}" "$(mean_ratio front "$c")"
done
ratio64=$(mean_ratio article 64)
p99_64=$(for round in $(seq "$ROUNDS"); do metric "${RESULTS[article-64-$round]}" p99_ms; done | sort -g | tail -n 1)
errors64=$(for round in $(seq "$ROUNDS"); do errors "${RESULTS[article-64-$round]}"; done | awk '{ sum += $1 } END { print sum }')
verdict=$(verdict "$ratio64" ">=" 0.7)
[[ $verdict == PASS ]] || FAILED=1
echo "target: article page ≥ 0.7× nginx's requests/s at 64 connections (mean of the rounds): $ratio64× → $verdict"
verdict=$(verdict "$p99_64" "<" 10)
[[ $verdict == PASS && $errors64 == 0 ]] || { verdict=FAIL; FAILED=1; }
echo "target: article page p99 < 10 ms (and no errors) at 64 connections, every round: $p99_64 ms at most → $verdict"

echo
echo "== Comment posting (POST $ARTICLE/comments, unique bodies, rate limits raised) =="
printf '%-14s %5s %9s %9s %9s %13s %8s %8s %6s %7s\n' run conns "req/s" "p50 ms" "p99 ms" acknowledged refused limited other errors
comment_row() {
  local label=$1 c=$2 r=$3
  printf '%-14s %5s %9s %9s %9s %13s %8s %8s %6s %7s\n' "$label" "$c" "$(metric "$r" rps)" "$(metric "$r" p50_ms)" \
    "$(metric "$r" p99_ms)" "$(field "$r" acknowledged)" "$(field "$r" refused)" "$(field "$r" limited)" \
    "$(field "$r" other)" "$(field "$r" socket_errors)"
}
comment_row "warm-up (5 s)" 16 "$COMMENT_WARM"
for c in "${CONNECTIONS[@]}"; do
  comment_row "measured" "$c" "${RESULTS[comment-$c]}"
done
for c in "${CONNECTIONS[@]}"; do
  statuses=$(field "${RESULTS[comment-$c]}" other_statuses)
  if [[ -n "$statuses" && "$statuses" != - ]]; then
    echo "other answers at $c connections (the first 20 of each wrk thread): statuses $statuses"
  fi
done
echo "acknowledged: $ACKED (with an id: $ACKED_IDS, pending moderation: $PENDING, ids acknowledged twice: $DUPLICATE_IDS)"
echo "stored (rows in article_comment after a graceful stop): $STORED"
IN_FLIGHT_MAX=$((16 + ${CONNECTIONS[0]} + ${CONNECTIONS[1]}))
echo "stored but not acknowledged: $UNACKED (requests in flight when wrk stopped each run: at most one per connection, $IN_FLIGHT_MAX)"
if ((LOST == 0 && DUPLICATE_IDS == 0)); then verdict=PASS; else verdict=FAIL; FAILED=1; fi
echo "LOST (acknowledged but not stored): $LOST → $verdict"
echo
echo "raw wrk outputs and the application log: $LOGS"
exit "$FAILED"
