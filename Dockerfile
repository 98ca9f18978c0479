# Isolab web app image. Written for a host that can pull from Docker Hub (maven, eclipse-temurin);
# the offline dev machines build and run the jar directly (./isolab run) instead.
#   docker build -t isolab/web .        (docker compose up --build does this)
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src ./src
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:21-jre
# curl for the health check (newer temurin images no longer ship it).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# The web app never touches the kernel or Docker: an unprivileged user is enough. Its working
# directory holds the H2 database (./.state/isolab); compose mounts a named volume there, which
# Docker initializes with this directory's owner.
RUN useradd --system --uid 10001 --home /var/lib/isolab/web isolab \
 && mkdir -p /var/lib/isolab/web /opt/isolab/labs && chown isolab /var/lib/isolab/web
COPY --from=build /src/target/isolab-0.1.0-SNAPSHOT.jar /opt/isolab/isolab.jar
USER isolab
WORKDIR /var/lib/isolab/web
ENV ISOLAB_LABS_DIR=/opt/isolab/labs
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s CMD curl -fsS -o /dev/null http://127.0.0.1:8080/ || exit 1
ENTRYPOINT ["java", "-jar", "/opt/isolab/isolab.jar"]
