"""OEWS tables for the notebooks, read from the checksummed extract in ``data/oews/``.

- ``PROXIES``: the three occupations that stand in for "machine learning engineer" (no SOC code
  exists for it), and ``ALL_OCCUPATIONS`` to compare against.
- ``HUBS``: the tech hubs the location chapter looks at (the article names three of them).
- ``oews_wages(...)``: wage rows with area, occupation and industry names joined on.
- ``find_occupation / find_area / find_industry``: the same name rules as the command line.
- ``with_mean_interval(df)``: 95% intervals of the mean wage from the published RSE.
- ``lower_bound(df, column)``: a value, or the publication cap where it is top-coded.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import datasets
from .errors import NotInExtract
from .lookup import CROSS_INDUSTRY, NATIONAL_AREA, Entry, resolve
from .stats import Z95, z_value

ALL_OCCUPATIONS = "00-0000"
PROXIES: dict[str, str] = {
    "15-2051": "Data Scientists",
    "15-1221": "Computer and Information Research Scientists",
    "15-1252": "Software Developers",
}
#: short labels for tables and legends
SHORT_NAMES: dict[str, str] = {
    "15-2051": "Data scientists",
    "15-1221": "Research scientists (CIRS)",
    "15-1252": "Software developers",
    "00-0000": "All occupations",
}
HUBS: dict[str, str] = {
    "0041860": "San Francisco",
    "0041940": "San Jose",
    "0035620": "New York",
    "0042660": "Seattle",
}
#: the hubs the article itself names (San Jose is added because Silicon Valley sits in it)
ARTICLE_HUBS = ("0041860", "0035620", "0042660")

#: (column, label) of the annual wage percentiles OEWS publishes, low to high
PERCENTILES: tuple[tuple[str, str], ...] = (
    ("annual_p10", "P10"),
    ("annual_p25", "P25"),
    ("annual_median", "Median"),
    ("annual_p75", "P75"),
    ("annual_p90", "P90"),
)

OEWS_SOURCE = "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"


def areas() -> pd.DataFrame:
    return datasets.load("oews_areas")


def occupations() -> pd.DataFrame:
    return datasets.load("oews_occupations")


def industries() -> pd.DataFrame:
    return datasets.load("oews_industries")


def _entries(df: pd.DataFrame, code: str, name: str, extra: str | None = None) -> list[Entry]:
    out = []
    for row in df.itertuples(index=False):
        c, n = getattr(row, code), getattr(row, name)
        label = f"{c} {n}" + (f" ({getattr(row, extra)})" if extra else "")
        out.append(Entry(c, n, label))
    return out


def find_occupation(query: str) -> Entry:
    return resolve("occupation", query, _entries(occupations(), "occupation_code", "occupation_name"))


def find_area(query: str) -> Entry:
    return resolve("area", query, _entries(areas(), "area_code", "area_name", "area_type"))


def find_industry(query: str) -> Entry:
    return resolve("industry", query, _entries(industries(), "industry_code", "industry_name"))


def oews_wages(occupations_: list[str] | None = None, *, area_types: list[str] | None = None,
               area_codes: list[str] | None = None, industry: str | None = CROSS_INDUSTRY
               ) -> pd.DataFrame:
    """Wage rows of the extract with names joined on.

    ``occupations_``: SOC codes (all when None). ``area_types``: any of national, state, metro,
    nonmetro. ``industry``: an OEWS industry code, or None for every industry (national only).
    """
    df = datasets.load("oews_wages")
    if occupations_ is not None:
        df = df[df.occupation_code.isin(occupations_)]
    if industry is not None:
        df = df[df.industry_code == industry]
    a = areas()
    df = df.merge(a, on="area_code", how="left", validate="many_to_one")
    if area_types is not None:
        df = df[df.area_type.isin(area_types)]
    if area_codes is not None:
        df = df[df.area_code.isin(area_codes)]
    df = df.merge(occupations()[["occupation_code", "occupation_name"]], on="occupation_code",
                  how="left", validate="many_to_one")
    df = df.merge(industries()[["industry_code", "industry_name"]], on="industry_code", how="left",
                  validate="many_to_one")
    front = ["area_code", "area_name", "area_type", "state_code", "industry_code", "industry_name",
             "occupation_code", "occupation_name"]
    rest = [c for c in df.columns if c not in front]
    return df[front + rest].reset_index(drop=True)


def profile(occupation: str, area: str | None = None) -> pd.Series:
    """One occupation in one area (national when None), cross-industry, from the extract."""
    occ = find_occupation(occupation)
    where = find_area(area) if area else Entry(NATIONAL_AREA, "National", "national")
    rows = oews_wages([occ.code], area_codes=[where.code])
    if rows.empty:
        in_scope = occ.code.startswith(datasets.EXTRACT_OCCUPATION_PREFIXES) or (
            occ.code in datasets.EXTRACT_OCCUPATIONS_EXTRA)
        if where.code != NATIONAL_AREA and not in_scope:
            raise NotInExtract(
                f"{occ.label} in {where.label}: the extract holds {datasets.EXTRACT_SCOPE}. "
                f"{datasets.SOC_PREFIX_HINT} The command line (`python -m salary_factors lookup`) "
                f"reads the whole release."
            )
        raise NotInExtract(f"BLS published no May 2025 estimate for {occ.label} in {where.label}.")
    return rows.iloc[0]


def with_mean_interval(df: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Add annual_mean_low / annual_mean_high from the published mean-wage RSE."""
    z = Z95 if level == 0.95 else z_value(level)
    half = z * df["annual_mean"] * df["mean_wage_rse_pct"] / 100
    return df.assign(annual_mean_low=df["annual_mean"] - half, annual_mean_high=df["annual_mean"] + half)


def lower_bound(df: pd.DataFrame, column: str) -> pd.DataFrame:
    """``column`` where published, the publication cap where top-coded (a lower bound).

    Returns a frame with ``value`` and ``is_lower_bound``; values neither published nor top-coded
    stay NaN.
    """
    status = df[f"{column}_status"].astype(str)
    cap = datasets.top_code_bounds()["hourly" if column.startswith("hourly") else "annual"]
    value = df[column].where(status == "published", np.where(status == "top_coded", cap, np.nan))
    return pd.DataFrame({"value": value.astype(float), "is_lower_bound": status == "top_coded"},
                        index=df.index)


def wage_ladder(occupations: list[str], area_codes: list[str],
                labels: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per occupation x area x percentile: ``value`` (published, or the cap when
    top-coded), ``is_lower_bound`` and ``status``. Cross-industry figures.

    ``labels`` renames the percentiles (column -> label); the default is P10 ... P90.
    """
    return ladder_from_rows(oews_wages(occupations, area_codes=area_codes), labels)


def ladder_from_rows(rows: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """``wage_ladder`` of rows already loaded (``oews_wages`` rows, possibly filtered)."""
    names = dict(PERCENTILES) if labels is None else labels
    out = []
    for col, _ in PERCENTILES:
        bound = lower_bound(rows, col)
        out.append(pd.DataFrame({
            "area_code": rows.area_code,
            "area_name": rows.area_name,
            "occupation_code": rows.occupation_code,
            "percentile": names[col],
            "value": bound.value,
            "is_lower_bound": bound.is_lower_bound,
            "status": rows[f"{col}_status"].astype(str),
        }))
    df = pd.concat(out, ignore_index=True)
    df["percentile"] = pd.Categorical(df.percentile, categories=[names[c] for c, _ in PERCENTILES],
                                      ordered=True)
    return df.sort_values(["occupation_code", "area_code", "percentile"]).reset_index(drop=True)


def short_name(code: str) -> str:
    return SHORT_NAMES.get(code, code)


def short_area(name: str) -> str:
    """'San Jose-Sunnyvale-Santa Clara, CA' -> 'San Jose, CA' (first city and the state part)."""
    city, _, state = name.partition(",")
    return f"{city.split('-')[0].strip()}, {state.strip()}" if state else city.split("-")[0].strip()


def premium_vs_national(rows: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Each row's pay against the national figure of the same occupation and industry.

    Adds ``national_mean``, ``mean_ratio`` with ``mean_ratio_low/high`` (delta-method interval
    from both published RSEs; conservative, see ``stats``) and ``median_ratio`` (no interval: BLS
    publishes no RSE for medians).
    """
    from .stats import ratio_interval

    keys = ["occupation_code", "industry_code"]
    nat = oews_wages(sorted(rows.occupation_code.unique()), area_codes=[NATIONAL_AREA],
                     industry=None)
    nat = nat[keys + ["annual_mean", "mean_wage_rse_pct", "annual_median"]].rename(columns={
        "annual_mean": "national_mean", "mean_wage_rse_pct": "national_mean_rse_pct",
        "annual_median": "national_median"})
    out = rows.merge(nat, on=keys, how="left", validate="many_to_one")
    ests = [
        ratio_interval(a, ra, b, rb, level)
        for a, ra, b, rb in zip(out.annual_mean, out.mean_wage_rse_pct, out.national_mean,
                                out.national_mean_rse_pct, strict=True)
    ]
    return out.assign(
        mean_ratio=[e.value for e in ests],
        mean_ratio_low=[e.low for e in ests],
        mean_ratio_high=[e.high for e in ests],
        median_ratio=out.annual_median / out.national_median,
    )


def rank_metros(occupation: str, column: str = "annual_median") -> pd.DataFrame:
    """Every metro's ``column`` for one occupation, ranked from the top (1 = highest).

    Top-coded values rank at the cap (tied, marked ``is_lower_bound``); metros where the value
    was not released are listed last without a rank.
    """
    df = oews_wages([occupation], area_types=["metro"])
    bound = lower_bound(df, column)
    df = df.assign(value=bound.value, is_lower_bound=bound.is_lower_bound)
    df = df.sort_values(["value", "area_name"], ascending=[False, True], na_position="last")
    df["rank"] = df["value"].rank(ascending=False, method="min").astype("Int64")
    df["of"] = int(df["value"].notna().sum())
    return df.reset_index(drop=True)
