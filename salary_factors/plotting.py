"""One look for every figure, and figure files that are byte-identical run to run.

- ``apply_theme()``: colour-blind-safe palette (Okabe & Ito), sizes readable on a laptop, fixed
  SVG hash salt. Called by ``setup()`` at the top of each notebook.
- ``usd_axis(ax)``: format an axis as US dollars.
- ``save_figure(fig, name, source=...)``: add the source line under the figure and write
  ``figures/<name>.svg`` and ``.png`` atomically (temporary file, then rename), with no date.
"""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from .files import atomic_path
from .paths import figures_dir

#: Okabe & Ito (2008) colour-blind-safe palette, black last.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
GREY = "#8C8C8C"
#: Colours fixed per proxy occupation so every chapter draws them alike.
OCCUPATION_COLORS = {
    "15-2051": PALETTE["blue"],
    "15-1221": PALETTE["vermillion"],
    "15-1252": PALETTE["green"],
    "00-0000": GREY,
}
SVG_HASH_SALT = "ml-salary-factors"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def apply_theme() -> None:
    """Set the shared matplotlib style (idempotent).

    A white background with a light grid, like seaborn's "whitegrid", set directly on matplotlib
    so that a notebook need not import seaborn (and scipy) just for the look.
    """
    from cycler import cycler

    ink = "#262626"
    mpl.rcParams.update({
        "figure.figsize": (8.0, 4.8),
        "figure.dpi": 100,
        "figure.facecolor": "white",
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "savefig.facecolor": "white",
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": 11,
        "text.color": ink,
        "axes.prop_cycle": cycler(color=list(PALETTE.values())),
        "axes.facecolor": "white",
        "axes.edgecolor": "#CCCCCC",
        "axes.labelcolor": ink,
        "axes.grid": True,
        "axes.axisbelow": True,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.8,
        "xtick.color": ink,
        "ytick.color": ink,
        "xtick.labelsize": 10,
        "ytick.labelsize": 10,
        "xtick.major.size": 0,
        "ytick.major.size": 0,
        "legend.fontsize": 10,
        "legend.frameon": False,
        "lines.linewidth": 1.75,
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "path",
        "path.simplify": True,
    })


def usd(x: float, _pos=None) -> str:
    """$123k style label for an axis tick."""
    if abs(x) >= 1000:
        return f"${x / 1000:,.0f}k"
    return f"${x:,.0f}"


def usd_axis(ax, axis: str = "x") -> None:
    fmt = FuncFormatter(usd)
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(fmt)


def add_source(fig, source: str) -> None:
    """Write the source line at the bottom left of the figure."""
    fig.text(0.0, -0.02, f"Source: {source}", ha="left", va="top", fontsize=8.5, color="#444444",
             wrap=True, transform=fig.transFigure)


def _atomic_savefig(fig, path: Path, **kwargs) -> None:
    with atomic_path(path) as tmp:
        fig.savefig(tmp, **kwargs)


class SavedFigure:
    """What ``save_figure`` returns: shows the saved PNG in a notebook, the paths as text."""

    def __init__(self, paths: list[Path]):
        self.paths = paths

    def _repr_png_(self) -> bytes:
        return next(p for p in self.paths if p.suffix == ".png").read_bytes()

    def __repr__(self) -> str:
        return "saved " + ", ".join(f"figures/{p.name}" for p in self.paths)


def save_figure(fig, name: str, *, source: str) -> SavedFigure:
    """Add the source line, write figures/<name>.svg and .png (deterministic, atomic), close it.

    ``source`` is required: every saved figure names its data source and release. In a notebook,
    end the cell with this call: the saved PNG is what the reader sees, so the inline image and the
    file are the same bytes (and the figure is drawn once less).
    """
    if not _NAME.match(name):
        raise ValueError(f"figure name {name!r}: use lower-case letters, digits, '-' and '_'")
    if not source or not source.strip():
        raise ValueError("every figure needs a source line (publisher, dataset and release)")
    if mpl.rcParams["svg.hashsalt"] != SVG_HASH_SALT:
        apply_theme()
    add_source(fig, source)
    out = figures_dir()
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.svg", out / f"{name}.png"]
    _atomic_savefig(fig, paths[0], format="svg", metadata={"Date": None})
    _atomic_savefig(fig, paths[1], format="png", metadata={"Software": None})
    plt.close(fig)
    return SavedFigure(paths)


def close_all() -> None:
    plt.close("all")
