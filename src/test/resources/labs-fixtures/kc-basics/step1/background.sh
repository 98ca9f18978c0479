rm -rf /etc/panda
