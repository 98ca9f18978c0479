docker pull redis
touch /tmp/finished
