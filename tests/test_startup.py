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
