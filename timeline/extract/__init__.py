"""From an article to typed claims: dates, figures, statuses and events, each with provenance.

Extractors are pure functions over text; this module walks an article sentence
by sentence, carrying what a reader carries (the entity the paragraph is about,
the dates of the sentence before), and turns every mention into a claim that
knows its file, line, column and quote. Figures become claims in
``figure_claims``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from timeline.extract.dates import DateMention, DateSettings, find_dates
from timeline.extract.clause_events import clause_events
from timeline.extract.clause_statuses import ClauseStatus, clause_statuses
from timeline.extract.clauses import names_in
from timeline.extract.events import find_events
from timeline.extract.figure_claims import SentenceContext, figure_claims, nearest, publication
from timeline.extract.figures import find_figures
from timeline.extract.predicates import read_predicates
from timeline.extract.sentences import MAX_SENTENCE_LENGTH, Sentence, inside, relative_clauses, split_sentences
from timeline.extract.sharing import share_strings, shared
from timeline.extract.statuses import find_statuses
from timeline.errors import InputWarning
from timeline.lexicon import Lexicon
from timeline.models import Article, Claim, DateClaim, DateValue, EventClaim, LineIndex, Provenance, StatusClaim
from timeline.ruleset import RuleSet


@dataclass(frozen=True)
class Extraction:
    claims: list[Claim]
    warnings: list[InputWarning]
    """What was cut to keep the reading linear: each sentence over the length limit, read in pieces."""


def extract_article(article: Article, ruleset: RuleSet, settings: DateSettings = DateSettings(), max_sentence_length: int = MAX_SENTENCE_LENGTH) -> Extraction:
    """Every claim in the article, and a warning for each sentence too long to read whole."""
    sentences, lines = split_sentences(article.body, max_sentence_length), LineIndex(article.body)
    warnings = [
        InputWarning(f"sentence is {s.cut_from:,} characters, over the limit of {max_sentence_length:,} (max-sentence-length): read in "
                     "pieces, so a figure may be read apart from words that describe it", article.path, lines.position(s.start)[0])
        for s in sentences if s.cut_from and s.piece == 0
    ]  # fmt: skip
    return Extraction(claims=_claims(article, ruleset, settings, sentences, lines), warnings=warnings)


def extract_claims(article: Article, ruleset: RuleSet, settings: DateSettings = DateSettings()) -> list[Claim]:
    """Every claim in the article, in text order."""
    return _claims(article, ruleset, settings, split_sentences(article.body), LineIndex(article.body))


def _claims(article: Article, ruleset: RuleSet, settings: DateSettings, sentences: list[Sentence], lines: LineIndex) -> list[Claim]:
    body = article.body
    dates = find_dates(body, article.published, settings)
    story_dates = [d for d in dates if not _in_header(article, d)]
    claims: list[Claim] = []
    starts = [sentence.start for sentence in sentences]
    all_dates, own_dates = DatesByOffset(dates), DatesByOffset(story_dates)

    def provenance(start: int, end: int, sentence: Sentence | None) -> Provenance:
        line, column = lines.position(start)
        return Provenance(path=article.path, line=line, column=column, quote=sentence.text if sentence else body[start:end])

    for mention in dates:
        where = provenance(mention.start, mention.end, _sentence_at(sentences, starts, mention.start))
        claims.append(DateClaim(provenance=where, text=body[mention.start : mention.end], published=article.published, date=shared(mention.value)))

    paragraph_entity: str | None = None
    last_status_key: str | None = None
    last_key = None
    known_measures = set(ruleset.lexicon.measure_of.values()) | {metric.id for metric in ruleset.lexicon.metrics}
    for index, sentence in enumerate(sentences):
        if index and sentences[index - 1].paragraph != sentence.paragraph:
            paragraph_entity = None
        in_sentence = own_dates.starting_in(sentence.start, sentence.end)
        date_spans = [(d.start - sentence.start, d.end - sentence.start) for d in all_dates.overlapping(sentence.start, sentence.end)]
        figures = find_figures(sentence.text, ruleset.figures, date_spans)
        names = names_in(sentence.text, ruleset.lexicon, [(f.start, f.start + len(f.value.text)) for f in figures] + date_spans)
        predicates = read_predicates(sentence.text, ruleset.lexicon.predicates, date_spans)
        context = SentenceContext(sentence, names, in_sentence, date_spans, _previous_sentence_dates(sentences, index, own_dates), paragraph_entity, last_key, predicates)
        made = figure_claims(figures, context, ruleset.lexicon, article, provenance)
        claims.extend(made)
        last_key = next((c.key for c in reversed(made) if c.key and c.key.measure in known_measures), last_key)
        named = next((n.id for n in names if not n.reference), None)
        paragraph_entity = named or paragraph_entity  # the sentence's first name, else the paragraph's last one
        read = clause_events(sentence.text, sentence.start, predicates, in_sentence, ruleset.lexicon, paragraph_entity, article.published)
        for event in read:
            claims.append(
                EventClaim(
                    provenance=provenance(event.start, event.end, sentence), text=body[event.start : event.end].strip(), published=article.published,
                    event_kind=event.kind, title=event.title, subject=event.actor, date=shared(event.date.value) if event.date else None,
                    actor=event.actor, action=event.action, object=event.object, state=event.state,
                )  # fmt: skip
            )
        named_statuses = find_statuses(sentence.text, sentence.start, ruleset.lexicon)
        for status in named_statuses:
            as_of = nearest(_same_clause(in_sentence, sentence, status.start), status.start)
            claims.append(
                StatusClaim(
                    provenance=provenance(status.start, status.end, sentence), text=body[status.start : status.end], published=article.published,
                    subject=status.subject, state=status.state, as_of=shared(as_of.value) if as_of else publication(article),
                )  # fmt: skip
            )
        if index and sentences[index - 1].paragraph != sentence.paragraph:
            last_status_key = None
        if not named_statuses:  # a sentence the vocabulary reads is left to it
            for status in clause_statuses(sentence.text, predicates, ruleset.lexicon, last_status_key):
                start = sentence.start + status.start
                if status.link in BACKGROUND_LINKS and not any(status.predicate.owns(d.start - sentence.start) for d in in_sentence):
                    continue  # "while the bridge was shut": background, with no date to place it
                claims.append(
                    StatusClaim(
                        provenance=provenance(start, sentence.start + status.end, sentence), text=body[start : sentence.start + status.end], published=article.published,
                        subject=status.key, state=status.state, as_of=shared(_status_date(status, sentence, in_sentence, article)), source="clause",
                    )  # fmt: skip
                )
                last_status_key = status.key
        for event in find_events(sentence.text, sentence.start, ruleset.lexicon):
            if any(e.start <= event.start < e.end or event.start <= e.start < event.end for e in read):
                continue  # the clause already gave this event, with its actor and action
            when = nearest(in_sentence, event.start) or nearest(_previous_sentence_dates(sentences, index, own_dates), event.start)
            claims.append(
                EventClaim(
                    provenance=provenance(event.start, event.end, sentence), text=body[event.start : event.end], published=article.published,
                    event_kind=event.kind, title=event.title, subject=_subject_near(ruleset.lexicon, sentence.text, event.start - sentence.start),
                    date=shared(when.value) if when else None,
                )  # fmt: skip
            )
    claims.sort(key=lambda c: (c.provenance.line, c.provenance.column, c.kind))
    share_strings(claims)
    return claims


BACKGROUND_LINKS = frozenset({"while", "after", "before", "since", "because", "once", "until", "which", "who", "whom", "whose", "where", "participle"})


def _status_date(status: ClauseStatus, sentence: Sentence, dates: list[DateMention], article: Article) -> DateValue | None:
    """When a clause status held: the clause's own past date for a done, stopped, postponed or resumed
    action ("launched on March 12"), else the article's publication date ("is expected to take place on
    Friday" is planned as of the day it was reported, not as of Friday; "the city said on Tuesday that the
    reopening has been postponed" is postponed as of the report, since Tuesday is the saying's date)."""
    if status.state in {"done", "stopped", "postponed", "resumed"}:
        if status.predicate is not None:
            own = [d for d in dates if status.predicate.owns(d.start - sentence.start)]
        else:
            own = _same_clause(dates, sentence, sentence.start + status.start)
        own = [d for d in own if d.value.resolved and d.value.start and (article.published is None or d.value.start <= article.published)]
        when = nearest(own, sentence.start + status.start)
        if when:
            return when.value
    return publication(article)


def _subject_near(lexicon: Lexicon, sentence: str, position: int) -> str | None:
    """The entity named nearest before ``position`` in the sentence, else the first after it."""
    entities = lexicon.entities_in(sentence)
    before = [e for e in entities if e[1] <= position]
    if before:
        return before[-1][2]
    after = [e for e in entities if e[0] >= position]
    return after[0][2] if after else None


def _same_clause(dates: list[DateMention], sentence: Sentence, position: int) -> list[DateMention]:
    """Dates in the same part of the sentence: an aside's date is not the main clause's."""
    asides = relative_clauses(sentence.text)
    in_aside = inside(position - sentence.start, asides)
    return [d for d in dates if inside(d.start - sentence.start, asides) == in_aside]


def _previous_sentence_dates(sentences: list[Sentence], index: int, dates: DatesByOffset) -> list[DateMention]:
    if index == 0 or sentences[index - 1].paragraph != sentences[index].paragraph:
        return []
    previous = sentences[index - 1]
    return dates.starting_in(previous.start, previous.end)


class DatesByOffset:
    """An article's date mentions, looked up by offset: each sentence finds its own dates by binary
    search rather than by scanning every date of the article (which made long articles quadratic)."""

    def __init__(self, dates: list[DateMention]) -> None:
        self.dates = sorted(dates, key=lambda d: d.start)
        self.starts = [d.start for d in self.dates]
        self.longest = max((d.end - d.start for d in self.dates), default=0)

    def starting_in(self, start: int, end: int) -> list[DateMention]:
        """Dates that start within [start, end), in text order."""
        return self.dates[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[DateMention]:
        """Dates with some character in [start, end), in text order: one starting before it reaches in by at most the longest date's length."""
        window = self.dates[bisect_left(self.starts, start - self.longest) : bisect_left(self.starts, end)]
        return [d for d in window if d.end > start]


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (``starts`` are the sentences' start offsets, ascending)."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def _in_header(article: Article, mention: DateMention) -> bool:
    return article.header is not None and article.header[0] <= mention.start < article.header[1]
