#!/bin/bash
grep -qi '<h1>' /root/site/index.html
