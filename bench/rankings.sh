#!/usr/bin/env bash
# Rankings at scale: 100 000 articles and 10 million hourly view buckets on the embedded database.
# Prints how long computing every ranking takes and the article page's latency before and after.
# A separate command from the tests: bash bench/rankings.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
exec java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" dev.shimbun.bench.RankingBench
