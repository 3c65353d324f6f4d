"""Standing figures: what a thing is or has, stated in the simple present, true for the story and not for one day.

Most figures in the news are of a moment: a toll "rose to 41", 1,200 people
"were evacuated", China "currently" controls 90%. A figure with no date of
its own speaks of its article's week (``comparison``), and two such figures
weeks apart may both be right. But some figures describe a thing rather
than a moment: "Sentra-3 carries 14 instruments", "the mission is budgeted
at $410 million", "the corporation runs 212 schools". A later article that
says the same thing with another number contradicts it, however many weeks
lie between them.

The cue is grammar, not vocabulary: the figure's own clause (read by the
clause stage, ``predicates``) is in the simple present, active or passive
("carries", "is budgeted at", "is worth"), affirmative and done, with no
perfect ("has risen"), progressive ("is running"), modal ("will cost") or
past ("cost", which may be either, counts as past). It is not:

- a figure the clause places in time ("now", "currently", "so far", "this
  week", "latest", "still"), a change, a correction or an earlier value;
- the subject of "be" with a state ("48 people are dead", "40,000 hectares
  are under water"): a state of the moment;
- a figure a reporting verb gives ("is estimated at $2 million"): estimates
  move as a story unfolds;
- a count of people (``people`` in ``rules/lexicon/measures.yaml``): people
  come and go, a hospital's patients or a train's passengers are of a day.
  A bound on people ("the stadium seats 32,000 people", ``figure_limits``)
  is not: it says how many fit, and stands like any capacity.

A date in another clause of the sentence does not place a standing figure
in time (``figure_claims``): in "the stadium seats 32,000 people, and
every ticket was sold on June 1" the day is the tickets', and the stadium
seats as many after it as before.
"""

from __future__ import annotations

import re

from timeline.extract.figure_context import Cue, holds_word, search_end
from timeline.extract.predicates import Predicate
from timeline.extract.words import can_be, lemma, verb_forms
from timeline.lexicon import Lexicon
from timeline.models import FigureValue

TIME_CUE = Cue(
    r"\b(?:now|currently|presently|still|so far|thus far|to date|till date|today|tonight|yet|at present|as of|latest|"
    r"no longer|again|already|recently|this (?:week|month|year|morning|afternoon|evening|quarter|season|time))\b",
    ("now", "currently", "present", "still", "far", "date", "today", "tonight", "yet", "as of", "latest", "longer", "again", "already", "recently", "this"),
)
MODALS = frozenset("will would shall should can could may might must 'll".split())
HAVE = frozenset("has have had having".split())
HAS_BEFORE = re.compile(r"\b(?:has|have)\s+(?:(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+){1,3}of\s+)?$", re.IGNORECASE)
PAST_WORDS = Cue(r"\b(?:had|was|were|did)\b", ("had", "was", "were", "did"))
GERUND = re.compile(r"[a-z]+ing\b")


def is_standing(sentence: str, figure: tuple[int, int], clause: str, predicates: list[Predicate], value: FigureValue, lexicon: Lexicon, kind: str, bounded: bool = False) -> bool:
    """Whether the figure at ``figure`` (sentence offsets) states what a thing is or has, in the simple present.

    ``clause`` is the figure's own clause's text, ``predicates`` the clause
    stage's reading of the sentence and ``kind`` the kind of its key: only a
    level stands (a share of a market or a rate of traffic moves with it);
    ``bounded`` whether its key states a bound. The caller rules out figures
    with a date of their own, a change or a correction.
    """
    if kind != "level" or value.change or TIME_CUE.search(clause):
        return False
    if value.noun and lemma(value.noun.split()[-1]) in lexicon.people and not bounded:
        return False
    predicate = own_predicate(predicates, figure[0])
    if predicate is None:
        # "the council has 60 members", "the trust has a budget of £42 million": the clause stage reads "have" as no action
        return bool(search_end(HAS_BEFORE, 6, sentence, 0, figure[0]))
    if predicate.state != "done" or (predicate.verb.split() or [""])[0] in lexicon.reporting_verbs:
        return False
    group = sentence[predicate.start : predicate.end].lower().split()
    if not group or any(word in MODALS for word in group) or any(word in HAVE for word in group[:-1]) or group[-1].endswith("ing"):
        return False  # "will cost", "has risen", "is running"; but "has 60 members" is present
    tags = verb_forms(group[0])
    if not tags & {"VBZ", "VBP"} or "VBD" in tags:
        return False  # "cost", "put", "set": present or past, and a reader cannot tell
    if predicate.start < figure[1] and figure[0] < predicate.end:
        return False  # the clause stage read the figure's own noun as the verb ("had 61,200 votes")
    between = sentence[predicate.end : figure[0]]
    if any(can_be(word, "VERB") for word in GERUND.findall(between)):
        return False  # "is the largest exporter, controlling over 70%": the participle's, of the moment
    subject = predicate.subject
    in_subject = subject is not None and subject.start <= figure[0] < subject.end
    if predicate.verb == "be" and not predicate.passive and (in_subject or figure[0] < predicate.start):
        return False  # "48 people are dead": a state of the moment
    if not (figure[0] >= predicate.end or in_subject):
        return False
    # Last, as it reads the clause's own words character by character: "Okafor had 61,200 votes" has a past
    # verb the clause stage did not take for the clause's. Words the text before the figure lacks are not in them.
    before = sentence[: figure[0]]
    return not (holds_word(before, PAST_WORDS.words) and PAST_WORDS.search("".join(ch if predicate.owns(i) else " " for i, ch in enumerate(before))))


def own_predicate(predicates: list[Predicate], position: int) -> Predicate | None:
    """The innermost clause whose own words hold the figure (an aside's, not the sentence's, when it stands in one)."""
    owners = [p for p in predicates if p.owns(position)]
    return min(owners, key=lambda p: p.clause[1] - p.clause[0]) if owners else None

