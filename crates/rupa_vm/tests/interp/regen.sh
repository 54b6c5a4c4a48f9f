#!/bin/sh
# Captures the expected output of every script from the reference interpreter.
cd "$(dirname "$0")"
for f in [0-9a-z]*.lua; do
  [ "$f" = runner.lua ] && continue
  lua5.4 runner.lua "$f" > "${f%.lua}.out" 2>&1
done
