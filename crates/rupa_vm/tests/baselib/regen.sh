#!/bin/sh
# Captures the expected output of every script here from the reference interpreter. A script
# that ends with an uncaught error would print to stderr: scripts catch their errors.
cd "$(dirname "$0")" || exit 1
for f in *.lua; do
    lua5.4 "$f" > "${f%.lua}.out"
done
