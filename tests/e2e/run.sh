#!/usr/bin/env bash
# Runs the end-to-end tests against the real binary: starts Xvfb when there is no display, and a D-Bus session
# (the single-instance plugin needs one). Usage: tests/e2e/run.sh PATH/TO/cinq [TEST FILES…] (all by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CINQ_APP=$(realpath "${1:?usage: run.sh PATH/TO/cinq}")
export NO_AT_BRIDGE=1
export PATH="$HOME/.cargo/bin:$PATH"

xvfb_pid=""
if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 120); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then break; fi
  done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT

files=("${@:2}")
[ ${#files[@]} -eq 0 ] && files=("$here"/*.test.mjs)
dbus-run-session -- node --test --test-concurrency=1 "${files[@]}"
