"""Shares of people named by what they did: "87% backed a strike" is the share that backed it.

A percentage of a group is a share of the group that did something, and the
verb says what: "87% backed a strike", "the ballot was backed by 78% of the
members who voted" and "81% of members backed the walkout" all give the
share of members who backed it, while "a turnout of 71%" and "12% abstained"
are other shares of the same ballot. The measure of such a share is the
group, when the sentence names it, and the verb: "member back". A share
without its group ("87% backed a strike") is "back", which joins "member
back" when that is its only fuller name in the story (``key_settling``).

Read in two places the existing measure reading passes over:

- a share that is the subject of a finite verb right after it ("87% backed",
  "12% abstained"), its group from an opening "Of the members who took
  part," or an "of" after it;
- a share that is the agent of a passive ("was backed by 78% of the
  members"), its group from the "of" after it.

A reporting verb ("40% said") names no action of the group, nor does a verb
of being or going ("40% went to roads"), and a verb that wins or loses by a
margin ("won by 4%") is a margin: all are left to the measure reading. A change ("rose 12%") is never a share.
"""

from __future__ import annotations

import re

from timeline.extract.measures import MARGIN_VERBS, _name_measure, _phrase, tokens
from timeline.extract.words import FUNCTION_WORDS, only_verb, verb_forms, verb_lemma
from timeline.lexicon import Lexicon
from timeline.models import FigureValue

OPENING_GROUP = re.compile(r"^\W*(?:of|among)\s+(?:the|those|them|its|their|all)\s+(?P<group>[^,]+?)\s*,\s*$", re.IGNORECASE)
NOT_ACTIONS = frozenset(
    "be have do get go come remain stay become seem appear will would can could may might shall should must".split()
)  # "40% went to roads", "12% remained shut": where a share ended up or how it is, no act of a group


def share_measure(value: FigureValue, left: str, right: str, lexicon: Lexicon) -> str | None:
    """The measure of a share named by what its group did ("member back"), or None to read it otherwise.

    ``left`` and ``right`` are the figure's clause item before and after it,
    with other figures and dates masked.
    """
    if value.unit != "percent" or value.change:
        return None
    before, after = tokens(left), tokens(right)
    verb = _agent_of(before, lexicon)
    if verb is not None:
        group = _phrase(after[1:], lexicon) if after[:1] == ["of"] else []
    else:
        verb = _subject_of(after, lexicon)
        if verb is None:
            return None
        opening = OPENING_GROUP.match(left)
        group = _phrase(tokens(opening.group("group")), lexicon) if opening else []
    group = [word for word in group if not (verb_lemma(word) and word.lower().endswith("ed"))]  # "registered members" are the members
    return _name_measure(group + [verb_lemma(verb) or verb], lexicon)


def _agent_of(before: list[str], lexicon: Lexicon) -> str | None:
    """"was backed by": the participle whose agent the share is."""
    if len(before) < 2 or before[-1].lower() != "by":
        return None
    verb = before[-2]
    lemma = verb_lemma(verb) or ""
    if "VBN" not in verb_forms(verb) or lemma in NOT_ACTIONS or lemma in lexicon.reporting_verbs or lemma in MARGIN_VERBS:
        return None
    return verb


def _subject_of(after: list[str], lexicon: Lexicon) -> str | None:
    """"87% backed a strike": a finite verb right after the share, of which it is the subject."""
    if not after or not after[0][0].isalpha() or after[0].lower() in FUNCTION_WORDS:
        return None
    verb = after[0]
    lemma = verb_lemma(verb) or ""
    forms = verb_forms(verb)
    finite = "VBD" in forms or ("VBZ" in forms and only_verb(verb))  # "30% discounts" is a noun
    if not finite or lemma in NOT_ACTIONS or lemma in lexicon.reporting_verbs or lemma in MARGIN_VERBS:
        return None
    return verb
