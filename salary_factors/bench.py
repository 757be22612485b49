"""``make bench``: time ``make report`` and ``make test`` over several runs and print medians.

    python -m salary_factors.bench [--runs 3] [--only report|test]

Run it after install (``.venv`` exists), on a machine doing nothing else: the figures go into
the README's development section. The report's per-notebook times (from its progress lines) are
summarised too. Budgets on the reference 2-core machine: report <= 60 s, test <= 120 s, no notebook
over 10 s.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict

from .paths import repo_root

BUDGET = {"report": 60.0, "test": 120.0}
NOTEBOOK_BUDGET = 10.0
_LINE = re.compile(r"^\[\d+/\d+\] ok +(\S+\.ipynb) +([\d.]+) s")


def run(target: str) -> tuple[float, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    start = time.perf_counter()
    proc = subprocess.run(["make", "--no-print-directory", target], cwd=repo_root(), env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
        raise SystemExit(f"error: `make {target}` failed (exit {proc.returncode}); not timing it")
    return seconds, proc.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m salary_factors.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=sorted(BUDGET), action="append")
    args = parser.parse_args(argv)
    targets = args.only or ["report", "test"]
    times: dict[str, list[float]] = defaultdict(list)
    notebooks: dict[str, list[float]] = defaultdict(list)
    for i in range(args.runs):
        for target in targets:
            seconds, out = run(target)
            times[target].append(seconds)
            if target == "report":
                for line in out.splitlines():
                    m = _LINE.match(line)
                    if m:
                        notebooks[m.group(1)].append(float(m.group(2)))
            print(f"run {i + 1}/{args.runs}: make {target:<6} {seconds:6.1f} s", flush=True)
    print(f"\nmedians of {args.runs} runs on {os.cpu_count()} cores:")
    print("| command | median | runs | budget |\n|---|---|---|---|")
    over = False
    for target in targets:
        med = statistics.median(times[target])
        over |= med > BUDGET[target]
        runs = ", ".join(f"{t:.1f}" for t in times[target])
        print(f"| `make {target}` | {med:.1f} s | {runs} | {BUDGET[target]:.0f} s |")
    if notebooks:
        print("\n| notebook (in `make report`, run in parallel) | median |\n|---|---|")
        for name in sorted(notebooks):
            med = statistics.median(notebooks[name])
            over |= med > NOTEBOOK_BUDGET
            print(f"| {name} | {med:.1f} s |")
    if over:
        print("\nover budget", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
