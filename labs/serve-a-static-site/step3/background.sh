#!/bin/bash
# Record when the learner reached this step (shows that step scripts run; harmless otherwise).
date -u +%FT%TZ > /tmp/.step3-started
