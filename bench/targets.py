"""The performance targets, measured as users see them: whole process, a fresh
export history each run, our run and DuckDB's aggregation of the same files
alternating (so that both see the same machine state), median of the runs.

usage: python3 bench/targets.py [--runs N] [--skip-million] [--bin BINARY]
Prints a markdown table: typical month, 300k lines vs DuckDB, 1M lines' peak memory.
"""
import argparse
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402
from bench import ROOT, baseline, generate, ours, timed  # noqa: E402


def alternate(first, second, runs):
    """Runs the two commands alternately; returns their samples."""
    a, b = [], []
    for _ in range(runs):
        a.append(timed(first()))
        b.append(timed(second()))
    return a, b


def summary(samples):
    walls = sorted(s[0] for s in samples)
    return statistics.median(walls), walls[0], walls[-1], max(s[1] for s in samples)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip-million", action="store_true")
    parser.add_argument("--bin", default=bench.BIN, help="the release binary to measure")
    args = parser.parse_args()
    bench.BIN = args.bin
    month = generate("month-xlsx", 3000, 1000, "xlsx")
    csv300 = generate("csv-300000", 300_000, 90_000, "csv")
    rows = []
    m = summary([timed(ours(month)()) for _ in range(args.runs)])
    rows.append(("typical month: 3,000 sales lines (xlsx) + 1,000 payments", m, ""))
    us, duck = alternate(ours(csv300), baseline("duckdb", csv300), args.runs)
    u, d = summary(us), summary(duck)
    rows.append(("CSV 300,000 sales lines + 90,000 payments, whole run", u, f"{u[0] / d[0]:.1f} × DuckDB"))
    rows.append(("DuckDB aggregation of the same files, whole process", d, ""))
    if not args.skip_million:
        csv1m = generate("csv-1000000", 1_000_000, 300_000, "csv")
        big = summary([timed(ours(csv1m)()) for _ in range(2)])
        rows.append(("CSV 1,000,000 sales lines + 300,000 payments, whole run", big, ""))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"commit {commit}, {os.cpu_count()} cores, binary {bench.BIN}")
    print("| case | median wall | spread | peak RSS | ratio |")
    print("|---|---|---|---|---|")
    for label, (median, low, high, rss), ratio in rows:
        print(f"| {label} | {median:.3f} s | {low:.3f}–{high:.3f} s | {rss:.0f} MB | {ratio} |")


if __name__ == "__main__":
    main()
