"""Ingest + profile of a 1,000,000-row x 25-column CSV against DuckDB's own read + SUMMARIZE.

Run: ``python -m tests.benchmarks.bench_ingest_profile [--rows N] [--keep DIR]``

Each step runs as its own child process, so wall time, CPU seconds and peak RSS (``os.wait4``
rusage of that child alone) are measured the same way for hlmap and for the baseline. CPU
seconds are steadier than wall time on a machine other jobs share. Prints figures; asserts
nothing. Targets: (ingest + profile) / baseline <= 2x, peak memory <= 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HEADER = [
    "id", "first_name", "last_name", "email", "phone", "company", "street", "city", "state",
    "postal_code", "country", "created_at", "updated_on", "amount", "quantity", "status", "tags",
    "notes", "is_active", "owner_email", "account_id", "website", "discount", "source", "last_contact",
]  # fmt: skip
FIRST = ["Ana", "Luis", "María", "John", "Emily", "Carlos", "Sofía", "Michael", "Laura", "David"]
LAST = ["García", "Smith", "Muñoz", "Johnson", "López", "Brown", "Martín", "Davis", "Pérez", "Miller"]
CITIES = [
    ("Austin", "TX", "78701"),
    ("Denver", "CO", "80202"),
    ("Miami", "FL", "33101"),
    ("Boise", "ID", "83702"),
]
STATUSES = ["New", "Scheduled", "In Progress", "On Hold", "Completed", "Cancelled"]
TAGS = ["VIP", "vip ", "repeat", "commercial", "residential", "referral"]
SOURCES = ["Google", "Referral", "Yelp", "Facebook", "Walk-in"]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for n in range(1, rows + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            city, state, postal = rng.choice(CITIES)
            writer.writerow(
                [
                    n, first, last, f"{first.lower()}.{last.lower()}{n % 50_000}@example.com",
                    f"({rng.randint(200, 999)}) 555-{rng.randint(0, 9999):04d}", f"{last} & Sons, LLC",
                    f"{rng.randint(1, 9999)} Main St", city, state, postal, "US",
                    f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:{n % 60:02d}:00+0000",
                    f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/2023",
                    f"${rng.randint(0, 99_999):,}.{rng.randint(0, 99):02d}", rng.randint(1, 40),
                    rng.choice(STATUSES), ";".join(rng.sample(TAGS, rng.randint(0, 3))),
                    "" if n % 7 else f'Called "{first}", left a message, will call back',
                    rng.choice(["true", "false"]), f"owner{rng.randint(1, 12)}@example.com",
                    rng.randint(1, 20_000), f"https://{last.lower()}-{n % 997}.example.com",
                    f"{rng.random() * 30:.2f}", rng.choice(SOURCES),
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025",
                ]
            )  # fmt: skip


@dataclass
class Run:
    label: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    ok: bool
    detail: str = ""


def measure(label: str, argv: list[str], cwd: Path) -> Run:
    """Run ``argv`` as a child process; wall time and that child's own peak RSS."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    ok = proc.returncode == 0
    detail = "" if ok else output.decode(errors="replace")[-2000:]
    return Run(label, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, ok, detail)


_BASELINE = """
import sys, duckdb
con = duckdb.connect(sys.argv[2])
con.execute("CREATE TABLE t AS SELECT * FROM read_csv_auto(?)", [sys.argv[1]])
con.execute("SUMMARIZE t").fetchall()
"""


def hlmap_argv(*args: str) -> list[str]:
    exe = Path(sys.executable).with_name("hlmap")
    return (
        [str(exe), *args]
        if exe.exists()
        else [sys.executable, "-c", "from assistant.cli import main; main()", *args]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="Write the CSV and workspaces here and keep them.")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="hlmap-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    try:
        csv_path = root / "contacts.csv"
        if not csv_path.exists():
            t0 = time.perf_counter()
            generate(csv_path, args.rows)
            size_mb = csv_path.stat().st_size / 1e6
            print(f"generated {csv_path} ({size_mb:.0f} MB) in {time.perf_counter() - t0:.1f}s")
        for stale in ("ws", "baseline.duckdb"):
            target = root / stale
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        baseline = measure(
            "duckdb read_csv_auto + SUMMARIZE",
            [sys.executable, "-c", _BASELINE, str(csv_path), str(root / "baseline.duckdb")],
            root,
        )
        ingest = measure(
            "hlmap ingest", hlmap_argv("ingest", str(csv_path), "--workspace", str(root / "ws")), root
        )
        profile = measure("hlmap profile", hlmap_argv("profile", "--workspace", str(root / "ws")), root)
        report(args.rows, baseline, ingest, profile)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


def report(rows: int, baseline: Run, ingest: Run, profile: Run) -> None:
    print(f"\n{rows:,} rows x {len(HEADER)} columns")
    for run in (baseline, ingest, profile):
        state = "ok" if run.ok else "FAILED"
        print(
            f"  {run.label:<34} {run.seconds:8.2f} s   CPU {run.cpu_seconds:7.2f} s   "
            f"peak RSS {run.peak_mb:8.0f} MB   {state}"
        )
        if run.detail:
            print("    " + run.detail.strip().replace("\n", "\n    "))
    ours = ingest.seconds + (profile.seconds if profile.ok else 0.0)
    ours_cpu = ingest.cpu_seconds + (profile.cpu_seconds if profile.ok else 0.0)
    scope = "ingest + profile" if profile.ok else "ingest only (profile did not run)"
    print(f"  ratio {scope} / baseline: {ours / baseline.seconds:.2f}x (target <= 2x)")
    print(f"  same ratio in CPU seconds: {ours_cpu / baseline.cpu_seconds:.2f}x")
    peak = max(ingest.peak_mb, profile.peak_mb if profile.ok else 0.0)
    print(f"  peak memory of hlmap: {peak:.0f} MB (target <= 1024 MB)")


if __name__ == "__main__":
    main()
