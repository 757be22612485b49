"""The data extracts: checksums, typed loading, and the errors for missing or changed files."""

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest

from salary_factors import datasets
from salary_factors.errors import DataFileChanged, DataFileMissing

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that a test may break; the helper reads it instead of the tree."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.setenv("SALARY_FACTORS_ROOT", str(tmp_path))
    return tmp_path / "data"


def test_every_registered_file_matches_sha256sums():
    sums = {}
    for line in (REPO / "data" / "SHA256SUMS").read_text().splitlines():
        digest, rel = line.split(maxsplit=1)
        sums[rel] = digest
    assert set(sums) == {ds.path for ds in datasets.DATASETS.values()}
    for rel, digest in sums.items():
        assert hashlib.sha256((REPO / "data" / rel).read_bytes()).hexdigest() == digest, rel


def test_every_dataset_loads_with_its_declared_columns():
    for name, ds in datasets.DATASETS.items():
        df = datasets.load(name)
        assert list(df.columns) == [c.name for c in ds.columns], name
        assert len(df) > 0, name
        for col in ds.columns:
            if col.dtype == "float":
                assert pd.api.types.is_float_dtype(df[col.name]), (name, col.name)


def test_every_dataset_is_documented_in_the_data_readme():
    readme = (REPO / "data" / "README.md").read_text()
    for ds in datasets.DATASETS.values():
        assert f"`data/{ds.path}`" in readme
        assert ds.license in readme
        for col in ds.columns:
            assert f"| `{col.name}` |" in readme


def test_published_tables_cite_a_source_on_every_row():
    for ds in datasets.DATASETS.values():
        if ds.kind == "published":
            df = datasets.load(ds.name)
            assert df["source"].str.strip().str.len().gt(10).all(), ds.name
            assert df["source"].str.contains("http").all(), ds.name


def test_unpublished_oews_values_are_empty_with_a_reason():
    w = datasets.load("oews_wages")
    for field in ("annual_median", "annual_mean", "employment"):
        published = w[f"{field}_status"] == "published"
        assert w.loc[published, field].notna().all()
        assert w.loc[~published, field].isna().all()
    assert set(w.annual_median_status.astype(str)) <= set(datasets.oews.STATUS)


def test_top_code_bounds_come_from_the_footnote_file():
    assert datasets.top_code_bounds() == {"hourly": 115.0, "annual": 239200.0}


def test_changed_file_is_refused_with_the_rebuild_command(data_copy):
    target = data_copy / "oews" / "wages.csv"
    target.write_bytes(target.read_bytes().replace(b"120230", b"999999", 1))
    with pytest.raises(DataFileChanged) as err:
        datasets.load("oews_wages")
    assert "data/oews/wages.csv" in str(err.value)
    assert "make data" in str(err.value)


def test_missing_file_is_refused_with_the_rebuild_command(data_copy):
    (data_copy / "stackoverflow" / "stackoverflow.csv").unlink()
    with pytest.raises(DataFileMissing, match=r"data/stackoverflow/stackoverflow.csv is missing.*make data"):
        datasets.load("stackoverflow")


def test_missing_checksum_file_is_refused(data_copy):
    (data_copy / "SHA256SUMS").unlink()
    with pytest.raises(DataFileMissing, match="SHA256SUMS"):
        datasets.load("ppp")


def test_unknown_dataset_name_lists_the_known_ones():
    with pytest.raises(KeyError, match="oews_wages"):
        datasets.load("oews_wagez")


def test_load_returns_an_independent_copy():
    a = datasets.load("bea_rpp_metro")
    a.loc[:, "rpp_all_items"] = 0.0
    assert datasets.load("bea_rpp_metro")["rpp_all_items"].gt(80).all()
