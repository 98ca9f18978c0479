#!/bin/bash
[ "$(docker inspect -f '{{.State.Running}}' site 2>/dev/null)" = true ] || exit 1
curl -s --max-time 5 localhost:8090 | grep -q 'Served from a bind mount'
