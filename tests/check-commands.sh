#!/usr/bin/env bash
# The IPC commands are declared once: the #[tauri::command] fns of src-tauri/src/commands/*.rs. src-tauri/build.rs
# derives the rest from them: each command's allow-… permission, the cinq-commands set that the capability grants
# (src-tauri/permissions/cinq-commands.toml, generated) and the handler list lib.rs registers (OUT_DIR/handler.rs).
# A command the build does not see fails only at run time, when the UI calls it, so this check fails instead when
# - a #[tauri::command] is defined outside src-tauri/src/commands/*.rs (the build would neither register nor grant it);
# - two commands share a name (they would share a permission);
# - lib.rs does not register the generated list, or the capability in tauri.conf.json does not grant the set;
# - what the last build wrote (the set, the handler list) differs from the definitions: a stale build, or build.rs
#   misreading them. With --built (.ci/test, after clippy) a build must have run; without it, none is compared.
set -euo pipefail
cd "$(dirname "$0")/.."
built_required=${1:-}

# The fn under each #[tauri::command] (attributes and comments may sit between them), as build.rs reads them.
commands_of() {
  awk '/^[[:space:]]*#\[tauri::command/ { under = 1; next }
       under && /^[[:space:]]*(#\[|\/\/)/ { next }
       under { under = 0; if (match($0, /fn [a-z0-9_]+/)) print substr($0, RSTART + 3, RLENGTH - 3); else print "?" }' "$@"
}
status=0
fail() { echo "IPC commands: $*" >&2; status=1; }

defined=$(commands_of src-tauri/src/commands/*.rs | sort)
[ -n "$defined" ] || fail "no #[tauri::command] found in src-tauri/src/commands/*.rs"
grep -qx '?' <<<"$defined" && fail "a #[tauri::command] in src-tauri/src/commands/ is not followed by a fn"
dupes=$(uniq -d <<<"$defined")
[ -z "$dupes" ] || fail "defined twice: $dupes"
while IFS= read -r file; do
  case "$file" in src-tauri/src/commands/*.rs) ;; *)
    fail "$file defines $(commands_of "$file" | tr '\n' ' ')outside src-tauri/src/commands/, where the build does not see it" ;;
  esac
done < <(grep -rlE '^[[:space:]]*#\[tauri::command' src-tauri/src)

grep -q 'invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))' src-tauri/src/lib.rs ||
  fail "src-tauri/src/lib.rs does not register the list build.rs writes (OUT_DIR/handler.rs)"
grep -q '"cinq-commands"' tauri.conf.json || fail "the capability in tauri.conf.json does not grant cinq-commands"

set_file=src-tauri/permissions/cinq-commands.toml
handler=$(ls -t "${CARGO_TARGET_DIR:-target}"/*/build/cinq-*/out/handler.rs 2>/dev/null | head -1 || true)
if [ -f "$set_file" ] && [ -n "$handler" ]; then
  granted=$(grep -oE '"allow-[a-z0-9-]+"' "$set_file" | sed 's/"allow-//; s/"//; s/-/_/g' | sort)
  registered=$(grep -oE '::[a-z0-9_]+,' "$handler" | tr -d ':,' | sort)
  for list in granted registered; do
    if [ "${!list}" != "$defined" ]; then
      fail "defined and $list differ (< defined, > $list; rebuild: cargo build -p cinq):"
      diff <(echo "$defined") <(echo "${!list}") >&2 || true
    fi
  done
  checked="defined, registered and granted alike"
elif [ -n "$built_required" ]; then
  fail "--built: no build output ($set_file, OUT_DIR/handler.rs); run cargo build -p cinq first"
else
  checked="defined in src-tauri/src/commands/ (not built yet: registration not compared)"
fi
[ "$status" = 0 ] && echo "IPC commands: $(wc -l <<<"$defined") $checked"
exit $status
