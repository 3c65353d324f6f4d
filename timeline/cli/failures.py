"""How a run ends when something goes wrong: one line on stderr and an exit code, never a traceback.

* A configuration or input error the user can act on: ``timeline: error:
  PATH[:LINE]: message``, exit 2.
* Anything else, which is a bug in timeline: one line saying so, naming the
  exception, exit 2; ``timeline --debug COMMAND`` shows the traceback
  instead. An exception while one article is read and extracted is turned
  into an input error for that article (see ``common.load_run``), so one
  bad article never stops the others.
* Ctrl-C (SIGINT) or SIGTERM: ``timeline: interrupted``, exit 130 or 143,
  as shells report them. Files are only ever written through
  ``timeline.atomic_write``, whose temporary file is removed on the way
  out, so an interrupted run leaves no partial file.
"""

from __future__ import annotations

import functools
import signal
import sys

import click

from timeline.errors import TimelineError


class Terminated(BaseException):
    """SIGTERM, raised in the main thread so that ``finally`` blocks (temporary files) run as for Ctrl-C."""


def report_error(error: TimelineError) -> None:
    click.echo(f"timeline: error: {error}", err=True)


def report_warning(warning: TimelineError) -> None:
    """A problem with an article that was still read (a sentence cut at the length limit)."""
    click.echo(f"timeline: warning: {warning}", err=True)


def debugging() -> bool:
    """Whether ``timeline --debug`` was given: then bugs show their traceback."""
    context = click.get_current_context(silent=True)
    return bool(context and context.find_root().params.get("debug"))


def bug_message(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".strip().replace("\n", " ")


def _terminate(signum, frame) -> None:
    raise Terminated()


def guarded(function):
    """Run a command so that it ends in one line and an exit code, whatever happens (see the module's docstring)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            return function(*args, **kwargs)
        except TimelineError as error:
            report_error(error)
            sys.exit(2)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("timeline: interrupted", err=True)
            sys.exit(130)
        except Terminated:
            click.echo("timeline: interrupted (terminated)", err=True)
            sys.exit(143)
        except Exception as error:
            if debugging():
                raise
            click.echo(f"timeline: error: internal error, a bug in timeline (please report it; --debug shows where): {bug_message(error)}", err=True)
            sys.exit(2)
        finally:
            signal.signal(signal.SIGTERM, previous)

    return wrapper
