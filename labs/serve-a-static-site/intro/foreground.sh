echo "Pulling nginx..."; while [ ! -f /tmp/.nginx-pulled ]; do sleep 1; done; clear; echo "nginx is ready: $(docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' nginx)"
