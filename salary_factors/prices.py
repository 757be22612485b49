"""Local price levels: BEA regional price parities, and an OEWS wage-level proxy for every metro.

BEA publishes regional price parities (RPP, US = 100) for every metro area, but the report has
only 13 metros and the nonmetropolitan US from BEA (``data/published/bea_rpp_metro.csv``). For
other metros the report uses a *wage-level index*: the metro's all-occupations median wage over
the national one, x 100, mapped to a price level by a straight line fitted on the BEA points.
Wages and prices are different things; the fit says how well one stands in for the other.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import datasets
from .lookup import NATIONAL_AREA

RPP_YEAR = 2024
NONMETRO_GEOFIPS = "00999"
BEA_SOURCE = (f"U.S. Bureau of Economic Analysis, Regional Price Parities (all items, US = 100), "
              f"{RPP_YEAR}")


def rpp_metro(year: int = RPP_YEAR) -> pd.DataFrame:
    """BEA all-items RPPs of one year with the matching OEWS area code (None for nonmetro US)."""
    df = datasets.load("bea_rpp_metro")
    df = df[df.year == year].copy()
    if df.empty:
        years = sorted(datasets.load("bea_rpp_metro").year.unique())
        raise ValueError(f"no BEA RPPs for {year}; the table has {years}")
    df["area_code"] = [None if g == NONMETRO_GEOFIPS else str(g).zfill(7) for g in df.geofips]
    return df.rename(columns={"rpp_all_items": "rpp"}).reset_index(drop=True)


def nonmetro_rpp(year: int = RPP_YEAR) -> float:
    df = rpp_metro(year)
    return float(df.loc[df.geofips == NONMETRO_GEOFIPS, "rpp"].iloc[0])


def wage_level_index() -> pd.DataFrame:
    """All-occupations median of every metro / the national median x 100 (OEWS May 2025)."""
    from .wages import ALL_OCCUPATIONS, oews_wages

    df = oews_wages([ALL_OCCUPATIONS], area_types=["national", "metro"])
    national = float(df.loc[df.area_code == NATIONAL_AREA, "annual_median"].iloc[0])
    metros = df[df.area_type == "metro"]
    return pd.DataFrame({
        "area_code": metros.area_code,
        "area_name": metros.area_name,
        "all_occupations_median": metros.annual_median,
        "wage_index": metros.annual_median / national * 100,
    }).reset_index(drop=True)


def fit_price_model(year: int = RPP_YEAR):
    """OLS of BEA RPP on the wage-level index over the metros BEA figures are on hand for.

    Returns (fitted statsmodels results, the frame it was fitted on).
    """
    import statsmodels.formula.api as smf

    points = rpp_metro(year).dropna(subset=["area_code"]).merge(
        wage_level_index()[["area_code", "wage_index"]], on="area_code", how="inner",
        validate="one_to_one")
    model = smf.ols("rpp ~ wage_index", data=points).fit()
    return model, points


def predicted_rpp(model, wage_index: pd.Series, level: float = 0.95) -> pd.DataFrame:
    """Price level predicted from the wage index, with a prediction interval for one metro."""
    pred = model.get_prediction(pd.DataFrame({"wage_index": np.asarray(wage_index, dtype=float)}))
    frame = pred.summary_frame(alpha=1 - level)
    return pd.DataFrame({"rpp_hat": frame["mean"].to_numpy(),
                         "rpp_low": frame["obs_ci_lower"].to_numpy(),
                         "rpp_high": frame["obs_ci_upper"].to_numpy()}, index=wage_index.index)


def price_adjusted(value, rpp):
    """Pay in national-average prices: value / (RPP / 100)."""
    return value / (np.asarray(rpp, dtype=float) / 100)
