import math

import numpy as np
import pytest

from salary_factors import global_market as G
from salary_factors.stats import z_value


def test_us_price_level_is_one_by_construction():
    assert G.lcu_per_usd("USD", 2017) == 1.0
    assert G.price_level_ratio("United States", 2017) == pytest.approx(1.0)
    assert G.to_international_dollars([100.0], "United States", 2017)[0] == pytest.approx(100.0)


def test_usd_per_unit_quotes_are_inverted():
    # the release quotes the euro and the pound in USD per unit; the rupee in units per USD
    eur = G.lcu_per_usd("EUR", 2017)
    assert 0.5 < eur < 1.0
    fx = G.datasets.load("fx_rates")
    raw = float(fx[(fx.currency == "EUR") & (fx.year == 2017)].rate.iloc[0])
    assert eur == pytest.approx(1 / raw)
    assert G.lcu_per_usd("INR", 2017) > 50


def test_price_level_is_ppp_over_exchange_rate():
    t = G.conversion_table(["India", "Germany"], 2017).set_index("country")
    for name in ("India", "Germany"):
        c = G.country(name)
        assert t.loc[name, "price_level"] == pytest.approx(
            G.ppp_factor(c.iso2, 2017) / G.lcu_per_usd(c.currency, 2017))
    usd = 10_000.0
    intl = G.to_international_dollars([usd], "India", 2017)[0]
    # the same amount through local currency: USD -> rupees -> international dollars
    assert intl == pytest.approx(usd * G.lcu_per_usd("INR", 2017) / G.ppp_factor("IN", 2017))


def test_missing_years_and_countries_fail_loudly():
    with pytest.raises(KeyError, match="no INR rate"):
        G.lcu_per_usd("INR", 1999)
    with pytest.raises(KeyError, match="unknown country"):
        G.country("Atlantis")


def test_log_median_spread_matches_the_normal_theory():
    # for a log-normal sample the log median's standard error is sqrt(pi/2) * sigma / sqrt(n)
    rng = np.random.default_rng(3)
    x = np.exp(rng.normal(10, 0.8, 4000))
    c = G.log_median_spread(x, seed=1, n_resamples=1000)
    assert c == pytest.approx(math.sqrt(math.pi / 2) * 0.8, rel=0.12)


def test_annual_growth_and_its_interval():
    est = G.annual_growth(100.0, 400, 121.0, 400, 2, c=1.0)
    assert est.value == pytest.approx(0.10)
    se = math.sqrt(2 / 400) / 2
    assert math.log1p(est.high) - math.log(1.1) == pytest.approx(z_value(0.95) * se)
    assert est.low < est.value < est.high
    with pytest.raises(ValueError):
        G.annual_growth(1, 10, 2, 0, 1, 1.0)


def test_respondents_needed_inverts_the_power_formula():
    n = G.respondents_needed(0.10, 2, c=1.0)
    z = z_value(0.95) + z_value(0.6)
    assert n == math.ceil(2 * z ** 2 / (2 * math.log(1.1)) ** 2)
    # a larger effect needs fewer respondents; a wider spread needs more
    assert G.respondents_needed(0.20, 2, 1.0) < n < G.respondents_needed(0.10, 2, 1.5)


def test_published_cells_flag_role_families_and_missing_counts():
    cells = G.published_cells(["India"])
    assert set(cells.family) == {"ML / data", "yardstick developer"}
    assert cells.loc[cells.survey_year == 2017, "n"].isna().all()
    assert cells.loc[cells.survey_year >= 2022, "n"].notna().all()
    roles_2025 = set(cells.loc[(cells.survey_year == 2025) & (cells.family == "ML / data"), "role"])
    assert roles_2025 == {"AI/ML engineer", "Data scientist"}
