"""Asides: the relative and participle clauses set off by commas inside a sentence.

News packs background into asides: "The rocket, which was rolled out on
Sunday, will stay on the pad", "The girders, rolled at a mill in Stavmere, did
not arrive until May 6", "The repair plan, whose approval came on March 10,
was the fastest way". Read straight through, the main clause loses its
subject ("which was rolled out ... will stay") and the aside loses the noun
it is about. So the clause stage takes asides out first: the main clause is
read with the aside masked, and each aside is read on its own, knowing its
**antecedent**, the noun phrase before its opening comma:

- ``which`` / ``who`` / ``that`` + verb: the antecedent is the subject
  ("the rocket, which was rolled out" -> the rocket was rolled out);
- ``which`` + subject + verb: the antecedent is the object ("the waiver,
  which the city extended on May 18" -> the city extended the waiver);
- ``whose`` + noun: the antecedent owns the noun ("the plan, whose approval
  came on March 10" -> the plan's approval);
- ``where`` / ``in which`` / ``when``: a clause with its own subject;
- a past participle after a noun: a passive with the antecedent as subject
  ("the package, announced on Wednesday," -> the package was announced);
- a relative without commas after the main verb ("voted in a ballot that
  closed on September 4"): the noun before it is its subject;
- an appositive, a noun phrase that renames the noun before it and is
  followed by the verb ("The Orlan Street Bridge, the busiest crossing in
  the city, was closed"): masked so that the subject is the bridge, and not
  read as a clause; a relative inside it is about the name the appositive
  renames (", the ferry that capsized on Saturday," -> the Corran Star
  capsized).

An aside runs to the next comma outside a date ("on Sunday, October 11"), a
hard boundary or the end of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.figure_context import Cue
from timeline.extract.words import can_be, verb_forms

NEXT_TOKEN = re.compile(r"\s*([\w’'-]+|[,.;]|$)")
LAST_WORD = re.compile(r"([\w’'-]+)\W*$")
WORDS = re.compile(r"[\w’'-]+")
LOWER_WORD = re.compile(r"([a-z][\w’'-]*)")
LETTER_WORDS = re.compile(r"[A-Za-z][\w’'-]*")
WORD_AFTER_DATE = re.compile(r"\s*(?:(?:morning|afternoon|evening|night)\s+)?([a-z][\w’'-]*)")
INNER_RELATIVE = re.compile(r"\s(?:that|which|who)\s+(?=([a-z][\w’'-]*))")
FOLLOWING_WORD = re.compile(r"\s*([a-z][\w’'-]*)")
PHRASE_TOKEN = re.compile(r"[\w₹$€£%’'.-]+|[^\w\s]")
DATE_PREPOSITION_AT_END = re.compile(r"\s+(?:of|on|in)\s*$")

RELATIVE = re.compile(r",\s*(?P<link>(?:in|at|by|under|during|on|for|from|with) which|which|who|whom|whose|where)\b", re.IGNORECASE)
PARTICIPLE = re.compile(r",\s*(?P<link>[a-z][a-z-]*)\b")
APPOSITIVE = re.compile(r",\s*(?P<link>the|a|an|its|their|his|her)\s", re.IGNORECASE)
# Its lookbehind opening has it tried at every position: a sentence without its words is not searched (``Cue``).
RESTRICTIVE = Cue(r"(?<=[A-Za-z])\s+(?P<link>that|which|who)\s+(?=[a-z])", ("that", "which", "who"), flags=0)
NOT_ANTECEDENTS = frozenset("so now such given provided except order".split())  # "so that", "now that", "in order that"
AUXILIARY_WORDS = frozenset("is are was were has have had will would can could may might must shall should did does do".split())
HARD_END = re.compile(r";|\s[—–]\s|\s--\s|\(|\)")
ANTECEDENT_STOPS = frozenset(
    "on in at from to for after before since during by with near amid following over under until between into "
    "across through against about as while when where which who that than because despite via per is are was "
    "were be been has have had will would said says and or but".split()
)  # fmt: skip
NOT_PARTICIPLES = frozenset("said told added stated noted claimed quoted".split())  # reporting verbs close a quote
FOLLOWS_PARTICIPLE = frozenset("on in at from to for by with near during since after before under into across over as last".split())
DETERMINERS = frozenset("a an the its their his her our this that these those".split())


@dataclass(frozen=True)
class Aside:
    """One aside: ``start`` is its opening comma, ``end`` is past its closing comma; ``body`` is where its clause begins."""

    start: int
    end: int
    body: int
    link: str  # "which", "who", "whose", "where", "in which", ... or "participle"
    antecedent: tuple[int, int] | None  # the noun phrase before the opening comma (sentence offsets)


def find_asides(sentence: str, dates: list[tuple[int, int]] = ()) -> list[Aside]:
    """The sentence's asides, in text order, none overlapping."""
    asides: list[Aside] = []
    taken_until = 0
    candidates = sorted(
        [(m.start(), m.end("link"), m.start("link"), m.group("link").lower()) for m in RELATIVE.finditer(sentence)]
        + [(m.start(), m.end("link"), m.start("link"), "participle") for m in PARTICIPLE.finditer(sentence) if _participle(sentence, m, dates)]
        + [(m.start(), m.start("link"), m.start("link"), "appositive") for m in APPOSITIVE.finditer(sentence) if _appositive(sentence, m, dates)]
        + [(m.start(), m.end("link"), m.start("link"), "that") for m in RESTRICTIVE.finditer(sentence) if _restrictive(sentence, m, dates)]
    )
    for start, link_end, link_start, link in candidates:
        if start < taken_until or _inside(start, dates):
            continue
        end = _subject_relative_end(sentence, link_end, dates) if link == "that" else None
        end = end or _aside_end(sentence, link_end, dates)
        body = link_start if link == "participle" else link_end
        antecedent = noun_phrase_before(sentence, _before_date(sentence, start, dates), dates)
        if link == "appositive":
            inner = _relative_inside(sentence, link_end, end)
            if inner is not None:  # ", the ferry that capsized on Saturday,": the ferry is the name before it
                body, link = inner, "which"
        if antecedent is None and link in {"participle", "which", "who", "whom", "whose"}:
            continue  # "..., who": nothing to hang it on
        asides.append(Aside(start, end, body, link, antecedent))
        taken_until = end
    return asides


def mask(sentence: str, asides: list[Aside]) -> str:
    """The sentence with its asides blanked out (same length, so offsets hold)."""
    chars = list(sentence)
    for aside in asides:
        chars[aside.start : aside.end] = " " * (aside.end - aside.start)
    return "".join(chars)


def _participle(sentence: str, match: re.Match, dates) -> bool:
    """ "the package, announced on Wednesday": a past participle after a noun, followed by a preposition, date or comma."""
    word = match.group("link")
    if word in NOT_PARTICIPLES or "VBN" not in verb_forms(word) or can_be(word, "NOUN") and not word.endswith("ed"):
        return False
    after = sentence[match.end("link") :]
    following = NEXT_TOKEN.match(after)
    next_word = following.group(1).lower() if following else ""
    at_date = any(s <= match.end("link") + (following.start(1) if following else 0) < e for s, e in dates)
    if not (at_date or next_word in FOLLOWS_PARTICIPLE or next_word in {",", ".", ";", ""}):
        return False
    before = sentence[: _before_date(sentence, match.start(), dates)].rstrip()  # "the collapse of March 9, published on May 5"
    last = LAST_WORD.search(before)
    return bool(last) and not _inside(len(before) - 1, dates) and last.group(1).lower() not in ANTECEDENT_STOPS


def _restrictive(sentence: str, match: re.Match, dates=()) -> bool:
    """ "in a ballot that closed on September 4": a relative without commas, after a noun, in a clause whose verb came before.

    A restrictive relative inside the subject ("the families who lost homes
    will be paid") has no comma to end it, so one before the main verb is
    taken out only when a date closes it and the main verb follows straight
    after ("the crane that collapsed on March 11 is the subject of an
    inquiry"); any other is left to the clause.
    """
    before = WORDS.findall(sentence[: match.start()])
    after = LOWER_WORD.match(sentence[match.end() :])
    if not before or not after or before[-1].lower() in ANTECEDENT_STOPS or before[-1].lower() in NOT_ANTECEDENTS:
        return False
    head, verb = before[-1], after.group(1)
    if head[:1].islower() and verb_forms(head) & {"VBD", "VBZ", "VB"} and not can_be(head, "NOUN"):
        return False  # "said that the ...", "ruled that"
    if not (verb in AUXILIARY_WORDS or verb_forms(verb) & {"VBD", "VBZ"} and not can_be(verb, "NOUN")):
        return False
    if _subject_relative_end(sentence, match.end(), dates):
        return True
    segment = sentence[max(sentence.rfind(",", 0, match.start()), 0) : match.start()]
    return any(w.lower() in AUXILIARY_WORDS or w[:1].islower() and verb_forms(w) & {"VBD", "VBZ"} and not can_be(w, "NOUN") for w in LETTER_WORDS.findall(segment))


def _subject_relative_end(sentence: str, body: int, dates) -> int | None:
    """Where a relative inside the subject ends: at the end of a date that is followed by the main verb, else None."""
    for start, end in sorted(dates):
        if start < body:
            continue
        if "," in sentence[body:start] or HARD_END.search(sentence[body:start]):
            return None
        following = WORD_AFTER_DATE.match(sentence[end:])
        if following and (following.group(1) in AUXILIARY_WORDS or verb_forms(following.group(1)) & {"VBD", "VBZ"} and not can_be(following.group(1), "NOUN")):
            return end + following.start(1)
        return None
    return None


def _relative_inside(sentence: str, start: int, end: int) -> int | None:
    """Where the clause of a relative inside an appositive begins (", the ferry that capsized ...,"), if there is one."""
    inner = INNER_RELATIVE.search(sentence[start:end])
    if inner and (inner.group(1) in AUXILIARY_WORDS or verb_forms(inner.group(1)) & {"VBD", "VBZ"}):
        return start + inner.end()
    return None


def _appositive(sentence: str, match: re.Match, dates) -> bool:
    """ ", the busiest crossing over the river, was closed": no verb inside, a verb right after the closing comma."""
    end = _aside_end(sentence, match.end(), dates)
    if sentence[end - 1 : end] != "," or _inside(match.start(), dates):
        return False
    relative = _relative_inside(sentence, match.end(), end)
    inner = LETTER_WORDS.findall(sentence[match.end() : relative if relative is not None else end])
    if any(w.lower() in AUXILIARY_WORDS or w[:1].islower() and verb_forms(w) & {"VBD", "VBZ"} and not can_be(w, "NOUN") and not can_be(w, "ADJ") for w in inner):
        return False
    following = FOLLOWING_WORD.match(sentence[end:])
    return bool(following) and (following.group(1) in AUXILIARY_WORDS or bool(verb_forms(following.group(1)) & {"VBD", "VBZ"}))


def _aside_end(sentence: str, start: int, dates) -> int:
    position = start
    while True:
        comma = sentence.find(",", position)
        hard = HARD_END.search(sentence, start)
        limit = hard.start() if hard else len(sentence.rstrip(". "))
        if comma == -1 or comma >= limit:
            return limit
        if not _inside(comma, dates) and not (sentence[comma - 1 : comma].isdigit() and sentence[comma + 1 : comma + 2].isdigit()):
            return comma + 1  # "310,000" is one number
        position = comma + 1


def noun_phrase_before(sentence: str, comma: int, dates) -> tuple[int, int] | None:
    """The noun phrase that ends at the comma: back to a preposition, verb, punctuation or date; a determiner closes it."""
    words = list(PHRASE_TOKEN.finditer(sentence[:comma]))
    kept = []
    for match in reversed(words):
        text = match.group(0).strip(".")
        lower = text.lower()
        if not text or not text[0].isalnum() and text[0] not in "₹$€£" or _inside(match.start(), dates):
            break
        if lower in ANTECEDENT_STOPS and lower != "of":
            break
        if lower in DETERMINERS:
            break
        if kept and text[:1].islower() and "VBD" in verb_forms(text) and not can_be(text, "NOUN") and not can_be(text, "ADJ"):
            break
        kept.insert(0, match)
        if len(kept) == 6:
            break
    while kept and kept[0].group(0).lower() == "of":
        kept.pop(0)
    if not kept:
        return None
    return kept[0].start(), kept[-1].end()


def _before_date(sentence: str, comma: int, dates) -> int:
    """Where the noun before an aside ends: before a date that modifies it ("the collapse of March 9, published ...")."""
    dated = next(((s, e) for s, e in dates if s < comma <= e + 1), None)
    if dated is None:
        return comma
    return len(DATE_PREPOSITION_AT_END.sub("", sentence[: dated[0]].rstrip()))


def _inside(position: int, spans) -> bool:
    return any(s <= position < e for s, e in spans)
