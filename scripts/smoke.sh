#!/bin/bash
# Smoke test of the sandbox image outside the agent: a sandbox started with the exact flags the
# agent uses must get a ready inner dockerd, pull seeds through the mirror, and apply limits.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root
name="isolab-smoke-$$"
dir="$ISOLAB_VAR/smoke/$name"
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; rm -rf --one-file-system "$dir"; }
trap cleanup EXIT
step "Sandbox smoke test ($name)"
mkdir -p "$dir"
# shellcheck disable=SC2046
docker run -d --name "$name" --hostname lab --label io.isolab.role=smoke $(sandbox_flags) \
  -e ISOLAB_REGISTRY_MIRROR="$(registry_mirror_url)" -v "$dir:/var/lib/docker" "$ISOLAB_IMAGE" >/dev/null
for i in $(seq 1 90); do
  docker exec "$name" test -f /run/isolab/ready 2>/dev/null && break
  [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || { docker logs "$name" >&2; fail "sandbox exited"; }
  [ $((i % 10)) = 0 ] && info "waiting for the inner dockerd (${i}s)"
  sleep 1
done
docker exec "$name" test -f /run/isolab/ready || { docker exec "$name" tail -n 20 /var/log/dockerd.log >&2; fail "inner dockerd not ready after 90s"; }
check() { # DESCRIPTION EXPECTED-SUBSTRING SCRIPT
  local out
  out=$(docker exec "$name" bash -c "$3" 2>&1) || { echo "$out" >&2; fail "$1"; }
  [[ $out == *"$2"* ]] || { echo "$out" >&2; fail "$1: expected '$2'"; }
  info "ok: $1"
}
check "busybox from the mirror, default seccomp inside" "Seccomp:	2" 'docker run --rm busybox grep Seccomp /proc/self/status'
check "memory limit lands in the inner cgroup" "104857600" \
  'id=$(docker run -d -m 100m busybox sleep 60) && f=$(find /sys/fs/cgroup -path "*$id*" -name memory.max -o -path "*$id*" -name memory.limit_in_bytes | head -n1) && cat "$f"; docker rm -f "$id" >/dev/null'
check "nginx with a published port" "Welcome to nginx" \
  'docker run -d --name web -p 8080:80 nginx >/dev/null && for i in $(seq 1 30); do curl -fs localhost:8080 && break; sleep 1; done'
check "redis answers" "PONG" \
  'docker run -d --name db redis >/dev/null && ip=$(docker inspect -f "{{.NetworkSettings.IPAddress}}" db) && for i in $(seq 1 30); do redis-cli -h "$ip" ping 2>/dev/null | grep -q PONG && break; sleep 1; done; redis-cli -h "$ip" ping'
check "node runs" "2" "docker run --rm node node -e 'console.log(1+1)'"
