#!/usr/bin/env bash
# Builds the Windows executable (cross-compiled for x86_64-pc-windows-gnu with
# Debian's mingw-w64) and writes dist/plannit2sage-<version>-windows-x86_64.zip:
# plannit2sage.exe, LISEZMOI-README.txt (French and English, CRLF), the starter
# configuration and the samples. Usage: scripts/package-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
if ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi
need=()
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64)
command -v zip >/dev/null || need+=(zip)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
cargo build --locked --release --target "$target"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
name="plannit2sage-$version-windows-x86_64"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$name/exemples-samples"
cp "target/$target/release/plannit2sage.exe" "$stage/$name/"
# Debug symbols of the dependencies are most of the file: not shipped.
x86_64-w64-mingw32-strip "$stage/$name/plannit2sage.exe"
cp samples/*.xlsx samples/*.csv samples/plannit2sage.toml "$stage/$name/exemples-samples/"
cp src/watch/starter-config.toml "$stage/$name/plannit2sage-modele.toml"
# Text files for Notepad: CRLF line endings.
sed 's/$/\r/' packaging/windows-readme.txt > "$stage/$name/LISEZMOI-README.txt"
mkdir -p dist
rm -f "dist/$name.zip"
(cd "$stage" && zip -q -r -X "$OLDPWD/dist/$name.zip" "$name")
echo "dist/$name.zip"
unzip -l "dist/$name.zip"
