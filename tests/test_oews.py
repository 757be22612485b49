"""The OEWS reader: series keys, value status, and the shipped database."""

import pytest

from salary_factors import oews
from salary_factors.errors import DataFormatError, MissingPackage
from salary_factors.packages import package_file


def test_decode_key_splits_the_five_parts():
    key = oews.decode_key("OEUM0042660000000152051")
    assert key.area_type == "M"
    assert key.area_code == "0042660"
    assert key.industry_code == "000000"
    assert key.occupation_code == "152051"
    assert key.soc == "15-2051"


def test_decode_key_keeps_sector_industry_codes():
    assert oews.decode_key("OEUN000000052--53152051").industry_code == "52--53"


@pytest.mark.parametrize("bad", ["OEUX0042660000000152051", "OEUM004266000000015205", "XYZ"])
def test_decode_key_rejects_malformed_keys(bad):
    with pytest.raises(DataFormatError):
        oews.decode_key(bad)


def test_encode_key_round_trips():
    key = oews.encode_key("S", "5300000", "000000", "15-1252")
    assert key == "OEUS5300000000000151252"
    assert oews.decode_key(key).soc == "15-1252"


@pytest.mark.parametrize(
    ("value", "footnote", "expected"),
    [
        ("126800", None, ("126800", "published")),
        ("60.96", "4", ("60.96", "published")),  # a number with a footnote stays a number
        ("-", "5", ("", "top_coded")),
        ("-", "8", ("", "not_released")),
        ("-", "4", ("", "other_pay_basis")),
        ("#", None, ("", "top_coded")),
        ("**", None, ("", "not_released")),
        (None, None, ("", "not_applicable")),
    ],
)
def test_value_status_keeps_the_meaning_of_symbols(value, footnote, expected):
    assert oews.value_status(value, footnote) == expected


def test_a_dash_without_a_known_footnote_is_an_error_not_a_zero():
    with pytest.raises(DataFormatError, match="no known meaning"):
        oews.value_status("-", None)
    with pytest.raises(DataFormatError):
        oews.value_status("n/a", None)


def test_parse_cap_reads_both_bounds():
    text = "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
    assert oews.parse_cap(text) == (115.0, 239200.0)
    with pytest.raises(DataFormatError):
        oews.parse_cap("The cap moved elsewhere.")


def test_soc_code_formats_and_validates():
    assert oews.soc_code("152051") == "15-2051"
    assert oews.soc_code("15-2051") == "15-2051"
    with pytest.raises(ValueError):
        oews.soc_code("1520")


def test_area_types_split_metro_and_nonmetro():
    assert oews.area_type_name("M", "Seattle-Tacoma-Bellevue, WA") == "metro"
    assert oews.area_type_name("M", "Alaska nonmetropolitan area") == "nonmetro"
    assert oews.area_type_name("N", "National") == "national"
    with pytest.raises(DataFormatError):
        oews.area_type_name("Q", "Nowhere")


def test_shipped_database_is_the_may_2025_release():
    conn = oews.connect()
    assert dict(conn.execute("SELECT name, value FROM meta").fetchall())["release"] == "May 2025"
    assert oews.top_code_bounds(conn) == (115.0, 239200.0)
    assert oews.manifest()["release"]["description"] == "May 2025"


def test_known_cell_reads_as_published():
    # national data scientists, cross-industry (BLS OEWS May 2025)
    row = oews.cell(oews.connect(), "0000000", "000000", "15-2051")
    assert row["annual_median"] == "120230" and row["annual_median_status"] == "published"
    assert row["employment"] == "262440"
    assert row["location_quotient_status"] == "not_applicable"


def test_top_coded_cell_is_empty_with_its_status():
    # family medicine physicians in a metro where BLS top-codes the median
    row = oews.cell(oews.connect(), "0010540", "000000", "29-1215")
    assert row["annual_median"] == ""
    assert row["annual_median_status"] == "top_coded"


def test_missing_package_message_names_the_fix():
    with pytest.raises(MissingPackage, match="make report"):
        package_file("no-such-package-salary-factors", "1.0", "x.csv")
    with pytest.raises(MissingPackage, match="not the pinned 0.0.1"):
        package_file(oews.PACKAGE, "0.0.1", oews.DB_MEMBER)
