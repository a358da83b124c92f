"""Before/after of one change: two release binaries run alternately on one data
set (whole process, a fresh history each run, `--timings`), with the median
wall time, peak memory and median time of each stage.

usage: python3 bench/compare.py BEFORE_BIN AFTER_BIN [--data DIR] [--runs N]
DIR defaults to bench/data/csv-300000 (made by bench/targets.py).
"""
import argparse
import os
import re
import statistics
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STAGE = re.compile(r"^timing (.+?)\s+([\d.]+) ms")


def one_run(binary, folder):
    """Wall seconds, peak RSS (MB) and {stage: ms} of one whole run."""
    scratch = tempfile.mkdtemp(prefix="p2s-compare-")
    command = ["/usr/bin/time", "-v", binary, "run", folder, "--out", os.path.join(scratch, "out"),
               "--history", os.path.join(scratch, "h.sqlite"), "--timings"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = wall.groups()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    stages = {}
    for line in result.stderr.splitlines():
        match = STAGE.match(line)
        if match:
            stages[match.group(1)] = float(match.group(2))
    subprocess.run(["rm", "-rf", scratch])
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds), rss, stages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--data", default=os.path.join(ROOT, "bench", "data", "csv-300000"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = {"before": [], "after": []}
    for _ in range(args.runs):
        runs["before"].append(one_run(args.before, args.data))
        runs["after"].append(one_run(args.after, args.data))
    stages = []
    for _, _, s in runs["before"] + runs["after"]:
        stages.extend(k for k in s if k not in stages)
    print(f"data {os.path.basename(args.data)}, {args.runs} alternating runs each, medians")
    print("| | before | after |")
    print("|---|---|---|")
    for label, pick in (("whole run (s)", lambda r: r[0]), ("peak RSS (MB)", lambda r: r[1])):
        b, a = (statistics.median(pick(r) for r in runs[k]) for k in ("before", "after"))
        spread = lambda k: f"{min(pick(r) for r in runs[k]):.2f}–{max(pick(r) for r in runs[k]):.2f}"
        print(f"| {label} | {b:.2f} ({spread('before')}) | {a:.2f} ({spread('after')}) |")
    for stage in stages:
        b, a = (statistics.median(r[2].get(stage, 0.0) for r in runs[k]) for k in ("before", "after"))
        print(f"| {stage} (ms) | {b:.0f} | {a:.0f} |")


if __name__ == "__main__":
    main()
