"""Compares two output folders: Sage files byte for byte, workbooks sheet by
sheet (the XML of every sheet, less the run time, paths and the generation
timestamps that differ between two runs by nature)."""
import re
import sys
import zipfile
from pathlib import Path

linux, windows = Path(sys.argv[1]), Path(sys.argv[2])
sage = sorted(p.name for p in linux.glob("sage50-*.txt"))
assert sage and sage == sorted(p.name for p in windows.glob("sage50-*.txt")), (sage, list(windows.iterdir()))
for name in sage:
    a, b = (linux / name).read_bytes(), (windows / name).read_bytes()
    assert a == b, f"{name} differs"
    print(f"{name}: byte-identical ({len(a)} bytes)")

def normalise(xml: str) -> str:
    # Run time and absolute paths (the config's) differ between the two runs.
    xml = re.sub(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}", "<time>", xml)
    xml = re.sub(r"<t[^>]*>[^<]*plannit2sage\.toml</t>", "<path/>", xml)
    return xml

for path in sorted(linux.glob("reconciliation-*.xlsx")):
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(windows / path.name) as b:
        names = sorted(n for n in a.namelist() if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml")
        assert names == sorted(n for n in b.namelist() if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml")
        for name in names:
            assert normalise(a.read(name).decode()) == normalise(b.read(name).decode()), f"{path.name}: {name} differs"
    print(f"{path.name}: same content ({len(names)} parts)")
