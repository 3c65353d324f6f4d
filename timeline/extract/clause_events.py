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

A clause joined by "when", "as" or "while" without a date of its own happened
at the moment of the clause it joins. A verb that only moves a figure ("rose",
"crossed") is an event when no figure follows it ("the river crossed the
danger mark on Sunday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from timeline.extract.asides import AUXILIARY_WORDS, noun_phrase_before
from timeline.extract.dates import DateMention
from timeline.extract.figure_units import UNIT
from timeline.extract.grammar_words import OPENS_WITH_TIME
from timeline.extract.predicates import DETERMINERS, NUMBER_WORDS, PRONOUNS, Phrase, Predicate, linked_phrase
from timeline.extract.words import can_be, inflect, lemma, stem_key, verb_forms
from timeline.lexicon import Lexicon, phrase_pattern

POSSESSIVE_BEFORE = re.compile(r"[’']s\s+$")
DATE_LINK = re.compile(r"\s+(?:on|in|of)?\s*")
POSSESSIVE_GAP = re.compile(r"(?:[’']s)?\s+")
WORDS = re.compile(r"[\w’'-]+")
NAMES_A_PERIOD = re.compile(r"day\b|\b(?:weeks?|months?|years?|january|february|march|april|may|june|july|august|september|october|november|december)\b", re.IGNORECASE)
DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)

NOT_EVENT_STATES = frozenset({"not done", "pending"})
SIMULTANEOUS = frozenset({"when", "as", "while"})  # "killed on Thursday when the express derailed": one moment
ASIDE_LINKS = frozenset({"which", "who", "whom", "whose", "where", "participle"})
FIGURE_WORD = re.compile(r"\d|\b(?:per ?cent|percent|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|lakhs?|crores?|millions?|billions?)\b", re.IGNORECASE)
PURPOSE = re.compile(r"\b(?:to|for|towards)\s+(?![\d₹$€£])", re.IGNORECASE)
OF_PHRASE = re.compile(r"\s+(?:of|for|on|into)\s+([\w₹$€£’'.-]+(?:\s+[\w₹$€£’'.-]+){0,5}?)(?=\s+(?:on|in|at|by|was|were|is|are|came|took|has|had|will)\b|[,.;]|$)")
SCALE_WORDS = frozenset("crore lakh million billion trillion mn bn cr per cent percent % than least to".split())
QUALIFIERS = frozenset("over about nearly around almost some roughly more less at least up to under above below least".split())
TITLE_WORDS = 7
PLURAL_HEADS = frozenset("people police children men women staff crew cattle".split())
MEASURE_UNIT = re.compile(UNIT + r"$", re.IGNORECASE)
RESTATED_TIME = re.compile(
    r"\b(?:earlier|later|ago|before|afterwards|yesterday|week|weekend|month|year|day|night|morning|afternoon|evening)\s*,\s*(?:on\s+|in\s+)?$", re.IGNORECASE
)  # "approved six days earlier, on April 14": the date after the comma restates when
HEADLINE_ARTICLE = re.compile(r"^(\w+)\s+(?:the|a|an)\s+", re.IGNORECASE)  # headlines drop articles: "on the merger" -> "on merger"
OF_THEN_DATE = re.compile(r"\s+of\s+((?:[\w₹$€£’'.-]+\s+){1,7}?)(?:on|in)\s+")  # "signing of its €31 million contract on"
TIME_WORD_BEFORE = re.compile(r"\b(?:since|after|before|following|until|till|ahead of|prior to)\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w’'-]+[’']s\s+)?$", re.IGNORECASE)


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
    if not dates:
        return []  # every event here is dated by a date of its sentence: most sentences have none
    events = []
    words = lexicon.predicates
    nouns = lexicon.event_nouns
    dated_nouns = _nouns_with_dates(sentence, offset, dates, nouns)
    owned = _noun_owned_dates(sentence, dated_nouns, predicates)
    own = [[d for d in dates if id(d) not in owned and _dates_clause(sentence, offset, predicate, d, published)] for predicate in predicates]
    for index, predicate in enumerate(predicates):
        clause_dates = own[index] or _shared_dates(predicates, own, index)
        if not clause_dates or predicate.state in NOT_EVENT_STATES or _repeats_figure(sentence, predicate):
            continue
        when = min(clause_dates, key=lambda d: abs(d.start - offset - predicate.start))
        base = predicate.verb.split()[0]
        if base in words.movements and _states_figure(sentence, predicate):
            continue  # "the toll rose to 41": a figure moved, nothing happened of its own
        if base in lexicon.reporting_verbs or base in words.sets.copulas or predicate.verb in words.sets.copulas:
            noun = _event_noun(sentence, predicate, nouns)
            if noun is None:
                continue
            events.append(_noun_event(sentence, offset, predicate, noun, when, lexicon))
            continue
        events.append(_verb_event(sentence, offset, predicate, when, lexicon, actor_before))
    return events + _dated_nouns(sentence, offset, dates, dated_nouns, events, published)


def _nouns_with_dates(sentence: str, offset: int, dates: list[DateMention], nouns: tuple[str, ...]) -> list[tuple[int, int, DateMention]]:
    """Each event noun of the sentence that has a date of its own, with that date (read once per sentence)."""
    if not nouns or not dates:
        return []
    found = ((m.start(), m.end(), _date_of_noun(sentence, offset, m.start(), m.end(), dates)) for m in phrase_pattern(nouns).finditer(sentence))
    return [(start, end, mention) for start, end, mention in found if mention is not None]


def _dated_nouns(
    sentence: str, offset: int, dates: list[DateMention], dated_nouns: list[tuple[int, int, DateMention]], found: list[ClauseEvent], published: date | None
) -> list[ClauseEvent]:
    """An event noun with its own date is an event wherever it stands: "since the bridge's closure on March 4",
    "Thursday's derailment of the express", "the March 3 vote"."""
    events = []
    for start, end, mention in dated_nouns:
        if published and mention.value.start and mention.value.start > published:
            continue
        action = lemma(sentence[start:end])
        noun = sentence[start:end].lower()
        if any(e.date is mention and e.object and noun in e.object.lower() for e in found):
            continue  # "approved the budget on March 3": the noun is what the clause's own event acted on
        if any(e.date and e.date.value == mention.value and stem_key(e.action) == stem_key(action) for e in found + events):
            continue
        possessive = POSSESSIVE_BEFORE.search(sentence[max(0, start - 4) : start])
        span = noun_phrase_before(sentence, start - len(possessive.group(0)), []) if possessive else None
        owner = re.match(r"(.*)", sentence[span[0] : span[1]]) if span else None
        thing = OF_PHRASE.match(sentence, end)
        if thing and not thing.group(0).split()[0] == "of" or thing and _dated_span(sentence, offset, thing.span(1), dates):
            thing = None
        owned_by = _trim(owner.group(1)) if owner and not _dated_span(sentence, offset, span, dates) else None
        thing_text = _trim(thing.group(1)) if thing else owned_by
        title = _headline([sentence[start:end], "of" if thing_text else None, thing_text])
        events.append(ClauseEvent(offset + start, offset + end, "event", title, None, action, thing_text, "done", mention))
    return events


def _date_of_noun(sentence: str, offset: int, start: int, end: int, dates: list[DateMention]) -> DateMention | None:
    for mention in dates:
        before, after = mention.start - offset, mention.end - offset
        if end <= before and DATE_LINK.fullmatch(sentence[end:before]) and mention.value.resolved:
            return mention  # "closure on March 4"
        between = OF_THEN_DATE.fullmatch(sentence, end, before) if end <= before else None
        if between and mention.value.resolved and not _has_finite_verb(between.group(1)):
            return mention  # "the signing of its €31 million contract on February 9"
        if after <= start and POSSESSIVE_GAP.fullmatch(sentence[after:start]) and mention.value.resolved:
            return mention  # "Thursday's derailment", "the March 3 vote"
    return None


def _has_finite_verb(text: str) -> bool:
    """Whether a phrase holds a verb of its own; a participle after a determiner describes a noun ("the covered market")."""
    words = WORDS.findall(text)
    return any(_finite_verb(w) and not (i and words[i - 1].lower() in DETERMINERS) for i, w in enumerate(words) if w[:1].islower())


def _finite_verb(word: str) -> bool:
    return word in AUXILIARY_WORDS or bool(verb_forms(word) & {"VBD", "VBZ"}) and not can_be(word, "NOUN") and not can_be(word, "ADJ")


def _noun_owned_dates(sentence: str, dated_nouns: list[tuple[int, int, DateMention]], predicates: list[Predicate]) -> set[int]:
    """Dates that belong to an event noun, not to the clause's verb: after a time word ("has been waiting since the
    signing of its contract on February 9" dates the signing, and the waiting is no event of that day), or in the
    subject ("a report on the collapse of March 9 blamed a worn bolt": the report is not of March 9)."""
    subjects = [(p.subject.start, p.start) for p in predicates if p.subject is not None and p.clause[0] <= p.subject.start < p.start]
    return {
        id(mention)
        for start, _, mention in dated_nouns
        if TIME_WORD_BEFORE.search(sentence[max(0, start - 40) : start]) or any(s <= start < verb for s, verb in subjects)
    }


def _dated_span(sentence: str, offset: int, span: tuple[int, int], dates: list[DateMention]) -> bool:
    """Whether a phrase is, or holds, a date: "Thursday's", "of last March", but not "of its €31 million contract"."""
    inside = any(d.start - offset < span[1] and span[0] < d.end - offset for d in dates)
    return inside or _date_word(sentence[span[0] : span[1]])


def _date_word(text: str) -> bool:
    return bool(NAMES_A_PERIOD.search(text))


def _shared_dates(predicates: list[Predicate], own: list[list[DateMention]], index: int) -> list[DateMention]:
    """A clause joined by "when" / "as" / "while" happened at the moment of the clause it joins, and the other way round."""
    predicate = predicates[index]
    if predicate.link in SIMULTANEOUS:
        host = next((i for i in range(index - 1, -1, -1) if predicates[i].link not in ASIDE_LINKS), None)
        if host is not None:
            return own[host]
    following = next((i for i in range(index + 1, len(predicates)) if predicates[i].link not in ASIDE_LINKS), None)
    if following is not None and predicates[following].link in SIMULTANEOUS:
        return own[following]
    return []


def _dates_clause(sentence: str, offset: int, predicate: Predicate, mention: DateMention, published: date | None) -> bool:
    """Whether a date is the clause's own: in the clause, not past a comma after the verb, not in the future of a done action.

    "Consultations have taken place, with more scheduled in the coming weeks":
    the coming weeks date the scheduled ones, not the consultations.
    """
    at = mention.start - offset
    if not (mention.value.resolved and predicate.owns(at)):
        return False
    if at > predicate.end and "," in sentence[predicate.end : at] and not RESTATED_TIME.search(sentence[predicate.end : at]):
        return False  # ", with more scheduled in the coming weeks" is another clause's; "six days earlier, on April 14" restates this one's
    future = published is not None and mention.value.start is not None and mention.value.start > published
    return not (future and predicate.state in {"done", "stopped", "resumed", "postponed"})  # "adjourned until June 2": the new date


def _repeats_figure(sentence: str, predicate: Predicate) -> bool:
    """ "India sourced over 80% of its imports": the clause states a figure, it does not report a happening.

    A phrase that opens with a figure is a figure statement when nothing but
    its unit comes before "of" ("300 mm of rain", "₹2 lakh"); "a ₹900 crore
    port scheme", "more than 600 people" and "the 800 metres of track" name a
    thing and stay events, and so does an amount given to someone or for
    something ("approved $38 million to upgrade the station").
    """
    if predicate.subject and not predicate.passive and _only_figure(predicate.subject.text):
        return True  # "80% of the imports came from China"
    thing = predicate.subject if predicate.passive else predicate.object
    if thing is None or not _only_figure(thing.text):
        return False
    if DETERMINER_BEFORE.search(sentence[max(0, thing.start - 8) : thing.start]):
        return False
    return not (thing.text[:1] in "₹$€£" and PURPOSE.search(sentence, thing.end, predicate.clause[1]))


def _only_figure(text: str) -> bool:
    words = text.lower().split()
    if not words or not (words[0][:1].isdigit() or words[0][:1] in "₹$€£" or words[0] in QUALIFIERS):
        return False
    while words and (words[0][:1].isdigit() or words[0][:1] in "₹$€£%" or words[0] in QUALIFIERS | SCALE_WORDS):
        words.pop(0)
    if words and MEASURE_UNIT.match(" " + words[0]):
        return True  # "1.8 metres above the danger mark": a measurement
    return not words or "of" in words[:2]


def _states_figure(sentence: str, predicate: Predicate) -> bool:
    """A figure follows the verb in its clause ("rose to 41", "crossed 1 lakh"): the clause moves a figure."""
    return bool(FIGURE_WORD.search(sentence, predicate.end, predicate.clause[1]))


def _verb_event(sentence: str, offset: int, predicate: Predicate, when: DateMention, lexicon: Lexicon, actor_before: str | None) -> ClauseEvent:
    if predicate.passive:
        actor_phrase, thing = predicate.agent, predicate.subject
    else:
        actor_phrase, thing = predicate.subject, predicate.object
    actor_phrase = _with_place(sentence, actor_phrase, predicate.start) if actor_phrase is not None and not _is_pronoun(actor_phrase) else actor_phrase
    actor = _actor(actor_phrase, lexicon, _stands_for(predicate, actor_phrase, actor_before))
    thing_text = _trim(_with_complement(sentence, thing, predicate.start)) if thing else None
    verb, particle = (predicate.verb.split(" ", 1) + [""])[:2]
    extra = HEADLINE_ARTICLE.sub(r"\1 ", predicate.place.text) if predicate.place and not thing_text else ""  # "vote on merger"
    if predicate.state == "planned" and not actor and predicate.passive and thing_text:
        parts = [thing_text, "to be", inflect(verb, "VBN"), particle, extra]  # "Second hearing to be held"
    elif predicate.state == "planned":
        parts = [actor, "to", verb, particle, thing_text, extra]
    elif actor or not thing_text:
        finite = (inflect(verb, "VBZ") if not _plural(actor) else verb) if actor else inflect(verb, "VBN")
        parts = [actor or (thing_text if predicate.passive else None), finite, particle, None if not actor and predicate.passive else thing_text, extra]
    else:
        retained = _trim(predicate.object.text, 4) if predicate.passive and predicate.object else None  # "granted bail"
        parts = [thing_text, inflect(verb, "VBN"), particle, retained, extra]
    title = _headline(parts)
    kind = _kind(sentence, predicate, lexicon)
    return ClauseEvent(offset + predicate.clause[0], offset + predicate.clause[1], kind, title, actor, predicate.verb, thing_text, predicate.state, when)


def _with_complement(sentence: str, thing: Phrase, verb_start: int) -> str:
    """A subject with the "of" or "on" phrase that says which one it is, up to its verb: the clause stage ends a
    subject at "on", so "work on the Joribermouth bypass was postponed" postponed "Work", and the work on
    two different bypasses was one event on two dates. After the verb (an object) it is left alone."""
    tail = linked_phrase(sentence, thing, verb_start)
    return sentence[thing.start : tail.end] if tail else thing.text


PLACE_AFTER = re.compile(r"\s+in\s+((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*?)(?:['’]s)?(?=[\s,.;:]|$)")


def _with_place(sentence: str, phrase: Phrase, verb_start: int) -> Phrase:
    """A subject before its verb with the named place that says whose it is: "counting in Brannock" and
    "counting in Tarrow" are two counts, "schools in Bhojpura" are not another town's schools. Only a name
    ("in Tarrow", "in Harnock's public schools" -> Harnock) is taken, never "in recent weeks"."""
    place = PLACE_AFTER.match(sentence, phrase.end, verb_start)
    if place is None or OPENS_WITH_TIME.fullmatch(place.group(1)):
        return phrase
    return Phrase(phrase.start, place.end(1), f"{phrase.text} in {place.group(1)}")


def _stands_for(predicate: Predicate, phrase: Phrase | None, actor_before: str | None) -> str | None:
    """Who a pronoun or a missing subject means: the sentence's own antecedent, else the paragraph's last entity."""
    if predicate.gerund:
        return actor_before
    if not _is_pronoun(phrase):
        return None
    return _trim(predicate.antecedent.text, 4) if predicate.antecedent else actor_before


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
    if predicate.link == "whose" and predicate.antecedent and not thing_text:
        thing_text = _trim(predicate.antecedent.text)  # "the repair plan, whose approval came on March 10"
        phrase = f"{sentence[start:end]} of {thing_text}"
    action = lemma(sentence[start:end])
    kind = _kind(sentence, predicate, lexicon)
    return ClauseEvent(offset + predicate.clause[0], offset + predicate.clause[1], kind, _headline([phrase]), owner, action, thing_text, predicate.state, when)


def _event_noun(sentence: str, predicate: Predicate, nouns: tuple[str, ...]) -> tuple[int, int] | None:
    """The clause's first event noun outside its asides, preferring its subject's ("whose approval came", "the launch went ahead")."""
    if not nouns:
        return None
    pattern = phrase_pattern(nouns)
    subject = predicate.subject
    if subject is not None:
        match = pattern.search(sentence, subject.start, subject.end)
        if match:
            return match.span()
    for match in pattern.finditer(sentence, predicate.clause[0], predicate.clause[1]):
        if predicate.owns(match.start()):
            return match.span()
    return None


def _kind(sentence: str, predicate: Predicate, lexicon: Lexicon) -> str:
    """The lexicon's label for the clause (a meeting, a measure, ...), else ``event``."""
    clause = sentence[predicate.clause[0] : predicate.clause[1]]
    for kind in lexicon.events:
        if kind.verb_regex.search(clause) and kind.noun_regex.search(clause):
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
    return _trim(phrase.text, 6 if " of " in phrase.text else 4)  # "residents of the north bank"


def _plural(actor: str | None) -> bool:
    """ "Families", "residents of the north bank" and "more than 200 people" take "sleep", not "sleeps"."""
    if not actor:
        return False
    words = actor.split()
    if any((w[:1].isdigit() and w not in {"1", "one"} or w.lower() in NUMBER_WORDS) and index + 1 < len(words) for index, w in enumerate(words)):
        return True  # "more than 200 people"; a number that ends the name ("Highway 14", "Ward 7") counts nothing
    link = next((i for i, w in enumerate(words) if i and w in ("of", "in")), None)
    head_at = link - 1 if link else len(words) - 1  # "residents of the north bank", "forecasters in Kalvstad"
    head = words[head_at].lower() if head_at == 0 else words[head_at]  # "Talks concluded", "Schools in Tarrow" open the sentence
    if head.lower() in PLURAL_HEADS:
        return True
    return head[:1].islower() and head.endswith("s") and not head.endswith(("ss", "us", "is")) and lemma(head) != head


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
