#!/bin/bash
# Pull the image while the learner reads the intro, then tell the foreground script.
docker pull nginx > /tmp/nginx-pull.log 2>&1
touch /tmp/.nginx-pulled
