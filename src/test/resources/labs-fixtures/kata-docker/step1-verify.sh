[ "$(docker inspect -f {{.State.Running}} redisHostPort)" = true ] && echo "done"
