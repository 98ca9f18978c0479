#!/bin/bash
# Runs the registry mirror container isolab-registry (Debian's docker-registry in the lab-node
# image), published only on 127.0.0.1:5000 (pushes; docker trusts loopback) and on the docker0
# address (sandbox dockerds pull from there). Idempotent; prints the mirror URL for the agent.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
need_root
NAME=isolab-registry
PORT=$ISOLAB_REGISTRY_PORT
DATA="$ISOLAB_VAR/registry"
bridge=$(docker0_ip)
conf_hash=$( (sha256sum < "$ISOLAB_ROOT/images/registry/config.yml"; echo "$bridge $PORT $DATA") | sha256sum | cut -c1-16)

step "Registry mirror"
mkdir -p "$DATA/data" "$DATA/config"
cp "$ISOLAB_ROOT/images/registry/config.yml" "$DATA/config/config.yml"
if docker container inspect "$NAME" >/dev/null 2>&1; then
  if [ "$(docker container inspect -f '{{ index .Config.Labels "io.isolab.registry-hash" }}' "$NAME")" != "$conf_hash" ]; then
    info "configuration changed: recreating $NAME"; docker rm -f "$NAME" >/dev/null
  elif [ "$(docker container inspect -f '{{.State.Running}}' "$NAME")" != true ]; then
    info "starting existing $NAME"; docker start "$NAME" >/dev/null
  fi
fi
if ! docker container inspect "$NAME" >/dev/null 2>&1; then
  docker image inspect "$ISOLAB_IMAGE" >/dev/null 2>&1 || fail "$ISOLAB_IMAGE missing: run images/lab-node/build.sh first"
  docker run -d --name "$NAME" --restart unless-stopped \
    --label io.isolab.registry-hash="$conf_hash" --label io.isolab.role=registry \
    -p "127.0.0.1:$PORT:5000" -p "$bridge:$PORT:5000" \
    -v "$DATA/data:/var/lib/registry" -v "$DATA/config/config.yml:/etc/docker/registry/config.yml:ro" \
    "$ISOLAB_IMAGE" /usr/bin/docker-registry serve /etc/docker/registry/config.yml >/dev/null \
    || fail "could not start $NAME (is port $PORT taken? ss -ltnp | grep :$PORT)"
fi
wait_for "http://127.0.0.1:$PORT/v2/" 60 "registry" \
  || { docker logs --tail 20 "$NAME" >&2; fail "registry did not answer on 127.0.0.1:$PORT"; }
info "registry up; mirror URL for the agent: http://$bridge:$PORT (isolab.agent.registry-mirror)"
