#!/bin/bash
# ./isolab lint [lab ...]: checks lab files without a sandbox (YAML/JSON, steps, checks, answers,
# mind map); prints file:line: message per problem and exits 1 when there is any.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
mvn_quiet() { mvn -q -B -o "$@" >/dev/null 2>&1 || mvn -q -B "$@"; }
setup_java

# Compile only when a source or the pom changed (same stamp as test-labs.sh); classpath cached per pom.
stamp="$ISOLAB_ROOT/target/classes/.labtest-built"
cp="$ISOLAB_ROOT/target/labtest.classpath"
if [ ! -f "$stamp" ] || [ -n "$(find "$ISOLAB_ROOT/src/main" "$ISOLAB_ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
  (cd "$ISOLAB_ROOT" && mvn_quiet compile) || fail "mvn compile failed"
  touch "$stamp"
fi
if [ ! -s "$cp" ] || [ "$ISOLAB_ROOT/pom.xml" -nt "$cp" ]; then
  (cd "$ISOLAB_ROOT" && mvn_quiet dependency:build-classpath -Dmdep.outputFile="$cp" -Dmdep.includeScope=runtime) \
    || fail "mvn dependency:build-classpath failed"
fi
exec "$JAVA_HOME/bin/java" -cp "$ISOLAB_ROOT/target/classes:$(cat "$cp")" io.isolab.authors.LintMain \
  --labs-dir "$ISOLAB_ROOT/labs" "$@"
