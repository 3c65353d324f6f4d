"""Regular expressions from rule files: valid, and unable to backtrack for ever on an article's text.

Python's ``re`` backtracks. A pattern with a repetition inside a repetition,
``(\\w+\\s?)+$`` or ``(a|a)*``, can take time exponential in the length of a
line it almost matches, and one pasted article would then stall CI. Such
patterns are refused when the rules are loaded, before any article is read,
in the way safe-regex and RE2-minded linters do: a repeat (``*``, ``+``,
``{m,}`` or ``{m,n}`` with n > 1) whose body can itself repeat, or holds
alternatives, is refused. This rejects a few harmless patterns too; they
can always be written without the nesting (``[\\w\\s]+`` for ``(\\w+\\s?)+``).
Phrases in the lexicon are literal words and never reach this check: their
patterns are built escaped, with no nested repetition.
"""

from __future__ import annotations

import re
import warnings

try:  # Python 3.11+ keeps the parser here; sre_parse is its deprecated alias.
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)} - {None}


def regex_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used, in plain words, or None when it can.

    A pattern Python warns will change meaning (``[[a]``: "possible nested
    set") is refused too: the warning would otherwise reach the user as
    Python's own warning, with a line of its source, on stderr, and a future
    Python may read the pattern otherwise than it was written.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        try:
            parsed = sre_parse.parse(pattern)
        except re.error as error:
            return f"not a valid regular expression ({error.msg} at position {error.pos})"
        except RecursionError:
            return "nested too deeply to be a regular expression"
        except FutureWarning as warning:
            return f"read differently by future Python versions ({warning}); escape the character there with a backslash"
    return nested_repeat(parsed, inside_repeat=False)


NESTED = "a repetition inside a repetition, which can backtrack for ever on some text; write it without the nesting"
ALTERNATIVES = "alternatives inside a repetition, which can backtrack for ever on some text; use a character class or one alternative"


def nested_repeat(items, inside_repeat: bool) -> str | None:
    """The first nested repetition (or repeated alternatives) in the parsed ``items``, as a reason; None if there is none."""
    for op, value in items:
        found = None
        if op in REPEATS:
            low, high, body = value
            repeats = high is sre_parse.MAXREPEAT or high > 1
            if repeats and inside_repeat:
                return NESTED
            if repeats and has_branch(body):
                return ALTERNATIVES
            found = nested_repeat(body, inside_repeat or repeats)
        elif op is sre_parse.SUBPATTERN:
            found = nested_repeat(value[-1], inside_repeat)
        elif op is sre_parse.BRANCH:
            found = next((reason for branch in value[1] if (reason := nested_repeat(branch, inside_repeat))), None)
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            found = nested_repeat(value[1], inside_repeat)
        if found:
            return found
    return None


def has_branch(items) -> bool:
    """Alternatives inside a repeated group (``(a|ab)*``) can match one text in many ways."""
    for op, value in items:
        if op is sre_parse.BRANCH:
            return True
        if op is sre_parse.SUBPATTERN and has_branch(value[-1]):
            return True
    return False
