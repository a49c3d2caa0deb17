#!/usr/bin/env bash
# Site search at scale: 100 000 articles with Japanese headlines and a paragraph each, on the embedded H2
# database and on a real PostgreSQL 15 (the embedded binaries the tests use). Prints how long loading and
# indexing take, and per query the number of matches and the latency of the first results page (p50, p99)
# with the load average. BENCH_DATABASE=h2|postgresql|both (default both, one after the other);
# BENCH_EXPLAIN=true logs PostgreSQL's plans of the search queries once each, after the timings.
# A separate command from the tests: bash bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.shimbun.bench.SearchBench
