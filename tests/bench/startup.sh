#!/usr/bin/env bash
# Start-up benchmark of the real app against an empty Tauri window built the same way (release).
#
# For each binary and each run: exec under Xvfb, wait for the page to report that its first screen is interactive
# and painted (its data shown, nothing loading; the `ui_ready` command, sent after the paint that follows, prints
# "cinq-ready-ms N" when CINQ_STARTUP_PROBE is set; the empty shell sends it the same way), then add up the memory
# (VmRSS) of the app and every process under it (WebKit's web and network processes), and stop it.
# Cinq opens on a database with 50 strategies, at the strategy list's last-opened strategy.
# A third page sets the floor of Cinq's stack: the same shell showing React and Mantine with one button and nothing
# else (`ui/bench/stack-floor`, served by the shell with CINQ_SHELL_PAGE=stack). A fourth, the screen floor: Cinq's
# first screen captured from the app once ready and served by the shell as a static page, without any script
# (`capture-screen.mjs`, CINQ_SHELL_PAGE=screen; the shell is built again to hold it). The four run in turn.
#
# Usage: tests/bench/startup.sh [RUNS]   (builds the binaries first; prints medians and the ratios)
set -euo pipefail
# One D-Bus session for all runs (the single-instance plugin needs one), outside the measured process trees.
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || exec dbus-run-session -- "$0" "$@"
cd "$(dirname "$0")/../.."
runs=${1:-7}
export PATH="$HOME/.cargo/bin:$PATH" NO_AT_BRIDGE=1

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building both binaries (release)…" >&2
  npm --prefix ui run build >/dev/null
  (cd ui && npx vite build -c bench/stack-floor/vite.config.ts >/dev/null)
  cargo build --release --quiet -p cinq --features tauri/custom-protocol
  cargo build --release --quiet -p cinq-empty-shell --features tauri/custom-protocol
fi

work=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
db="$work/bench.sqlite3"
for i in $(seq 1 50); do
  target/release/cinq --db "$db" strategy create --name "Brand $i" --organisation "Client $i" \
    --sector "Retail" --timezone Europe/Paris --start-date 2026-01-01 >/dev/null
done
target/release/cinq --db "$db" sample >/dev/null
sqlite3 "$db" "INSERT INTO setting VALUES ('last_strategy_id', '51');"

Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:93
sleep 1

# The screen floor, from this build and this database (the first screen the runs below show).
cp "$db" "$work/capture.sqlite3"
TAURI_DRIVER_PORT=4470 node tests/bench/capture-screen.mjs "$PWD/target/release/cinq" "$work/capture.sqlite3" \
  tests/bench/empty-shell/dist/screen
cargo build --release --quiet -p cinq-empty-shell --features tauri/custom-protocol

tree_rss_kb() { # the VmRSS of $1 and all its descendants, in kB
  local pids=("$1") all=() p
  while [ ${#pids[@]} -gt 0 ]; do
    p=${pids[0]}; pids=("${pids[@]:1}"); all+=("$p")
    for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do pids+=("$c"); done
  done
  for p in "${all[@]}"; do awk '/^VmRSS:/ {print $2}' /proc/"$p"/status 2>/dev/null; done | awk '{s+=$1} END {print s+0}'
}

measure() { # name, run, command…: prints "name ms kB"
  local name=$1 r=$2; shift 2
  (
    rm -rf "$work/home"; mkdir -p "$work/home"
    local log="$work/$name.$r.log"
    HOME="$work/home" XDG_CONFIG_HOME="$work/home/cfg" XDG_DATA_HOME="$work/home/data" \
      CINQ_STARTUP_PROBE=1 setsid "$@" 2>"$log" >/dev/null &
    local pid=$! ms=""
    for _ in $(seq 1 300); do
      ms=$(awk '/^cinq-ready-ms/ {print $2; exit}' "$log")
      [ -n "$ms" ] && break
      sleep 0.05
    done
    sleep 0.5 # let the first paint settle before reading memory
    local kb; kb=$(tree_rss_kb "$pid")
    kill -- -"$pid" 2>/dev/null || kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$name $ms $kb"
    grep -h '^cinq-ready-marks' "$log" | sed "s/^/  $name run $r: /" >&2 || true
    grep -h '^cinq-ready-marks' "$log" | sed 's/^cinq-ready-marks //' >> "$work/marks.$name" || true
  )
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for r in $(seq 1 "$runs"); do
  measure cinq "$r" target/release/cinq --db "$db"
  measure shell "$r" target/release/cinq-empty-shell
  CINQ_SHELL_PAGE=stack measure stack "$r" target/release/cinq-empty-shell
  CINQ_SHELL_PAGE=screen measure screen "$r" target/release/cinq-empty-shell
done > "$work/results"
cat "$work/results" >&2
for n in cinq shell stack screen; do
  t=$(awk -v n=$n '$1==n {print $2}' "$work/results" | median)
  m=$(awk -v n=$n '$1==n {print $3}' "$work/results" | median)
  echo "$n: time to interactive ${t} ms (median of $runs), total RSS $((m / 1024)) MiB (median)"
  eval "${n}_t=$t ${n}_m=$m"
done
# The page's own milestones (ms since it began loading), median of each over the runs, in the order they came.
for n in cinq stack screen; do
  [ -s "$work/marks.$n" ] || continue
  node -e '
    const runs = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const keys = [...new Set(runs.flatMap(Object.keys))];
    const med = (xs) => { const s = xs.sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
    const m = keys.map((k) => [k, med(runs.map((r) => r[k]).filter((v) => typeof v === "number"))]).sort((a, b) => a[1] - b[1]);
    console.log(process.argv[2] + " page marks (median ms): " + m.map(([k, v]) => k + " " + v).join(", "));
  ' "$work/marks.$n" "$n"
done
awk -v a="$cinq_t" -v b="$shell_t" -v c="$cinq_m" -v d="$shell_m" -v e="$stack_t" -v f="$stack_m" -v g="$screen_t" 'BEGIN {
  printf "ratio cinq / empty shell: time %.2fx, memory %.2fx\n", a/b, c/d
  printf "ratio stack floor / empty shell: time %.2fx, memory %.2fx\n", e/b, f/d
  printf "ratio cinq / stack floor: time %.2fx (target 1.2x)\n", a/e
  printf "ratio screen floor / stack floor: time %.2fx; cinq / screen floor: %.2fx\n", g/e, a/g
}'
