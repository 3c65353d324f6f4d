"""status-timeline: the state of something as reported across articles over time.

Status claims for one subject are put in order of their as-of date (the date
in the sentence, else the article's publication date; undated ones cannot be
ordered and are left out). Each move from one state to another is reported
by the rule instance whose ``report`` it is:

- ``update`` (info): progress, as a story normally moves ("is expected to
  take place on Friday" on 2025-03-03, "was launched on March 12");
- ``change`` (warning): the story changed course ("awaiting confirmation"
  on 2025-06-17, "cancelled" on 2025-07-29; "will continue", then "called
  off"); the copy should say so;
- ``regression`` (error): a later article reports an earlier state than an
  earlier one did ("reopened on Monday", then "is expected to reopen"): one
  of them is stale.

Subjects from the vocabularies (``rules/lexicon/statuses.yaml``) move along
their ``rank``: a lower rank later is a regression, any other move a change.
Subjects read from any clause (``timeline/extract/clause_statuses.py``) move
along the transition table in ``rules/statuses.yaml``; a pair it does not
list gives nothing, so a key seen in one state only, or the same state
restated, never fires. For those, each article speaks once per key (its
latest statement), since a story that tells its own history ("was planned
for May but was postponed") is not a change between reports; and a key
whose words are all in exactly one longer key joins it ("launch" and
"satellite launch" join "Kestrel-2 satellite launch", but not when an
"Osprey satellite launch" is reported too).
"""

from __future__ import annotations

import re
from typing import Iterator, Literal

from pydantic import BaseModel, ConfigDict

from timeline.corpus import Corpus
from timeline.event_identity import SERIES_WORDS
from timeline.extract.words import only_verb, verb_lemma
from timeline.models import Finding, StatusClaim

TYPE = "status-timeline"
SCOPE = "corpus"
READS = frozenset({"status"})
PAST_STATES = frozenset({"done", "stopped", "postponed", "resumed"})  # "every school shut" (undated) is before "are expected to reopen"
VERBS = {"update": "moved on to", "change": "changed to", "regression": "but a later article reports"}


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")
    report: Literal["change", "regression", "update"]


def check(rule, options: Options, corpus: Corpus, ruleset) -> Iterator[Finding]:
    for subject, before, after, report in _reported_moves(corpus, ruleset):
        if report == options.report:
            yield _finding(rule, subject, before, after, report)


def _reported_moves(corpus: Corpus, ruleset) -> list[tuple[str, StatusClaim, StatusClaim, str | None]]:
    """Every move of the corpus with the report it is, computed once a run and shared by the rule instances
    (one for each report): ordering and settling the statuses again for each was most of their time."""
    cached = corpus.cache.get(TYPE)
    if cached is not None:
        return cached
    ranks = {(s.id, st.state): st.rank for s in ruleset.lexicon.status_subjects for st in s.states}
    dated = [c for c in corpus.statuses() if c.as_of and c.as_of.start]
    named = [c for c in dated if c.source == "lexicon"]
    read = [c for c in dated if c.source == "clause"]
    moves: list[tuple[str, StatusClaim, StatusClaim, str | None]] = []
    for subject, before, after in _moves(_by_subject(named, {})):
        regression = ranks.get((subject, after.state), 0) < ranks.get((subject, before.state), 0)
        moves.append((subject, before, after, "regression" if regression else "change"))
    settled = settle(c.subject for c in read)
    for subject, before, after in _moves(_by_subject(_latest_per_article(read, settled), settled)):
        moves.append((subject, before, after, ruleset.statuses.report(before.state, after.state)))
    corpus.cache[TYPE] = moves
    return moves


def settle(keys) -> dict[str, str]:
    """Each clause key -> the key it is reported under: the only widest key with the same head holding all of its
    words; for a bare noun that no wider key has for its head, the only widest key holding it ("compensation" not
    paid, then the "first round of compensation", keyed ``compensation round``, paid).

    Keys that differ only in case are one key ("Moor fire" and "moor fire"),
    and a gerund before the head does not tell keys apart (``_telling_words``).
    A key never joins one that places its thing in a series ("compensation
    round" paid is not the "compensation second round" still unpaid).
    """
    keys = set(keys)
    spelled: dict[str, str] = {}
    for key in sorted(keys):
        spelled.setdefault(key.lower(), key)
    telling = {key: _telling_words(key) for key in spelled}
    speaker: dict[frozenset[str], str] = {}  # keys that tell the same thing ("opening match", "match") are one: the longest speaks
    for key in sorted(spelled, key=lambda k: (-len(k), k)):
        speaker.setdefault(telling[key], key)
    holding: dict[str, list[frozenset[str]]] = {}  # word -> the speakers' word sets holding it, so that finding the
    for words in speaker:  # wider keys of a key looks at those sharing its rarest word, not at every key of the corpus
        for word in words:
            holding.setdefault(word, []).append(words)
    settled = {}
    for key in spelled:
        own = telling[key]
        rarest = min(own, key=lambda word: len(holding.get(word, ())))
        larger = [words for words in holding.get(rarest, ()) if own < words and not SERIES_WORDS & (words - own)]
        same_head = [words for words in larger if speaker[words].split()[-1] == key.split()[-1]]
        if same_head or len(own) > 1:
            larger = same_head  # "school" joins "public school"; only a bare noun may join a key with another head
        widest = [w for w in larger if not any(w < o for o in larger)]
        settled[key] = spelled[speaker[widest[0] if len(widest) == 1 else own]]
    return {key: settled[key.lower()] for key in keys}


def _telling_words(key: str) -> frozenset[str]:
    """The words that tell a key's thing from another's: a gerund before the head only says what kind of activity
    it is ("building work", "repairing work"), so "building work" resumed meets "all work on the stadium" on hold.

    A key that ends in its action ("funding approve", "contract sign") has its thing's head before the action:
    "funding" there is the thing approved, and dropping it made the funding of one satellite the approval of
    another's launch date."""
    words = key.split()
    head = len(words) - 2 if len(words) > 1 and only_verb(words[-1]) else len(words) - 1
    kept = [w for w in words[:head] if not (w.islower() and w.endswith("ing") and len(w) > 5 and verb_lemma(w) not in {None, w})]
    return frozenset(kept + words[head:])


def _latest_per_article(claims: list[StatusClaim], settled: dict[str, str]) -> list[StatusClaim]:
    latest: dict[tuple[str, str], StatusClaim] = {}
    for claim in claims:
        slot = (settled[claim.subject], claim.provenance.path)
        known = latest.get(slot)
        if known is None or _when(claim) >= _when(known):
            latest[slot] = claim
    return list(latest.values())


def _when(claim: StatusClaim) -> tuple:
    """Order within an article: by as-of date; on one day what happened, or was planned in the past tense ("was
    planned for Friday"), comes before what is planned or awaited now ("are expected to reopen"), then by line."""
    return (claim.as_of.start, _current(claim), claim.provenance.line)


def _current(claim: StatusClaim) -> bool:
    return claim.state not in PAST_STATES and not PAST_OPENING.match(claim.text.strip())


PAST_OPENING = re.compile(r"(?:was|were|had)\b", re.IGNORECASE)


def _by_subject(claims: list[StatusClaim], settled: dict[str, str]) -> dict[str, list[StatusClaim]]:
    by_subject: dict[str, list[StatusClaim]] = {}
    for claim in claims:
        by_subject.setdefault(settled.get(claim.subject, claim.subject), []).append(claim)
    return by_subject


def _moves(by_subject: dict[str, list[StatusClaim]]) -> Iterator[tuple[str, StatusClaim, StatusClaim]]:
    """(subject, before, after) for each consecutive pair of different states, in as-of order."""
    for subject, claims in sorted(by_subject.items()):
        ordered = sorted(claims, key=lambda c: (c.as_of.start, _current(c), c.provenance.path, c.provenance.line))
        for before, after in zip(ordered, ordered[1:]):
            if before.state != after.state:
                yield subject, before, after


def _finding(rule, subject: str, before: StatusClaim, after: StatusClaim, report: str) -> Finding:
    message = (
        f'{subject}: "{before.state}" as of {before.as_of.value} ({before.provenance.path}:{before.provenance.line}) '
        f'{VERBS[report]} "{after.state}" as of {after.as_of.value} ({after.provenance.path}:{after.provenance.line})'
    )
    return Finding(rule=rule.id, severity=rule.severity, subject=subject, message=message, location=before.provenance, claims=(before, after))
