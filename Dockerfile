# syntax=docker/dockerfile:1
#
# One image for every verb of bin/incidents: the service picks the verb (`ship`, `analyze`, `tail`, `replay`,
# `record`) as its command, and every long option can also come from an INCIDENTS_* variable
# (--bootstrap-server from INCIDENTS_BOOTSTRAP_SERVER, ...). docker-compose.yml and deploy/ use this image.
#
#   docker build -t ghcr.io/incidents/incidents:0.1.0 .
#   docker run --rm ghcr.io/incidents/incidents:0.1.0 analyze --help
#
# `demo` and `kafka start` run a broker out of the Maven build tree: they are for a checkout, not for this image.

# ---- build: the same command bin/incidents runs on first use --------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# A cache mount rather than a dependency:go-offline layer: go-offline cannot resolve the reactor's own
# SNAPSHOT modules, and the cache also keeps the wrapper's Maven distribution between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests package \
    && mkdir -p /out \
    && cp -r cli/target/lib /out/lib \
    && find cli/target -maxdepth 1 -name 'cli-*.jar' ! -name '*-tests.jar' ! -name '*-sources.jar' \
         -exec cp {} /out/cli.jar \; \
    && test -f /out/cli.jar

# ---- runtime: a JRE, the CLI jar and its runtime jars, nothing else -------------------------------------------
FROM eclipse-temurin:17-jre
LABEL org.opencontainers.image.title="incidents" \
      org.opencontainers.image.description="Kafka Streams incident analyzer for Kubernetes: ship, analyze, tail, replay, record"
# A fixed non-root uid (10001) so the Kubernetes securityContext (runAsUser 10001, fsGroup 10001) and the image
# agree. The state directory exists and belongs to it because a fresh named volume copies the ownership of the
# directory it is mounted over: without this the analyzer could not write its RocksDB state under compose.
# The home stays traversable (useradd makes it 750 on Ubuntu 24.04) because docker-compose.yml may run the
# shipper as the host user's uid to read a kubeconfig mounted at /home/incidents/.kube/config.
RUN groupadd --system --gid 10001 incidents \
    && useradd --system --uid 10001 --gid 10001 --home-dir /home/incidents --create-home \
         --shell /usr/sbin/nologin incidents \
    && mkdir -p /var/lib/incidents/state /home/incidents/.kube \
    && chown -R 10001:10001 /var/lib/incidents /home/incidents \
    && chmod 755 /home/incidents /home/incidents/.kube
WORKDIR /app
COPY --from=build /out/lib/ /app/lib/
COPY --from=build /out/cli.jar /app/cli.jar
# Heap from the container's memory limit; exit (and get restarted) on OOM instead of limping on.
# The analyzer's manifests lower the percentage: RocksDB lives off-heap.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER 10001:10001
# /healthz, /readyz, /metrics of ship and analyze; /incidents of analyze.
EXPOSE 8080
ENTRYPOINT ["java", "-cp", "/app/cli.jar:/app/lib/*", "dev.incidents.cli.Main"]
CMD ["--help"]
