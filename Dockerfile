# syntax=docker/dockerfile:1

# ---- build stage -----------------------------------------------------------
FROM eclipse-temurin:17-jdk-noble AS build
WORKDIR /workspace

COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY src/ src/

# The Maven repository (and the Maven distribution the wrapper fetches) stay in
# a build cache between builds instead of in a layer. The jar is then split
# into Spring Boot's layers: libraries change far less often than the code.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package \
    && cp target/shimbun-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# ---- runtime stage ---------------------------------------------------------
# The code is compiled for Java 17 (and tested on it); it runs on Java 25 here
# for its ahead-of-time cache (below), which halves the start-up. Java 17 on a
# host works as well, with a CDS archive instead (docs/deployment.md).
FROM eclipse-temurin:25-jre-noble

# A fixed, unprivileged user. /app/data (and media under it) is created here
# and owned by that user, so that a named volume mounted on it for the first
# time takes over this ownership and stays writable without root. The base
# image ships curl, which the HEALTHCHECK uses; fail the build if it is gone.
RUN groupadd --system --gid 10001 shimbun \
    && useradd --system --uid 10001 --gid shimbun --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin shimbun \
    && mkdir -p /app/data/media \
    && chown -R shimbun:shimbun /app/data \
    && curl --version > /dev/null

WORKDIR /app
# Owned by root and read-only for the application user.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./

# JVM defaults, all replaceable by setting JAVA_TOOL_OPTIONS at run time:
# - MaxRAMPercentage=70: the heap is sized from the container's memory limit;
#   the other 30% is for metaspace, code cache, thread stacks, GC structures
#   and direct buffers (at a 1 GiB limit, about 300 MiB). Run with a limit:
#   without one the JVM sizes itself from the host's memory.
# - UseG1GC: short pauses for page requests. Named explicitly because the JVM
#   otherwise picks the Serial collector when the container has fewer than
#   2 CPUs or less than 1792 MiB. For a container of 1 CPU and 512 MiB or less,
#   -XX:+UseSerialGC is the better choice (no concurrent threads, less memory).
# - -ClassUnloadingWithConcurrentMark: G1 unloads classes only in a full GC,
#   not at the end of each concurrent cycle. With Spring's 27 000 classes that
#   end (the Remark pause) took 40-77 ms every few seconds under the newsroom's
#   load (bench/churn.sh); without it, at most 6 ms. Classes are loaded once
#   here, so nothing is lost.
# The data directory holds the embedded H2 database when no
# SPRING_DATASOURCE_URL is given, and the media files (shimbun.media.dir)
# unless SHIMBUN_MEDIA_DIR points elsewhere. Mount a volume on it.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+UseG1GC -XX:-ClassUnloadingWithConcurrentMark" \
    SHIMBUN_DATA_DIR=/app/data

# The ahead-of-time cache (JDK 25, JEP 483/514/515; docs/deployment.md,
# "Faster start-up"): a training run starts the application once, up to the
# end of the context refresh (spring.context.exit=onRefresh), and writes the
# classes it loaded and linked, and the profiles of the methods it ran, to
# /app/application.aot; the ENTRYPOINT starts from that cache instead of
# loading, verifying and profiling them again at every start. It runs here, in
# the runtime image, because the cache is only valid for the same JVM build and
# the same class path (the same /app/application.jar, given by the same path).
# It needs no database server: the embedded H2 on a temporary data directory,
# deleted afterwards, and a random port. As root, before USER: the cache stays
# owned by root and read-only for the application user. -Xmx: the build has no
# memory limit, and 70% of a large build host would turn off compressed object
# pointers, which the cache records (any heap under 32 GiB matches).
RUN java -Xmx512m -XX:AOTCacheOutput=/app/application.aot -Dspring.context.exit=onRefresh \
       -jar /app/application.jar --shimbun.data-dir=/tmp/aot-training --server.port=0 \
       > /tmp/aot-training.log 2>&1 \
    || { tail -n 60 /tmp/aot-training.log; exit 1; }; \
    test -s /app/application.aot \
    && rm -rf /tmp/aot-training /tmp/aot-training.log /tmp/jetty-docbase.*

# Ready = started and accepting traffic; during a graceful shutdown readiness
# goes down first. SERVER_PORT is read at check time.
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT:-8080}/actuator/health/readiness" || exit 1

# SIGTERM (the default stop signal, named here for clarity) starts Spring
# Boot's graceful shutdown: no new requests, in-flight ones finish (up to 30 s,
# spring.lifecycle.timeout-per-shutdown-phase), buffered view counts are
# written. Give `docker stop` more than that (compose.yaml: stop_grace_period).
STOPSIGNAL SIGTERM

USER shimbun
EXPOSE 8080

# Exec form: java is PID 1 and receives the signal itself, with no shell between.
# ExitOnOutOfMemoryError is here rather than in JAVA_TOOL_OPTIONS, so that replacing
# those keeps it: a JVM out of heap exits instead of limping on with dead threads
# (the embedded database closes itself then), and the restart policy (or the load
# balancer's failover) takes over. Uploads are bounded so that this should not happen.
# AOTCache is here too, for the same reason; should the cache not match (another
# JVM), the JVM says so in the log and starts without it.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:AOTCache=/app/application.aot", \
            "-jar", "/app/application.jar"]
