"""Clause analysis: who did what to what, and in what state, read from the clause's own grammar.

Events and statuses read the same clause stage, so that they agree on who
the actor is and what the action was. A sentence is cut into clauses at hard
boundaries (";", ", but", ", which", a reporting verb such as "said"), at
", and" and at "after" / "before" / "when"; in each clause the main verb is
found with the word classes of lemminflect and a few grammar words from
``rules/lexicon/predicates.yaml``:

- an auxiliary chain and its verb: "has been postponed", "will be held",
  "is expected to reopen" (the verb after "to" is the action);
- else a finite verb after its subject: "the council approved", "the express
  derailed", "Regulator fines two airlines";
- else a gerund after "after" / "before": "after chairing a meeting".

The subject is the noun phrase before the verb (a leading "On Tuesday," or
date is dropped); the object is the noun phrase after it, up to a
preposition, punctuation or date ("approved a ₹900 crore port scheme on
Tuesday" -> "a ₹900 crore port scheme"). A passive's subject is the thing
acted on, and its "by ..." phrase the actor. The state comes from tense,
modality and negation:

>>> [(p.verb, p.state) for p in read_predicates("The launch was postponed, but the agency is expected to try again on Friday.", PredicateWords())]
... # [('postpone', 'postponed'), ('try', 'planned')]

States: ``planned``, ``pending``, ``not done``, ``done``, ``ongoing``,
``stopped``, ``postponed``, ``resumed``; "did not arrive until May 6" is done
on May 6.

Clauses are cut in ``clause_cuts``. Asides (", which was rolled out on Sunday,", ", announced on Wednesday,") are
taken out first (see ``asides``): the main clause is read around them and each
is read on its own with its antecedent. Each clause records the word that
joins it (``link``: "when", "as", "since", "and", "which", "participle", ...),
so that events can tell a clause that happened at its host's moment ("killed
on Thursday when the express derailed"). A second verb after "and" shares the
first one's subject ("crossed it on Monday and peaked on Wednesday"), and a
pronoun subject names the last subject before it in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.extract.asides import Aside, find_asides, mask
from timeline.extract.clause_cuts import clauses_of, clauses_with_links, opens_verb  # noqa: F401  (clauses_of is re-exported)
from timeline.extract.grammar_words import (  # noqa: F401  (re-exported for the stages that read predicates)
    ADVERBS, AUXILIARIES, BE_FORMS, COMPLEMENT_PREPOSITIONS, DATE_PREPOSITIONS, DETERMINERS, GAP, NUMBER_WORDS, OPENS_WITH_TIME, PARTS_OF_DAY,
    PLACE_PREPOSITIONS, PRONOUNS, QUANTIFIERS, STOP_WORDS, SUBJECT_PRONOUNS, TOKEN, PLANNING_VERBS, ASPECT_VERBS,
)
from timeline.extract.words import FUNCTION_WORDS, can_be, verb_forms, verb_lemma
from timeline.lexicon import PredicateWords, PredicateWordSets



DECLARING_VERBS = frozenset("declare deem pronounce certify".split())  # "was declared contained": the state is the complement
TIME_DISTANCE = re.compile(
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+(?:earlier|later|ago|before|after)\b", re.IGNORECASE
)
CLAUSE_PRONOUNS = frozenset("it they he she we i you".split())  # "the certificate it needs": a pronoun inside a noun phrase opens a clause
PLACE_OR_COMPLEMENT = PLACE_PREPOSITIONS | COMPLEMENT_PREPOSITIONS  # word sets joined once, not per token
DETERMINERS_OR_NUMBERS = DETERMINERS | NUMBER_WORDS
STOPS_OR_DETERMINERS = STOP_WORDS | DETERMINERS
LEADING_WORDS = STOP_WORDS | DETERMINERS | ADVERBS  # what a subject phrase drops from its start
DETERMINERS_OR_OF = DETERMINERS | {"of"}
QUANTIFIER_OPENERS = frozenset(words[0] for words in QUANTIFIERS)


@dataclass(frozen=True)
class Phrase:
    """A noun phrase in sentence offsets, with its words as written (determiners dropped)."""

    start: int
    end: int
    text: str

    @property
    def head(self) -> str:
        words = self.text.split()
        return words[-1].lower() if words else ""


@dataclass(frozen=True)
class Predicate:
    """One clause's main verb with its subject, object, voice and state (offsets in the sentence)."""

    clause: tuple[int, int]
    start: int  # the verb group, auxiliaries included
    end: int
    verb: str  # dictionary form, with its particle: "call off"
    state: str
    passive: bool
    subject: Phrase | None
    object: Phrase | None
    agent: Phrase | None = None  # a passive's "by ..." phrase
    place: Phrase | None = None  # "derailed near Dhoraghat", "vote on the merger": what follows a verb without object
    gerund: bool = False  # "after chairing a meeting": the subject is the sentence's
    link: str = ""  # the word that joins the clause to the sentence: "when", "as", "and", "which", "participle", ...
    antecedent: Phrase | None = None  # what an aside or a pronoun subject stands for ("the rocket, which ...")
    holes: tuple[tuple[int, int], ...] = ()  # asides inside the clause, which are not its words

    def owns(self, position: int) -> bool:
        """Whether a sentence offset lies in the clause's own words (not in an aside within it)."""
        return self.clause[0] <= position < self.clause[1] and not any(s <= position < e for s, e in self.holes)


def read_predicates(sentence: str, words: PredicateWords, dates: list[tuple[int, int]] = ()) -> list[Predicate]:
    """The main predicate of every clause and aside that has one, in text order."""
    dates = list(dates)
    word_sets = words.sets
    asides = find_asides(sentence, dates)
    text = mask(sentence, asides) if asides else sentence
    found: list[Predicate] = []
    for start, end, link in clauses_with_links(text, dates):
        holes = tuple((a.start, a.end) for a in asides if start <= a.start < end)
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        verb_first = link == "and" and opens_verb(text, first)  # "..., and crews removed": "crews" is the subject
        predicate = _predicate(sentence, (start, end), _tokens(text, start, end, dates, holes), word_sets, dates, verb_first=verb_first, masked=text, link=link, holes=holes)
        if predicate is None:
            continue
        if link == "and" and predicate.subject is None and found:
            predicate = _shared_subject(sentence, predicate, found[-1])
        found.append(predicate)
    for aside in asides:
        predicate = _aside_predicate(sentence, aside, word_sets, dates)
        if predicate is not None:
            found.append(predicate)
    return _resolve_pronouns(sorted(found, key=lambda p: p.start))


def _tokens(text: str, start: int, end: int, dates, holes=()) -> list:
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]  # as on the slice: TOKEN has no lookbehind, and endpos ends the text
    for hole_start, _ in holes:  # nothing reads across an aside
        index = next((i for i, t in enumerate(tokens) if t[0] >= hole_start), len(tokens))
        tokens.insert(index, (hole_start, hole_start, GAP))
    return _without_dates(tokens, dates) if dates else tokens


def _shared_subject(sentence: str, predicate: Predicate, previous: Predicate) -> Predicate:
    """ "will stay shut and reopen on Monday": the second verb shares the first's subject, and its plan."""
    bare = "VBD" not in verb_forms(sentence[predicate.start : predicate.end].split()[-1])
    state = "planned" if previous.state == "planned" and bare else predicate.state
    return replace(predicate, subject=previous.subject, state=state, antecedent=previous.antecedent, passive=predicate.passive or previous.passive and not bare)


def _aside_predicate(sentence: str, aside: Aside, words: PredicateWordSets, dates) -> Predicate | None:
    """An aside's predicate, with its antecedent in the role the aside gives it (see ``asides``)."""
    end = aside.end - 1 if sentence[aside.end - 1 : aside.end] == "," else aside.end
    if aside.link == "appositive":
        return None  # it renames a noun; it reports nothing
    predicate = _predicate(sentence, (aside.start, aside.end), _tokens(sentence, aside.body, end, dates), words, dates, verb_first=True)
    if predicate is None:
        return None
    antecedent = Phrase(aside.antecedent[0], aside.antecedent[1], sentence[aside.antecedent[0] : aside.antecedent[1]]) if aside.antecedent else None
    predicate = replace(predicate, link=aside.link, antecedent=antecedent)
    if aside.link == "participle":
        return replace(predicate, passive=True, subject=antecedent, object=None)
    if aside.link in {"which", "who", "whom", "that"}:
        if predicate.subject is None:
            return replace(predicate, subject=antecedent)
        if predicate.object is None and not predicate.passive:
            return replace(predicate, object=antecedent)  # "the waiver, which the city extended"
    return predicate


def _resolve_pronouns(predicates: list[Predicate]) -> list[Predicate]:
    """A pronoun subject stands for the last subject named before it in the sentence ("the satellite ... since it arrived")."""
    resolved, last = [], None
    for predicate in predicates:
        subject = predicate.subject
        if subject is not None and subject.text.lower() in SUBJECT_PRONOUNS and predicate.antecedent is None and last is not None:
            predicate = replace(predicate, antecedent=last)
        elif subject is not None and subject.text.lower() not in PRONOUNS:
            last = subject
        resolved.append(predicate)
    return resolved


def _without_dates(tokens, dates):
    """Tokens with date expressions and the preposition that introduces them removed ("approved [on Tuesday] a plan")."""
    in_date = {position for s, e in dates for position in range(s, e)}  # a token is in a date when it starts in one
    kept = []
    for i, token in enumerate(tokens):
        if token[0] in in_date:
            if not kept or kept[-1][2] != GAP:
                kept.append((token[0], token[0], GAP))  # a phrase never runs across a date: "slept on the floor [on Thursday night]"
            continue
        lower = token[2].lower()
        if lower in PARTS_OF_DAY and kept and kept[-1][2] == GAP:
            continue  # "on Thursday [night]": the part of the day belongs to the date
        if lower in DATE_PREPOSITIONS and i + 1 < len(tokens) and tokens[i + 1][0] in in_date:
            continue
        kept.append(token)
    return kept


def _predicate(sentence, clause, tokens, words: PredicateWordSets, dates, verb_first: bool = False, masked: str | None = None, link: str = "", holes: tuple = ()) -> Predicate | None:
    head = _main_verb(tokens, words, verb_first)
    if head is None:
        return None
    index, group_start, gerund = head
    verb_word = tokens[index][2]
    verb = verb_lemma(verb_word) or verb_word.lower()
    after = index + 1
    while after < len(tokens) and tokens[after][2].lower() in ADVERBS:
        after += 1
    place_next = after + 1 < len(tokens) and tokens[after + 1][2][:1].isupper()  # "capsized off Maldrey Island": a place, not "called off"
    if after < len(tokens) and tokens[after][2].lower() in words.particles and verb not in {"be", "have"} and not place_next:
        verb, after = f"{verb} {tokens[after][2].lower()}", after + 1
    elif verb in ASPECT_VERBS and after < len(tokens) and tokens[after][2].endswith("ing") and "VBG" in verb_forms(tokens[after][2]):
        verb, after = verb_lemma(tokens[after][2]) or verb, after + 1  # "began running": the action is running; its state is the aspect verb's
    group = tokens[group_start : index + 1]
    lowered = " ".join(t[2].lower() for t in group)
    passive = any(t[2].lower() in BE_FORMS for t in group[:-1]) and "VBN" in verb_forms(verb_word)
    before_verb = (masked or sentence)[clause[0] : tokens[index][0]]  # an aside's "were to" is not the clause's plan
    subject = None if gerund else _subject(sentence, tokens[:group_start], dates)
    obj, rest = _object(sentence, tokens, after)
    if not passive and obj is None and rest < len(tokens) and tokens[rest][2].lower() == "by" and "VBN" in verb_forms(verb_word) and group_start == index:
        passive = True  # "figures released by the railway": a participle after its noun
    agent = None
    if passive and rest < len(tokens) and tokens[rest][2].lower() == "by":
        agent, _ = _object(sentence, tokens, rest + 1)
    place = None
    if obj is None and rest < len(tokens) and tokens[rest][2].lower() in PLACE_OR_COMPLEMENT:
        candidate, _ = _object(sentence, tokens, rest + 1)
        named = candidate is not None and candidate.text[:1].isupper()
        if candidate and (named or tokens[rest][2].lower() in COMPLEMENT_PREPOSITIONS):
            place = Phrase(tokens[rest][0], candidate.end, sentence[tokens[rest][0] : candidate.end])
    if passive and verb in DECLARING_VERBS and obj is not None:
        complement = obj.text.split()[-1]
        if "VBN" in verb_forms(complement) and all(w.lower().endswith("ly") for w in obj.text.split()[:-1]):
            verb, verb_word, obj = verb_lemma(complement) or verb, complement, None  # "was declared fully contained": contained
    lead = _lead(before_verb, clause[0], subject)
    state = _state(lead, lowered, verb, verb_word, passive, words)
    if state == "not done" and _until_date(sentence, tokens[index][1], clause[1]):
        state = "planned" if words.planned and words.planned.search(lead[-60:]) else "done"  # "did not arrive until May 6"
    return Predicate(clause, tokens[group_start][0], tokens[index][1], verb, state, passive, subject, obj, agent, place, gerund, link=link, holes=holes)


UNTIL = re.compile(r"\b(?:until|till)\b", re.IGNORECASE)


def _lead(before_verb: str, clause_start: int, subject: Phrase | None) -> str:
    """The words before the verb that can say its state: those after its subject.

    "will", "plans to" or "not" inside the subject describe the subject, not
    the verb: "a plan to sell the depot was cancelled" is stopped, not
    planned, as "the council plans to sell the depot" is planned.
    """
    if subject is None or subject.end - clause_start > len(before_verb):
        return before_verb
    return before_verb[max(0, subject.end - clause_start) :]


def _until_date(sentence: str, after: int, end: int) -> bool:
    """ "did not arrive until May 6", "will not reopen until the inspectors leave": "until" says when it does happen."""
    return bool(UNTIL.search(sentence, after, end))


def _main_verb(tokens, words: PredicateWordSets, verb_first: bool = False) -> tuple[int, int, bool] | None:
    """(index of the main verb, index where its group starts, whether it is a gerund without subject).

    ``verb_first``: the clause may open with its verb ("... and peaked on Wednesday", "who visited the site").
    """
    group_start = None
    if verb_first and tokens and tokens[0][2][:1].islower() and verb_forms(tokens[0][2]) & {"VBD", "VBZ", "VBN", "VB", "VBP"} and tokens[0][2].lower() not in AUXILIARIES:
        if not (verb_lemma(tokens[0][2]) in words.copulas and _next_is_to(tokens, 0)):
            return 0, 0, False
    for i, (_, _, text) in enumerate(tokens):
        lower = text.lower()
        if lower in AUXILIARIES or lower == "to" and group_start is not None:
            group_start = i if group_start is None else group_start
            continue
        if group_start is not None and (lower in ADVERBS or lower.endswith("ly") and len(lower) > 4 and can_be(lower, "ADV") or lower in {"likely", "due", "poised", "going", "yet", "still"} or lower in {"expected", "set", "scheduled", "slated"} and _next_is_to(tokens, i)):
            continue
        if group_start is not None and _can_be_verb(text) and lower not in FUNCTION_WORDS and not _adjective_after_be(tokens, group_start, i):
            if verb_lemma(text) in words.copulas and _next_is_to(tokens, i):
                continue  # "plans to visit", "is expected to reopen": the action is the verb after "to"
            return i, group_start, False
        if group_start is not None and any(t[2].lower() in BE_FORMS for t in tokens[group_start:i]):
            last = max(j for j in range(group_start, i) if tokens[j][2].lower() in BE_FORMS)
            return last, group_start, False  # "the hearing was on April 8": the linking verb is all there is
        group_start = None
        if i and _finite(tokens, i):
            if verb_lemma(text) in words.copulas and _next_is_to(tokens, i):
                group_start = i
                continue
            return i, i, False
        if i and lower.endswith("ing") and tokens[i - 1][2].lower() in {"after", "before", "while", "since"} and _can_be_verb(text):
            return i, i, True
    if group_start is not None and any(t[2].lower() in BE_FORMS for t in tokens[group_start:]):
        return max(j for j in range(group_start, len(tokens)) if tokens[j][2].lower() in BE_FORMS), group_start, False
    return None


def _adjective_after_be(tokens, group_start: int, i: int) -> bool:
    """ "the ward was full", "the road is clear": after a form of "be", a word that is an adjective and only a
    verb's base form (not a participle) describes the subject; the linking verb is the clause's verb."""
    text = tokens[i][2]
    if tokens[i - 1][2].lower() == "to":
        return False  # "is yet to clear the proposal": an infinitive
    return any(t[2].lower() in BE_FORMS for t in tokens[group_start:i]) and can_be(text, "ADJ") and not verb_forms(text) - {"VB", "VBP"}


def _next_is_to(tokens, i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1][2].lower() == "to"


def _can_be_verb(text: str) -> bool:
    return text[:1].islower() and bool(verb_forms(text))


def _finite(tokens, i: int) -> bool:
    """A past or present verb standing after its subject: "the council approved", "Regulator fines"."""
    text = tokens[i][2]
    if not text[:1].islower():
        return False
    tags = verb_forms(text)
    if not tags & {"VBD", "VBZ"}:
        return False
    back = i - 1
    while back > 0 and tokens[back][2] == GAP:
        back -= 1
    previous = tokens[back][2]
    lower_prev = previous.lower()
    if lower_prev in DETERMINERS or lower_prev in STOP_WORDS or lower_prev in {",", "(", "'s", "’s", "-", "and", "or"}:
        return False
    if back > 0 and tokens[back - 1][2].lower() in DETERMINERS and can_be(lower_prev, "ADJ") and can_be(text, "NOUN"):
        return False  # "at the new ground, ... is set": a noun after a determiner and its adjective, not "ground" of "grind"
    if "VBZ" in tags and "VBD" not in tags and can_be(text, "NOUN"):
        following = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
        return following in DETERMINERS_OR_NUMBERS or following == "to" or following[:1].isdigit() or following[:1] in "₹$€£"
    if previous[:1].isdigit():  # "41 killed": a figure's own verb; "Highway 14 reopened": a name's number
        return back > 0 and tokens[back - 1][2][:1].isupper() and tokens[back - 1][2].lower() not in STOPS_OR_DETERMINERS
    return True


def _subject(sentence: str, tokens, dates) -> Phrase | None:
    """The noun phrase before the verb: after the last comma, leading adverbials and dates dropped."""
    words = list(tokens)
    if any(t[2] in {",", GAP} for t in words):
        cut = max(i for i, t in enumerate(words) if t[2] in {",", GAP})
        tail = words[cut + 1 :]
        if not tail and words[cut][2] == ",":  # "The last order, covering the upper town, was lifted": the phrase before the first comma
            commas = [i for i, t in enumerate(words[:cut]) if t[2] == ","]
            tail = words[: commas[0]] if commas and commas[0] > 0 else []
        words = tail or words[: cut]
    if len(words) > 2 and words[0][2].lower() in {"this", "that", "each", "every", "next", "last"} and words[1][2].lower() in {"time", "year", "week", "month", "day"}:
        words = words[2:]  # "This time every school shut": a time adverbial, not the subject
    while words and (words[0][2].lower() in LEADING_WORDS or words[0][2] in {",", "“", '"', "‘"}):
        if _quantifier(words, 0):
            break  # "At least 23 people", "More than 200 people"
        if words[0][2].lower() in STOP_WORDS:  # "On Tuesday the council": drop the preposition's phrase
            words.pop(0)
            while words and words[0][2][:1].isupper() and len(words) > 1 and words[1][2][:1].islower():
                words.pop(0)
            continue
        dropped = words.pop(0)
        if dropped[2].lower() in DETERMINERS and words and words[0][2].lower() in ADVERBS and len(words) > 1:
            break  # "The last evacuation order": after a determiner, "last" describes the noun
    words = [w for w in words if w[2] not in {"“", "”", '"', GAP, "-", "—", "–"}]
    stop = next((i for i, w in enumerate(words) if i and w[2].lower() in STOP_WORDS and not _in_quantifier(words, i)), len(words))
    words = words[:stop]  # "the city council on Tuesday": the phrase ends at its first preposition but "of"
    while len(words) > 1 and (words[-1][2].lower() in ADVERBS or words[-1][2] == ","):
        words.pop()  # "He also"
    while words and not _wordlike(words[0][2]):
        words.pop(0)
    while words and not _wordlike(words[-1][2]):
        words.pop()  # a phrase of punctuation alone is none
    if not words:
        return None
    return Phrase(words[0][0], words[-1][1], sentence[words[0][0] : words[-1][1]])


def _wordlike(token: str) -> bool:
    return token[:1].isalnum() or token[:1] in "₹$€£"


def _quantifier(tokens, i: int) -> int:
    """Length of a figure's qualifier starting at token ``i`` ("more than", "at least", "as many as"), else 0."""
    if i >= len(tokens) or tokens[i][2].lower() not in QUANTIFIER_OPENERS:
        return 0  # asked of every word of every phrase: most open no qualifier
    lowered = [t[2].lower() for t in tokens[i : i + 3]]
    for words in QUANTIFIERS:
        if tuple(lowered[: len(words)]) == words:
            return len(words)
    return 0


def _in_quantifier(tokens, i: int) -> bool:
    return any(_quantifier(tokens, j) > i - j for j in range(max(0, i - 2), i + 1))


def _object(sentence: str, tokens, index: int) -> tuple[Phrase | None, int]:
    """The noun phrase from ``index`` up to a preposition other than "of", punctuation, a verb or six words."""
    words: list = []
    i = index
    while i < len(tokens) and len(words) < 7:
        text = tokens[i][2]
        lower = text.lower()
        if _quantifier(tokens, i) and not words:
            words.extend(tokens[i : i + _quantifier(tokens, i)])  # "killed at least 23"
            i += _quantifier(tokens, i)
            continue
        if lower == "than" and words and words[-1][2].lower() in {"more", "less", "fewer"}:
            words.append(tokens[i])
            i += 1
            continue
        if lower in STOP_WORDS or text in {",", ";", ":", ".", "(", ")", "—", "–", "“", "”", '"', GAP} or lower in {"and", "or"}:
            break
        if lower == "of" and not words:
            break
        if words and TIME_DISTANCE.match(sentence, tokens[i][0]):
            break  # "the finance committee six days earlier": how long before, not part of the name
        if words and lower in CLAUSE_PRONOUNS:
            break  # "the safety certificate it needs": a clause about the noun begins
        after_determiner = bool(words) and words[-1][2].lower() in DETERMINERS  # "the parking scheme"
        if words and not after_determiner and _can_be_verb(text) and not can_be(text, "NOUN") and not can_be(text, "ADJ") and not text.endswith("ed"):
            break
        words.append(tokens[i])
        i += 1
    while words and words[0][2].lower() in DETERMINERS_OR_OF:
        words.pop(0)
    while words and words[-1][2].lower() in FUNCTION_WORDS:
        words.pop()
    if not words:
        return None, i
    return Phrase(words[0][0], words[-1][1], sentence[words[0][0] : words[-1][1]]), i


def _state(before_verb: str, group: str, verb: str, verb_word: str, passive: bool, words: PredicateWordSets) -> str:
    """The action's state from the words before it, its tense and the verb itself."""
    lead = before_verb[-60:]
    if words.pending and words.pending.search(lead) or verb == "await":
        return "pending"
    negated = bool(words.negations and words.negations.search(lead))
    planned = bool(words.planned and words.planned.search(lead))
    base = verb.split()[0]
    if negated:
        return "not done"
    if planned:
        return "planned"
    if verb in words.stopped or base in words.stopped:
        return "stopped"
    if verb in words.postponed or base in words.postponed:
        return "postponed"
    if passive and base in PLANNING_VERBS:
        return "planned"  # "the vote is scheduled for May 2", "the reopening had been expected in late May"
    if verb in words.resumed or base in words.resumed:
        return "resumed"
    tags = verb_forms(verb_word)
    if group.split()[0] in {"is", "are", "am"} and "VBG" in tags:
        return "ongoing"
    return "done"


def noun_phrase_at(sentence: str, start: int, end: int) -> Phrase | None:
    """The noun phrase that begins at ``start`` (read as an object is), within ``sentence[:end]``."""
    tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(sentence, start, end)]
    first = next((i for i, t in enumerate(tokens) if t[2].lower() not in DETERMINERS), len(tokens))
    return _object(sentence, tokens, first)[0]


def linked_phrase(sentence: str, phrase: Phrase, end: int, links: tuple[str, ...] = ("of", "on")) -> Phrase | None:
    """The noun phrase that one of ``links`` joins to ``phrase`` ("work on the Tollmere bypass"), within
    ``sentence[:end]``; None when there is none, or when it is a time ("the attempt on Tuesday")."""
    link = _link_pattern(links).match(sentence, phrase.end)
    if link is None or link.end() >= end or OPENS_WITH_TIME.match(sentence, link.end()):
        return None
    return noun_phrase_at(sentence, link.end(), end)


@lru_cache(maxsize=8)
def _link_pattern(links: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{'|'.join(links)})\s+")
