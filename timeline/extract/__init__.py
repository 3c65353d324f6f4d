"""From an article to typed claims: dates, figures, statuses and events, each with provenance.

Extractors are pure functions over text; this module walks an article sentence
by sentence, attaches subjects, metrics and dates through the lexicon, and
turns every mention into a claim that knows its file, line, column and quote.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from datetime import timedelta

from timeline.extract.dates import DateMention, DateSettings, find_dates
from timeline.extract.clauses import clause_spans, names_in
from timeline.extract.events import find_events
from timeline.extract.figure_keys import KeyReading, read_key
from timeline.extract.figures import FigureMention, find_figures
from timeline.extract.sentences import Sentence, inside, relative_clauses, split_sentences
from timeline.extract.statuses import find_statuses
from timeline.lexicon import Lexicon
from timeline.models import Article, Claim, DateClaim, DateValue, EventClaim, FigureClaim, Provenance, StatusClaim
from timeline.ruleset import RuleSet


def extract_claims(article: Article, ruleset: RuleSet, settings: DateSettings = DateSettings()) -> list[Claim]:
    """Every claim in the article, in text order."""
    body = article.body
    dates = find_dates(body, article.published, settings)
    sentences = split_sentences(body)
    story_dates = [d for d in dates if not _in_header(article, d)]
    claims: list[Claim] = []
    starts = [sentence.start for sentence in sentences]

    def provenance(start: int, end: int, sentence: Sentence | None) -> Provenance:
        line, column = article.position(start)
        return Provenance(path=article.path, line=line, column=column, quote=sentence.text if sentence else body[start:end])

    for mention in dates:
        where = provenance(mention.start, mention.end, _sentence_at(sentences, starts, mention.start))
        claims.append(DateClaim(provenance=where, text=body[mention.start : mention.end], published=article.published, date=mention.value))

    paragraph_entity: str | None = None
    for index, sentence in enumerate(sentences):
        if index and sentences[index - 1].paragraph != sentence.paragraph:
            paragraph_entity = None
        in_sentence = [d for d in story_dates if sentence.start <= d.start < sentence.end]
        date_spans = [(d.start - sentence.start, d.end - sentence.start) for d in dates if d.start < sentence.end and sentence.start < d.end]
        figures = find_figures(sentence.text, ruleset.figures, date_spans)
        spans = [(f.start, f.start + len(f.value.text)) for f in figures]
        names = names_in(sentence.text, ruleset.lexicon, spans + date_spans)
        earlier_dates = _previous_sentence_dates(sentences, index, story_dates)
        previous: tuple[tuple[int, int], str | None] | None = None
        for figure, span, clause in zip(figures, spans, clause_spans(sentence.text, spans)):
            reading = read_key(sentence.text, span, clause, figure.value, names, spans + date_spans, ruleset.lexicon, paragraph_entity)
            if previous and previous[0] == clause[2:] and not any(clause[0] <= n.start < clause[1] for n in names):
                reading = replace(reading, subject=previous[1], key=reading.key and reading.key.model_copy(update={"subject": previous[1]}))
            previous = (clause[2:], reading.subject)
            where = provenance(sentence.start + span[0], sentence.start + span[1], sentence)
            own_subject = any(not n.reference for n in names)
            claims.append(_figure_claim(figure, reading, _period_dates(in_sentence, [] if own_subject else earlier_dates, sentence, clause), article, where))
        paragraph_entity = next((n.id for n in names if not n.reference), paragraph_entity)
        for status in find_statuses(sentence.text, sentence.start, ruleset.lexicon):
            as_of = _nearest(_same_clause(in_sentence, sentence, status.start), status.start)
            claims.append(
                StatusClaim(
                    provenance=provenance(status.start, status.end, sentence), text=body[status.start : status.end], published=article.published,
                    subject=status.subject, state=status.state, as_of=as_of.value if as_of else _publication(article),
                )  # fmt: skip
            )
        for event in find_events(sentence.text, sentence.start, ruleset.lexicon):
            when = _nearest(in_sentence, event.start) or _nearest(_previous_sentence_dates(sentences, index, story_dates), event.start)
            claims.append(
                EventClaim(
                    provenance=provenance(event.start, event.end, sentence), text=body[event.start : event.end], published=article.published,
                    event_kind=event.kind, title=event.title, subject=_subject_near(ruleset.lexicon, sentence.text, event.start - sentence.start),
                    date=when.value if when else None,
                )  # fmt: skip
            )
    return sorted(claims, key=lambda c: (c.provenance.line, c.provenance.column, c.kind))


def _figure_claim(figure: FigureMention, reading: KeyReading, dates: tuple[list[DateMention], int], article: Article, where: Provenance) -> FigureClaim:
    candidates, position = dates
    as_of = _nearest(candidates, position)
    period = as_of.value if as_of else _publication(article)
    if reading.earlier and as_of is None and article.published:
        period = _before_publication(article)
    return FigureClaim(
        provenance=where, text=figure.value.text, published=article.published,
        value=figure.value, subject=reading.subject, metric=reading.metric.id if reading.metric else None,
        as_of=period, as_of_stated=as_of is not None, key=reading.key,
        earlier=reading.earlier, correction=reading.correction, superseded=reading.superseded,
    )  # fmt: skip


def _period_dates(in_sentence: list[DateMention], earlier: list[DateMention], sentence: Sentence, clause: tuple[int, int, int, int]) -> tuple[list[DateMention], int]:
    """The dates a figure's period is read from: its item's, else its clause's, else the sentence's, else the paragraph's.

    The paragraph's date (the last one in the sentences before) is used only
    when it is a day and the figure's sentence names no entity of its own: a
    continuation of the one before ("On Monday the river breached its banks.
    41 people died."). A longer period there ("In FY25, imports surged ...
    Imports averaged ...") is the background of a different statement.

    Returned with the position to measure nearness from (the item's start).
    """
    item_start, item_end, clause_start, clause_end = (sentence.start + offset for offset in clause)
    for low, high in ((item_start, item_end), (clause_start, clause_end)):
        local = [d for d in in_sentence if low <= d.start < high]
        if local:
            return local, item_start
    if in_sentence:
        return in_sentence, item_start
    return [d for d in earlier[-1:] if d.value.precision == "day"], item_start


def _before_publication(article: Article) -> DateValue:
    """"initially", "originally": a figure from before the article's own time (the year before it)."""
    end = article.published - timedelta(days=1)
    start = end - timedelta(days=364)
    return DateValue(text="earlier", value=f"{start.isoformat()}/{end.isoformat()}", start=start, end=end, precision="range")


def _subject_near(lexicon: Lexicon, sentence: str, position: int) -> str | None:
    """The entity named nearest before ``position`` in the sentence, else the first after it."""
    entities = lexicon.entities_in(sentence)
    before = [e for e in entities if e[1] <= position]
    if before:
        return before[-1][2]
    after = [e for e in entities if e[0] >= position]
    return after[0][2] if after else None


def _nearest(dates: list[DateMention], position: int) -> DateMention | None:
    resolved = [d for d in dates if d.value.resolved] or dates
    return min(resolved, key=lambda d: (abs(d.start - position), d.start), default=None)


def _same_clause(dates: list[DateMention], sentence: Sentence, position: int) -> list[DateMention]:
    """Dates in the same part of the sentence: an aside's date is not the main clause's."""
    asides = relative_clauses(sentence.text)
    in_aside = inside(position - sentence.start, asides)
    return [d for d in dates if inside(d.start - sentence.start, asides) == in_aside]


def _previous_sentence_dates(sentences: list[Sentence], index: int, dates: list[DateMention]) -> list[DateMention]:
    if index == 0 or sentences[index - 1].paragraph != sentences[index].paragraph:
        return []
    previous = sentences[index - 1]
    return [d for d in dates if previous.start <= d.start < previous.end]


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence holding ``offset`` (``starts`` are the sentences' start offsets, ascending)."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def _in_header(article: Article, mention: DateMention) -> bool:
    return article.header is not None and article.header[0] <= mention.start < article.header[1]


def _publication(article: Article) -> DateValue | None:
    if article.published is None:
        return None
    iso = article.published.isoformat()
    return DateValue(text=iso, value=iso, start=article.published, end=article.published, precision="day")
