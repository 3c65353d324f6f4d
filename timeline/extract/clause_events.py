"""Every dated clause is a candidate event: who did what, to what, when, with a title in its own words.

A clause whose main predicate is an action and which holds a resolved date
becomes an event: "The city council on Tuesday approved a ₹900 crore port
scheme" -> actor "city council", action "approve", object "₹900 crore port
scheme", title "City council approves ₹900 crore port scheme". A passive
without an agent is titled like a headline: "The visit was cancelled" ->
"Visit cancelled"; a planned action is "Board to vote on merger".

Not events, because nearly every news sentence has one: reporting verbs
("said", "told"), linking verbs ("remains", "is"), verbs that only move or
state a figure ("the toll rose to 41": a figure, not a happening), and
actions that the clause denies or still awaits (those are statuses). A dated
clause built on an event noun ("the vote on March 3", "approval came on
Tuesday") is titled by its noun phrase. The lexicon's event kinds label an
event (meeting, announcement, measure, ...); an event no kind names is
labelled ``event``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.extract.dates import DateMention
from timeline.extract.predicates import DETERMINERS, PRONOUNS, Phrase, Predicate
from timeline.extract.words import inflect, lemma
from timeline.lexicon import Lexicon, phrase_pattern

NOT_EVENT_STATES = frozenset({"not done", "pending"})
OF_PHRASE = re.compile(r"\s+(?:of|for|on|into)\s+((?:[\w’'-]+\s*){1,5}?)(?=\s+(?:on|in|at|by|was|were|is|are|came|took|has|had|will)\b|[,.;]|$)")
SCALE_WORDS = frozenset("crore lakh million billion trillion mn bn cr per cent percent % than least to".split())
QUALIFIERS = frozenset("over about nearly around almost some roughly more less at least up to under above below least".split())
TITLE_WORDS = 7


@dataclass(frozen=True)
class ClauseEvent:
    """An event read from one clause; offsets are in the article body."""

    start: int
    end: int
    kind: str
    title: str
    actor: str | None
    action: str
    object: str | None
    state: str
    date: DateMention | None


def clause_events(
    sentence: str, offset: int, predicates: list[Predicate], dates: list[DateMention], lexicon: Lexicon, actor_before: str | None, published: date | None = None
) -> list[ClauseEvent]:
    """Events of one sentence; ``dates`` are the sentence's story dates (body offsets), ``actor_before`` the paragraph's last entity."""
    events = []
    words = lexicon.predicates
    nouns = lexicon.event_nouns
    for predicate in predicates:
        clause_dates = [d for d in dates if _dates_clause(sentence, offset, predicate, d, published)]
        if not clause_dates or predicate.state in NOT_EVENT_STATES or _repeats_figure(predicate):
            continue
        when = min(clause_dates, key=lambda d: abs(d.start - offset - predicate.start))
        base = predicate.verb.split()[0]
        if base in lexicon.reporting_verbs or base in words.movements or base in words.copulas or predicate.verb in words.copulas:
            noun = _event_noun(sentence, predicate.clause, nouns)
            if noun is None:
                continue
            events.append(_noun_event(sentence, offset, predicate, noun, when, lexicon))
            continue
        events.append(_verb_event(sentence, offset, predicate, when, lexicon, actor_before))
    return events


def _dates_clause(sentence: str, offset: int, predicate: Predicate, mention: DateMention, published: date | None) -> bool:
    """Whether a date is the clause's own: in the clause, not past a comma after the verb, not in the future of a done action.

    "Consultations have taken place, with more scheduled in the coming weeks":
    the coming weeks date the scheduled ones, not the consultations.
    """
    at = mention.start - offset
    if not (mention.value.resolved and predicate.clause[0] <= at < predicate.clause[1]):
        return False
    if at > predicate.end and "," in sentence[predicate.end : at]:
        return False
    future = published is not None and mention.value.start is not None and mention.value.start > published
    return not (future and predicate.state in {"done", "stopped", "resumed"})


def _repeats_figure(predicate: Predicate) -> bool:
    """ "India sourced over 80% of its imports": the clause states a figure, it does not report a happening.

    An object that opens with a figure is a figure statement when nothing but
    its unit comes before "of" ("300 mm of rain"); "a ₹900 crore port scheme"
    and "12 passengers" name a thing and stay events.
    """
    thing = predicate.subject if predicate.passive else predicate.object
    if predicate.subject and not predicate.passive and _opens_with_figure(predicate.subject.text):
        return True  # "₹2 lakh ... was paid": a figure is the subject
    if thing is None:
        return False
    words = thing.text.lower().split()
    if not (words[0][:1].isdigit() or words[0][:1] in "₹$€£" or words[0] in QUALIFIERS):
        return False
    while words and (words[0][:1].isdigit() or words[0][:1] in "₹$€£%" or words[0] in QUALIFIERS | SCALE_WORDS):
        words.pop(0)
    return not words or "of" in words[:2]


def _opens_with_figure(text: str) -> bool:
    first = text.lower().split()[0] if text.split() else ""
    return first[:1].isdigit() or first[:1] in "₹$€£" or first in QUALIFIERS


def _verb_event(sentence: str, offset: int, predicate: Predicate, when: DateMention, lexicon: Lexicon, actor_before: str | None) -> ClauseEvent:
    if predicate.passive:
        actor_phrase, thing = predicate.agent, predicate.subject
    else:
        actor_phrase, thing = predicate.subject, predicate.object
    actor = _actor(actor_phrase, lexicon, actor_before if (predicate.gerund or _is_pronoun(actor_phrase)) else None)
    thing_text = _trim(thing.text) if thing else None
    verb, particle = (predicate.verb.split(" ", 1) + [""])[:2]
    extra = predicate.place.text if predicate.place and not thing_text else ""
    if predicate.state == "planned":
        parts = [actor, "to", verb, particle, thing_text, extra]
    elif actor or not thing_text:
        finite = (inflect(verb, "VBZ") if not _plural(actor) else verb) if actor else inflect(verb, "VBN")
        parts = [actor or (thing_text if predicate.passive else None), finite, particle, None if not actor and predicate.passive else thing_text, extra]
    else:
        parts = [thing_text, inflect(verb, "VBN"), particle, extra]
    title = _headline(parts)
    kind = _kind(sentence, predicate, lexicon)
    return ClauseEvent(offset + predicate.clause[0], offset + predicate.clause[1], kind, title, actor, predicate.verb, thing_text, predicate.state, when)


def _noun_event(sentence: str, offset: int, predicate: Predicate, noun: tuple[int, int], when: DateMention, lexicon: Lexicon) -> ClauseEvent:
    """An event named by a noun: its phrase with up to two qualifying words before it ("inter-ministerial meeting")."""
    start, end = noun
    before = sentence[predicate.clause[0] : start].split()
    qualifiers = []
    for word in reversed(before[-2:]):
        if word.lower() in DETERMINERS or not word[:1].isalpha() or word.endswith(","):
            break
        qualifiers.insert(0, word)
    owner = qualifiers[0][:-2] if qualifiers and qualifiers[0].endswith(("'s", "’s")) else None  # "the council's approval"
    thing = OF_PHRASE.match(sentence, end, predicate.clause[1])
    thing_text = _trim(thing.group(1)) if thing else None
    phrase = " ".join(qualifiers + [sentence[start:end]] + ([thing.group(0).split()[0], thing_text] if thing_text else []))
    action = lemma(sentence[start:end])
    kind = _kind(sentence, predicate, lexicon)
    return ClauseEvent(offset + predicate.clause[0], offset + predicate.clause[1], kind, _headline([phrase]), owner, action, thing_text, predicate.state, when)


def _event_noun(sentence: str, clause: tuple[int, int], nouns: tuple[str, ...]) -> tuple[int, int] | None:
    match = phrase_pattern(nouns).search(sentence, clause[0], clause[1]) if nouns else None
    return match.span() if match else None


def _kind(sentence: str, predicate: Predicate, lexicon: Lexicon) -> str:
    """The lexicon's label for the clause (a meeting, a measure, ...), else ``event``."""
    clause = sentence[predicate.clause[0] : predicate.clause[1]]
    for kind in lexicon.events:
        if phrase_pattern(kind.verbs).search(clause) and phrase_pattern(kind.nouns).search(clause):
            return kind.kind
    return "event"


def _actor(phrase: Phrase | None, lexicon: Lexicon, fallback: str | None) -> str | None:
    """Who acted: the lexicon's entity named in the phrase ("Beijing" -> China), else the phrase itself."""
    if fallback is not None:
        return fallback
    if phrase is None:
        return None
    named = lexicon.entities_in(phrase.text)
    if named:
        return named[0][2]
    return _trim(phrase.text, 4)


def _plural(actor: str | None) -> bool:
    """ "Families" and "residents" take "sleep", not "sleeps"."""
    head = actor.split()[-1] if actor else ""
    return head[:1].islower() and head.endswith("s") and not head.endswith("ss") and lemma(head) != head


def _is_pronoun(phrase: Phrase | None) -> bool:
    return phrase is not None and phrase.text.lower() in PRONOUNS


def _trim(text: str, limit: int = 6) -> str:
    """A phrase short enough for a title, with leading determiners and possessives dropped."""
    words = [w for w in text.split() if w]
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    return " ".join(words[:limit])


def _headline(parts: list[str | None]) -> str:
    words = " ".join(p for p in parts if p).split()[: TITLE_WORDS + 4]
    title = " ".join(words).lstrip("-–—•*#>|‘“\"' ")
    return title[:1].upper() + title[1:]
