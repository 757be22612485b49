"""Your market: name resolution, the tables behind 09_your_market, and ``make market``."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import nbformat
import pytest

from salary_factors import __main__ as cli
from salary_factors import market as M
from salary_factors import prices
from salary_factors.errors import AmbiguousName, NotInExtract, UnknownName

REPO = Path(__file__).resolve().parent.parent
SEATTLE, AUSTIN, SAN_JOSE = "0042660", "0012420", "0041940"


# --- resolving names ----------------------------------------------------------------------------

def test_default_comparisons_are_the_article_hubs_other_than_the_area():
    m = M.resolve_market("data scientists", "Seattle")
    assert m.occupation.code == "15-2051" and m.area.code == SEATTLE and m.area.type == "metro"
    assert [p.code for p in m.comparisons] == ["0041860", "0035620"]  # San Francisco, New York
    assert [p.code for p in m.places] == [SEATTLE, "0041860", "0035620", "0000000"]


def test_comparisons_given_as_a_list_or_a_string():
    a = M.resolve_market("15-1252", "Austin", ["San Jose", "Austin", "US"])
    b = M.resolve_market("15-1252", "Austin", "San Jose; ")
    assert [p.code for p in a.comparisons] == [p.code for p in b.comparisons] == [SAN_JOSE]
    assert M.resolve_market("15-1252", "Austin", []).comparisons == ()


def test_the_nation_as_the_area_appears_once():
    m = M.resolve_market("15-2051", "US", [])
    assert [p.code for p in m.places] == ["0000000"]
    assert M.rank(m) is None


@pytest.mark.parametrize(("occupation", "area", "error", "words"), [
    ("data scientistz", "Seattle", UnknownName, "Closest matches: 15-2051 Data Scientists"),
    ("software", "Seattle", AmbiguousName, "15-1252 Software Developers"),
    ("data scientists", "Portland", AmbiguousName, "Portland-Vancouver-Hillsboro"),
    ("data scientists", "Atlantis", UnknownName, "No area matches 'Atlantis'"),
    ("registered nurses", "Austin", NotInExtract, "run `make data`"),
])
def test_bad_names_stop_with_the_closest_matches(occupation, area, error, words):
    with pytest.raises(error) as exc:
        M.resolve_market(occupation, area)
    assert words in str(exc.value)


def test_slug_names_occupation_and_area():
    assert M.slug(M.resolve_market("data scientists", "Austin")) == \
        "15-2051-data-scientists_austin-tx"


# --- the tables ---------------------------------------------------------------------------------

def test_ladder_rises_and_the_mean_interval_comes_from_the_rse():
    m = M.resolve_market("data scientists", "Seattle", [])
    lad = M.ladder(m)
    here = lad[lad.area_code == SEATTLE].set_index("step")
    rungs = here.loc[[label for _, label in M.LADDER], "value"]
    assert rungs.is_monotonic_increasing
    mean = here.loc["mean"]
    row = M.rows(m).set_index("area_code").loc[SEATTLE]
    half = 1.959964 * row.annual_mean * row.mean_wage_rse_pct / 100
    assert mean.low == pytest.approx(row.annual_mean - half, rel=1e-6)
    assert mean.high == pytest.approx(row.annual_mean + half, rel=1e-6)
    table = M.ladder_table(m)
    assert list(table.step) == ["10th percentile", "25th percentile", "median",
                                "75th percentile", "90th percentile", "mean"]


def test_top_coded_rungs_are_lower_bounds_never_numbers(monkeypatch):
    # no value of the May 2025 extract is top-coded: make one, as BLS prints it (empty + status)
    m = M.resolve_market("software developers", "San Jose", [])
    real = M.rows

    def rows_with_top_code(market):
        df = real(market).copy()
        here = df.area_code == SAN_JOSE
        df.loc[here, "annual_p90"] = float("nan")
        df["annual_p90_status"] = df.annual_p90_status.astype(str).where(~here, "top_coded")
        return df

    monkeypatch.setattr(M, "rows", rows_with_top_code)
    lad = M.ladder(m).set_index(["area_code", "step"])
    p90 = lad.loc[(SAN_JOSE, "90th percentile")]
    cap = M.datasets.top_code_bounds()["annual"]
    assert p90.is_lower_bound and p90.value == cap
    table = M.ladder_table(m).set_index("step")
    assert table.loc["90th percentile", "San Jose, CA"] == f"at least ${cap:,.0f}"
    assert table.loc["90th percentile", "area vs national"].startswith("at least +")
    assert table.loc["median", "San Jose, CA"].startswith("$")


def test_price_levels_say_which_source_applies():
    bea = M.price_level(M.place("Seattle"))
    assert bea.method.startswith("BEA RPP") and not bea.has_interval
    assert bea.rpp == pytest.approx(prices.rpp_metro().set_index("area_code").loc[SEATTLE, "rpp"])
    est = M.price_level(M.place("Boise"))
    assert est.method.startswith("estimated") and est.low < est.rpp < est.high
    assert M.price_level(M.place("US")).rpp == 100
    assert M.price_level(M.place("Northwest Alabama")).rpp == pytest.approx(prices.nonmetro_rpp())
    assert M.price_level(M.place("California")).method.startswith("BEA state RPP")
    assert M.price_level(M.place("Texas")) is None  # no state parity on hand


def test_price_adjusted_ratio_divides_by_the_price_level():
    m = M.resolve_market("data scientists", "Boise", ["Seattle"])
    vs = M.versus_national(m).set_index("area_code")
    assert "0000000" not in vs.index  # the reference is not compared with itself
    for code in vs.index:
        r = vs.loc[code]
        assert r.real_ratio == pytest.approx(r.mean_ratio / (r.rpp / 100))
        # the estimated price level's range widens the interval: low wage over high prices
        assert r.real_low == pytest.approx(r.mean_low / (r.rpp_high / 100))
        assert r.real_low <= r.real_ratio <= r.real_high
    assert vs.loc[M.place("Boise").code, "rpp_high"] > vs.loc[M.place("Boise").code, "rpp_low"]


def test_rank_and_its_plausible_range():
    m = M.resolve_market("data scientists", "Seattle", [])
    peers = M.peers(m)
    rk = M.rank(m, peers)
    assert rk.peers == "metro areas" and rk.median_of == peers.value.notna().sum()
    me = peers.set_index("area_code").loc[SEATTLE]
    assert rk.median_rank == (peers.value > me.value).sum() + 1
    lo, hi = rk.plausible
    assert lo <= rk.mean_rank <= hi
    assert rk.clearly_higher + rk.clearly_lower <= rk.mean_of - 1
    assert rk.adjusted_rank is not None and 1 <= rk.adjusted_rank <= rk.adjusted_of
    state = M.rank(M.resolve_market("data scientists", "Texas", []))
    assert state.peers == "states" and state.adjusted_rank is None


def test_verdicts_show_pending_claims_and_other_recorded_ones():
    recorded = {"C2": {"verdict": "supported", "summary": "hubs pay more",
                       "notebook": "02_location.ipynb"},
                "C8": {"verdict": "not supported", "summary": "x", "notebook": "05_industry.ipynb"}}
    v = M.verdicts(recorded).set_index("claim")
    assert list(v.index) == ["C2", "C3", "C4", "C1", "C8"]
    assert v.loc["C2", "verdict"] == "supported"
    assert v.loc["C3", "verdict"] == "pending" and v.loc["C3", "summary"] == "chapter not written yet"


def test_each_bearing_claim_gets_this_markets_own_reading(tmp_path):
    m = M.resolve_market("data scientists", "Seattle", [])
    vs = M.versus_national(m).set_index("area_code").loc[SEATTLE]
    c2 = M.in_this_market(m, "C2")
    assert c2.startswith("Mean +27% (+21% to +32%) against the national mean: clearly above it")
    assert "one of the article's hubs" in c2
    share = (vs.rpp / 100 - 1) / (vs.mean_ratio - 1)
    assert f"prices take {share:.0%} of the nominal premium" in M.in_this_market(m, "C3")
    gain = vs.rpp / prices.nonmetro_rpp() - 1
    assert f"buys +{gain:.0%} more" in M.in_this_market(m, "C4")
    assert "times the all-occupations median here" in M.in_this_market(m, "C1")
    assert M.in_this_market(m, "C9") == "A national finding; not specific to this area."
    texas = M.resolve_market("data scientists", "Texas", [])
    assert M.in_this_market(texas, "C3") == "No price level on hand for this area."
    nation = M.resolve_market("data scientists", "US", [])
    assert M.in_this_market(nation, "C2") == "This is the national figure itself."
    # the table links a claim to its chapter only when the chapter exists
    (tmp_path / "02_location.ipynb").write_text("{}")
    recorded = {"C2": {"verdict": "supported", "summary": "a | b", "notebook": "02_location.ipynb"}}
    table = M.verdict_markdown(m, recorded, chapters=tmp_path).splitlines()
    assert table[2].startswith("| [C2](02_location.ipynb) | San Francisco") and "a / b" in table[2]
    assert table[-1].startswith("| C1 | ML engineers") and "| pending |" in table[-1]


def test_relink_points_links_back_at_the_notebooks():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("see [02](02_location.ipynb), [web](https://bls.gov), [top](#a)"),
        nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/markdown": "| [C2](02_location.ipynb) |"})]),
    ])
    M.relink(nb, "../../../notebooks")
    assert nb.cells[0].source == ("see [02](../../../notebooks/02_location.ipynb), "
                                  "[web](https://bls.gov), [top](#a)")
    assert nb.cells[1].outputs[0]["data"]["text/markdown"] == \
        "| [C2](../../../notebooks/02_location.ipynb) |"


# --- the command --------------------------------------------------------------------------------

def test_bad_name_gives_the_lookup_message_and_writes_nothing(repo_copy, capsys):
    root = repo_copy()
    assert M.main(["--occupation", "data scientists", "--area", "Portland"]) == 2
    market_err = capsys.readouterr().err
    assert cli.main(["lookup", "--occupation", "data scientists", "--area", "Portland"]) == 2
    lookup_err = capsys.readouterr().err
    assert market_err == lookup_err
    assert market_err.startswith("error: 'Portland' matches 2 areas: 0038860 Portland-South")
    assert not (root / "output").exists()


def test_out_of_extract_occupation_stops_before_writing(repo_copy, capsys):
    root = repo_copy()
    assert M.main(["--occupation", "registered nurses", "--area", "Austin"]) == 2
    err = capsys.readouterr().err
    assert "29-1141 Registered Nurses in 0012420 Austin" in err and "make data" in err
    assert not (root / "output").exists()


def test_missing_extract_says_to_run_make_data(repo_copy, capsys):
    root = repo_copy(data="copy")
    (root / "data" / "oews" / "areas.csv").unlink()
    assert M.main(["--occupation", "data scientists", "--area", "Austin"]) == 1
    err = capsys.readouterr().err
    assert "data/oews/areas.csv is missing" in err and "Run `make data`" in err
    assert not (root / "output").exists()


def test_render_writes_notebook_html_and_figures(repo_copy, capsys):
    root = repo_copy()
    assert M.main(["--occupation", "15-2051", "--area", "Austin", "--compare", "Seattle"]) == 0
    out = root / "output" / "market" / "15-2051-data-scientists_austin-tx"
    assert f"wrote output/market/{out.name}/09_your_market.ipynb" in capsys.readouterr().out
    assert sorted(p.name for p in out.iterdir()) == ["09_your_market.html",
                                                      "09_your_market.ipynb", "figures"]
    assert sorted(p.name for p in (out / "figures").iterdir()) == [
        "market-peer-ranking.png", "market-peer-ranking.svg", "market-wage-ladder.png",
        "market-wage-ladder.svg"]
    nb = nbformat.read(out / "09_your_market.ipynb", as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert "area = \"0012420\"" in injected.source and "0042660" in injected.source
    assert "papermill" not in nb.metadata and not any("papermill" in c.metadata for c in nb.cells)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code"
                   for o in c.outputs if o.output_type == "stream")
    assert "Area: 0012420 Austin-Round Rock-San Marcos, TX (metro)" in text
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
                if o.output_type == "error" or o.get("name") == "stderr"]
    html = (out / "09_your_market.html").read_text()
    assert "cdnjs" not in html and "<script src=" not in html  # opens offline
    assert "../../../notebooks/02_location.ipynb" in html
    assert not list((root / "output" / "market").glob(".*"))  # no staging folder left
    # the committed notebook and figures were not touched
    assert (root / "figures" / "market-wage-ladder.png").read_bytes() == \
        (REPO / "figures" / "market-wage-ladder.png").read_bytes()


def run_make(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    return subprocess.run(["make", "--no-print-directory", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_make_market_refuses_unknown_parameters():
    proc = run_make("market", "OCCUPATION=data scientists", "AREA=Austin")
    assert proc.returncode == 2
    assert "make market does not take OCCUPATION; it takes OCC, AREA and COMPARE" in proc.stderr


def test_make_market_needs_an_occupation_and_an_area():
    proc = run_make("market", "AREA=Austin")
    assert proc.returncode == 2
    assert "error: give an occupation and an area" in proc.stderr
