docker rm -f redisHostPort 2>/dev/null || true
