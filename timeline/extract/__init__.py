"""From an article to typed claims: dates, figures, statuses and events, each with provenance.

Extractors are pure functions over text; this module walks an article sentence
by sentence, attaches subjects, metrics and dates through the lexicon, and
turns every mention into a claim that knows its file, line, column and quote.
"""

from __future__ import annotations

from bisect import bisect_right

from timeline.extract.dates import DateMention, DateSettings, find_dates
from timeline.extract.events import find_events
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

    for index, sentence in enumerate(sentences):
        in_sentence = [d for d in story_dates if sentence.start <= d.start < sentence.end]
        date_spans = [(d.start - sentence.start, d.end - sentence.start) for d in dates if d.start < sentence.end and sentence.start < d.end]
        for figure in find_figures(sentence.text, ruleset.figures, date_spans):
            start = sentence.start + figure.start
            claims.append(_figure_claim(figure, sentence, in_sentence, article, ruleset.lexicon, provenance(start, start + len(figure.value.text), sentence)))
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


def _figure_claim(figure: FigureMention, sentence: Sentence, dates: list[DateMention], article: Article, lexicon: Lexicon, where: Provenance) -> FigureClaim:
    local = figure.start
    increment = figure.value.qualifier == "more"
    metric = None if increment else _metric_for(lexicon, sentence.text, local, figure.value.unit)
    subject = metric.subject if metric and metric.subject else _subject_near(lexicon, sentence.text, local)
    start = sentence.start + figure.start
    as_of = _nearest(dates, start)
    return FigureClaim(
        provenance=where, text=figure.value.text, published=article.published,
        value=figure.value, subject=subject, metric=metric.id if metric else None,
        as_of=as_of.value if as_of else _publication(article), as_of_stated=as_of is not None,
    )  # fmt: skip


def _metric_for(lexicon: Lexicon, sentence: str, position: int, unit: str):
    """The metric whose phrase comes first after the figure, else nearest before it."""
    admitted = [m for m in lexicon.metrics if m.admits(sentence, unit)]
    after = [(match.start(), -len(match.group(0)), i) for i, m in enumerate(admitted) if (match := m.phrase_regex.search(sentence, position))]
    if after:
        return admitted[min(after)[2]]
    before = []
    for i, metric in enumerate(admitted):
        hits = [h for h in metric.phrase_regex.finditer(sentence[:position])]
        if hits:
            before.append((-hits[-1].end(), -len(hits[-1].group(0)), i))
    return admitted[min(before)[2]] if before else None


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
