#!/bin/bash
check-site.sh 8090 "Version 2"
