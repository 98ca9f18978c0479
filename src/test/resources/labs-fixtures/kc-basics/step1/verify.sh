stat /etc/panda
