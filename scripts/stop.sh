#!/bin/bash
# Stops the web app and the agent started by ./isolab run. Sandboxes and the registry stay.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
step "Stopping isolab"
stop_bg web
stop_bg agent
info "stopped (the registry mirror keeps running: docker stop isolab-registry)"
