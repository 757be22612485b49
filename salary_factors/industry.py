"""Chapter 05 (C8, industry): the article's industries as OEWS industry codes, and comparisons.

OEWS writes its industries in two ways: NAICS sectors as ranges (``52--53`` is sector 52,
``31--34`` manufacturing, sectors 31-33) and everything else as NAICS padded to six characters
(``523000`` = 523, ``336100`` = 3361). It adds ownership variants (``611002``: state-government
owned), aggregates of several industries (``3250A1``) and its own government designations
(``999xxx``). Industry estimates exist for the nation only.

- ``ARTICLE_INDUSTRIES``: each industry the article names, the codes that stand for it, why, and
  what the mapping misses. ``mapping_table()`` shows it.
- ``naics_label(code)`` / ``industry_kind(code, name)``: readable code, and what kind of row it is.
- ``national_industry_rows(occupations)``: national industry rows with labels and mean intervals.
- ``compare(rows)``: every "higher-paying" industry of the article against every "lower-paying"
  one, per occupation, as a ratio of means with an interval from the two published RSEs.
- ``part_verdict(outcomes)``: the verdict of one named industry from its comparisons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from . import wages as W
from .stats import ratio_interval, rse_interval

HIGHER, LOWER = "higher", "lower"
#: outcome of one comparison of means (ratio interval above 1, below 1, or containing 1)
PAYS_MORE, PAYS_LESS, UNCLEAR = "pays more", "pays less", "no clear difference"
#: a pair that cannot be compared: a cell absent or not released, or below the employment floor
NO_ESTIMATE, TOO_FEW = "no estimate", "too few jobs"


@dataclass(frozen=True)
class ArticleIndustry:
    key: str
    label: str
    side: str  # what the article says: HIGHER or LOWER pay
    primary: tuple[str, ...]  # OEWS codes the verdict uses
    also: tuple[str, ...]  # where such work may also sit: shown, not used in the verdict
    reason: str
    misses: str


ARTICLE_INDUSTRIES: tuple[ArticleIndustry, ...] = (
    ArticleIndustry(
        "finance", "Finance", HIGHER, ("52--53",), ("523000",),
        "NAICS sector 52 (finance and insurance) is what 'finance' means in the official "
        "classification; securities and investments (523) holds trading and asset-management firms, "
        "where quantitative ML work is best known.",
        "Fintech firms that classify themselves as software publishers or computer services; "
        "insurance is included although the article may not mean it."),
    ArticleIndustry(
        "autonomous_vehicles", "Autonomous vehicles", HIGHER, ("336100",),
        ("513200", "541700", "485300"),
        "Motor vehicle manufacturing (3361) is where carmakers and their in-house self-driving units "
        "are classified.",
        "There is no NAICS industry for autonomous vehicles. Self-driving start-ups may be coded as "
        "software publishers (5132), scientific R&D services (5417) or, once they carry passengers, "
        "taxi and limousine service (4853); each of those holds far more than AV firms, and 4853 "
        "includes ride-hailing companies."),
    ArticleIndustry(
        "healthcare", "Healthcare AI", HIGHER, ("622000", "621000"), ("325400",),
        "Hospitals (622) and ambulatory care (621: physicians' offices, outpatient centres, "
        "laboratories) are the health-care providers that employ data and software staff directly; "
        "pharmaceutical manufacturing (3254) is where drug-discovery ML sits.",
        "'Healthcare AI' is mostly built by software and R&D firms, not by providers: no industry "
        "code isolates it. Providers' own data staff are a different job from a health-AI "
        "start-up's."),
    ArticleIndustry(
        "education", "Education", LOWER, ("61--62",), ("611300",),
        "NAICS sector 61 (educational services): schools, colleges and training; colleges and "
        "universities (6113) are where research scientists in education work.",
        "University research labs funded by industry, and education-technology firms coded as "
        "software publishers."),
    ArticleIndustry(
        "non_profits", "Non-profits", LOWER, ("813000",), (),
        "NAICS 813 (religious, grantmaking, civic, professional and similar organisations) is the "
        "industry made up mostly of non-profit organisations.",
        "Non-profit status is a legal form, not an industry: non-profit hospitals, universities and "
        "research institutes sit in 622, 611 and 5417, and 813 also holds business and "
        "professional associations and labour unions."),
)


def by_key() -> dict[str, ArticleIndustry]:
    return {a.key: a for a in ARTICLE_INDUSTRIES}


_SECTOR = re.compile(r"^(\d{2})--(\d{2})$")


def naics_label(code: str) -> str:
    """'52--53' -> '52', '31--34' -> '31-33', '523000' -> '523', '336100' -> '3361'.

    Codes that are not plain NAICS (ownership variants like '611002', aggregates like '3250A1')
    and the cross-industry codes are returned unchanged.
    """
    m = _SECTOR.match(code)
    if m:
        first, last = int(m.group(1)), int(m.group(2)) - 1
        return m.group(1) if last == first else f"{first}-{last}"
    if code in ("000000", "000001") or not code.isdigit() or code.startswith("999"):
        return code
    return code.rstrip("0")


def industry_kind(code: str, name: str) -> str:
    """'cross-industry', 'sector', 'ownership', 'aggregate', 'government' or 'naics'."""
    if code in ("000000", "000001"):
        return "cross-industry"
    if _SECTOR.match(code) or code == "99-100":
        return "sector"
    if code.startswith("999"):
        return "government"
    if not code.isdigit():
        return "aggregate"
    if "Owned" in name:
        return "ownership"
    return "naics"


def national_industry_rows(occupations: list[str] | None = None) -> pd.DataFrame:
    """National OEWS rows of every industry for ``occupations`` (default: the proxies).

    Adds ``naics`` (readable code), ``kind``, ``display_level`` and the 95% interval of the mean
    (``annual_mean_low/high``; NaN where the mean or its RSE was not released).
    """
    occupations = occupations or list(W.PROXIES)
    rows = W.oews_wages(occupations, area_types=["national"], industry=None)
    levels = W.industries()[["industry_code", "display_level"]]
    rows = rows.merge(levels, on="industry_code", how="left", validate="many_to_one")
    rows = W.with_mean_interval(rows)
    return rows.assign(
        naics=rows.industry_code.map(naics_label),
        kind=[industry_kind(c, n) for c, n in zip(rows.industry_code, rows.industry_name, strict=True)],
    )


def mapping_table(names: dict[str, str] | None = None) -> pd.DataFrame:
    """The article's industries, the codes that stand for them, why, and what is missed."""
    if names is None:
        ind = W.industries()
        names = dict(zip(ind.industry_code, ind.industry_name, strict=True))

    def show(codes):
        return "; ".join(f"{naics_label(c)} {names.get(c, '(not in OEWS)')}" for c in codes) or "–"

    return pd.DataFrame({
        "article says": [a.label for a in ARTICLE_INDUSTRIES],
        "pays": [a.side for a in ARTICLE_INDUSTRIES],
        "codes in the verdict": [show(a.primary) for a in ARTICLE_INDUSTRIES],
        "also shown": [show(a.also) for a in ARTICLE_INDUSTRIES],
        "why": [a.reason for a in ARTICLE_INDUSTRIES],
        "what it misses": [a.misses for a in ARTICLE_INDUSTRIES],
    })


def _enough(r, min_employment: float) -> bool:
    """Published employment of at least ``min_employment`` jobs (always true for a floor of 0)."""
    if min_employment <= 0:
        return True
    return str(r["employment_status"]) == "published" and r["employment"] >= min_employment


def _mean_published(r) -> bool:
    return (str(r["annual_mean_status"]) == "published"
            and str(r["mean_wage_rse_pct_status"]) == "published")


def compare(rows: pd.DataFrame, groups: tuple[ArticleIndustry, ...] = ARTICLE_INDUSTRIES,
            min_employment: float = 0, level: float = 0.95) -> pd.DataFrame:
    """Every higher-side primary code against every lower-side primary code, per occupation.

    ``rows``: national industry rows (``national_industry_rows``). A pair where either side has
    no published mean and RSE (the cell is absent from the release or not released) gets
    ``outcome = 'no estimate'``; one where either side has fewer than ``min_employment`` jobs (or
    unpublished employment) gets ``'too few jobs'``. Neither gets a ratio.
    """
    higher = [(a, c) for a in groups if a.side == HIGHER for c in a.primary]
    lower = [(a, c) for a in groups if a.side == LOWER for c in a.primary]
    out = []
    for occ in sorted(rows.occupation_code.unique()):
        cells = {r.industry_code: r for _, r in rows[rows.occupation_code == occ].iterrows()}
        for (ha, hc) in higher:
            for (la, lc) in lower:
                rec = {"occupation_code": occ, "higher": ha.key, "higher_code": hc,
                       "lower": la.key, "lower_code": lc, "ratio": float("nan"),
                       "low": float("nan"), "high": float("nan"), "outcome": NO_ESTIMATE}
                h, lo = cells.get(hc), cells.get(lc)
                if h is not None and lo is not None and _mean_published(h) and _mean_published(lo):
                    if _enough(h, min_employment) and _enough(lo, min_employment):
                        est = ratio_interval(h.annual_mean, h.mean_wage_rse_pct, lo.annual_mean,
                                             lo.mean_wage_rse_pct, level)
                        rec.update(ratio=est.value, low=est.low, high=est.high,
                                   outcome=PAYS_MORE if est.low > 1 else PAYS_LESS if est.high < 1
                                   else UNCLEAR)
                    else:
                        rec["outcome"] = TOO_FEW
                out.append(rec)
    return pd.DataFrame(out)


def part_verdict(outcomes) -> str:
    """Verdict of one named industry from the outcomes of its comparisons.

    The outcomes are written from the higher-paying side's view ('pays more' = as the article
    says). supported: every comparison with an estimate goes the article's way; partly
    supported: some do; not supported: none does; not testable with open data: no comparison
    could be made ('no estimate' or 'too few jobs' throughout).
    """
    known = [o for o in outcomes if o not in (NO_ESTIMATE, TOO_FEW)]
    if not known:
        return "not testable with open data"
    hits = sum(o == PAYS_MORE for o in known)
    if hits == len(known):
        return "supported"
    return "partly supported" if hits else "not supported"


def mean_interval(row, level: float = 0.95):
    """The 95% interval of one row's mean wage (an ``Estimate``; NaN when not published)."""
    if not _mean_published(row):
        return rse_interval(float("nan"), float("nan"), level)
    return rse_interval(row["annual_mean"], row["mean_wage_rse_pct"], level)


def article_codes() -> dict[str, tuple[ArticleIndustry, bool]]:
    """Every code of the mapping -> (its article industry, whether the verdict uses it)."""
    out = {}
    for a in ARTICLE_INDUSTRIES:
        out.update({c: (a, True) for c in a.primary})
        out.update({c: (a, False) for c in a.also})
    return out


def ranking_rows(rows: pd.DataFrame, min_employment: float) -> pd.DataFrame:
    """Rows for a ranking of industries: 3-digit NAICS subsectors plus the article's codes.

    Keeps cells with published employment of at least ``min_employment`` and a published mean
    and RSE. Where two kept rows of an occupation are the same estimate (a sector made of one
    subsector, like 61 and 611), only one is kept, the article's code first. Adds ``article``
    (the article industry's key, '' for others), ``side`` and ``in_verdict``.
    """
    codes = article_codes()
    pick = ((rows.kind == "naics") & (rows.display_level == 3)) | rows.industry_code.isin(codes)
    ok = pick & rows.apply(lambda r: _mean_published(r) and _enough(r, max(min_employment, 1e-9)),
                           axis=1)
    out = rows[ok].assign(
        article=[codes[c][0].key if c in codes else "" for c in rows.industry_code[ok]],
        side=[codes[c][0].side if c in codes else "" for c in rows.industry_code[ok]],
        in_verdict=[codes[c][1] if c in codes else False for c in rows.industry_code[ok]],
    )
    out = out.sort_values(["occupation_code", "in_verdict", "article", "industry_code"],
                          ascending=[True, False, False, True])
    out = out.drop_duplicates(["occupation_code", "employment", "annual_mean", "annual_median"])
    return out.sort_values(["occupation_code", "annual_mean", "industry_code"],
                           ascending=[True, False, True]).reset_index(drop=True)
