#!/usr/bin/env bash
# Calendar benchmark of the real app (release build): the month view and the drop, on the large sample (10,000
# posts over a year on 8 networks). See calendar.mjs for what is timed.
# Usage: tests/bench/calendar.sh [ROUNDS]   (SKIP_BUILD=1 reuses target/release/cinq)
set -euo pipefail
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || exec dbus-run-session -- "$0" "$@"
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH" NO_AT_BRIDGE=1
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building the app (release)…" >&2
  npm --prefix ui run build >/dev/null
  cargo build --release --quiet -p cinq --features tauri/custom-protocol
fi
work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/bench.sqlite3"
target/release/cinq --db "$db" sample --size large >/dev/null
id=$(sqlite3 "$db" "SELECT max(id) FROM strategy;")
sqlite3 "$db" "INSERT OR REPLACE INTO setting VALUES ('last_strategy_id', '$id'); UPDATE strategy SET current_step = 'calendar';"
Xvfb :94 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:94
sleep 1
mkdir -p "$work/home"
BENCH_HOME="$work/home" node tests/bench/calendar.mjs "$PWD/target/release/cinq" "$db" "${1:-3}"
