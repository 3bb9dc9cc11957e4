#!/usr/bin/env bash
# Export and import benchmark of the calendar against sqlite3 on the same rows, run side by side.
#
# Builds a strategy with POSTS posts (default 100,000) over a year on 8 networks (`cinq sample --size large`), then,
# RUNS times in alternation:
#   - export: `cinq calendar export --format cinq-csv` against `sqlite3 -csv` dumping the same posts;
#   - import: `cinq calendar import` of that file into an empty strategy against `sqlite3 .import` of the dump.
# Prints each median and the ratios (targets: export ≤ 1.5×, import ≤ 2×). Whole processes, wall-clock time.
#
# Usage: tests/bench/export.sh [RUNS] [POSTS]   (SKIP_BUILD=1 to use the release binary as it is)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
posts=${2:-100000}
if [ -z "${SKIP_BUILD:-}" ]; then
  (cd ui && npm run build --silent >/dev/null)
  cargo build --release --quiet -p cinq --features tauri/custom-protocol
fi
cinq=target/release/cinq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/bench.sqlite3"
"$cinq" --db "$db" sample --size large --posts "$posts" >/dev/null
query="SELECT network, scheduled_at, topic_id, editorial_item_id, objective_id, data FROM post WHERE strategy_id = 1 ORDER BY scheduled_at, id"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -a cinq_export sqlite_export cinq_import sqlite_import
for r in $(seq 1 "$runs"); do
  t=$(now); "$cinq" --db "$db" calendar export 1 --format cinq-csv --out "$work/plan.csv" >/dev/null; cinq_export+=($(( ($(now) - t) / 1000000 )))
  t=$(now); sqlite3 -csv -header "$db" "$query" >"$work/dump.csv"; sqlite_export+=($(( ($(now) - t) / 1000000 )))

  cp "$db" "$work/import.sqlite3"
  "$cinq" --db "$work/import.sqlite3" strategy create --name "Empty $r" --timezone Europe/Paris >/dev/null
  t=$(now); "$cinq" --db "$work/import.sqlite3" calendar import "Empty $r" "$work/plan.csv" >/dev/null; cinq_import+=($(( ($(now) - t) / 1000000 )))
  rm -f "$work/raw.sqlite3"
  t=$(now); sqlite3 "$work/raw.sqlite3" ".import --csv $work/dump.csv post" >/dev/null; sqlite_import+=($(( ($(now) - t) / 1000000 )))
done
rows=$(($(wc -l <"$work/dump.csv")))
ce=$(printf '%s\n' "${cinq_export[@]}" | median); se=$(printf '%s\n' "${sqlite_export[@]}" | median)
ci=$(printf '%s\n' "${cinq_import[@]}" | median); si=$(printf '%s\n' "${sqlite_import[@]}" | median)
echo "posts: $posts (sqlite3 dumped $rows lines); medians of $runs runs"
echo "export: cinq $ce ms, sqlite3 -csv $se ms, ratio $(awk "BEGIN {printf \"%.2f\", $ce / $se}")x (target ≤ 1.5x)"
echo "import: cinq $ci ms, sqlite3 .import $si ms, ratio $(awk "BEGIN {printf \"%.2f\", $ci / $si}")x (target ≤ 2x)"
