#!/usr/bin/env bash
# Runs every fuzz target for N minutes each (default 3), one after the other.
# Needs cargo-fuzz (cargo install cargo-fuzz); works on the stable toolchain.
# Crashes land in fuzz/artifacts/<target>/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")"
minutes="${1:-3}"
export RUSTC_BOOTSTRAP=1
targets=(amount date csv header sage_file config)
cargo fuzz build --release
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
  echo "== $target: ${minutes} min"
  cargo fuzz run --release "$target" "corpus/$target" -- -max_total_time=$((minutes * 60)) -rss_limit_mb=4096 -max_len=65536 2>&1 \
    | grep -E "^#[0-9]+ +(DONE|INITED)|stat::|Done|SUMMARY|panicked|ERROR" || true
done
