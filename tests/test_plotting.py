"""Figures: a required source line, deterministic files, atomic writes."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from salary_factors import plotting  # noqa: E402


def _figure():
    plotting.apply_theme()
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [100_000, 120_000, 110_000])
    plotting.usd_axis(ax, "y")
    ax.set_xlabel("x")
    return fig


def test_saved_files_are_byte_identical_run_to_run(tmp_path, monkeypatch):
    monkeypatch.setenv("SALARY_FACTORS_OUTPUT", str(tmp_path))
    first = plotting.save_figure(_figure(), "test-fig", source="Test source, 2025")
    blobs = [p.read_bytes() for p in first.paths]
    second = plotting.save_figure(_figure(), "test-fig", source="Test source, 2025")
    assert [p.read_bytes() for p in second.paths] == blobs
    svg = blobs[0].decode()
    assert "<!-- Source: Test source, 2025 -->" in svg  # the source line is drawn
    assert "<dc:date>" not in svg
    assert sorted(p.name for p in tmp_path.joinpath("figures").iterdir()) == [
        "test-fig.png", "test-fig.svg"]


def test_saved_figure_shows_as_the_png_and_names_its_files(tmp_path, monkeypatch):
    monkeypatch.setenv("SALARY_FACTORS_OUTPUT", str(tmp_path))
    saved = plotting.save_figure(_figure(), "shown", source="S")
    assert saved._repr_png_().startswith(b"\x89PNG")
    assert repr(saved) == "saved figures/shown.svg, figures/shown.png"


@pytest.mark.parametrize(("name", "source"), [("Bad Name", "S"), ("ok-name", "  ")])
def test_name_and_source_are_checked(tmp_path, monkeypatch, name, source):
    monkeypatch.setenv("SALARY_FACTORS_OUTPUT", str(tmp_path))
    with pytest.raises(ValueError):
        plotting.save_figure(_figure(), name, source=source)
    assert not (tmp_path / "figures").exists() or not any((tmp_path / "figures").iterdir())


def test_usd_tick_labels():
    assert plotting.usd(125_000) == "$125k"
    assert plotting.usd(950) == "$950"
