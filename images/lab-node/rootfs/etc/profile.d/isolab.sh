# Shell defaults inside an isolab sandbox.
export PS1='\u@\h:\w\$ '
[ -f /usr/share/bash-completion/bash_completion ] && . /usr/share/bash-completion/bash_completion
