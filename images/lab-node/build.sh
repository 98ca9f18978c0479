#!/bin/bash
# Builds isolab/lab-node:latest offline from Debian packages (debootstrap + docker import).
# Skips the build when the image's io.isolab.image-hash label equals the hash of this folder.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
need_root
HERE="$ISOLAB_ROOT/images/lab-node"
lock lab-node
PACKAGES=docker.io,iproute2,iputils-ping,util-linux,procps,psmisc,libcap2-bin,curl,ca-certificates,redis-tools,busybox-static,iptables,less,vim-tiny,jq,bash-completion,docker-registry,kmod,tar,gzip,netcat-openbsd,strace,tree,man-db

hash=$(dir_hash "$HERE")
if [ "$(image_label "$ISOLAB_IMAGE" io.isolab.image-hash)" = "$hash" ] && [ "${FORCE:-}" != 1 ]; then
  info "$ISOLAB_IMAGE is up to date (hash $hash)"; exit 0
fi
command -v debootstrap >/dev/null || fail "debootstrap is missing (apt-get install debootstrap)"

work=$(mktemp -d /var/tmp/isolab-lab-node.XXXXXX)
trap 'rm -rf "$work"' EXIT
mirror=$(debian_mirror)
mkdir -p "$ISOLAB_CACHE/debs"
step "Building $ISOLAB_IMAGE from $mirror (debootstrap, about a minute)"
run_logged debootstrap "$ISOLAB_CACHE/lab-node-debootstrap.log" \
  debootstrap --variant=minbase --cache-dir="$ISOLAB_CACHE/debs" --include="$PACKAGES" bookworm "$work/rootfs" "$mirror"

step "Adding the isolab overlay and trimming the rootfs"
cp -a "$HERE/rootfs/." "$work/rootfs/"
chmod 0755 "$work/rootfs/usr/local/sbin/"*
rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"* "$work/rootfs/var/log/"*.log
# The sandbox's /var/lib/docker is a host bind mount; an empty dir keeps the image clean.
rm -rf "$work/rootfs/var/lib/docker" && mkdir -p "$work/rootfs/var/lib/docker"

step "Importing into docker"
old_id=$(docker image inspect -f '{{.Id}}' "$ISOLAB_IMAGE" 2>/dev/null || true)
tar -C "$work/rootfs" -c . | docker import \
  -c 'CMD ["/usr/local/sbin/isolab-init"]' \
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c "LABEL io.isolab.image-hash=$hash" - "$ISOLAB_IMAGE" >/dev/null
# The previous build is now untagged: remove it unless containers still use it.
[ -n "$old_id" ] && docker image rm "$old_id" >/dev/null 2>&1 || true
info "built $ISOLAB_IMAGE (hash $hash, $(docker image inspect -f '{{.Size}}' "$ISOLAB_IMAGE" | awk '{printf "%d MiB", $1/1048576}'))"
