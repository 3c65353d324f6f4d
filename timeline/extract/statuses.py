"""Statuses: the reported state of something that changes over time (a visit awaited, then cancelled).

A status needs, in one sentence, one of a subject's keywords and one of its
state phrases from ``rules/lexicon/statuses.yaml``. When a sentence carries
several states ("which was gearing up to visit ... is still awaiting"), the
one furthest along the lifecycle (highest rank) is what the sentence reports
now.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.lexicon import Lexicon, StatusState, StatusSubject, phrase_pattern


@dataclass(frozen=True)
class StatusMention:
    start: int
    end: int
    subject: str
    state: str


def find_statuses(sentence: str, offset: int, lexicon: Lexicon) -> list[StatusMention]:
    """Status mentions in one sentence; ``offset`` is the sentence's start in the article body."""
    found = []
    for subject in lexicon.status_subjects:
        if not phrase_pattern(subject.keywords).search(sentence):
            continue
        if subject.requires and not phrase_pattern(subject.requires).search(sentence):
            continue
        best = _strongest_state(sentence, subject)
        if best:
            state, start, end = best
            found.append(StatusMention(start=offset + start, end=offset + end, subject=subject.id, state=state.state))
    return found


def _strongest_state(sentence: str, subject: StatusSubject) -> tuple[StatusState, int, int] | None:
    matches = []
    for state in subject.states:
        match = phrase_pattern(state.phrases).search(sentence)
        if match:
            matches.append((state, match.start(), match.end()))
    return max(matches, key=lambda m: (m[0].rank, m[1]), default=None)
