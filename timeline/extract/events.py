"""Events named by the lexicon: a meeting held, a scheme announced or approved, export controls imposed.

Dated clauses become events in ``clause_events`` whatever their words; this
finder keeps the lexicon's noun and verb pairs for sentences that have no
date of their own (dated from the sentence before, or left undated).

An event needs one of an event type's nouns and one of its verbs in the same
sentence (``rules/lexicon/events.yaml``). Its title is the noun with up to two
words that qualify it ("inter-ministerial meeting", "high stakes meeting").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.lexicon import EventType, Lexicon

WORDS = re.compile(r"[\w’'-]+")

DETERMINERS = {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "on", "of", "in", "to", "for", "with", "and", "as", "by", "from"}

AMOUNT_WORDS = {"crore", "lakh", "million", "billion", "mn", "bn", "cr", "rs", "inr", "usd", "per", "cent"}


@dataclass(frozen=True)
class EventMention:
    start: int
    end: int
    kind: str
    title: str


def find_events(sentence: str, offset: int, lexicon: Lexicon) -> list[EventMention]:
    """At most one event of each kind per sentence, anchored on its verb."""
    if lexicon.any_event_verb_regex is None or not lexicon.any_event_verb_regex.search(sentence):
        return []  # where one kind's verb pattern matches, the combined one does too
    found = []
    for event in lexicon.events:
        mention = _event(sentence, offset, event)
        if mention:
            found.append(mention)
    return found


def _event(sentence: str, offset: int, event: EventType) -> EventMention | None:
    verb = event.verb_regex.search(sentence)
    if not verb:
        return None  # most sentences name no event of this kind: its nouns are not searched
    noun = event.noun_regex.search(sentence)
    if not noun:
        return None
    start, end = min(verb.start(), noun.start()), max(verb.end(), noun.end())
    return EventMention(start=offset + start, end=offset + end, kind=event.kind, title=_title(sentence, noun, event))


def _title(sentence: str, noun: re.Match[str], event: EventType) -> str:
    """The noun and the words that qualify it: "inter-ministerial meeting", "National Critical Mineral Mission".

    A capitalised noun takes the whole capitalised name before it; a common noun
    takes up to two plain modifiers, stopping at determiners, verbs and names.
    """
    before = WORDS.findall(sentence[: noun.start()])
    head = noun.group(0)
    verbs = {v.lower() for v in event.verbs}
    qualifiers: list[str] = []
    if head[0].isupper():
        for word in reversed(before):
            if not word[0].isupper() or word.lower() in DETERMINERS:
                break
            qualifiers.insert(0, word)
        return " ".join(qualifiers + [head])
    for word in reversed(before[-2:]):
        lower = word.lower()
        if lower in DETERMINERS or lower in verbs or lower in AMOUNT_WORDS or word[0].isupper() or word[0].isdigit() or lower.endswith(("ed", "ing")):
            break
        qualifiers.insert(0, lower)
    return " ".join(qualifiers + [head.lower()])
