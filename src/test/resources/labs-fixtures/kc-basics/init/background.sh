touch /tmp/finished
