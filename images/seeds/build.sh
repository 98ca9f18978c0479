#!/bin/bash
# Seed images for the registry mirror, built offline from Debian packages and pushed as
# 127.0.0.1:5000/library/<name>:<tag>, so `docker pull redis` inside a sandbox is served by
# the mirror. A seed is skipped when the registry already holds it with the same content hash.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
need_root
REG="127.0.0.1:$ISOLAB_REGISTRY_PORT"
lock seeds
HASH=$(dir_hash "$ISOLAB_ROOT/images/seeds")
BASE_TAR="$ISOLAB_CACHE/bookworm-minbase.tar"
WORK=$(mktemp -d /var/tmp/isolab-seeds.XXXXXX)
trap 'rm -rf --one-file-system "$WORK"' EXIT
curl -fsS -o /dev/null "http://$REG/v2/" || fail "registry $REG does not answer: run images/registry/start.sh"

# Hash label of library/NAME:TAG in the registry, empty when absent.
registry_hash() {
  local m d
  m=$(curl -fsS -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' "http://$REG/v2/library/$1/manifests/$2" 2>/dev/null) || return 0
  d=$(jq -r '.config.digest // empty' <<<"$m")
  [ -n "$d" ] || return 0
  curl -fsS "http://$REG/v2/library/$1/blobs/$d" 2>/dev/null | jq -r '.config.Labels["io.isolab.seed-hash"] // empty'
}
up_to_date() { # NAME TAG...
  local name=$1 t; shift
  for t in "$@"; do [ "$(registry_hash "$name" "$t")" = "$HASH" ] || return 1; done
}

base_tar() {
  [ -s "$BASE_TAR" ] && return
  step "Debootstrapping the shared bookworm minbase (cached in $BASE_TAR)"
  mkdir -p "$ISOLAB_CACHE/debs"
  run_logged debootstrap "$ISOLAB_CACHE/seeds-debootstrap.log" \
    debootstrap --variant=minbase --cache-dir="$ISOLAB_CACHE/debs" bookworm "$WORK/base" "$(debian_mirror)"
  rm -f "$WORK/base/var/cache/apt/archives/"*.deb
  tar -C "$WORK/base" -cf "$BASE_TAR.tmp" . && mv "$BASE_TAR.tmp" "$BASE_TAR"
  rm -rf --one-file-system "$WORK/base"
}

# new_rootfs NAME [PACKAGES...]: fresh copy of the base with PACKAGES installed (no services started).
new_rootfs() {
  local dir="$WORK/$1"; shift
  mkdir -p "$dir" && tar -C "$dir" -xf "$BASE_TAR"
  if [ $# -gt 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"; chmod +x "$dir/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$dir/etc/resolv.conf"
    run_logged "apt-get install $*" "$WORK/$(basename "$dir").log" \
      chroot "$dir" sh -c "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $*"
    rm -f "$dir/usr/sbin/policy-rc.d"
  fi
  slim "$dir"
}
slim() {
  rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin "$1"/var/cache/apt/archives/*.deb "$1"/var/log/*.log "$1"/tmp/* 
  : > "$1/etc/resolv.conf"
}

# publish DIR NAME "TAG..." [docker import -c changes...]: import, push every tag, drop local copies.
publish() {
  local dir=$1 name=$2 tags=($3) first; shift 3
  local changes=(-c "LABEL io.isolab.seed-hash=$HASH")
  local c; for c in "$@"; do changes+=(-c "$c"); done
  first="$REG/library/$name:${tags[0]}"
  tar -C "$dir" -c . | docker import "${changes[@]}" - "$first" >/dev/null
  for t in "${tags[@]}"; do docker tag "$first" "$REG/library/$name:$t"; done
  for t in "${tags[@]}"; do run_logged "push $name:$t" "$WORK/push.log" docker push "$REG/library/$name:$t"; done
  for t in "${tags[@]}"; do docker rmi "$REG/library/$name:$t" >/dev/null; done
  rm -rf --one-file-system "$dir"
}

seed_busybox() {
  local dir="$WORK/busybox" a
  new_rootfs bb-build busybox-static
  mkdir -p "$dir"/{bin,etc,root,tmp,var/www,home,proc,sys,dev}
  cp "$WORK/bb-build/bin/busybox" "$dir/bin/busybox"
  for a in $(chroot "$dir" /bin/busybox --list); do [ "$a" = busybox ] || ln -s busybox "$dir/bin/$a"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$dir/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$dir/etc/group"
  chmod 1777 "$dir/tmp"
  rm -rf --one-file-system "$WORK/bb-build"
  publish "$dir" busybox "latest" 'CMD ["sh"]'
}
seed_debian() {
  new_rootfs debian
  publish "$WORK/debian" debian "bookworm-slim bookworm 12 latest" 'CMD ["bash"]'
}
seed_redis() {
  new_rootfs redis redis-server
  mkdir -p "$WORK/redis/data"
  publish "$WORK/redis" redis "latest bookworm" 'WORKDIR /data' 'EXPOSE 6379' 'CMD ["redis-server", "--protected-mode", "no"]'
}
seed_nginx() {
  local dir="$WORK/nginx"
  new_rootfs nginx nginx-light
  # Like the official image: content in /usr/share/nginx/html, logs to the container's output.
  mkdir -p "$dir/usr/share/nginx/html"
  cat > "$dir/usr/share/nginx/html/index.html" <<'HTML'
<!DOCTYPE html>
<html><head><title>Welcome to nginx!</title></head>
<body><h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and working.</p></body></html>
HTML
  cat > "$dir/etc/nginx/sites-available/default" <<'CONF'
server {
    listen 80 default_server;
    listen [::]:80 default_server;
    root /usr/share/nginx/html;
    index index.html index.htm;
    server_name _;
    location / { try_files $uri $uri/ =404; }
}
CONF
  ln -sf /dev/stdout "$dir/var/log/nginx/access.log"
  ln -sf /dev/stderr "$dir/var/log/nginx/error.log"
  publish "$dir" nginx "latest bookworm" 'EXPOSE 80' 'CMD ["nginx", "-g", "daemon off;"]'
}
seed_node() {
  local major
  new_rootfs node nodejs npm
  major=$(chroot "$WORK/node" node -p 'process.versions.node.split(".")[0]')
  publish "$WORK/node" node "latest $major ${major}-bookworm" 'CMD ["node"]'
}

step "Seed images (content hash $HASH) -> $REG"
declare -A TAGS=([busybox]="latest" [debian]="bookworm-slim latest" [redis]="latest" [nginx]="latest" [node]="latest")
for seed in busybox debian redis nginx node; do
  if up_to_date "$seed" ${TAGS[$seed]}; then info "$seed: up to date"; continue; fi
  base_tar
  step "Seed $seed"
  start=$SECONDS
  "seed_$seed"
  info "$seed pushed in $((SECONDS - start))s"
done
info "catalog: $(curl -fsS "http://$REG/v2/_catalog" | jq -c .repositories)"
