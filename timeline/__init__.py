"""timeline: dated claims from news articles, conflicts across sources, one ordered chronology."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("timeline")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
