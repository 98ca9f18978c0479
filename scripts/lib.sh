# Shared helpers for isolab scripts. Source it; do not run it.
# Every long wait prints progress, every failure says what broke and where the log is.

ISOLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ISOLAB_STATE="$ISOLAB_ROOT/.state"
ISOLAB_CACHE="${ISOLAB_CACHE:-/var/cache/isolab}"
ISOLAB_VAR="${ISOLAB_VAR:-/var/lib/isolab}"
ISOLAB_IMAGE="${ISOLAB_IMAGE:-isolab/lab-node:latest}"
ISOLAB_REGISTRY_PORT="${ISOLAB_REGISTRY_PORT:-5000}"
mkdir -p "$ISOLAB_STATE"

_t0_script=$SECONDS

step()     { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
info()     { printf '    %s\n' "$*"; }
warn()     { printf '\033[33mWARN:\033[0m %s\n' "$*" >&2; }
fail()     { printf '\033[31mFAILED:\033[0m %s\n' "$*" >&2; exit 1; }
need_root() { [ "$(id -u)" = 0 ] || fail "must run as root (sandboxes need a privileged agent and dockerd)"; }

# run_logged LABEL LOGFILE CMD...: runs CMD with output in LOGFILE, printing a heartbeat
# with the last log line every 10 s so long builds never look hung; tail of log on failure.
run_logged() {
  local label=$1 log=$2; shift 2
  mkdir -p "$(dirname "$log")"
  local start=$SECONDS
  "$@" >"$log" 2>&1 &
  local pid=$! next=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$next" ]; then
      printf '    [%s %3ss] %s\n' "$label" "$((SECONDS - start))" "$(tail -n1 "$log" 2>/dev/null | cut -c1-100)"
      next=$((SECONDS + 10))
    fi
    sleep 1
  done
  if ! wait "$pid"; then
    echo "---- failures in $log ----" >&2
    grep -E '<<< (FAILURE|ERROR)|^\[ERROR\]   |Tests run:.*(Failures: [1-9]|Errors: [1-9])' "$log" | tail -n 40 >&2 || true
    echo "---- last lines of $log ----" >&2
    tail -n 25 "$log" >&2
    fail "$label failed (full log: $log)"
  fi
  info "$label done in $((SECONDS - start))s"
}

# wait_for URL [TIMEOUT_S] [LABEL] [BG_NAME]: gives up early when BG_NAME's process died; polls until the URL answers with an HTTP status < 500
# (a login redirect or 401 still means the server is up).
wait_for() {
  local url=$1 timeout=${2:-120} label=${3:-$1} bg=${4:-} start=$SECONDS next=$((SECONDS + 10))
  local code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" 2>/dev/null) || true
    [ "${code:-000}" != 000 ] && [ "$code" -lt 500 ] && return 0
    [ $((SECONDS - start)) -ge "$timeout" ] && return 1
    if [ -n "$bg" ] && ! bg_running "$bg"; then warn "$label exited"; return 1; fi
    if [ "$SECONDS" -ge "$next" ]; then info "waiting for $label ($((SECONDS - start))s)"; next=$((SECONDS + 10)); fi
    sleep 1
  done
}

java_home() {
  local j
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-amd64; do
    [ -x "$j/bin/java" ] && { echo "$j"; return; }
  done
  local java; java=$(readlink -f "$(command -v java 2>/dev/null)" 2>/dev/null) || true
  [ -n "$java" ] && { dirname "$(dirname "$java")"; return; }
  return 1
}
setup_java() {
  JAVA_HOME="$(java_home)" || fail "no JDK found (install temurin-25-jdk or openjdk-17-jdk)"
  export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
  export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
  # The flag above is unknown to JDKs before 23: drop it there.
  "$JAVA_HOME/bin/java" $MAVEN_OPTS -version >/dev/null 2>&1 || export MAVEN_OPTS=""
}

# start_bg NAME LOGFILE CMD...: starts a daemon in its own session, pid in .state/NAME.pid.
start_bg() {
  local name=$1 log=$2; shift 2
  stop_bg "$name"
  mkdir -p "$(dirname "$log")"
  setsid "$@" >"$log" 2>&1 < /dev/null &
  echo $! > "$ISOLAB_STATE/$name.pid"
}
# stop_bg NAME: TERM the process group from the pid file, KILL after 20 s.
stop_bg() {
  local name=$1 f="$ISOLAB_STATE/$1.pid" pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    info "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; }
  fi
  rm -f "$f"
}
# drain_pool URL TOKEN: a throwaway agent empties its warm pool before it stops, so it leaves no
# idle sandboxes (and no loop mounts in its state dir) behind; a real agent keeps its pool for re-adoption.
drain_pool() {
  local url=$1 token=$2 i
  curl -fsS -m 10 -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"target":0}' "$url/api/v1/pool" >/dev/null 2>&1 || return 0
  for i in $(seq 1 30); do
    curl -fsS -m 5 -H "Authorization: Bearer $token" "$url/api/v1/pool" 2>/dev/null \
      | grep -q '"ready":0,"starting":0' && return 0
    sleep 1
  done
}
bg_running() { local f="$ISOLAB_STATE/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

# Address of the docker0 bridge: sandboxes reach host services (registry mirror) there.
docker0_ip() {
  local ip
  ip=$(ip -4 -o addr show docker0 2>/dev/null | awk '{print $4}' | cut -d/ -f1 | head -n1)
  [ -n "$ip" ] || ip=$(docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}' 2>/dev/null)
  [ -n "$ip" ] || fail "cannot find the docker0 bridge address (is dockerd running?)"
  echo "$ip"
}
registry_mirror_url() { echo "http://$(docker0_ip):$ISOLAB_REGISTRY_PORT"; }

# Debian mirror this machine's apt uses (deb822 or one-line sources), security suites skipped.
debian_mirror() {
  local m
  m=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
        | awk '$1=="deb" {for(i=2;i<=NF;i++) if ($i ~ /^https?:/) {print $i; break}}' \
        | grep -v security | grep -E '/debian/?$' | head -n1)
  [ -n "$m" ] || m=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '/^URIs:/ {for(i=2;i<=NF;i++) print $i}' | grep -v security | grep -E '/debian/?$' | head -n1)
  echo "${m:-http://deb.debian.org/debian}"
}

# Content hash of a folder: paths, modes and bytes of every file.
dir_hash() {
  (cd "$1" && find . -type f -o -type l | LC_ALL=C sort | while read -r f; do
     stat -c '%a %n' "$f"; if [ -L "$f" ]; then readlink "$f"; else sha256sum < "$f"; fi
   done) | sha256sum | cut -c1-16
}
image_label() { docker image inspect -f "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null; }

# Capabilities of the host's bounding set as --cap-add flags. --privileged fails where the
# bounding set lacks caps (e.g. CAP_SYS_RESOURCE); docker 20.10 rejects PERFMON/BPF/CHECKPOINT_RESTORE.
host_cap_flags() {
  local bnd names i
  bnd=$((16#$(awk '/^CapBnd/ {print $2}' /proc/self/status)))
  names=(CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID KILL SETGID SETUID SETPCAP LINUX_IMMUTABLE
         NET_BIND_SERVICE NET_BROADCAST NET_ADMIN NET_RAW IPC_LOCK IPC_OWNER SYS_MODULE SYS_RAWIO SYS_CHROOT
         SYS_PTRACE SYS_PACCT SYS_ADMIN SYS_BOOT SYS_NICE SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG MKNOD LEASE
         AUDIT_WRITE AUDIT_CONTROL SETFCAP MAC_OVERRIDE MAC_ADMIN SYSLOG WAKE_ALARM BLOCK_SUSPEND AUDIT_READ)
  for i in "${!names[@]}"; do
    (( (bnd >> i) & 1 )) && printf -- '--cap-add=%s ' "${names[$i]}"
  done
  echo
}
# Every flag a sandbox container needs (besides name, limits, labels and the /var/lib/docker bind).
sandbox_flags() {
  echo "--cgroupns=private --security-opt seccomp=unconfined --security-opt apparmor=unconfined $(host_cap_flags)"
}

# require_health URL NAME LOG: the agent's health endpoint must say 200, else show why.
require_health() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1") || true
  [ "$code" = 200 ] && return 0
  tail -n 30 "$3" >&2
  fail "$2 answers $1 with HTTP $code (expected 200; log: $3)"
}

# lock NAME: serialize builds of the same thing across concurrent runs (several worktrees, CI).
lock() {
  local f="/var/lock/isolab-$1.lock"
  exec {ISOLAB_LOCK_FD}>"$f"
  flock -n "$ISOLAB_LOCK_FD" || { info "waiting for another isolab run building $1"; flock "$ISOLAB_LOCK_FD"; }
}
