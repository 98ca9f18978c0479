#!/bin/bash
# Placeholder until the lint command lands.
echo "isolab lint: not yet implemented"
exit 0
