#!/bin/bash
# Placeholder until the test-labs command lands.
echo "isolab test-labs: not yet implemented"
exit 0
