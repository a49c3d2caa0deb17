#!/usr/bin/env bash
# Site search at scale: 100 000 articles with Japanese headlines and a paragraph each on the embedded
# database. Prints how long indexing takes and the latency of typical queries (p50, p99).
# A separate command from the tests: bash bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.shimbun.bench.SearchBench
