"""Statuses from any clause: the state of a thing read from the clause's grammar, keyed so reports meet.

The vocabularies in ``rules/lexicon/statuses.yaml`` only know the things a
fact-checker listed. Every other thing whose state the news follows (a
launch, a strike, a payment) is read here from the clause stage
(``timeline/extract/predicates.py``), which already says whether the action
is planned, pending, not done, done, ongoing, stopped, postponed or resumed.
What this module adds is the *key*: which thing the state belongs to, in a
form that two articles wording it differently still share.

A key is the thing's own words (lemmatised, names kept as written) with its
head last:

- a stop, postpone or resume verb is about its object, or its passive
  subject, or an intransitive subject: "the union called off the strike" ->
  ``strike``; "the launch was postponed" -> ``launch``; "the bridge
  reopened" -> ``bridge``;
- a thing named by an event noun is that noun, whatever the verb: "The launch
  of the Kestrel-2 satellite is expected to take place" -> ``Kestrel-2
  satellite launch``; "The port strike will continue" -> ``port strike``;
- a delivery (a verb in the lexicon's ``deliveries``: grant, issue,
  receive, pay, ...) is about the thing handed over, whichever side speaks:
  "the certificate was issued", "the stadium has yet to be granted its
  certificate" and "expects to receive its certificate" -> ``certificate``;
  "has not paid compensation" -> ``compensation``;
- any other action is its thing plus the verb: "the satellite was launched"
  -> ``satellite launch``; "has not approved the design" and "the design was
  approved" -> ``design approve``.

Keys are settled across the corpus by the status-timeline rule: a key whose
words are a part of exactly one longer key with the same head joins it
("launch" and "satellite launch" join "Kestrel-2 satellite launch").

A clause whose thing is a pronoun or missing ("It was later postponed.")
takes the paragraph's last clause status key. Reporting verbs, figure
movements and linking verbs say nothing about a thing's state and are
skipped (a linking verb counts only when its subject is an event noun, as
in "the strike will continue"). "None of the families had received
compensation" and "there was no breakthrough" are ``not done``; "still
waiting for the water supply" and "approval is pending" are ``pending``.

Every such clause gives a status, ``done`` ones included, since planned ->
done is the progress fact-checkers look for; the rule reports only the
transitions listed in ``rules/statuses.yaml``, between articles, so a key
with one state, or the same state restated, never gives a finding.
"""

from __future__ import annotations

import re
from functools import lru_cache
from os.path import commonprefix
from dataclasses import dataclass

from timeline.extract.figure_context import Cue
from timeline.extract.predicates import DETERMINERS, DETERMINERS_OR_OF, NUMBER_WORDS, PRONOUNS, STOP_WORDS, TOKEN, Phrase, Predicate, linked_phrase, noun_phrase_at
from timeline.extract.words import FUNCTION_WORDS, can_be, lemma, unlisted_names, verb_forms, verb_lemma
from timeline.extract.grammar_words import OPENS_WITH_TIME, PLANNING_VERBS as GRAMMAR_PLANNING_VERBS
from timeline.lexicon import Lexicon

HAD = re.compile(r"\bhad\b", re.IGNORECASE)
FOR_AFTER = re.compile(r"\s*(?:\w+\s+)?for\s+")
LINK_WORDS = ("of", "on")  # "launch of the satellite", "work on the dam"
SUBJECT_LINKS = ("of", "on", "for")  # and, before the verb, "plans for a maternity wing were cancelled"
TO_VERB = re.compile(r"\s+to\s+(?P<verb>[a-z]+)\b")  # "a plan to sell the depot"

BEING_VERBS = frozenset({"take place", "go ahead", "happen", "occur", "begin", "start", "proceed", "come", "get under", "continue"})
PLANNING_VERBS = GRAMMAR_PLANNING_VERBS | {"set"}  # "the launch was set for May 2" (the clause stage leaves "set" alone: "a fire was set")
MODALS = frozenset({"may", "might", "could", "can", "must", "should", "need"})
KEEP_NOUN = frozenset({"hold", "conduct", "stage", "complete", "finish", "carry", "begin", "start", "launch", "call", "organise", "organize", "open", "conclude", "make"})
LINKING = frozenset({"be", "remain", "seem", "appear", "stay", "become"})
NEGATED_SUBJECTS = frozenset({"none", "no", "nobody", "neither", "nothing"})
LINKS = frozenset(LINK_WORDS)  # read inside a phrase the clause stage kept whole; "talks between ..." names the actors
NO_THING = re.compile(r"\bno\s+(?P<noun>[a-z][\w-]*)(?:\s+(?:in|on|over|at|for)(?P<where>\s))?", re.IGNORECASE)
# Tried at every run of spaces of every sentence: only where their last word ("hold", "pending") stands (``Cue``).
ON_HOLD = Cue(r"\s+(?:is|are|was|were|remains?|remained|has been|have been|had been)\s+(?:still\s+|now\s+)?(?:put\s+)?on\s+hold\b", ("hold",))
IS_PENDING = Cue(r"\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?pending\b", ("pending",))
WORD = re.compile(r"[A-Za-z][\w’'-]*[A-Za-z0-9]|[A-Za-z]")
TIME_NOUNS = frozenset({"minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "season", "year", "decade", "while"})
SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "mn", "bn"})  # "$38.8 million maternity wing"
EXTRA_WORDS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "month", "year", "today", "yesterday", "tomorrow", "tonight", "'s", "’s", "own", "new", "planned", "proposed", "scheduled", "much-awaited", "long-awaited", "first", "time"})


@dataclass(frozen=True)
class ClauseStatus:
    """A state read from one clause; offsets are in the sentence, ``key`` is the thing's words, head last."""

    start: int
    end: int
    key: str
    state: str
    link: str = ""  # the clause's joining word: a "while ..." or "after ..." clause is background to the sentence
    predicate: Predicate | None = None  # the clause it was read from, whose own dates date it


def clause_statuses(sentence: str, predicates: list[Predicate], lexicon: Lexicon, carried: str | None = None) -> list[ClauseStatus]:
    """The statuses of one sentence; ``carried`` is the paragraph's last key, for "It was later postponed"."""
    words = lexicon.predicates
    event_nouns = _event_nouns(lexicon)
    found, read = [], []
    naming: list[Predicate] = []  # the clauses so far whose subjects can own a lifecycle word (``_last_named``)
    for predicate in predicates:
        status = _from_predicate(sentence, predicate, lexicon, event_nouns, carried)
        if status and _lifecycle_head(status.key, words):
            # "the resumption of sailings has been postponed" is the sailings'; "the bridge ..., announcing that the reopening ... has been postponed" the bridge's
            owner = status.key.rsplit(" ", 1)[0] if " " in status.key else _last_named(sentence, naming, words)
            status = ClauseStatus(status.start, status.end, owner, status.state) if owner else None
        if status:
            if status.state == "planned" and HAD.search(sentence[predicate.clause[0] : predicate.end]):
                continue  # "had been expected in late May": a former plan, superseded by what the sentence says next; it names no owner
            found.append(ClauseStatus(status.start, status.end, status.key, status.state, predicate.link, predicate))
            read.append(predicate.clause)
            carried = status.key
        naming.append(predicate)
    for match in NO_THING.finditer(sentence):  # "there was no breakthrough in the talks": a clause with no action
        noun = match.group("noun")
        if any(s <= match.start() < e for s, e in read) or noun.lower() in FUNCTION_WORDS or not can_be(noun, "NOUN"):
            continue
        where = noun_phrase_at(sentence, match.end("where"), len(sentence)) if match.group("where") else None
        found.append(ClauseStatus(match.start(), match.end("noun"), _key(_content([where.head] if where else []) + [lemma(match.group("noun"))]), "not done"))
    for hold in ON_HOLD.finditer(sentence):  # "all work on the stadium is on hold": stopped, with no verb of its own
        thing = _thing_words(sentence, noun_phrase_at(sentence, _phrase_start(sentence, hold.start()), hold.start()))
        if thing and not any(s.state == "stopped" and s.key == _key(thing) for s in found):
            found.append(ClauseStatus(hold.start() + 1, hold.end(), _key(thing), "stopped"))
    pending = IS_PENDING.search(sentence)
    if pending and not any(s.state == "pending" for s in found):
        thing = _thing_words(sentence, noun_phrase_at(sentence, 0, pending.start()))
        if thing:
            found.append(ClauseStatus(pending.start() + 1, pending.end(), _key(thing), "pending"))
    return sorted(found, key=lambda s: s.start)


def _last_named(sentence: str, earlier: list[Predicate], words) -> str | None:
    """The last thing named as the subject of a main clause among ``earlier``, read only when a lifecycle word needs an owner.

    Reading every subject's words up front cost more than the rest of the
    sentence's statuses, and only "the reopening has been postponed" with no
    thing of its own asks for them.
    """
    for predicate in reversed(earlier):
        main = predicate.link in {"", "and", "but"}  # an "after ..." clause's subject is background
        subject = _thing_words(sentence, predicate.subject) if main and predicate.subject and predicate.subject.text.lower() not in PRONOUNS else []
        if subject and not _lifecycle_noun(_key(subject), words):
            return _key(subject)
    return None


def _from_predicate(sentence: str, predicate: Predicate, lexicon: Lexicon, event_nouns: frozenset[str], carried: str | None) -> ClauseStatus | None:
    words = lexicon.predicates
    sets = words.sets
    lifecycle_verbs = sets.lifecycle
    verb = predicate.verb
    base = verb.split()[0]
    group = [m.group(0).lower() for m in TOKEN.finditer(sentence[predicate.start : predicate.end])]
    if base in lexicon.stateless_verbs or predicate.gerund or MODALS & set(group):
        return None  # "may be sourced", "must be designed": a possibility is no state
    if predicate.subject and any(verb_lemma(w) in LINKING for w in predicate.subject.text.split()[1:]):
        return _still(predicate, predicate.subject.text.split(), verb, words)  # "the bridge remains shut", read as "bridge remains" + "shut"
    if base in LINKING and not predicate.passive and predicate.object is not None and predicate.subject is not None:
        complement = verb_lemma(predicate.object.text.lower()) if " " not in predicate.object.text else None
        if complement in lifecycle_verbs:  # "schools will stay shut until Monday": the schools are shut
            return _still(predicate, predicate.subject.text.split() + ["stays"], complement, words)
    before = sentence[: predicate.start].split()
    if before and before[-1].lower() in DETERMINERS_OR_OF:
        return None  # "the number of stranded containers": a participle describing a noun
    if predicate.passive and base in PLANNING_VERBS and predicate.subject:  # "the launch was planned for May 2"
        return _status(predicate, _thing_words(sentence, predicate.subject, predicate.start), "planned")
    state = predicate.state
    if state == "ongoing" and base == "wait":  # "waiting for the water supply": the thing awaited follows "for"
        after = FOR_AFTER.match(sentence[predicate.end : predicate.clause[1]])
        thing = _thing_words(sentence, noun_phrase_at(sentence, predicate.end + after.end(), predicate.clause[1]) if after else None)
        return _status(predicate, thing, "pending")
    if predicate.subject is not None and predicate.subject.text.split()[0].lower() in NEGATED_SUBJECTS:
        state = "not done"  # "None of the families had received compensation"
    lifecycle = any(v in lifecycle_verbs for v in (verb, base))
    if verb in BEING_VERBS or base in sets.copulas:
        if predicate.passive or predicate.object is not None:
            return None  # "the visit has been confirmed" is left to the vocabularies; "is a fine" is no state
        thing = _thing_words(sentence, predicate.subject, predicate.start)
        if thing and thing[-1].lower() not in event_nouns and verb in {"begin", "start"}:
            return _status(predicate, thing + ["start"], state)  # "the autumn term is set to begin" meets "the start of the term"
        return _status(predicate, thing, state) if thing and thing[-1].lower() in event_nouns else None
    if state == "done" and not _past(group):
        return None  # "China dominates", "magnets are made": a standing fact, not an action done
    if state == "ongoing" and not lifecycle:
        return None
    delivery = verb in sets.deliveries or base in sets.deliveries
    if predicate.passive and delivery and predicate.object is not None:
        phrase = predicate.object  # "the stadium has yet to be granted its safety certificate": the certificate's state
    elif predicate.passive:
        phrase = predicate.subject
    elif predicate.object is not None:
        phrase = predicate.object
    else:  # "the bridge reopened": only a lifecycle verb's subject is the thing, or a happening's ("talks concluded"); any other is the actor
        named_event = predicate.subject is not None and lemma(predicate.subject.head) in event_nouns
        if not lifecycle and not named_event and base in event_nouns and not predicate.passive:
            owner = _name_before(sentence, predicate.subject.start) if predicate.subject is not None and predicate.subject.text.lower() in PRONOUNS else None
            return _status(predicate, [owner, base] if owner else [base], state)  # "the teachers would march on Saturday": the march
        phrase = predicate.subject if lifecycle or named_event else None
        if phrase is None:
            return None
    if phrase is None or phrase.text.lower() in PRONOUNS:
        return ClauseStatus(predicate.start, predicate.end, carried, state) if carried and (lifecycle or state != "done") else None
    if phrase.text[:1].isdigit() or phrase.text[:1] in "₹$€£":
        return None  # "allocated ₹1,500 crore": a figure, which the figure rules compare
    thing = _thing_words(sentence, phrase, predicate.start)
    if not thing:
        return None
    if lifecycle or delivery or base == "await" or base in KEEP_NOUN and thing[-1].lower() in event_nouns:
        return _status(predicate, thing, state)  # "called off the strike" -> strike; "awaiting compensation", "paid compensation" -> compensation
    return _status(predicate, thing[-2:] + [base], state)


def _name_before(sentence: str, end: int) -> str | None:
    """The last name before ``end`` that no dictionary holds, which a pronoun there stands for: in "funding for
    Sentra-4 was approved in July, and it is due to launch in 2028", it is Sentra-4's launch, not any launch."""
    names = [name for name in unlisted_names(sentence, end) if not OPENS_WITH_TIME.fullmatch(name)]  # "in July" owns nothing
    return names[-1] if names else None


def _still(predicate: Predicate, subject_words: list[str], verb: str, words) -> ClauseStatus | None:
    """ "The road remains closed", "schools will stay shut": a thing kept in the state of a stop or restart verb."""
    cut = next(i for i, w in enumerate(subject_words) if i and verb_lemma(w) in LINKING)
    thing = _content(subject_words[:cut])
    if not thing:
        return None
    state = "stopped" if verb in words.stopped else "postponed" if verb in words.postponed else "resumed" if verb in words.resumed else None
    return ClauseStatus(predicate.start, predicate.end, _key(thing), state) if state else None


def _phrase_start(sentence: str, end: int) -> int:
    """Where the clause holding ``end`` begins: after the last comma or semicolon before it."""
    return max(sentence.rfind(",", 0, end), sentence.rfind(";", 0, end)) + 1


def _lifecycle_head(key: str, words) -> bool:
    """ "reopening", "closure", "suspension": a key whose head names a stop, delay or restart of some other thing."""
    return bool(key) and _lifecycle_noun(key.split()[-1], words)


def _lifecycle_noun(key: str, words) -> bool:
    """ "reopening", "closure", "suspension": a single noun naming a stop, delay or restart, whose thing is named elsewhere."""
    if " " in key or not key:
        return False
    stem = lemma(key.lower())
    verbs = _lifecycle_verbs(tuple(words.stopped), tuple(words.postponed), tuple(words.resumed))
    return _near_a_verb(stem, verbs)


@lru_cache(maxsize=4096)
def _near_a_verb(stem: str, verbs: frozenset[str]) -> bool:
    """Whether ``stem`` is a noun made from one of ``verbs`` ("closure" from "close"); asked of the same words sentence after sentence."""
    return stem not in verbs and any(len(commonprefix([stem, verb])) >= max(4, len(verb) - 1) for verb in verbs)


@lru_cache(maxsize=8)
def _lifecycle_verbs(*lists: tuple[str, ...]) -> frozenset[str]:
    """The verbs that stop, delay or restart a thing, read once per lexicon."""
    return frozenset(v.split()[0] for words in lists for v in words)


_EVENT_NOUNS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _event_nouns(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's event nouns and their lemmas, kept per lexicon object: an ``lru_cache`` hashed the whole
    lexicon (a frozen model, field by field) for every sentence."""
    held = _EVENT_NOUNS.get(id(lexicon))
    if held is None or held[0] is not lexicon:
        held = _EVENT_NOUNS[id(lexicon)] = (lexicon, frozenset(lexicon.event_nouns) | frozenset(lemma(n) for n in lexicon.event_nouns))
    return held[1]


def _past(group: list[str]) -> bool:
    """A completed action: "launched", "was launched", "has paid", "had been cut" (not "dominates", "are made")."""
    if group[0] in {"was", "were", "had", "has", "have", "did"}:
        return True
    return len(group) == 1 and "VBD" in verb_forms(group[0])


def _status(predicate: Predicate, thing: list[str], state: str) -> ClauseStatus | None:
    return ClauseStatus(predicate.start, predicate.end, _key(thing), state) if thing else None


def _thing_words(sentence: str, phrase: Phrase | None, limit: int | None = None) -> list[str]:
    """The thing's words, head last: "launch of the Kestrel-2 satellite" -> [Kestrel-2, satellite, launch].

    What follows the head names it when it says which one: "of" or "on" a
    thing; and, in a subject before its verb (``limit``), "plans for a
    maternity wing" or "a plan to sell the old depot" (the action and the
    last words of its object). Otherwise two plans of one corpus, one to sell
    a depot and one for a hospital wing, were one key "plan", and one's
    cancellation was reported as the other's change. After an object, "for"
    and "to" more often belong to the verb ("cleared the rocket for the new
    date"), so they are not read there. A time ("for two weeks") names
    nothing.
    """
    if phrase is None:
        return []
    tokens = _words(phrase.text)
    head_part, link_words = tokens, []
    for i, token in enumerate(tokens):
        if token.lower() in LINKS and i:
            head_part, link_words = tokens[:i], _content(tokens[i + 1 :])[:3]
            break
    else:  # the clause stage ends a subject at "on", "for" or "to": read the link's phrase from the sentence
        before_verb = limit is not None and limit > phrase.end
        stop = limit if before_verb else len(sentence)
        linked = linked_phrase(sentence, phrase, stop, SUBJECT_LINKS if before_verb else LINK_WORDS)
        infinitive = TO_VERB.match(sentence, phrase.end) if before_verb else None
        if linked:
            link_words = _content(_words(linked.text))[:3]
        elif infinitive and verb_lemma(infinitive["verb"]) == infinitive["verb"]:
            tail = noun_phrase_at(sentence, infinitive.end(), stop)
            link_words = [infinitive["verb"], *(_content(_words(tail.text))[-3:] if tail else [])]
    head = _content(head_part)
    if not head:
        return []
    if link_words and all(lemma(word.lower()) in TIME_NOUNS for word in link_words):
        link_words = []  # "the closure for two weeks"
    return link_words + head


def _words(text: str) -> list[str]:
    return [m.group(0) for m in TOKEN.finditer(text)]


def _content(tokens: list[str]) -> list[str]:
    """Words that tell one thing from another: no determiners, figures, punctuation or possessive marks."""
    kept = []
    for index, token in enumerate(tokens):
        lower = token.lower()
        if lower.endswith(("'s", "’s")) and index + 1 < len(tokens):
            while kept and kept[-1][:1].isupper():
                kept.pop()  # "Merrowgate Athletic's first match": the whole name owns it
            continue  # "Morvane's Sentra-3 launch": the owner is who acts, not the thing
        if lower in DETERMINERS or lower in STOP_WORDS or lower in NUMBER_WORDS or lower in EXTRA_WORDS or lower in PRONOUNS or lower in FUNCTION_WORDS or lower in SCALE_WORDS:
            continue
        if not WORD.fullmatch(token) or token.islower() and can_be(token, "ADJ") and not can_be(token, "NOUN"):
            continue  # punctuation, figures, "various", "concrete": words that do not name the thing
        kept.append(token if token[:1].isupper() and (kept or not _common(token)) else lemma(token))
    return kept[-4:]


def _common(word: str) -> bool:
    from timeline.extract.words import is_common_word

    return is_common_word(word)


def _key(words: list[str]) -> str:
    return " ".join(words)
