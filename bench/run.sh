#!/usr/bin/env bash
# One command from a fresh clone: build, install the baselines, run the benchmark.
#   bench/run.sh            full sizes (about 1 GB of generated data in bench/data)
#   bench/run.sh --quick    a tenth of the sizes
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
python3 -m pip install --quiet duckdb pandas openpyxl python-calamine
python3 bench/bench.py "$@"
