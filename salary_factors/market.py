"""Your market: one occupation in one area, against the nation, its peers and the verdicts.

The tables behind ``notebooks/09_your_market.ipynb`` (parameterized for papermill) and the
command that renders it for any occupation and area:

    python -m salary_factors.market --occupation "data scientists" --area Austin [--compare Seattle]
    make market OCC="data scientists" AREA="Austin" [COMPARE="Seattle;Denver"]

Names are resolved by the same rules as ``lookup`` (``wages.find_occupation`` / ``find_area``);
an unknown, ambiguous or out-of-extract name stops the command before anything is written. The
rendered notebook and its HTML page go to ``output/market/<slug>/`` (not tracked by git).
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import datasets, fmt, prices, stats
from . import wages as W
from .errors import AmbiguousName, NotInExtract, SalaryFactorsError, UnknownName
from .findings import CLAIMS, PENDING
from .lookup import NATIONAL_AREA, Entry

#: the percentiles OEWS publishes, bottom to top
LADDER = (
    ("annual_p10", "10th percentile"),
    ("annual_p25", "25th percentile"),
    ("annual_median", "median"),
    ("annual_p75", "75th percentile"),
    ("annual_p90", "90th percentile"),
)
#: the claims that bear on one occupation in one place, most direct first
BEARING = ("C2", "C3", "C4", "C1")
NOTEBOOK = "09_your_market.ipynb"
PEERS = {"metro": "metro areas", "state": "states", "nonmetro": "nonmetropolitan areas"}


# --- resolving what the reader asked for ---------------------------------------------------

@dataclass(frozen=True)
class Place:
    code: str
    name: str
    type: str  # national, state, metro or nonmetro

    @property
    def label(self) -> str:
        return f"{self.code} {self.name} ({self.type})"

    @property
    def short(self) -> str:
        return "United States" if self.code == NATIONAL_AREA else W.short_area(self.name)


@dataclass(frozen=True)
class Market:
    occupation: Entry
    area: Place
    comparisons: tuple[Place, ...]

    @property
    def places(self) -> list[Place]:
        """The area, the comparison areas, then the nation (once)."""
        nation = [] if self.area.code == NATIONAL_AREA else [national()]
        return [self.area, *self.comparisons, *nation]

    def describe(self) -> str:
        compared = "; ".join(p.label for p in self.comparisons) or "none"
        return (f"Occupation: {self.occupation.label}\nArea: {self.area.label}\n"
                f"Compared with: {compared}; and the national figure")


def national() -> Place:
    return Place(NATIONAL_AREA, "National", "national")


def place(query: str) -> Place:
    """An area by code or name (``wages.find_area``), with its type."""
    e = W.find_area(query)
    kind = W.areas().set_index("area_code").at[e.code, "area_type"]
    return Place(e.code, e.name, str(kind))


def resolve_market(occupation: str, area: str, comparison_areas=None) -> Market:
    """Check every name and that the extract holds each combination; raise before any work.

    ``comparison_areas``: None for the article's hubs other than ``area``; a list of names (or one
    string, several names separated by ';') otherwise; an empty list for none.
    Raises ``UnknownName``, ``AmbiguousName`` (closest matches, as ``lookup``) or
    ``NotInExtract``.
    """
    occ = W.find_occupation(occupation)
    where = place(area)
    if comparison_areas is None:
        others = [place(code) for code in W.ARTICLE_HUBS if code != where.code]
    else:
        if isinstance(comparison_areas, str):
            comparison_areas = [c for c in comparison_areas.split(";") if c.strip()]
        others = []
        for q in comparison_areas:
            p = place(q)
            if p.code not in {where.code, NATIONAL_AREA} and p not in others:
                others.append(p)
    for p in [where, *others]:
        W.profile(occ.code, p.code)  # NotInExtract when the extract lacks it
    return Market(occ, where, tuple(others))


def slug(m: Market) -> str:
    """A folder name for one rendered market: 15-2051-data-scientists_austin-tx."""
    def s(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f"{m.occupation.code}-{s(m.occupation.name)}_{s(m.area.short)}"


# --- the numbers -----------------------------------------------------------------------------

def rows(m: Market) -> pd.DataFrame:
    """OEWS rows of the occupation in every place of the market, in ``m.places`` order."""
    order = [p.code for p in m.places]
    df = W.oews_wages([m.occupation.code], area_codes=order)
    df = W.with_mean_interval(df)
    return df.set_index("area_code").loc[order].reset_index()


def ladder(m: Market) -> pd.DataFrame:
    """Long table: place, step (percentile or mean), value, is_lower_bound, low, high."""
    df = rows(m)
    rungs = W.ladder_from_rows(df, labels=dict(LADDER))
    out = []
    for r in df.itertuples(index=False):
        for b in rungs[rungs.area_code == r.area_code].itertuples(index=False):
            out.append({"area_code": r.area_code, "step": b.percentile, "value": b.value,
                        "is_lower_bound": bool(b.is_lower_bound), "low": np.nan, "high": np.nan})
        out.append({"area_code": r.area_code, "step": "mean", "value": r.annual_mean,
                    "is_lower_bound": False, "low": r.annual_mean_low, "high": r.annual_mean_high})
    return pd.DataFrame(out)


def ladder_table(m: Market) -> pd.DataFrame:
    """The wage ladder of the area beside the national one, as formatted strings."""
    lad = ladder(m)
    here, nat = (lad[lad.area_code == c].set_index("step") for c in (m.area.code, NATIONAL_AREA))
    steps = [label for _, label in LADDER] + ["mean"]

    def show(r) -> str:
        if pd.isna(r.value):
            return "not published"
        return ("at least " if r.is_lower_bound else "") + fmt.usd(r.value)

    def versus(a, b) -> str:
        if pd.isna(a.value) or pd.isna(b.value):
            return "–"
        if a.is_lower_bound and b.is_lower_bound:
            return "both top-coded"
        if b.is_lower_bound:  # the national value is only a floor: the ratio is a ceiling
            return "at most " + fmt.ratio_as_pct(a.value / b.value)
        return ("at least " if a.is_lower_bound else "") + fmt.ratio_as_pct(a.value / b.value)

    return pd.DataFrame({
        "step": steps,
        m.area.short: [show(here.loc[s]) for s in steps],
        "95% interval (mean only)": [fmt.interval(here.loc[s].low, here.loc[s].high)
                                     if s == "mean" else "" for s in steps],
        "United States": [show(nat.loc[s]) for s in steps],
        "area vs national": [versus(here.loc[s], nat.loc[s]) for s in steps],
    })


@dataclass(frozen=True)
class PriceLevel:
    rpp: float
    low: float
    high: float
    method: str

    @property
    def has_interval(self) -> bool:
        return self.high > self.low


def metro_price_levels() -> pd.DataFrame:
    """The best price level on hand for every metro: BEA's RPP where the report holds it, the
    wage-level estimate (with its 95% prediction interval) elsewhere."""
    from .paths import data_dir

    return _metro_price_levels(str(data_dir())).copy()


@functools.lru_cache(maxsize=2)
def _metro_price_levels(_data: str) -> pd.DataFrame:  # cached per data folder
    model, _ = prices.fit_price_model()
    index = prices.wage_level_index()
    est = prices.predicted_rpp(model, index.wage_index)
    out = pd.concat([index[["area_code"]], est], axis=1).rename(
        columns={"rpp_hat": "rpp", "rpp_low": "low", "rpp_high": "high"})
    out["method"] = "estimated"
    bea = prices.rpp_metro().dropna(subset=["area_code"])[["area_code", "rpp"]]
    out = out.merge(bea, on="area_code", how="left", suffixes=("", "_bea"), validate="one_to_one")
    has = out.rpp_bea.notna()
    out.loc[has, ["rpp", "low", "high"]] = np.repeat(out.loc[has, ["rpp_bea"]].to_numpy(), 3, axis=1)
    out.loc[has, "method"] = "BEA"
    return out.drop(columns="rpp_bea")


def price_level(p: Place) -> PriceLevel | None:
    """The price level of one place (US = 100) and how it was obtained; None when none fits."""
    if p.code == NATIONAL_AREA:
        return PriceLevel(100.0, 100.0, 100.0, "national average (RPP = 100 by definition)")
    if p.type == "metro":
        r = metro_price_levels().set_index("area_code").loc[p.code]
        if r.method == "BEA":
            return PriceLevel(r.rpp, r.rpp, r.rpp, f"BEA RPP {prices.RPP_YEAR} (no published error)")
        return PriceLevel(r.rpp, r.low, r.high,
                          "estimated from the metro's wage level (fitted on the BEA metros; "
                          "95% prediction interval)")
    if p.type == "nonmetro":
        v = prices.nonmetro_rpp()
        return PriceLevel(v, v, v, f"BEA RPP {prices.RPP_YEAR} of the whole nonmetropolitan US "
                                   "(not this area's own)")
    states = datasets.load("bea_rpp_state")
    states = states[(states.item == "all items") & (states.state == p.name)]
    if states.empty:
        return None
    r = states.sort_values("year").iloc[-1]
    return PriceLevel(float(r.rpp), float(r.rpp), float(r.rpp),
                      f"BEA state RPP {int(r.year)} (no published error)")


def versus_national(m: Market) -> pd.DataFrame:
    """Each place (not the nation) against the national figure, nominal and at local prices.

    The price-adjusted interval combines the wage interval with the price level's (lowest wage
    ratio over highest price level, and the reverse): conservative.
    """
    df = W.premium_vs_national(rows(m))
    out = []
    for p, r in zip(m.places, df.itertuples(index=False), strict=True):
        if p.code == NATIONAL_AREA:
            continue  # the reference itself
        pl = price_level(p)
        rec = {"area_code": p.code, "place": p.short, "mean_ratio": r.mean_ratio,
               "mean_low": r.mean_ratio_low, "mean_high": r.mean_ratio_high,
               "median_ratio": r.median_ratio, "rpp": np.nan, "rpp_low": np.nan,
               "rpp_high": np.nan, "price_method": "no price level on hand",
               "real_ratio": np.nan, "real_low": np.nan, "real_high": np.nan,
               "real_median_ratio": np.nan}
        if pl is not None:
            rec.update(rpp=pl.rpp, rpp_low=pl.low, rpp_high=pl.high, price_method=pl.method,
                       real_ratio=r.mean_ratio / (pl.rpp / 100),
                       real_low=r.mean_ratio_low / (pl.high / 100),
                       real_high=r.mean_ratio_high / (pl.low / 100),
                       real_median_ratio=r.median_ratio / (pl.rpp / 100))
        out.append(rec)
    return pd.DataFrame(out, columns=VERSUS_COLUMNS)


VERSUS_COLUMNS = ["area_code", "place", "mean_ratio", "mean_low", "mean_high", "median_ratio", "rpp",
                  "rpp_low", "rpp_high", "price_method", "real_ratio", "real_low", "real_high",
                  "real_median_ratio"]


def versus_table(vs: pd.DataFrame) -> pd.DataFrame:
    def rpp(r) -> str:
        if pd.isna(r.rpp):
            return "–"
        if r.rpp_high > r.rpp_low:
            return f"{r.rpp:.1f} ({r.rpp_low:.1f} to {r.rpp_high:.1f})"
        return f"{r.rpp:.1f}"

    return pd.DataFrame({
        "place": vs.place,
        "mean vs national": vs.mean_ratio.map(fmt.ratio_as_pct),
        "95% interval": [fmt.interval(lo, hi, fmt.ratio_as_pct)
                         for lo, hi in zip(vs.mean_low, vs.mean_high, strict=True)],
        "median vs national": vs.median_ratio.map(fmt.ratio_as_pct),
        "price level (US = 100)": [rpp(r) for r in vs.itertuples()],
        "mean at local prices vs national": vs.real_ratio.map(fmt.ratio_as_pct),
        "95% interval ": [fmt.interval(lo, hi, fmt.ratio_as_pct)
                          for lo, hi in zip(vs.real_low, vs.real_high, strict=True)],
        "median at local prices vs national": vs.real_median_ratio.map(fmt.ratio_as_pct),
    })


def peers(m: Market) -> pd.DataFrame:
    """Every area of the same type as ``m.area`` for the occupation: median (top-coded at the cap),
    mean with its RSE, ranks, and (metros) the price-adjusted median and its rank."""
    df = W.oews_wages([m.occupation.code], area_types=[m.area.type])
    bound = W.lower_bound(df, "annual_median")
    df = df.assign(value=bound.value, is_lower_bound=bound.is_lower_bound)
    df["rank"] = df.value.rank(ascending=False, method="min").astype("Int64")
    df["mean_rank"] = df.annual_mean.rank(ascending=False, method="min").astype("Int64")
    if m.area.type == "metro":
        pl = metro_price_levels()
        df = df.merge(pl[["area_code", "rpp", "method"]], on="area_code", how="left",
                      validate="one_to_one")
        df["adjusted"] = prices.price_adjusted(df.value, df.rpp)
        df["adjusted_rank"] = df.adjusted.rank(ascending=False, method="min").astype("Int64")
    return df.sort_values(["value", "area_name"], ascending=[False, True],
                          na_position="last").reset_index(drop=True)


@dataclass(frozen=True)
class Rank:
    peers: str
    median_rank: int | None
    median_of: int
    mean_rank: int | None
    mean_of: int
    clearly_higher: int  # peers whose mean is above this area's, 95% interval of the ratio > 1
    clearly_lower: int
    adjusted_rank: int | None
    adjusted_of: int

    @property
    def plausible(self) -> tuple[int, int]:
        """Ranks by mean the intervals allow: after the clearly higher, before the clearly lower."""
        return self.clearly_higher + 1, self.mean_of - self.clearly_lower


def rank(m: Market, table: pd.DataFrame | None = None) -> Rank | None:
    """Where the area stands among its peers (None for the nation)."""
    if m.area.type == "national":
        return None
    df = peers(m) if table is None else table
    me = df[df.area_code == m.area.code].iloc[0]
    others = df[(df.area_code != m.area.code) & df.annual_mean.notna() & df.mean_wage_rse_pct.notna()]
    higher = lower = 0
    if pd.notna(me.annual_mean) and pd.notna(me.mean_wage_rse_pct):
        for r in others.itertuples():
            e = stats.ratio_interval(r.annual_mean, r.mean_wage_rse_pct, me.annual_mean,
                                     me.mean_wage_rse_pct)
            higher += e.low > 1
            lower += e.high < 1
    adjusted = "adjusted_rank" in df and pd.notna(me.get("adjusted_rank"))
    return Rank(
        peers=PEERS[m.area.type],
        median_rank=None if pd.isna(me["rank"]) else int(me["rank"]),
        median_of=int(df.value.notna().sum()),
        mean_rank=None if pd.isna(me.mean_rank) else int(me.mean_rank),
        mean_of=int(df.annual_mean.notna().sum()),
        clearly_higher=int(higher),
        clearly_lower=int(lower),
        adjusted_rank=int(me.adjusted_rank) if adjusted else None,
        adjusted_of=int(df.adjusted.notna().sum()) if "adjusted" in df else 0,
    )


def local_premium(m: Market) -> pd.DataFrame:
    """The occupation's median over All Occupations' median, in the area and in the nation."""
    codes = [m.area.code, NATIONAL_AREA]
    df = W.oews_wages([m.occupation.code, W.ALL_OCCUPATIONS], area_codes=codes)
    wide = df.pivot(index="area_code", columns="occupation_code", values="annual_median")
    ratio = wide[m.occupation.code] / wide[W.ALL_OCCUPATIONS]
    return pd.DataFrame({"area_code": codes, "occupation_median": wide.loc[codes, m.occupation.code].values,
                         "all_median": wide.loc[codes, W.ALL_OCCUPATIONS].values,
                         "ratio": ratio.loc[codes].values})


# --- the chapters' verdicts ------------------------------------------------------------------

def verdicts(findings: dict, claims=BEARING, others: bool = True) -> pd.DataFrame:
    """The recorded verdicts of ``claims`` (pending when the chapter has not recorded one), then,
    when ``others``, every other claim with a recorded verdict."""
    ids = list(claims)
    if others:
        ids += [c for c in CLAIMS if c not in ids and c in findings]
    rows_ = []
    for cid in ids:
        rec = findings.get(cid, {})
        rows_.append({"claim": cid, "factor": CLAIMS[cid].factor,
                      "article_says": CLAIMS[cid].asserts,
                      "verdict": rec.get("verdict", PENDING),
                      "summary": rec.get("summary", "chapter not written yet"),
                      "notebook": rec.get("notebook", CLAIMS[cid].notebook)})
    return pd.DataFrame(rows_)


def in_this_market(m: Market, claim: str, vs: pd.DataFrame | None = None) -> str:
    """One computed sentence: what this market's own numbers say about ``claim``."""
    vs = versus_national(m) if vs is None else vs
    rows_ = vs.set_index("area_code")
    here = rows_.loc[m.area.code] if m.area.code in rows_.index else None
    pl = price_level(m.area)
    if claim == "C2":
        if here is None:
            return "This is the national figure itself."
        state = ("clearly above" if here.mean_low > 1 else
                 "clearly below" if here.mean_high < 1 else "not clearly different from")
        hub = "one of the article's hubs" if m.area.code in W.ARTICLE_HUBS else \
            "not one of the article's hubs"
        return (f"Mean {fmt.ratio_as_pct(here.mean_ratio)} "
                f"({fmt.interval(here.mean_low, here.mean_high, fmt.ratio_as_pct)}) against the "
                f"national mean: {state} it ({m.area.short} is {hub}).")
    if claim == "C3":
        if here is None:
            return "This is the national figure: national-average prices by definition."
        if pd.isna(here.real_ratio):
            return "No price level on hand for this area."
        text = (f"At local prices the mean is {fmt.ratio_as_pct(here.real_ratio)} "
                f"({fmt.interval(here.real_low, here.real_high, fmt.ratio_as_pct)}) against the "
                "national mean")
        if here.mean_ratio > 1:
            share = (here.rpp / 100 - 1) / (here.mean_ratio - 1)
            text += f"; prices take {fmt.pct(share, signed=False)} of the nominal premium"
        return text + "."
    if claim == "C4":
        if pl is None or m.area.type == "nonmetro":
            return "No price gap to compute for this area."
        nonmetro = prices.nonmetro_rpp()
        gain = pl.rpp / nonmetro - 1
        return (f"Pay of {m.area.short} spent at nonmetropolitan US prices (RPP {nonmetro:.1f}) "
                f"buys {fmt.pct(gain)} {'more' if gain >= 0 else 'less'}, if an employer kept "
                "paying it to a remote worker (open data cannot show whether they do).")
    if claim == "C1":
        lp = local_premium(m).set_index("area_code")
        a, n = lp.loc[m.area.code, "ratio"], lp.loc[NATIONAL_AREA, "ratio"]
        where = "here" if m.area.code != NATIONAL_AREA else "in the nation"
        return (f"The {m.occupation.name.lower()} median is {a:.2f} times the all-occupations "
                f"median {where}" + (f" ({n:.2f} times nationally)." if where == "here" else "."))
    return "A national finding; not specific to this area."


def verdict_markdown(m: Market, findings: dict, chapters: Path | None = None) -> str:
    """The verdicts that bear on the market, each with this market's own reading, as Markdown.

    A claim links to its chapter when the notebook exists in ``chapters`` (the notebooks folder).
    """
    chapters = Path("notebooks") if chapters is None else chapters
    vs = versus_national(m)
    lines = ["| claim | the article says | verdict | the chapter found | in this market |",
             "|---|---|---|---|---|"]
    for r in verdicts(findings).itertuples(index=False):
        claim = f"[{r.claim}]({r.notebook})" if (chapters / r.notebook).is_file() else r.claim
        verdict = r.verdict if r.verdict == PENDING else f"**{r.verdict}**"
        lines.append(f"| {claim} | {r.article_says} | {verdict} | {r.summary.replace('|', '/')} | "
                     f"{in_this_market(m, r.claim, vs)} |")
    return "\n".join(lines)


# --- the command line --------------------------------------------------------------------------

EXIT_BAD_NAME = 2
EXIT_FAILED = 1


def output_root() -> Path:
    from .paths import repo_root

    return repo_root() / "output" / "market"


_RELATIVE_LINK = re.compile(r"\]\((?![a-zA-Z][a-zA-Z0-9+.\-]*:|#|/)([^)\s]+)\)")


def relink(nb, prefix: str) -> None:
    """Point the relative Markdown links of a notebook moved out of notebooks/ back at their
    targets (``prefix``: the path from the new folder to notebooks/), in cells and outputs."""
    def fix(text: str) -> str:
        return _RELATIVE_LINK.sub(lambda mt: f"]({prefix}/{mt.group(1)})", text)

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = fix(cell.source)
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/markdown" in data:
                data["text/markdown"] = fix(data["text/markdown"])


def render(m: Market, parameters: dict, out_root: Path | None = None) -> Path:
    """Execute the notebook with papermill for ``m`` and write notebook, HTML page and figures
    to ``out_root/<slug>/`` (replaced as a whole, only when everything succeeded)."""
    import nbformat
    import papermill

    from .paths import repo_root
    from .report import normalise
    from .site import export_html

    out_root = out_root or output_root()
    out_root.mkdir(parents=True, exist_ok=True)
    target = out_root / slug(m)
    source = repo_root() / "notebooks" / NOTEBOOK
    stage = Path(tempfile.mkdtemp(dir=out_root, prefix=f".{slug(m)}."))
    try:
        os.environ["SALARY_FACTORS_OUTPUT"] = str(stage)
        os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
        out_nb = stage / NOTEBOOK
        papermill.execute_notebook(str(source), str(out_nb), parameters=parameters,
                                   kernel_name="python3", cwd=str(source.parent),
                                   progress_bar=False, log_output=False,
                                   # the kernel's own log (a TCP notice on every start) is noise
                                   # here; cell errors and warnings still reach the notebook
                                   extra_arguments=["--IPKernelApp.log_level=ERROR"])
        nb = nbformat.read(out_nb, as_version=4)
        normalise(nb)
        for cell in nb.cells:
            if "injected-parameters" in cell.metadata.get("tags", []):
                cell["id"] = "injected-parameters"
        nb.metadata["salary_factors"] = {"parameters": parameters}
        relink(nb, os.path.relpath(source.parent, target))
        nbformat.write(nb, out_nb)
        (stage / NOTEBOOK.replace(".ipynb", ".html")).write_text(
            export_html(nb, title=f"Your market: {m.occupation.name}, {m.area.short}"))
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(dir=out_root, prefix=f".{slug(m)}.old."))
            os.replace(target, old / "previous")
        os.replace(stage, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return target
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m salary_factors.market",
        description="Render notebooks/09_your_market.ipynb for one occupation and area into "
                    "output/market/<slug>/ (notebook and HTML page).")
    parser.add_argument("--occupation", required=True,
                        help="SOC code (15-2051) or part of the title ('data scientists')")
    parser.add_argument("--area", required=True,
                        help="area code or part of its name ('Austin'); 'US' for the nation")
    parser.add_argument("--compare", action="append", default=None, metavar="AREA",
                        help="a comparison area (repeat, or separate names with ';'); default: "
                             "the article's hubs; --compare '' for none")
    args = parser.parse_args(argv)
    compare = None
    if args.compare is not None:
        compare = [c.strip() for arg in args.compare for c in arg.split(";") if c.strip()]
    try:
        m = resolve_market(args.occupation, args.area, compare)
    except (UnknownName, AmbiguousName) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_NAME
    except NotInExtract as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_NAME
    except SalaryFactorsError as exc:  # e.g. a missing data file: the message names `make data`
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(m.describe(), flush=True)
    parameters = {"occupation": m.occupation.code, "area": m.area.code,
                  "comparison_areas": [p.code for p in m.comparisons]}
    try:
        target = render(m, parameters)
    except Exception as exc:  # papermill reports the failing cell and its error
        print(f"error: rendering {NOTEBOOK} failed; nothing was written. {exc}", file=sys.stderr)
        return EXIT_FAILED
    from .paths import shown as _shown

    shown = _shown(target)
    print(f"wrote {shown}/{NOTEBOOK}\n      {shown}/{NOTEBOOK.replace('.ipynb', '.html')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
