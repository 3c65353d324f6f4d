"""timeline: dated claims from news articles, conflicts across sources, one ordered chronology."""

__version__ = "0.1.0"
"""The one place the version is written: pyproject.toml reads it from here (hatch), so that
``timeline --version`` needs no ``importlib.metadata`` lookup at start-up."""
