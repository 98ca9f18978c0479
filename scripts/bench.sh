#!/bin/bash
# Placeholder until the bench command lands.
echo "isolab bench: not yet implemented"
exit 0
