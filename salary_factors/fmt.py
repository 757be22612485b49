"""Number formatting for tables and prose: one style across the notebooks."""

from __future__ import annotations

import math


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def usd(x, digits: int = 0) -> str:
    """$126,800 (or an en dash when missing)."""
    return "–" if _missing(x) else f"${x:,.{digits}f}"


def usd_k(x) -> str:
    """$127k"""
    return "–" if _missing(x) else f"${x / 1000:,.0f}k"


def pct(x, digits: int = 0, signed: bool = True) -> str:
    """A share or change given as a fraction: 0.38 -> +38%."""
    if _missing(x):
        return "–"
    return f"{x * 100:+.{digits}f}%" if signed else f"{x * 100:.{digits}f}%"


def ratio_as_pct(x, digits: int = 0) -> str:
    """A ratio against a reference: 1.38 -> +38%."""
    return "–" if _missing(x) else pct(x - 1, digits)


def interval(low, high, formatter=usd) -> str:
    """'$120,000 to $130,000'"""
    if _missing(low) or _missing(high):
        return "–"
    return f"{formatter(low)} to {formatter(high)}"


def count(x) -> str:
    return "–" if _missing(x) else f"{x:,.0f}"


def markdown_table(df) -> str:
    """A DataFrame as a Markdown table (for ``IPython.display.Markdown``): no truncation of long
    text, no index, '|' escaped, missing values as an en dash."""
    def cell(v) -> str:
        return "–" if _missing(v) else str(v).replace("|", "\\|").replace("\n", " ")

    head = "| " + " | ".join(cell(c) for c in df.columns) + " |"
    rule = "|" + "|".join("---" for _ in df.columns) + "|"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join([head, rule, *body])
