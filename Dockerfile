# ---- build stage -----------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# Resolve the Maven distribution and dependencies in their own layer, so that
# source-only changes do not download everything again.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -q dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

# ---- runtime stage ---------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl is only used by the HEALTHCHECK; the base image pins the distribution.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 shimbun \
    && useradd --system --uid 10001 --gid shimbun --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin shimbun

WORKDIR /app
# Create and chown the data directory before declaring it a volume: changes to
# a path after its VOLUME instruction are discarded.
RUN mkdir -p /app/data && chown shimbun:shimbun /app/data
VOLUME ["/app/data"]

COPY --from=build /workspace/target/shimbun-0.1.0-SNAPSHOT.jar /app/app.jar

USER shimbun
EXPOSE 8080

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SHIMBUN_DATA_DIR=/app/data

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
