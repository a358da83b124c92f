"""Benchmark driver: generates the data sets, times plannit2sage and the
baselines several times each with /usr/bin/time -v, and prints a markdown
table (median and spread of wall time, peak memory, ratios).

usage: python3 bench/bench.py [--quick] [--runs N]
Run through bench/run.sh, which builds the release binary and installs the
baselines first.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "plannit2sage")
DATA = os.path.join(ROOT, "bench", "data")


def timed(command):
    """Wall seconds and peak RSS (MB) of one run of `command`."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = wall.groups()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), rss / 1024


def repeat(command_factory, runs):
    samples = [timed(command_factory()) for _ in range(runs)]
    walls = sorted(s[0] for s in samples)
    return {
        "median": statistics.median(walls),
        "min": walls[0],
        "max": walls[-1],
        "rss": max(s[1] for s in samples),
        "runs": runs,
    }


def generate(name, lines, payments, fmt):
    folder = os.path.join(DATA, name)
    marker = os.path.join(folder, "expected-totals.json")
    if not os.path.exists(marker):
        subprocess.run([BIN, "sample-data", folder, "--lines", str(lines), "--payments", str(payments),
                        "--seed", "42", "--format", fmt], check=True, capture_output=True)
    return folder


def ours(folder):
    def factory():
        scratch = tempfile.mkdtemp(prefix="p2s-bench-")
        return [BIN, "run", folder, "--out", os.path.join(scratch, "out"), "--history", os.path.join(scratch, "h.sqlite")]
    return factory


def baseline(kind, folder):
    def factory():
        scratch = tempfile.mkdtemp(prefix="p2s-bench-")
        return [sys.executable, os.path.join(ROOT, "bench", "baselines.py"), kind, folder, os.path.join(scratch, "out.csv")]
    return factory


def row(label, ours_result, other=None, other_label=""):
    ratio = f"{ours_result['median'] / other['median']:.2f} × {other_label}" if other else ""
    return (f"| {label} | {ours_result['median']:.3f} s | {ours_result['min']:.3f}–{ours_result['max']:.3f} s "
            f"| {ours_result['rss']:.0f} MB | {ours_result['runs']} | {ratio} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller data, fewer runs")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    runs = 3 if args.quick else args.runs
    big_runs = 2 if args.quick else 3
    os.makedirs(DATA, exist_ok=True)

    month = generate("month-xlsx", 3000, 1000, "xlsx")
    csv = {n: generate(f"csv-{n // scale}", n // scale, (n * 3 // 10) // scale, "csv") for n in (100_000, 300_000, 1_000_000)}
    xlsx = generate(f"xlsx-{200_000 // scale}", 200_000 // scale, 60_000 // scale, "xlsx")

    lines = ["| case | median wall | spread (min–max) | peak RSS | runs | ratio |", "|---|---|---|---|---|---|"]
    month_result = repeat(ours(month), runs)
    lines.append(row("typical month: 3,000 sales lines (xlsx) + 1,000 payments, whole process", month_result))
    csv_results = {}
    for n, folder in csv.items():
        csv_results[n] = repeat(ours(folder), big_runs)
    duck = repeat(baseline("duckdb", csv[1_000_000]), big_runs)
    for n, result in csv_results.items():
        label = f"CSV {n // scale:,} sales + {(n * 3 // 10) // scale:,} payments, whole run"
        lines.append(row(label, result, duck if n == 1_000_000 else None, "DuckDB"))
    lines.append(row(f"DuckDB aggregation only, CSV {1_000_000 // scale:,} + {300_000 // scale:,}", duck))
    xlsx_result = repeat(ours(xlsx), big_runs)
    openpyxl = repeat(baseline("pandas-openpyxl", xlsx), big_runs)
    calamine = repeat(baseline("pandas-calamine", xlsx), big_runs)
    lines.append(row(f"xlsx {200_000 // scale:,} sales lines + {60_000 // scale:,} payments, whole run", xlsx_result, openpyxl, "pandas+openpyxl"))
    lines.append(row("pandas + openpyxl, read xlsx and aggregate", openpyxl))
    lines.append(row("pandas + python-calamine, read xlsx and aggregate", calamine))

    n = sorted(csv_results)
    per_line = [f"{csv_results[k]['median'] / (k // scale) * 1e6:.2f} µs/line at {k // scale:,}" for k in n]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; commit {commit}")
    print("\n".join(lines))
    print("\nlinearity (whole run time per sales line): " + "; ".join(per_line))


if __name__ == "__main__":
    main()
