"""Chapter 01 (C1, the pay premium): wage distributions rebuilt from published percentiles.

OEWS publishes five points of each wage distribution (the 10th, 25th, 50th, 75th and 90th
percentiles), not the distribution itself. To say how much two distributions overlap, or to pool
several occupations into one group ("the other computer and mathematical occupations"), we need a
curve through those points:

- ``WageDistribution``: a *piecewise log-normal* curve. Between two published percentiles the
  normal score z rises in a straight line with log pay, so the curve passes exactly through all
  five published points; below P10 and above P90 the first and last slopes continue. The tails
  are therefore an assumption; everything between P10 and P90 is the published data. (Where
  OEWS publishes two equal percentiles, the upper one is moved up by 0.5%: see ``TIE_GAP``.)
- ``WageMixture``: several distributions pooled with employment weights (the wage distribution of
  all workers in a group of occupations). Its percentiles are found by bisection.
- ``overlap`` (overlapping coefficient: the share of two density curves that lies under both),
  ``prob_above`` (the chance that a randomly picked worker of one group out-earns one of the
  other) and ``position`` (a pay level's percentile within a distribution).
- ``pooled_mean``: the employment-weighted mean of several OEWS means with an RSE from theirs.
- ``is_detailed`` / ``detailed``: SOC detailed occupations (the finest level; no double counting).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from statistics import NormalDist

import numpy as np
import pandas as pd

PERCENTILE_COLUMNS = ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90")
PERCENTILE_LEVELS = (0.10, 0.25, 0.50, 0.75, 0.90)
_ND = NormalDist()
_Z = np.array([_ND.inv_cdf(p) for p in PERCENTILE_LEVELS])
#: OEWS sometimes publishes two equal percentiles (many workers at one wage). The curve cannot
#: rise vertically, so a tied point is moved up by 0.5% of pay (a log difference of 0.005).
TIE_GAP = 0.005
#: log-pay grid for integrals: $1,000 to $5 million a year
LOG_GRID = np.linspace(np.log(1_000), np.log(5_000_000), 6001)


def _phi(z):
    return np.exp(-0.5 * np.asarray(z, dtype=float) ** 2) / np.sqrt(2 * np.pi)


def _norm_cdf(z):
    from scipy.special import ndtr

    return ndtr(z)


@dataclass(frozen=True)
class WageDistribution:
    """A wage distribution through five published percentiles (P10, P25, P50, P75, P90, USD)."""

    values: tuple[float, ...]
    label: str = ""

    def __post_init__(self):
        v = np.asarray(self.values, dtype=float)
        if v.shape != (5,) or not np.all(np.isfinite(v)) or np.any(v <= 0):
            raise ValueError(f"{self.label or 'distribution'}: need five positive published "
                             f"percentiles (P10..P90), got {self.values}")
        if np.any(np.diff(v) < 0):
            raise ValueError(f"{self.label or 'distribution'}: percentiles cannot fall, got {self.values}")

    @classmethod
    def from_row(cls, row, label: str = "") -> WageDistribution:
        """From an OEWS wage row; refuses a row whose percentiles are not all published."""
        missing = [c for c in PERCENTILE_COLUMNS if str(row[f"{c}_status"]) != "published"]
        if missing:
            states = ", ".join(f"{c}={row[f'{c}_status']}" for c in missing)
            raise ValueError(f"{label or 'row'}: percentiles not published ({states}); a top-coded "
                             "value is only a lower bound and cannot draw a curve")
        return cls(tuple(float(row[c]) for c in PERCENTILE_COLUMNS), label)

    @property
    def _u(self) -> np.ndarray:
        """Log pay at the five points; tied points are spread TIE_GAP apart (see module)."""
        u = np.log(np.asarray(self.values, dtype=float))
        for k in range(1, 5):
            u[k] = max(u[k], u[k - 1] + TIE_GAP)
        return u

    def _slopes(self) -> np.ndarray:
        """dz/du on each of the six pieces (below P10, four inner, above P90)."""
        inner = np.diff(_Z) / np.diff(self._u)
        return np.concatenate([[inner[0]], inner, [inner[-1]]])

    def z_of_log(self, u) -> np.ndarray:
        u = np.asarray(u, dtype=float)
        knots, slopes = self._u, self._slopes()
        piece = np.searchsorted(knots, u, side="right")  # 0 below P10 ... 5 above P90
        anchor = np.clip(piece - 1, 0, 4)
        return _Z[anchor] + slopes[piece] * (u - knots[anchor])

    def cdf(self, x) -> np.ndarray:
        """Share of workers paid at most ``x`` (USD per year)."""
        return _norm_cdf(self.z_of_log(np.log(np.asarray(x, dtype=float))))

    def pdf_log(self, u) -> np.ndarray:
        """Density with respect to log pay, at log pay ``u``."""
        u = np.asarray(u, dtype=float)
        piece = np.searchsorted(self._u, u, side="right")
        return _phi(self.z_of_log(u)) * self._slopes()[piece]

    def quantile(self, p) -> np.ndarray:
        p = np.asarray(p, dtype=float)
        z = np.array([_ND.inv_cdf(float(q)) for q in np.atleast_1d(p)])
        zs, us, slopes = _Z, self._u, self._slopes()
        piece = np.searchsorted(zs, z, side="right")
        anchor = np.clip(piece - 1, 0, 4)
        out = np.exp(us[anchor] + (z - zs[anchor]) / slopes[piece])
        return out.reshape(p.shape) if p.shape else out[0]


@dataclass(frozen=True)
class WageMixture:
    """Several distributions pooled with weights (employment): one group of workers."""

    parts: tuple[WageDistribution, ...]
    weights: tuple[float, ...]
    label: str = ""

    def __post_init__(self):
        w = np.asarray(self.weights, dtype=float)
        if len(self.parts) == 0 or len(self.parts) != len(w):
            raise ValueError("a mixture needs one weight per part and at least one part")
        if not np.all(np.isfinite(w)) or np.any(w <= 0):
            raise ValueError(f"mixture weights must be positive numbers, got {self.weights}")

    @property
    def _w(self) -> np.ndarray:
        w = np.asarray(self.weights, dtype=float)
        return w / w.sum()

    def cdf(self, x) -> np.ndarray:
        return sum(w * d.cdf(x) for w, d in zip(self._w, self.parts, strict=True))

    def pdf_log(self, u) -> np.ndarray:
        return sum(w * d.pdf_log(u) for w, d in zip(self._w, self.parts, strict=True))

    def quantile(self, p) -> np.ndarray:
        p = np.atleast_1d(np.asarray(p, dtype=float))
        lo = np.full(p.shape, LOG_GRID[0])
        hi = np.full(p.shape, LOG_GRID[-1])
        for _ in range(60):  # bisection on log pay; 60 halvings is far below a dollar
            mid = (lo + hi) / 2
            below = self.cdf(np.exp(mid)) < p
            lo = np.where(below, mid, lo)
            hi = np.where(below, hi, mid)
        out = np.exp((lo + hi) / 2)
        return out if out.size > 1 else out[0]

    @cached_property
    def values(self) -> tuple[float, ...]:
        """The mixture's own P10..P90 (computed once)."""
        return tuple(float(v) for v in self.quantile(PERCENTILE_LEVELS))


def _trapezoid(y, x) -> float:
    return float(np.sum((y[1:] + y[:-1]) * np.diff(x)) / 2)


def overlap(a, b, grid: np.ndarray = LOG_GRID) -> float:
    """Overlapping coefficient: area under both density curves (1 = identical, 0 = disjoint)."""
    return _trapezoid(np.minimum(a.pdf_log(grid), b.pdf_log(grid)), grid)


def prob_above(a, b, grid: np.ndarray = LOG_GRID) -> float:
    """Chance that a random worker of ``a`` is paid more than a random worker of ``b``."""
    return _trapezoid(a.pdf_log(grid) * b.cdf(np.exp(grid)), grid)


def position(x: float, dist) -> float:
    """Share of ``dist``'s workers paid at most ``x`` (the percentile of ``x``, as a fraction)."""
    return float(dist.cdf(x))


def pooled_mean(employment: Sequence[float], mean: Sequence[float], rse_pct: Sequence[float]
                ) -> tuple[float, float]:
    """Employment-weighted mean of OEWS means and its RSE (percent).

    The RSE treats the means' errors as independent and the employment weights as known, so it
    understates the uncertainty a little (employment is estimated too).
    """
    e, m, r = (np.asarray(x, dtype=float) for x in (employment, mean, rse_pct))
    if not (e.shape == m.shape == r.shape) or e.size == 0:
        raise ValueError("employment, mean and rse_pct need the same, non-zero length")
    if np.any(~np.isfinite(e) | ~np.isfinite(m) | ~np.isfinite(r)) or np.any(e <= 0):
        raise ValueError("pooled_mean needs published employment, means and RSEs (no NaN)")
    w = e / e.sum()
    value = float(np.sum(w * m))
    se = float(np.sqrt(np.sum((w * m * r / 100) ** 2)))
    return value, 100 * se / value


def is_detailed(code: str) -> bool:
    """SOC 2018 detailed occupation: the last digit is not 0 (broad and larger groups end in 0)."""
    return len(code) == 7 and code[2] == "-" and code[-1] != "0"


def detailed(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows.occupation_code.map(is_detailed)]


def _usable(rows: pd.DataFrame) -> pd.Series:
    ok = rows.employment_status.astype(str) == "published"
    for c in PERCENTILE_COLUMNS:
        ok &= rows[f"{c}_status"].astype(str) == "published"
    return ok


@dataclass(frozen=True)
class Group:
    """A pooled group of occupations in one area: its distribution, mean and coverage."""

    dist: WageMixture
    mean: float
    mean_rse_pct: float
    employment: float
    occupations: tuple[str, ...]
    coverage: float  # share of the group's published employment that has usable wages
    left_out: tuple[str, ...]


def pool(rows: pd.DataFrame, label: str = "") -> Group:
    """Pool the detailed occupations in ``rows`` (one area) into one group of workers.

    Occupations whose employment or percentiles were not published cannot enter the curve; they
    are listed in ``left_out`` and ``coverage`` says what share of the known employment is in.
    """
    if rows.area_code.nunique() != 1:
        raise ValueError("pool() takes the rows of one area")
    rows = detailed(rows).sort_values("occupation_code")
    ok = _usable(rows) & (rows.mean_wage_rse_pct_status.astype(str) == "published")
    use, rest = rows[ok], rows[~ok]
    if use.empty:
        raise ValueError(f"{label or 'group'}: no occupation with published wages to pool")
    dist = WageMixture(tuple(WageDistribution.from_row(r, r.occupation_code) for _, r in use.iterrows()),
                       tuple(use.employment.astype(float)), label)
    mean, rse = pooled_mean(use.employment, use.annual_mean, use.mean_wage_rse_pct)
    known = rows.employment.sum(skipna=True)
    return Group(dist, mean, rse, float(use.employment.sum()), tuple(use.occupation_code),
                 float(use.employment.sum() / known), tuple(rest.occupation_code))


def size_rank(rows: pd.DataFrame, code: str) -> tuple[int, int]:
    """(rank by employment, of how many) among the detailed occupations of ``rows`` (1 = largest)."""
    d = detailed(rows).dropna(subset=["employment"])
    if code not in set(d.occupation_code):
        raise KeyError(f"{code} has no published employment among these detailed occupations")
    emp = float(d.loc[d.occupation_code == code, "employment"].iloc[0])
    return int((d.employment > emp).sum() + 1), len(d)


def ladder(dists: Iterable[tuple[str, object]]) -> pd.DataFrame:
    """P10..P90 of several distributions as a frame (one row per label)."""
    rows = []
    for label, d in dists:
        rows.append(dict(zip(("group",) + PERCENTILE_COLUMNS, (label, *d.values), strict=True)))
    return pd.DataFrame(rows)
