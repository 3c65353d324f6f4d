"""`timeline --version` loads click and nothing heavy: counted in modules imported, never timed."""

from __future__ import annotations

import subprocess
import sys

import timeline

HEAVY = ("dateparser", "pydantic", "yaml", "lemminflect", "tabulate", "timeline.extract", "timeline.ruleset", "importlib.metadata")
PROBE = """
import sys
from timeline.cli import main
try:
    main(["--version"])
except SystemExit as done:
    assert done.code == 0
print(",".join(sorted(m for m in sys.modules)))
"""


def test_version_imports_no_heavy_module():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    printed, modules = result.stdout.splitlines()
    assert printed == f"timeline, version {timeline.__version__}"
    loaded = set(modules.split(","))
    assert not [m for m in HEAVY if m in loaded], sorted(m for m in loaded if m.startswith(HEAVY))


def test_the_version_is_the_one_the_package_was_built_with():
    from importlib.metadata import version

    assert version("timeline") == timeline.__version__


DATES_PROBE = """
import sys
from datetime import date
from timeline.extract.dates import find_dates
found = find_dates(sys.argv[1], date(2031, 6, 1))
print([m.value.value for m in found], "dateparser" in sys.modules)
"""


def test_dateparser_is_imported_only_for_a_date_only_it_reads():
    """Month-name dates and numeric ones with a four-digit year are built directly: dateparser's 55 ms of imports wait for a date it alone reads."""
    cases = [
        ("The weir was raised on Thursday, August 14, 2031 and again on 04/06/2031.", "['2031-08-14', '2031-06-04'] False"),
        ("The notice of 7.3.31 was withdrawn.", "['2031-03-07'] True"),  # a two-digit year: dateparser's century rule
    ]
    for text, expected in cases:
        result = subprocess.run([sys.executable, "-c", DATES_PROBE, text], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == expected, text
