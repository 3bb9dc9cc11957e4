#!/usr/bin/env bash
# The Linux package tested as a user installs it: builds the .deb (debug is enough), installs it with dpkg (apt-get
# fetches missing dependencies), checks the desktop entry, the icons and /usr/bin/cinq, opens the installed app under
# Xvfb on a fresh home folder through tauri-driver (installed.test.mjs: welcome screen, About, the database in
# ~/.local/share/io.cinq.desktop/), removes the package and checks that the user's data stays.
#
# Usage: tests/deb/install-test.sh [--reuse | FILE.deb]
#   --reuse    bundle target/debug/cinq as `tauri build --debug --no-bundle` left it (what .ci/test does)
#   FILE.deb   test this package
#   (nothing)  `tauri build --debug --bundles deb`
# Needs root (or sudo) for dpkg. Refuses to run when a package named cinq is already installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$HOME/.cargo/bin:$PATH"
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
start=$(date +%s)
say() { printf '\n==> %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }
fail() { echo "install-test: $*" >&2; exit 1; }

deb=""
case "${1:-}" in
  --reuse)
    say "Bundling target/debug/cinq as a .deb"
    ui/node_modules/.bin/tauri bundle --debug --bundles deb --ci ;;
  "")
    say "Building the app and its .deb (debug)"
    ui/node_modules/.bin/tauri build --debug --bundles deb --ci ;;
  *) deb=$(realpath "$1") ;;
esac
if [ -z "$deb" ]; then
  deb=$(ls -t target/debug/bundle/deb/*.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || fail "no .deb in target/debug/bundle/deb/"
fi
package=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
echo "$deb: $package $version, $(du -h "$deb" | cut -f1)"

if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed"; then
  fail "a package named $package is already installed: remove it first (this test installs and removes its own)"
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/cinq-deb-home-XXXXXX")
installed=""
cleanup() {
  if [ -n "$installed" ]; then sudo_ dpkg -r "$package" >/dev/null 2>&1 || true; fi
  rm -rf "$home"
}
trap cleanup EXIT

say "Installing $package with dpkg"
installed=1
if ! sudo_ dpkg -i "$deb"; then
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get -f install -y -qq
fi
dpkg-query -W -f='${Status}' "$package" | grep -q "install ok installed" || fail "$package is not installed"

say "Checking the binary, the desktop entry and the icons"
[ "$(command -v cinq)" = /usr/bin/cinq ] || fail "cinq on the PATH is $(command -v cinq), not /usr/bin/cinq"
[ -x /usr/bin/cinq ] || fail "/usr/bin/cinq is not executable"
[ "$(/usr/bin/cinq --version)" = "cinq $version" ] || fail "cinq --version says '$(/usr/bin/cinq --version)', the package $version"
entries=$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' || true)
[ "$(echo "$entries" | grep -c .)" = 1 ] || fail "expected one desktop entry, found: $entries"
entry=$(echo "$entries" | head -n 1)
field() { sed -n "s/^$1=//p" "$entry" | head -n 1; }
[ "$(field Type)" = Application ] || fail "$entry: Type=$(field Type)"
[ "$(field Name)" = Cinq ] || fail "$entry: Name=$(field Name)"
exec_cmd=$(field Exec)
[ "${exec_cmd%% *}" = cinq ] || [ "${exec_cmd%% *}" = /usr/bin/cinq ] || fail "$entry: Exec=$exec_cmd"
icon=$(field Icon)
[ -n "$icon" ] || fail "$entry: no Icon"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry"; fi
icons=$(dpkg -L "$package" | grep "^/usr/share/icons/hicolor/[0-9]*x[0-9]*\(@2\)\?/apps/$icon\.png$" || true)
[ -n "$icons" ] || fail "no hicolor icon named $icon.png in the package"
for f in $icons; do
  # The folder names the size (NxN; an @2 folder holds the double-density icon, which the bundler writes at N or 2N).
  size=$(echo "$f" | sed -n 's|^/usr/share/icons/hicolor/\([0-9]*\)x[0-9]*.*|\1|p')
  dims=$(file -b "$f")
  case "$dims" in
    "PNG image data, $size x $size,"*) ;;
    "PNG image data, $(( size * 2 )) x $(( size * 2 )),"*) [[ "$f" == *@2/* ]] || fail "$f: $dims" ;;
    *) fail "$f: $dims (expected a $size x $size PNG)" ;;
  esac
done
echo "entry $entry: Exec=$exec_cmd Icon=$icon; icons: $(echo "$icons" | tr '\n' ' ')"

say "Opening the installed app on a fresh home folder"
CINQ_DEB_HOME="$home" CINQ_DEB_VERSION="$version" TAURI_DRIVER_PORT="${TAURI_DRIVER_PORT:-4455}" \
  tests/e2e/run.sh /usr/bin/cinq tests/deb/installed.test.mjs
data="$home/.local/share/io.cinq.desktop"
[ -f "$data/cinq.sqlite3" ] || fail "no database in $data"
before=$(sha256sum "$data/cinq.sqlite3" | cut -d' ' -f1)

say "Removing $package"
sudo_ dpkg -r "$package"
installed=""
[ ! -e /usr/bin/cinq ] || fail "/usr/bin/cinq is still there after dpkg -r"
[ ! -e "$entry" ] || fail "$entry is still there after dpkg -r"
[ -f "$data/cinq.sqlite3" ] || fail "the user's database is gone after dpkg -r"
[ "$(sha256sum "$data/cinq.sqlite3" | cut -d' ' -f1)" = "$before" ] || fail "the user's database changed on dpkg -r"
echo "kept: $(ls "$data" | tr '\n' ' ')"

say "The package installs, opens, and leaves the user's data when removed"
