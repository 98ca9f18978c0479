#!/bin/bash
# Sandbox image, registry mirror and seed images: everything a sandbox needs, each step idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$ISOLAB_ROOT/images/lab-node/build.sh"
"$ISOLAB_ROOT/images/registry/start.sh"
"$ISOLAB_ROOT/images/seeds/build.sh"
