"""Pay across countries (chapter 07): price-adjusting USD salaries, and what a trend would need.

**From USD to international dollars.** Stack Overflow converts each salary to US dollars at a
market exchange rate. To compare what salaries buy, convert back to local currency (x exchange
rate, currency units per USD) and divide by the World Bank PPP factor (currency units per
international dollar). Both steps together divide the USD salary by the *price level ratio*
PPP / exchange rate, which is 1 for the United States by construction::

    international $ = USD x (exchange rate / PPP) = USD / price_level_ratio

- ``COUNTRIES``: name -> ISO code and currency of the countries the chapter uses.
- ``lcu_per_usd(currency, year)``: Federal Reserve G.5A annual average, in currency units per USD.
- ``ppp_factor(iso2, year)``: World Bank PPP conversion factor (GDP), from ``data/ppp``.
- ``price_level_ratio(country, year)`` and ``to_international_dollars(usd, country, year)``.

**How much data a trend needs.** A median from n respondents has a sampling error on the log
scale of about c / sqrt(n), where c depends on how spread out salaries are (estimated from the
extract by bootstrap: ``log_median_spread``). Two independent cells k years apart then measure an
annual growth rate g with a standard error of sqrt(c^2/n1 + c^2/n2) / k on the log scale:

- ``annual_growth(m1, n1, m2, n2, years, c)``: the growth between two published cells, with that
  interval (normal approximation on the log scale);
- ``respondents_needed(g, years, c)``: respondents per cell for a two-sided test at 5% to detect
  growth g per year with 80% power: n = 2 (z_0.975 + z_0.8)^2 c^2 / (years x ln(1 + g))^2.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import datasets, stats
from .stats import Estimate, z_value


@dataclass(frozen=True)
class Country:
    name: str
    iso2: str
    currency: str


COUNTRIES: dict[str, Country] = {
    "United States": Country("United States", "US", "USD"),
    "Canada": Country("Canada", "CA", "CAD"),
    "United Kingdom": Country("United Kingdom", "GB", "GBP"),
    "Germany": Country("Germany", "DE", "EUR"),
    "France": Country("France", "FR", "EUR"),
    "India": Country("India", "IN", "INR"),
}

FX_SOURCE = "Board of Governors of the Federal Reserve System, G.5A annual average exchange rates"
PPP_SOURCE = "World Bank, PPP conversion factor, GDP (ICP), as shipped by pppfy 2024.5.3"
USD_PER_UNIT = "USD per currency unit"
UNITS_PER_USD = "currency units per USD"


def country(name: str) -> Country:
    try:
        return COUNTRIES[name]
    except KeyError:
        raise KeyError(f"unknown country {name!r}; known: {', '.join(COUNTRIES)}") from None


def lcu_per_usd(currency: str, year: int) -> float:
    """Annual average exchange rate in currency units per US dollar (1 for USD)."""
    if currency == "USD":
        return 1.0
    fx = datasets.load("fx_rates")
    row = fx[(fx.currency == currency) & (fx.year == year)]
    if row.empty:
        have = sorted(fx.loc[fx.currency == currency, "year"].astype(int).unique())
        raise KeyError(f"no {currency} rate for {year} in data/published/fx_rates.csv (years {have})")
    rate, quote = float(row.rate.iloc[0]), str(row.quote.iloc[0])
    if quote == USD_PER_UNIT:
        return 1.0 / rate
    if quote == UNITS_PER_USD:
        return rate
    raise ValueError(f"unknown quote {quote!r} for {currency}")


def ppp_factor(iso2: str, year: int) -> float:
    """World Bank PPP conversion factor (GDP), currency units per international dollar."""
    ppp = datasets.load("ppp")
    row = ppp[(ppp["Country ID"] == iso2) & (ppp.Year == year)]
    if row.empty:
        raise KeyError(f"no PPP factor for {iso2} in {year} in data/ppp/ppp_gdp.csv")
    return float(row.PPP.iloc[0])


def price_level_ratio(name: str, year: int) -> float:
    """PPP factor / market exchange rate: the country's price level, United States = 1."""
    c = country(name)
    return ppp_factor(c.iso2, year) / lcu_per_usd(c.currency, year)


def to_international_dollars(usd, name: str, year: int):
    """USD amounts of one country in international dollars (what they buy at US prices)."""
    return np.asarray(usd, dtype=float) / price_level_ratio(name, year)


def conversion_table(names: list[str], year: int) -> pd.DataFrame:
    """Exchange rate, PPP factor and price level ratio of each country in one year."""
    rows = []
    for name in names:
        c = country(name)
        xr, ppp = lcu_per_usd(c.currency, year), ppp_factor(c.iso2, year)
        rows.append({"country": name, "currency": c.currency, "year": year,
                     "lcu_per_usd": xr, "ppp_lcu_per_intl": ppp, "price_level": ppp / xr})
    return pd.DataFrame(rows)


def log_median_spread(x, *, seed: int = stats.DEFAULT_SEED,
                      n_resamples: int = stats.DEFAULT_RESAMPLES) -> float:
    """c such that the standard error of log(median) of n draws is about c / sqrt(n), estimated
    by a seeded bootstrap of the log median of ``x``."""
    arr = np.log(np.asarray(x, dtype=float))
    arr = arr[np.isfinite(arr)]
    if arr.size < 10:
        raise ValueError(f"need at least 10 positive salaries to estimate the spread, got {arr.size}")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, arr.size, size=(n_resamples, arr.size))
    meds = np.median(arr[idx], axis=1)
    return float(np.std(meds, ddof=1) * math.sqrt(arr.size))


def annual_growth(m1: float, n1: float, m2: float, n2: float, years: float, c: float,
                  level: float = 0.95) -> Estimate:
    """Annual growth rate from median m1 (n1 respondents) to m2 (n2), ``years`` apart, with a
    normal-approximation interval from the sampling error c / sqrt(n) of each log median."""
    if years <= 0:
        raise ValueError("years between the cells must be positive")
    if min(n1, n2) <= 0 or math.isnan(n1) or math.isnan(n2):
        raise ValueError("each cell needs a positive number of respondents")
    b = math.log(m2 / m1) / years
    se = math.sqrt(c ** 2 / n1 + c ** 2 / n2) / years
    z = z_value(level)
    return Estimate(math.expm1(b), math.expm1(b - z * se), math.expm1(b + z * se), level)


def respondents_needed(growth: float, years: float, c: float, *, level: float = 0.95,
                       power: float = 0.8) -> int:
    """Respondents per cell (two equal cells ``years`` apart) to detect annual ``growth``."""
    if growth <= 0 or years <= 0:
        raise ValueError("growth and years must be positive")
    z = z_value(level) + z_value(2 * power - 1)
    effect = years * math.log1p(growth)
    return int(math.ceil(2 * z ** 2 * c ** 2 / effect ** 2))


#: role labels counted as machine-learning / data roles in the published tables, by survey year
ML_ROLES: dict[int, tuple[str, ...]] = {
    2017: ("Machine learning specialist", "Data scientist"),
    2022: ("Data scientist or machine learning specialist",),
    2023: ("Data scientist or machine learning specialist",),
    2024: ("Data scientist or machine learning specialist", "Developer, AI"),
    2025: ("AI/ML engineer", "Data scientist", "Applied scientist", "Developer, AI apps or physical AI"),
}
#: the general developer role used as a yardstick each year
YARDSTICK_ROLES: dict[int, str] = {2017: "Web developer", 2022: "Developer, back-end",
                                   2023: "Developer, back-end", 2024: "Developer, back-end",
                                   2025: "Developer, back-end"}


def published_cells(geographies: list[str] | None = None) -> pd.DataFrame:
    """Stack Overflow's published medians (2017 and 2022-2025) in one table: survey_year,
    geography, role (as published), median_usd, n (NaN for 2017: not published per cell),
    family ('ML / data' or 'yardstick developer') and source."""
    a = datasets.load("so_published_2017").assign(n=np.nan)
    b = datasets.load("so_published")
    cols = ["survey_year", "geography", "role", "median_usd", "n", "how_verified", "source"]
    df = pd.concat([a[cols], b[cols]], ignore_index=True)
    if geographies is not None:
        df = df[df.geography.isin(geographies)]
    year = df.survey_year.astype(int)
    is_ml = [r in ML_ROLES.get(y, ()) for y, r in zip(year, df.role, strict=True)]
    is_yard = [YARDSTICK_ROLES.get(y) == r for y, r in zip(year, df.role, strict=True)]
    df = df.assign(family=np.select([is_ml, is_yard], ["ML / data", "yardstick developer"], ""))
    df = df[df.family != ""]
    return df.sort_values(["geography", "survey_year", "family", "role"]).reset_index(drop=True)
