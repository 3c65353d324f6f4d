"""A year standing before a noun names when that thing was: "a 2012 audit", "her 2016 bid", "the 2019 floods".

A bare year is read as a date after a preposition ("in 2025") in
``date_resolvers``; a year after a determiner or a possessive and before a
noun is one too, at year precision. The same shape with a count noun is a
quantity ("the 2000 new homes", "its 2025 units", "the 1500 Syrians"), so
the noun the year modifies decides: a singular noun ("audit", "bid",
"general election", "World Cup") or a plural that names an occasion
("floods", "elections", "Olympics") makes it a date; any other plural makes
it a count, and adjectives in between ("general", "new", "Indian") are
skipped to reach that noun.
"""

from __future__ import annotations

import re

from timeline.extract.date_resolvers import COUNT_NOUN_AFTER, YEAR, Context, Resolver
from timeline.extract.date_values import year_value
from timeline.extract.words import FUNCTION_WORDS, can_be, lemma, word_classes
from timeline.models import DateValue

DETERMINERS = {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "that", "whose"}
WORDS_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’]*)(?:\s+([A-Za-z][A-Za-z'’]*))?(?:\s+([A-Za-z][A-Za-z'’]*))?")
OCCASIONS = {
    "floods", "elections", "polls", "riots", "protests", "games", "olympics", "paralympics", "talks", "rains",
    "fires", "wildfires", "attacks", "results", "accords", "strikes", "finals", "championships", "playoffs",
    "midterms", "primaries", "hearings", "negotiations", "reforms", "sanctions", "layoffs", "accounts",
    "earnings", "figures", "statistics", "accounts", "budgets", "celebrations", "commonwealth",
}  # fmt: skip
COUNTED = {"strong", "odd", "plus", "police", "staff", "personnel", "cattle", "livestock", "crew", "people"}


def _after_determiner(before: str) -> bool:
    """"a 2012", "her 2016", "the council's 2019", "the disputed 2007": a determiner or a possessive, then at most one word."""
    if not before.endswith((" ", "\t")):
        return False
    words = before.split()[-2:]
    possessive = lambda w: w.endswith(("'s", "’s")) and len(w) > 2  # noqa: E731
    if words and (words[-1].lower() in DETERMINERS or possessive(words[-1])):
        return True
    return len(words) == 2 and words[-1].isalpha() and words[-1].islower() and (words[0].lower() in DETERMINERS or possessive(words[0]))


def _plural(word: str) -> bool:
    lower = word.lower()
    if word_classes(lower):
        return lemma(lower) != lower
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is"))  # a name: "Americans" is a plural


def _head_noun(words: list[str]) -> str | None:
    """The noun the year modifies: the last of a run of up to three nouns and adjectives ("general election")."""
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if _plural(word):
            return word  # a plural ends the noun phrase: "the 2000 families hit by the floods"
        if following is not None and following.lower() not in FUNCTION_WORDS and (can_be(following, "NOUN") or following[0].isupper()):
            continue  # "the 2019 general election", "the 2000 Indian workers": the last noun of the run is the head
        return word
    return None


def resolve_year_modifier(ctx: Context) -> DateValue | None:
    """"the 2019 floods", "a 2012 audit": a year; "the 2000 new homes", "2025 units": not a date."""
    after = WORDS_AFTER.match(ctx.following(60))
    if after is None or not _after_determiner(ctx.preceding(30)) or COUNT_NOUN_AFTER.match(ctx.following(16)):
        return None
    head = _head_noun([w for w in after.groups() if w])
    if head is None:
        return None
    lower = head.lower()
    if lower in FUNCTION_WORDS or lower in COUNTED or COUNT_NOUN_AFTER.match(" " + head):
        return None
    if _plural(head) and lower not in OCCASIONS:
        return None
    return year_value(ctx.surface, int(ctx.group("year")))


PATTERNS: list[tuple[str, Resolver, int, str]] = [
    (rf"\b(?P<year>{YEAR})\b(?![-‐–/%]|\s*%|[.,]\d)", resolve_year_modifier, 0, "year"),
]
