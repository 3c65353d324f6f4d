"""The domain lexicon (entities, metrics, status vocabularies, event words) as validated data.

The lexicon is YAML under ``rules/lexicon/`` so that a fact-checker can teach
the tool a new metric or alias without touching Python. Each file is checked
by a pydantic schema that rejects unknown keys, so a typo fails loudly with
the file's name instead of being ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from pydantic import Field

from timeline.alternation import by_first_letter
from timeline.models import Frozen as Strict

@lru_cache(maxsize=None)
def phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex for a list of phrases; ``recycl*`` matches any ending.

    Longer phrases are tried first so that "magnet production capacity" wins
    over "production" at the same position; flexible whitespace and hyphens
    let "rare earth" match "rare-earth". Cached: the lexicon asks for the same
    patterns for every sentence. The phrases are grouped by their first letter
    (``alternation``): a position that opens none of them costs one test.
    """
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        stem = phrase.endswith("*")
        words = [re.escape(w) for w in re.split(r"[\s-]+", phrase.rstrip("*").strip())]
        body = re.sub(r"['’]", "['’]", r"[\s-]+".join(words))
        parts.append(body + (r"\w*" if stem else r"\b"))
    return re.compile(r"(?<!\w)(?:" + by_first_letter(parts) + ")", re.IGNORECASE)


class Entity(Strict):
    id: str
    aliases: tuple[str, ...]


class Metric(Strict):
    id: str
    label: str
    units: tuple[str, ...]
    phrases: tuple[str, ...]
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    subject: str | None = None
    varies: bool = False  # accepted for older rule sets; periods now decide what is compared

    @cached_property
    def phrase_regex(self) -> re.Pattern[str]:
        return phrase_pattern(self.phrases)

    @cached_property
    def requires_regex(self) -> re.Pattern[str] | None:
        return phrase_pattern(self.requires) if self.requires else None

    @cached_property
    def excludes_regex(self) -> re.Pattern[str] | None:
        return phrase_pattern(self.excludes) if self.excludes else None

    def admits(self, sentence: str, unit: str) -> bool:
        """Whether the metric can apply to a figure of this unit in this sentence."""
        if unit not in self.units:
            return False
        if self.requires_regex is not None and not self.requires_regex.search(sentence):
            return False
        return not (self.excludes_regex is not None and self.excludes_regex.search(sentence))


class StatusState(Strict):
    state: str
    rank: int
    phrases: tuple[str, ...]


class StatusSubject(Strict):
    id: str
    keywords: tuple[str, ...]
    requires: tuple[str, ...] = ()
    states: tuple[StatusState, ...]


class EventType(Strict):
    kind: str
    nouns: tuple[str, ...]
    verbs: tuple[str, ...]

    @cached_property
    def verb_regex(self) -> re.Pattern[str]:
        """Compiled once per event type: looking the pattern up by its phrases hashed them for every sentence."""
        return phrase_pattern(self.verbs)

    @cached_property
    def noun_regex(self) -> re.Pattern[str]:
        return phrase_pattern(self.nouns)


class Measure(Strict):
    """A measured thing and the words that name it ("kill", "death", "toll" are all deaths)."""

    id: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class PredicateWordSets:
    """``PredicateWords`` as the clause stage looks words up in them: word lists as sets, phrase lists as
    patterns (None for an empty list, which no text holds).

    Every clause of every sentence asks. A list is a tuple, read word by
    word, and ``phrase_pattern``'s cache hashes the whole list each time it
    is asked for its pattern.
    """

    copulas: frozenset[str]
    particles: frozenset[str]
    stopped: frozenset[str]
    postponed: frozenset[str]
    resumed: frozenset[str]
    lifecycle: frozenset[str]  # the stop, postpone and restart verbs together
    deliveries: frozenset[str]
    pending: re.Pattern[str] | None
    negations: re.Pattern[str] | None
    planned: re.Pattern[str] | None


class PredicateWords(Strict):
    """Grammar words of news English that say what state an action is in (``rules/lexicon/predicates.yaml``)."""

    planned: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    stopped: tuple[str, ...] = ()
    postponed: tuple[str, ...] = ()
    resumed: tuple[str, ...] = ()
    movements: tuple[str, ...] = ()
    copulas: tuple[str, ...] = ()
    particles: tuple[str, ...] = ()
    deliveries: tuple[str, ...] = ()
    event_nouns: tuple[str, ...] = ()

    @cached_property
    def sets(self) -> PredicateWordSets:
        """These words as sets and patterns, made once (``PredicateWordSets``)."""
        pattern = lambda phrases: phrase_pattern(phrases) if phrases else None  # noqa: E731
        return PredicateWordSets(
            copulas=frozenset(self.copulas), particles=frozenset(self.particles), stopped=frozenset(self.stopped),
            postponed=frozenset(self.postponed), resumed=frozenset(self.resumed), lifecycle=frozenset(self.stopped + self.postponed + self.resumed),
            deliveries=frozenset(self.deliveries), pending=pattern(self.pending), negations=pattern(self.negations), planned=pattern(self.planned),
        )  # fmt: skip


class Lexicon(Strict):
    entities: tuple[Entity, ...] = ()
    metrics: tuple[Metric, ...] = ()
    status_subjects: tuple[StatusSubject, ...] = Field(default=(), alias="subjects")
    events: tuple[EventType, ...] = ()
    measures: tuple[Measure, ...] = ()
    people: tuple[str, ...] = ()
    reporting_verbs: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    neutral_words: tuple[str, ...] = ()
    state_verbs: tuple[str, ...] = ()
    predicates: PredicateWords = PredicateWords()

    @cached_property
    def measure_of(self) -> dict[str, str]:
        """Lower-case word or phrase (dictionary form) -> measure id."""
        return {word.lower(): measure.id for measure in self.measures for word in measure.words}

    @cached_property
    def stateless_verbs(self) -> frozenset[str]:
        """Verbs that say nothing about a thing's state: the reporting verbs and the figure movements."""
        return frozenset(self.reporting_verbs) | frozenset(self.predicates.movements)

    @cached_property
    def event_nouns(self) -> tuple[str, ...]:
        """Nouns that name a happening: the clause stage's general list and every event kind's nouns."""
        return self.predicates.event_nouns + tuple(noun for kind in self.events for noun in kind.nouns)

    @cached_property
    def reference_regex(self) -> re.Pattern[str] | None:
        return phrase_pattern(self.references) if self.references else None

    @cached_property
    def entity_regexes(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((entity.id, phrase_pattern(entity.aliases)) for entity in self.entities)

    @cached_property
    def metrics_by_unit(self) -> dict[str, list[Metric]]:
        """The metrics for figures of each unit, in the lexicon's order: most metrics have other units, and need no test."""
        units = {unit for metric in self.metrics for unit in metric.units}
        return {unit: [metric for metric in self.metrics if unit in metric.units] for unit in units}

    @cached_property
    def any_entity_regex(self) -> re.Pattern[str] | None:
        """Every alias of every entity in one pattern: a text it does not match names no entity, which is most texts."""
        aliases = tuple(alias for entity in self.entities for alias in entity.aliases)
        return phrase_pattern(aliases) if aliases else None

    @cached_property
    def any_event_verb_regex(self) -> re.Pattern[str] | None:
        """Every event kind's verbs in one pattern: a sentence it does not match holds no event of any kind,
        which is most sentences, and is not searched kind by kind."""
        verbs = tuple(verb for kind in self.events for verb in kind.verbs)
        return phrase_pattern(verbs) if verbs else None

    def entities_in(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every alias in ``text``, in text order.

        One search for any alias comes first: where an entity's own pattern
        matches, the combined one matches too, so a text without a hit
        skips the per-entity searches and nothing is missed.
        """
        if self.any_entity_regex is None or not self.any_entity_regex.search(text):
            return []
        found = [(m.start(), m.end(), entity_id) for entity_id, regex in self.entity_regexes for m in regex.finditer(text)]
        return sorted(found)

