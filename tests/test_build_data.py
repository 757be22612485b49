"""`make data`: content-based staleness, byte-identical rebuilds, validation of published tables."""

import shutil
from pathlib import Path

import pytest

from salary_factors import build_data, datasets
from salary_factors.errors import DataFormatError

REPO = Path(__file__).resolve().parents[1]


def test_committed_data_is_up_to_date_with_its_sources():
    # fails when a pinned package or the builder code changed without `make data`
    assert build_data.status() == []


def test_rebuild_from_the_pinned_packages_is_byte_identical(tmp_path, monkeypatch):
    shutil.copytree(REPO / "data" / "published", tmp_path / "data" / "published")
    monkeypatch.setenv("SALARY_FACTORS_ROOT", str(tmp_path))
    assert build_data.status()  # nothing built yet
    build_data.build()
    assert build_data.status() == []
    for rel in ["SHA256SUMS", "README.md", "SOURCES.json"] + [
            ds.path for ds in datasets.DATASETS.values()]:
        assert (tmp_path / "data" / rel).read_bytes() == (REPO / "data" / rel).read_bytes(), rel


def _published_copy(tmp_path, monkeypatch, name, edit):
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.setenv("SALARY_FACTORS_ROOT", str(tmp_path))
    ds = datasets.get(name)
    text = ds.file.read_text().splitlines()
    ds.file.write_text("\n".join(edit(text)) + "\n")
    return ds


def test_published_row_without_a_source_is_rejected(tmp_path, monkeypatch):
    ds = _published_copy(tmp_path, monkeypatch, "bea_rpp_state",
                         lambda lines: lines[:2] + ["Ohio,2023,all items,91.0,primary-page,"])
    with pytest.raises(DataFormatError, match="every row needs a source"):
        build_data.validate_published(ds)


def test_published_row_with_an_unknown_verification_code_is_rejected(tmp_path, monkeypatch):
    ds = _published_copy(tmp_path, monkeypatch, "bea_rpp_state",
                         lambda lines: lines[:2] + ["Ohio,2023,all items,91.0,blog,https://x.org"])
    with pytest.raises(DataFormatError, match="how_verified"):
        build_data.validate_published(ds)


def test_published_value_that_is_not_a_number_is_rejected(tmp_path, monkeypatch):
    ds = _published_copy(tmp_path, monkeypatch, "bea_rpp_state",
                         lambda lines: lines[:2] + ["Ohio,2023,all items,ninety,primary-page,https://x"])
    with pytest.raises(DataFormatError, match="not a number"):
        build_data.validate_published(ds)


def test_a_failed_build_leaves_data_untouched(tmp_path, monkeypatch):
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.setenv("SALARY_FACTORS_ROOT", str(tmp_path))
    before = {p: p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}

    def broken(ds):
        raise DataFormatError("simulated failure")

    monkeypatch.setitem(build_data.BUILDERS, "oews_wages", broken)
    with pytest.raises(DataFormatError):
        build_data.build()
    after = {p: p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file()}
    assert after == before


def test_check_mode_reports_a_changed_extract(tmp_path, monkeypatch, capsys):
    shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.setenv("SALARY_FACTORS_ROOT", str(tmp_path))
    assert build_data.main(["--check"]) == 0
    (tmp_path / "data" / "ppp" / "ppp_gdp.csv").write_text("Country,Country ID,Year,PPP\n")
    assert build_data.main(["--check"]) == 1
    assert "data/ppp/ppp_gdp.csv does not match" in capsys.readouterr().err
