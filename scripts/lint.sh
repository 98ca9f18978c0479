#!/bin/bash
# ./isolab lint [lab ...]: checks lab files without a sandbox (YAML/JSON, steps, checks, answers,
# mind map); prints file:line: message per problem and exits 1 when there is any.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }

for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
  [ -n "$j" ] && [ -x "$j/bin/java" ] && { export JAVA_HOME="$j"; break; }
done
[ -x "${JAVA_HOME:-}/bin/java" ] || fail "no JDK 21+ found (set JAVA_HOME)"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
"$JAVA_HOME/bin/java" $MAVEN_OPTS -version >/dev/null 2>&1 || export MAVEN_OPTS=""
mvn_quiet() { mvn -q -B -o "$@" >/dev/null 2>&1 || mvn -q -B "$@"; }

# Compile only when a source or the pom changed; the classpath is cached per pom.
stamp="$ROOT/target/classes/.labtest-built"
if [ ! -f "$stamp" ] || [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
  (cd "$ROOT" && mvn_quiet compile) || fail "mvn compile failed"
  touch "$stamp"
fi
cp="$ROOT/target/labtest.classpath"
if [ ! -s "$cp" ] || [ "$ROOT/pom.xml" -nt "$cp" ]; then
  (cd "$ROOT" && mvn_quiet dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime) \
    || fail "mvn dependency:build-classpath failed"
fi
exec "$JAVA_HOME/bin/java" -cp "$ROOT/target/classes:$(cat "$cp")" io.isolab.authors.LintMain --labs-dir "$ROOT/labs" "$@"
