#!/bin/bash
# Installs what is missing on a Debian 12 host and makes sure a dockerd answers.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need_root

step "Host packages"
# package:command pairs; a package is installed only when its command is absent, so a
# NodeSource node or an already-present JDK is left alone.
wanted="docker.io:dockerd debootstrap:debootstrap chromium:chromium curl:curl maven:mvn nodejs:node npm:npm postgresql:psql jq:jq iproute2:ip"
missing=()
for pair in $wanted; do
  command -v "${pair#*:}" >/dev/null 2>&1 || missing+=("${pair%%:*}")
done
if ! java_home >/dev/null 2>&1; then missing+=(openjdk-17-jdk-headless); fi
if [ ${#missing[@]} -gt 0 ]; then
  info "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  run_logged "apt-get update" "$ISOLAB_STATE/logs/apt-update.log" apt-get update
  run_logged "apt-get install" "$ISOLAB_STATE/logs/apt-install.log" apt-get install -y --no-install-recommends "${missing[@]}"
else
  info "all present"
fi

step "Docker engine"
if docker info >/dev/null 2>&1; then
  info "dockerd answers ($(docker version -f '{{.Server.Version}}'))"
else
  info "starting dockerd (log: /var/log/isolab-dockerd.log)"
  # No systemd on these machines: run dockerd detached from this shell.
  setsid dockerd >/var/log/isolab-dockerd.log 2>&1 < /dev/null &
  for i in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    [ $((i % 10)) = 0 ] && info "waiting for dockerd (${i}s)"
    sleep 1
  done
  docker info >/dev/null 2>&1 || { tail -n 20 /var/log/isolab-dockerd.log >&2; fail "dockerd did not start (log: /var/log/isolab-dockerd.log)"; }
  info "dockerd answers"
fi
