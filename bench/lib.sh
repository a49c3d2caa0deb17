# Shared by the scripts of bench/ (sourced, not run): starting and stopping the application jar, free
# ports, running wrk with a Lua script that prints one RESULT line, and nginx serving a static copy of
# a page.
#
# Expects: JAR (the application jar), TMP (a temporary directory removed on exit), LOGS (a directory
# kept after the run for the raw outputs).

WRK_THREADS=2
APP_PID=
APP_PORT=
APP_STARTUP=
# Set by start_app: milliseconds from launching java until readiness was UP, and the CPU seconds
# (user + system) the JVM had used by then.
APP_READY_MS=
APP_READY_CPU=
# The java command start_app runs (another JDK's, for example), the JVM options it puts before -jar
# (for example the class data sharing archive; BENCH_JAVA_OPTIONS adds options from outside, such as a
# flight recording) and the pause between two readiness checks.
APP_JAVA=java
read -r -a APP_JAVA_OPTIONS <<<"${BENCH_JAVA_OPTIONS:-}"
APP_POLL=0.5

# A TCP port nothing listens on now.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  while true; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# start_app DATA_DIR LOG_FILE [--spring.arguments...]
# Starts the jar with production settings (the defaults, and the image's -XX:-ClassUnloadingWithConcurrentMark)
# and -Xmx256m (and APP_JAVA_OPTIONS) on
# DATA_DIR, waits until readiness is UP and sets APP_PID, APP_PORT, APP_STARTUP (Spring's "Started
# ... in X seconds"), APP_READY_MS and APP_READY_CPU.
start_app() {
  local dir=$1 log=$2
  shift 2
  APP_PORT=$(free_port)
  local launched
  launched=$(date +%s%N)
  # Only the command line decides where the data is: no datasource from the caller's environment.
  env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    -u SHIMBUN_DATA_DIR -u SPRING_PROFILES_ACTIVE \
    "$APP_JAVA" -Xmx256m -XX:-ClassUnloadingWithConcurrentMark "${APP_JAVA_OPTIONS[@]}" -jar "$JAR" --server.port="$APP_PORT" --shimbun.data-dir="$dir" "$@" >"$log" 2>&1 &
  APP_PID=$!
  local deadline=$((SECONDS + 600))
  until curl -sf "http://localhost:$APP_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "The application exited during start-up; the end of its log ($log):" >&2
      tail -n 40 "$log" >&2
      APP_PID=
      return 1
    fi
    if ((SECONDS > deadline)); then
      echo "The application was not ready within 10 minutes; see $log" >&2
      return 1
    fi
    sleep "$APP_POLL"
  done
  APP_READY_MS=$((($(date +%s%N) - launched) / 1000000))
  APP_READY_CPU=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
  APP_STARTUP=$(sed -n 's/.*Started ShimbunApplication in \([0-9.]*\) seconds.*/\1/p' "$log" | head -n 1)
}

# Stops the application as a deployment would (SIGTERM: graceful shutdown, H2 closed cleanly) and
# waits for the process to end.
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

# CPU time (clock ticks) the application has used so far.
app_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"
}

# Connections to the application that it has not closed yet (ESTABLISHED, or CLOSE-WAIT: the
# client has gone but the request is still being worked on).
app_open_connections() {
  ss -Htn state established state close-wait "( sport = :$APP_PORT )" | wc -l
}

# When wrk stops, the requests it had in flight go on in the application (the server does not abandon
# a request whose client went away); with slow pages that is many seconds of work that would
# weigh on the next run. Waits until the application has closed every connection wrk opened and
# then uses less than a tenth of a CPU for a second (at most 5 minutes in all), and notes the
# wait in $LOGS/settle.txt.
settle() {
  local name=$1
  [[ -n "$APP_PID" ]] || return 0
  local tick before after started=$SECONDS
  tick=$(getconf CLK_TCK)
  while ((SECONDS - started < 300)); do
    if (($(app_open_connections) > 0)); then
      sleep 0.5
      continue
    fi
    before=$(app_cpu_ticks)
    sleep 1
    after=$(app_cpu_ticks)
    if (((after - before) * 10 < tick)); then
      echo "after $name: the application was idle after $((SECONDS - started)) s" >>"$LOGS/settle.txt"
      return 0
    fi
  done
  echo "after $name: the application was still busy after 5 minutes" | tee -a "$LOGS/settle.txt" >&2
}

# run_wrk NAME CONNECTIONS SECONDS URL LUA_SCRIPT [script arguments...]
# Runs wrk, keeps its whole output in $LOGS/NAME.txt and prints its RESULT line; then waits for
# the application to finish what wrk left in flight (settle).
run_wrk() {
  local name=$1 connections=$2 seconds=$3 url=$4 script=$5
  shift 5
  local out="$LOGS/$name.txt"
  # A long timeout: a slow answer is measured, not dropped from the latencies as a socket error.
  if ! wrk -t"$WRK_THREADS" -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$script" "$url" \
    ${1:+--} "$@" >"$out" 2>&1; then
    echo "wrk failed; its output ($out):" >&2
    cat "$out" >&2
    return 1
  fi
  settle "$name"
  grep '^RESULT ' "$out" | tail -n 1
}

# field RESULT_LINE NAME: one value of a RESULT line.
field() {
  local key=$2
  tr ' ' '\n' <<<"$1" | sed -n "s/^$key=//p"
}

# metric RESULT_LINE NAME: like field, but "-" for the rate and latencies of a run in which no
# request completed (wrk then reports zeros).
metric() {
  if [[ "$(field "$1" requests)" == 0 && "$2" != requests ]]; then
    echo -
  else
    field "$1" "$2"
  fi
}

# errors RESULT_LINE: socket errors (connect, read, write, timeout) and answers >= 400.
errors() {
  echo $(($(field "$1" socket_errors) + $(field "$1" status_errors)))
}

# ratio A B: A / B with enough digits for small ratios; "-" when either is unknown or B is 0.
ratio() {
  if [[ "$1" == - || "$2" == - ]]; then
    echo -
    return
  fi
  awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else if (a / b < 0.1) printf "%.4f", a / b; else printf "%.2f", a / b }'
}

# verdict A OP B: PASS when the comparison of two decimals holds, FAIL otherwise or when A is "-".
verdict() {
  if [[ "$1" != - ]] && awk "BEGIN { exit !($1 $2 $3) }"; then
    echo PASS
  else
    echo FAIL
  fi
}

# few_requests LABEL RESULT_LINE: a note when a run completed so few requests that its p99 says
# little. wrk leaves the requests still in flight at the end out of its latencies, so with a page
# slower than the run the p99 is a lower bound.
few_requests() {
  local requests
  requests=$(field "$2" requests)
  if ((requests < 100)); then
    echo "note: $1 completed only $requests requests; the requests in flight when wrk stopped are not in its latencies, so its p99 is a lower bound"
  fi
}

# log_problems LOG: how many ERROR and WARN lines the application logged, leaving out the two
# expected at a first start (Flyway's notice about the H2 version, the first admin's password).
log_problems() {
  local errors warnings
  errors=$(grep -c ' ERROR ' "$1" || true)
  warnings=$(grep ' WARN ' "$1" | grep -v -e 'newer than the version Flyway has been verified with' \
    -e 'Created the first admin account' -c || true)
  echo "application log: $errors ERROR and $warnings WARN lines ($1)"
}

# start_static_nginx FILE PATH CONTENT_TYPE
# Starts nginx from Debian serving a copy of FILE at PATH with CONTENT_TYPE, as a static file (sendfile,
# two workers, no access log) on a free port of 127.0.0.1, its files under $TMP/nginx; waits until it
# answers and sets NGINX_PORT. stop_static_nginx stops it.
NGINX_PORT=
start_static_nginx() {
  local file=$1 path=$2 type=$3
  mkdir -p "$TMP/nginx/www" "$TMP/nginx/temp"
  cp "$file" "$TMP/nginx/www/page.html"
  # nginx started by root reads the page as its worker user (nobody)
  chmod a+x "$TMP"
  chmod -R a+rX "$TMP/nginx"
  NGINX_PORT=$(free_port)
  cat >"$TMP/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events {
    worker_connections 1024;
}
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $TMP/nginx/temp/body;
    proxy_temp_path $TMP/nginx/temp/proxy;
    fastcgi_temp_path $TMP/nginx/temp/fastcgi;
    uwsgi_temp_path $TMP/nginx/temp/uwsgi;
    scgi_temp_path $TMP/nginx/temp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location = $path {
            types { }
            default_type "$type";
            alias $TMP/nginx/www/page.html;
        }
    }
}
CONF
  nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" -e "$TMP/nginx/error.log"
  for _ in $(seq 50); do curl -sf -o /dev/null "http://localhost:$NGINX_PORT$path" && break; sleep 0.1; done
}

# Stops the nginx of start_static_nginx, if it runs, and waits until it has.
stop_static_nginx() {
  local pid_file=$TMP/nginx/nginx.pid
  if [[ -s "$pid_file" ]]; then
    local pid
    pid=$(cat "$pid_file")
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
}
