"""Every output of one plannit2sage binary over a fixed set of cases, written
as text into one folder, so that two builds can be compared with `diff -r`:
a change meant to keep behaviour must give the same folder.

usage: python3 scripts/outputs.py BINARY OUT_DIR [--work DIR]

Cases: the samples (French and English, each granularity, tax detail, a
second run, a dry run, a rejected batch, a damaged file), generated months
(`sample-data`, CSV and xlsx), a drop folder through `init --from`, `watch
--once` and `status`, and the analyst's tools. For each command: its exit
code, standard output and error. For each file written: Sage files and CSV
as they are, workbooks as the XML of their parts, the history as the sorted
rows of its tables. Run times and the run's date are replaced by
placeholders; everything else must match byte for byte. The cases run in
`--work` (default /tmp/p2s-outputs), the same paths for every binary, so
paths printed match too.
"""
import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?: ?[+-]\d{2}:?\d{2}|Z)?")
CLOCK = re.compile(r"\b\d{2}:\d{2}:\d{2}\b")
# A rejected batch's folder is named after the time it was rejected.
REJECTED = re.compile(r"<today>_\d{6}\.\d{3}")
# The summary's run time is a date-time cell: its serial number with a fraction.
SERIAL = re.compile(r"<v>4\d{4}\.\d+</v>")
MS = re.compile(r"\b\d+(?:\.\d+)? ?ms\b")


def normalise(text: str, today: str) -> str:
    text = TIME.sub("<time>", text)
    text = text.replace(today, "<today>")
    text = REJECTED.sub("<today>_<hms>", text)
    text = CLOCK.sub("<clock>", text)
    text = SERIAL.sub("<v><serial></v>", text)
    return MS.sub("<ms>", text)


class Runner:
    def __init__(self, binary: Path, out: Path, work: Path, data: Path):
        self.binary, self.out, self.work, self.data = binary, out, work, data
        self.today = subprocess.run(["date", "+%Y-%m-%d"], capture_output=True, text=True).stdout.strip()
        self.log = []

    def cmd(self, case: str, *args, env=None, cwd=None):
        full_env = {k: v for k, v in os.environ.items() if k != "PLANNIT2SAGE_LANG"}
        full_env.update(NO_COLOR="1", **(env or {}))
        result = subprocess.run([str(self.binary), *map(str, args)], capture_output=True,
                                env=full_env, cwd=cwd or self.work, timeout=600)
        shown = " ".join(str(a).replace(str(self.work), "$W") for a in args)
        self.log.append(f"## {case}: {shown}\nexit {result.returncode}\n"
                        f"--- stdout\n{result.stdout.decode('utf-8', 'replace')}"
                        f"--- stderr\n{result.stderr.decode('utf-8', 'replace')}")
        return result

    def keep(self, case: str, folder: Path):
        """Every file under `folder`, as text, into OUT/case/."""
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = Path(REJECTED.sub("<today>_<hms>", str(path.relative_to(folder)).replace(self.today, "<today>")))
            dest = self.out / case / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix == ".xlsx" and zipfile.is_zipfile(path):
                with zipfile.ZipFile(path) as z:
                    parts = [n for n in sorted(z.namelist()) if n != "docProps/core.xml"]
                    text = "".join(f"=== {n}\n{z.read(n).decode('utf-8', 'replace')}\n" for n in parts)
                dest.with_suffix(".xlsx.txt").write_text(normalise(text, self.today))
            elif path.suffix == ".sqlite":
                dest.with_suffix(".sqlite.txt").write_text(normalise(dump(path), self.today))
            elif path.name.endswith(".log") or path.suffix in (".txt", ".csv", ".toml", ".json", ".md"):
                data = path.read_bytes()
                if b"\r\n" in data and path.suffix == ".txt" and path.name.startswith("sage50"):
                    dest.write_bytes(data)  # the Sage file, byte for byte
                else:
                    dest.write_text(normalise(data.decode("utf-8", "replace"), self.today))
            else:
                dest.write_text(f"{path.stat().st_size} bytes\n")

    def finish(self):
        (self.out / "commands.txt").write_text(normalise("\n".join(self.log), self.today)
                                               .replace(str(self.work), "$W"))


def dump(path: Path) -> str:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    lines = []
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
        rows = sorted(repr(r) for r in db.execute(f'SELECT * FROM "{name}"'))
        lines.append(f"== {name} ({len(rows)} rows)")
        lines.extend(rows)
    return "\n".join(lines) + "\n"


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def copy_samples(dest: Path, edit=None) -> Path:
    inbox = fresh(dest / "inbox")
    for f in (ROOT / "samples").iterdir():
        if f.is_file() and f.suffix != ".sqlite":
            shutil.copy(f, inbox / f.name)
    if edit:
        config = inbox / "plannit2sage.toml"
        config.write_text(edit(config.read_text()))
    return inbox


def sample_cases(r: Runner):
    w = r.work
    for case, args, env, edit in [
        ("samples-fr", [], {}, None),
        ("samples-en-day", ["--granularity", "day"], {"PLANNIT2SAGE_LANG": "en"}, None),
        ("samples-document", ["--granularity", "document"], {}, None),
        ("samples-taxd", [], {}, lambda t: t.replace('encoding = "windows-1252"',
                                                    'encoding = "windows-1252"\ntax_detail = true')),
        ("samples-unmapped", [], {}, lambda t: t.replace('"Taille de haie" = "4001"\n', "")
                                               .replace('default_revenue = "4000"', "")),
    ]:
        base = fresh(w / case)
        inbox = copy_samples(base, edit)
        run = ["run", inbox, "--out", base / "out", "--history", base / "h.sqlite", *args]
        r.cmd(case, *run, env=env)
        r.cmd(case, *run, env=env)  # the second run posts nothing
        r.cmd(case, "history", "--history", base / "h.sqlite", env=env)
        r.cmd(case, "history", "--history", base / "h.sqlite", "show", f"{r.today}-1", env=env)
        for sage in sorted((base / "out").glob("sage50-*.txt")):
            r.cmd(case, "check", sage, "--config", inbox / "plannit2sage.toml", env=env)
        r.keep(case, base)
    base = fresh(w / "samples-dry")
    inbox = copy_samples(base)
    r.cmd("samples-dry", "run", inbox, "--dry-run", "--history", base / "h.sqlite")
    r.cmd("samples-dry", "run", inbox, "--dry-run", "--history", base / "h.sqlite", "--lang", "en")
    r.keep("samples-dry", base)
    base = fresh(w / "samples-damaged")
    inbox = copy_samples(base)
    shutil.copy(ROOT / "tests/fixtures/damaged/truncated.xlsx", inbox)
    shutil.copy(ROOT / "tests/fixtures/damaged/three-decimals.csv", inbox)
    r.cmd("samples-damaged", "run", inbox, "--out", base / "out", "--history", base / "h.sqlite")
    r.keep("samples-damaged", base)
    base = fresh(w / "samples-void")
    inbox = copy_samples(base)
    r.cmd("samples-void", "run", inbox, "--out", base / "out", "--history", base / "h.sqlite")
    r.cmd("samples-void", "history", "--history", base / "h.sqlite", "void", f"{r.today}-1", "--yes",
          "--note", "essai")
    r.cmd("samples-void", "run", inbox, "--out", base / "out", "--history", base / "h.sqlite",
          "--granularity", "day")
    r.keep("samples-void", base)


def generated_cases(r: Runner):
    w = r.work
    for case, lines, payments, seed, fmt, args in [
        ("month-xlsx", 3000, 1000, 42, "xlsx", []),
        ("csv-document", 8000, 2500, 7, "csv", ["--granularity", "document"]),
        ("csv-day", 5000, 1500, 3, "csv", ["--granularity", "day"]),
        ("csv-period-en", 20000, 6000, 11, "csv", ["--lang", "en"]),
    ]:
        base = fresh(w / case)
        # Generated once and reused: an xlsx's bytes hold the time it was made.
        data = r.data / case
        if not data.exists():
            subprocess.run([str(r.binary), "sample-data", data, "--lines", str(lines), "--payments",
                            str(payments), "--seed", str(seed), "--format", fmt], check=True)
        shutil.copytree(data, base / "inbox")
        run = ["run", base / "inbox", "--out", base / "out", "--history", base / "h.sqlite", *args]
        r.cmd(case, *run)
        r.cmd(case, *run)
        r.keep(case, base)


def sample_data_case(r: Runner):
    base = fresh(r.work / "sample-data")
    r.cmd("sample-data", "sample-data", base / "csv", "--lines", 2000, "--payments", 600, "--seed", 9)
    r.keep("sample-data", base)


def folder_cases(r: Runner):
    w = r.work
    base = fresh(w / "firm")
    client = base / "Client A"
    r.cmd("firm", "init", client, "--from", ROOT / "samples")
    for f in (ROOT / "samples").iterdir():
        if f.suffix in (".csv", ".xlsx"):
            shutil.copy(f, client / "inbox" / f.name)
    r.cmd("firm", "watch", client, "--once", "--quiet", "0")
    r.cmd("firm", "status", base)
    r.cmd("firm", "status", client)
    # A rejected batch: an unknown item.
    shutil.copy(ROOT / "tests/fixtures/damaged/three-decimals.csv", client / "inbox")
    r.cmd("firm", "watch", client, "--once", "--quiet", "0")
    r.cmd("firm", "status", base)
    r.keep("firm", base)
    base = fresh(w / "init-table")
    r.cmd("init-table", "init", base / "B", "--from", ROOT / "samples", "--table")
    r.keep("init-table", base)


def analyst_cases(r: Runner):
    base = fresh(r.work / "analyst")
    inbox = copy_samples(base)
    h = base / "h.sqlite"
    r.cmd("analyst", "tables", inbox, "--history", h)
    r.cmd("analyst", "sql", inbox, "--history", h,
          "SELECT invoice, SUM(amount) AS amount FROM sales GROUP BY invoice ORDER BY invoice")
    r.cmd("analyst", "sql", inbox, "--history", h, "--format", "csv", "SELECT * FROM payments ORDER BY 1, 2")
    r.cmd("analyst", "sql", inbox, "--history", h, "--format", "json", "SELECT * FROM payouts")
    r.cmd("analyst", "sql", inbox, "--history", h, "--format", "xlsx", "--out", base / "q.xlsx",
          "SELECT * FROM sales")
    r.cmd("analyst", "sql", inbox, "--history", h, "SELECT nope FROM sales")
    r.cmd("analyst", "test-queries", "--queries", ROOT / "queries")
    r.cmd("analyst", "run", base / "missing-folder")
    r.keep("analyst", base)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--work", type=Path, default=Path("/tmp/p2s-outputs"))
    parser.add_argument("--data", type=Path, default=Path("/tmp/p2s-outputs-data"),
                        help="generated exports, made on first use and kept")
    args = parser.parse_args()
    runner = Runner(args.binary.resolve(), fresh(args.out), fresh(args.work), args.data)
    for cases in (sample_cases, generated_cases, sample_data_case, folder_cases, analyst_cases):
        cases(runner)
    runner.finish()
    print(f"{sum(1 for _ in args.out.rglob('*') if _.is_file())} files in {args.out}")


if __name__ == "__main__":
    sys.exit(main())
