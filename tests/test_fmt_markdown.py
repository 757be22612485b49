"""Unit test of fmt.markdown_table (added for the chapter tables of 05_industry)."""

import numpy as np
import pandas as pd

from salary_factors import fmt


def test_markdown_table_keeps_long_text_and_escapes_pipes():
    long = "x" * 300
    df = pd.DataFrame({"a": [long, "p|q"], "b": [1.5, np.nan]})
    lines = fmt.markdown_table(df).splitlines()
    assert lines[0] == "| a | b |"
    assert lines[1] == "|---|---|"
    assert lines[2] == f"| {long} | 1.5 |"
    assert lines[3] == "| p\\|q | – |"
