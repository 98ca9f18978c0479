#!/bin/bash
# Builds the agent and the web app jars (tests skipped; ./isolab test runs them).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
setup_java
mvn_opts=(-q -B package -DskipTests)
[ "${ISOLAB_MVN_OFFLINE:-}" = 1 ] && mvn_opts+=(-o)
for dir in sandbox-agent .; do
  name=$([ "$dir" = . ] && echo "web app" || echo "$dir")
  if [ ! -f "$ISOLAB_ROOT/$dir/pom.xml" ]; then warn "no $dir/pom.xml: skipping $name"; continue; fi
  step "Building $name"
  (cd "$ISOLAB_ROOT/$dir" && run_logged "mvn package ($name)" "$ISOLAB_STATE/logs/build-${name// /-}.log" mvn "${mvn_opts[@]}")
done
