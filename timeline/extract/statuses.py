"""Statuses: the reported state of something that changes over time (a visit awaited, then cancelled).

A status needs, in one sentence, one of a subject's keywords and one of its
state phrases from ``rules/lexicon/statuses.yaml``. When a sentence carries
several states, one in the main clause wins over one in a ", which ..."
aside ("The visit, which was postponed in July, is still awaiting
confirmation" reports "awaiting"); among equals, the one furthest along the
lifecycle (highest rank) is what the sentence reports now.
"""

from __future__ import annotations

from dataclasses import dataclass

from timeline.extract.sentences import inside, relative_clauses
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
    asides = relative_clauses(sentence)
    matches = []
    for state in subject.states:
        for match in phrase_pattern(state.phrases).finditer(sentence):
            matches.append((state, match.start(), match.end()))
    return max(matches, key=lambda m: (not inside(m[1], asides), m[0].rank, m[1]), default=None)
