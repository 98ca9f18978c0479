#!/bin/bash
# usage: check-site.sh PORT TEXT — exit 0 when http://localhost:PORT/ answers with a page containing TEXT.
port=${1:?usage: check-site.sh PORT TEXT}
text=${2:?usage: check-site.sh PORT TEXT}
if body=$(curl -fs --max-time 5 "http://localhost:$port/"); then
  if grep -qF -- "$text" <<<"$body"; then echo "OK: port $port serves \"$text\""; exit 0; fi
  echo "port $port answers, but without \"$text\""; exit 1
fi
echo "nothing answers on port $port"; exit 1
