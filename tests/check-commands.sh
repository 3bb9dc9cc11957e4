#!/usr/bin/env bash
# Every IPC command must be registered in three places: generate_handler! (src-tauri/src/lib.rs), COMMANDS
# (src-tauri/build.rs, which makes its allow-… permission) and the cinq-commands set the capability grants
# (src-tauri/permissions/cinq-commands.toml). A command missing from one of them fails only at run time, so this
# check fails the build instead.
set -euo pipefail
cd "$(dirname "$0")/.."
handler=$(sed -n '/generate_handler!\[/,/\]/p' src-tauri/src/lib.rs | grep -oE '^\s+[a-z_]+,' | tr -d ' ,' | sort)
declared=$(sed -n '/^const COMMANDS/,/^\];/p' src-tauri/build.rs | grep -oE '"[a-z_]+"' | tr -d '"' | sort)
granted=$(grep -oE '"allow-[a-z-]+"' src-tauri/permissions/cinq-commands.toml | sed 's/"allow-//; s/"//; s/-/_/g' | sort)
defined=$(grep -A1 -E '#\[tauri::command(\([a-z_ ]*\))?\]' src-tauri/src/lib.rs | grep -oE 'fn [a-z_]+' | sed 's/fn //' | sort)
status=0
for list in declared granted defined; do
  if ! diff <(echo "$handler") <(echo "${!list}") >/dev/null; then
    echo "IPC commands: generate_handler! and $list differ:" >&2
    diff <(echo "$handler") <(echo "${!list}") >&2 || true
    status=1
  fi
done
[ "$status" = 0 ] && echo "IPC commands: $(echo "$handler" | wc -l) registered, declared, granted and defined alike"
exit $status
