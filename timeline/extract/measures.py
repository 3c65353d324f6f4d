"""What a figure measures, read from the words of its own clause: the measured thing of its key.

Read in the order a reader would: what a counted noun counts ("214 cases of
cholera"; "63 passengers were killed" counts deaths), the "of" phrase after
a figure ("90% of processing capacity"), for an amount the noun it is "of"
("a package of ₹500 crore"), the noun after it ("₹500 crore relief
package"; "a $14.6 million plan to repair the bridge" is a repair plan) or
its purpose ("₹8 crore will go to tanker services"), for a
count the verb it is the subject or object of ("612 were rescued", "killed
63"), and last the noun phrase the figure completes ("the death toll
climbed to 41"). Words are lemmatised (``words``) and named through the
lexicon's measures (kill, death, toll -> deaths). Two kinds of people
counted together ("248 passengers and crew") count people.

The text handed in has the clause's other figures masked as ``FIGURE_MARK``
and its dates as ``DATE_MARK``, so that they stop a phrase without being
read as words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.extract.grammar_words import AUXILIARIES as FINITE_AUXILIARIES
from timeline.extract.words import FUNCTION_WORDS, can_be, is_common_word, lemma, only_verb, verb_forms, verb_lemma, word_classes
from timeline.lexicon import Lexicon
from timeline.models import FigureValue


FIGURE_MARK = "¤"


DATE_MARK = "¦"


TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|\S")


CHANGE_WORDS = frozenset(
    "increase rise jump gain growth surge hike spike rally climb uptick decline drop fall decrease cut reduction "
    "contraction slump dip slide plunge".split()
)


MARGIN_VERBS = frozenset("win beat defeat lead trail lose edge outpoll".split())


GENERIC_HEADS = frozenset("number count tally total figure level amount".split())


TIME_WORDS = frozenset("quarter year month week day period fiscal half season".split())


AUXILIARIES = frozenset("be is are was were been being have has had get got reportedly feared believed now so far since".split())


LINKING = frozenset(
    "to at by of from in be is are was were been has have had stood stands rose risen rises climbed reached touched "
    "increased jumped fell fallen dropped declined grew grown surged totalled totaled hit crossed came put pegged "
    "estimated revised corrected now further currently officially reportedly nearly almost about around over under "
    "above below than more less some only just up down amounted mounted swelled went works work out".split()
)  # fmt: skip  (inflected forms only: "the total", "the increase", "the estimate" are nouns)


MODALS = frozenset("could would will may might can should must shall to".split())


POSTMODIFIER = frozenset("from of in on at after before near outside during".split())
PURPOSE = frozenset({"for", "towards", "toward", "on"})
SUBSET = re.compile(r"\s*(?:(?:who|that)\s+(?:[a-z]+\s+){0,2}?)?([a-z]+ed)\b")  # "passengers who escaped"
PASSIVE_STATE = re.compile(r"\s*(?:have|has|had|were|was|are|is)\s+(?:been\s+)?(?:\w+ly\s+)?([a-z]+ed)\b")  # "houses have been damaged"


def tokens(text: str) -> list[str]:
    """Tokens, with possessives folded ("the world's" -> world, so that neutral words stay neutral)."""
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """``tokens``, kept: one figure's words before and after it are read by the share, measure and purpose readings alike."""
    return tuple(t[:-2] if len(t) > 2 and t[-1] == "s" and t[-2] in "'’" else t for t in TOKEN.findall(text))


def read_measure(value: FigureValue, left: str, right: str, lexicon: Lexicon, rest: str = "", bounded: bool = False) -> str | None:
    """The measured thing, lemmatised and named through the lexicon's measures, or None.

    Read in the order a reader would: what a counted noun counts ("214 cases
    of cholera"), the "of" phrase after a figure ("90% of processing
    capacity"), for an amount the noun it is "of" ("a package of ₹500 crore"),
    the noun after it ("₹500 crore relief package") or its purpose ("₹8 crore
    will go to tanker services"), for a count the verb it is subject or
    object of ("612 were rescued", "killed 63"), and last the noun phrase the
    figure completes ("the death toll climbed to 41").

    A ``bounded`` figure (a capacity or a cap, ``figure_limits``) of people
    counts people: its verb ("seats", "is licensed to carry") says how many
    may be there, not what befell them, and the stadium that "seats 32,000
    people" and "holds 34,500 spectators" states one capacity either way.
    """
    after, before = tokens(right), tokens(left)
    verb_before = _verb_before(before, lexicon)
    if _after_by(before) and value.unit not in ("percent", "percentage_point"):
        return "margin"  # "defeating Lindqvist by 8,560 votes": a difference, not a total
    if value.noun:
        words = value.noun.split()
        if _two_kinds_of_people(words[-1], after, lexicon):
            words = ["people"]  # "248 passengers and crew": everyone on board, of either kind
        group = _group_before(left, lexicon)
        if bounded and lemma(words[-1]) in lexicon.people:
            return "people"
        if lemma(words[-1]) in lexicon.people:
            verbs = [v for v in (verb_before, _verb_after(tokens(rest), lexicon)) if v]  # "rescued 318 villagers stranded on roofs"
            if any((verb_lemma(v) or "") in lexicon.reporting_verbs for v in verbs[:1]):
                return None  # "two people said": sources, not a count
            named = [v for v in verbs if (verb_lemma(v) or lemma(v)) in lexicon.measure_of]
            if named:
                return _name_measure([named[0]], lexicon, verbs_only=True)
            subset = SUBSET.match(rest)
            if subset and verb_lemma(subset.group(1)):  # "passengers who escaped", "people hired for" are groups of their own
                return f"{lemma(words[-1])} {verb_lemma(subset.group(1))}"
            phrase, _, _ = _phrase_before(before, lexicon)
            named_phrase = _name_measure(phrase, lexicon) if phrase and not group and not verb_before else None
            if named_phrase in lexicon.measure_of.values():
                return named_phrase  # "the workforce has grown to about 16,000 people"; not "the train had 1,900 passengers"
            return _name_measure(group + words[-1:], lexicon)  # "carrying 1,260 passengers" -> passenger
        complement = _phrase(after[1:], lexicon) if after[:1] == ["of"] else []
        passive = PASSIVE_STATE.match(rest)
        if passive and not complement and (verb_lemma(passive.group(1)) or "") in lexicon.state_verbs:
            return f"{verb_lemma(passive.group(1))} {lemma(words[-1])}"  # "2,100 houses have been damaged"
        phrase, _, _ = _phrase_before(before, lexicon)
        named_phrase = _name_measure(phrase, lexicon) if phrase and not group and not verb_before else None
        if named_phrase in lexicon.measure_of.values():
            return named_phrase  # "narrowing the margin to 8,311 votes": the votes measure the margin
        return _name_measure(group + complement + words, lexicon)  # "won 41,250 votes" and "41,250 votes" are one key
    group = _group_before(left, lexicon)
    if group:
        return _name_measure(group, lexicon)  # "Of the dead, 29 were recorded in Rampal district"
    if value.unit in ("percent", "percentage_point") and after[:1] and after[0].lower() not in FUNCTION_WORDS and not only_verb(after[0]):
        phrase = _phrase(after, lexicon)
        rest_of = _phrase(after[len(phrase) + 1 :], lexicon) if after[len(phrase) : len(phrase) + 1] == ["of"] else []
        if phrase:
            return _name_measure(rest_of + phrase, lexicon)  # "43.2% share of the vote" -> vote share
    of_phrase = _phrase(after[1:], lexicon) if after[:1] == ["of"] else []
    if after[:2] == ["of", "those"] and len(after) > 2 and verb_lemma(after[2]) and after[2].lower().endswith("ed"):
        of_phrase = [after[2]]  # "70% of those killed"
    if of_phrase:
        doing = verb_before and (verb_lemma(verb_before) or "") in lexicon.measure_of
        return _name_measure(of_phrase + ([verb_before] if doing else []), lexicon)  # "shipped 12,400 t of steel"
    if value.unit == "metre" and after[:1] and after[0].lower() in ("above", "below", "over", "under"):
        mark = _phrase(after[1:], lexicon)
        if mark:
            return "level " + ("below " if after[0].lower() in ("below", "under") else "above ") + " ".join(lemma(w) for w in mark)
    phrase_before, via_of, direct = _phrase_before(before, lexicon)
    if value.unit not in ("percent", "percentage_point", "count"):
        directly = _noun_headed(_phrase(after, lexicon), ("NOUN",)) if after[:1] and after[0].lower() not in FUNCTION_WORDS else []
        directly = _with_purpose(directly, after[len(directly) :])  # "a $14.6 million plan to repair the bridge" -> repair plan
        apposed = _phrase(after[2:], lexicon) if after[:2] in ([",", "the"], [",", "a"]) else []  # "$184,000 a year, the salary set for"
        while len(apposed) > 1 and can_be(apposed[-1], "VERB"):
            apposed = apposed[:-1]
        for phrase in (phrase_before if via_of else [], directly, _purpose(after, lexicon), _planned(after, lexicon), apposed):
            if phrase and not TIME_WORDS.intersection(w.lower() for w in phrase):
                return _name_measure(phrase, lexicon)
    verb_after = _verb_after(after, lexicon) if value.unit == "count" else None
    if verb_after:
        return _name_measure([verb_after], lexicon, verbs_only=True)
    if verb_before and (value.unit in ("count", "tonne") or (verb_lemma(verb_before) or "") in lexicon.measure_of):
        return _name_measure([verb_before], lexicon, verbs_only=True)  # "killed 63", "spent $1.9 million"; "allocated ₹X" names no thing
    known = _known_measure_before(before, lexicon)
    if phrase_before and not TIME_WORDS.intersection(w.lower() for w in phrase_before):
        named = _name_measure(phrase_before, lexicon)
        weak = not direct or lemma(phrase_before[-1]) in lexicon.people  # "the number of people evacuated has risen to"
        return known if known and weak and named not in lexicon.measure_of.values() else named
    return known


def _known_measure_before(tokens: list[str], lexicon: Lexicon, reach: int = 12) -> str | None:
    """A measure the lexicon knows, named before the figure in its clause ("the death toll from Thursday's
    derailment of the express rose to 41"; "the number of people killed in the crash has climbed to 61")."""
    window = tokens[-reach:]
    cut = max((i for i, t in enumerate(window) if t == FIGURE_MARK and i < len(window) - 3), default=-1)
    window = window[cut + 1 :]
    named = lexicon.measure_of
    lemmas = [lemma(word) if word[0].isalpha() else None for word in window]  # each word's, once: two phrases read it
    for index in range(len(window) - 1, -1, -1):  # from the figure back: the two words ending here, then this word alone
        word = window[index]
        if lemmas[index] is None:
            continue
        if index > 0 and lemmas[index - 1] is not None and (phrase := f"{lemmas[index - 1]} {lemmas[index]}") in named:
            return named[phrase]
        verb = verb_lemma(word)
        if (phrase := (verb or word) if only_verb(word) else lemmas[index]) in named:
            return named[phrase]
        if (verb or "") in named and word.lower().endswith("ed"):
            return named[verb]
    return None


def counts_people(value: FigureValue, lexicon: Lexicon) -> bool:
    """Whether the figure counts people ("32,000 people", "34,500 spectators")."""
    return bool(value.noun) and lemma(value.noun.split()[-1]) in lexicon.people


COLLECTIVE_PEOPLE = frozenset("crew crews staff personnel".split())  # nouns of people that take no plural "s"


def _two_kinds_of_people(head: str, after: list[str], lexicon: Lexicon) -> bool:
    """"248 passengers and crew", "300 pupils and teachers": a count of two kinds of people together counts people.

    Neither kind names it: the passengers alone are fewer, and "was carrying
    284 people" counts the same everyone.
    """
    def of_people(word: str) -> bool:
        return word.lower() in COLLECTIVE_PEOPLE or lemma(word) in lexicon.people

    return after[:1] == ["and"] and len(after) > 1 and of_people(head) and of_people(after[1]) and lemma(after[1]) != lemma(head)


GROUP = re.compile(r"^\W*(?:of|among|from)\s+(?:the|those|them)\s+([a-z][\w-]*(?:\s+(?!(?:are|were|is)\b)[a-z][\w-]*)?)\s*,?\s*(?:(?:are|were|is)\s+)?$", re.I)


def _group_before(left: str, lexicon: Lexicon) -> list[str]:
    """The group a figure is a part of: "Of the dead, 29 ..." -> dead; "Among the injured are 38 children" -> injured."""
    match = GROUP.match(left)
    return match.group(1).split() if match else []


def _after_by(tokens: list[str]) -> bool:
    """"won by 8,560 votes", "beating the mayor by about 12,000": the figure is the gap between two others."""
    return bool(tokens) and tokens[-1].lower() == "by" and len(tokens) > 1 and (tokens[-2][0].isupper() or (verb_lemma(tokens[-2]) or "") in MARGIN_VERBS)


def _planned(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """"the ₹2,500 crore the company plans to spend": the measure is the verb the amount is the object of."""
    for index, token in enumerate(tokens[:7]):
        if token.lower() == "to" and index + 1 < len(tokens) and (verb_lemma(tokens[index + 1]) or "") in lexicon.measure_of:
            return [tokens[index + 1]]
    if tokens[:1] and tokens[0].lower() in ("the", "a", "its", "their"):  # "the $4.1m the city spent running the election"
        for token in tokens[1:4]:
            if token.lower().endswith("ed") or only_verb(token):
                return [token] if (verb_lemma(token) or "") in lexicon.measure_of else []
    return []


def _with_purpose(phrase: list[str], following: list[str]) -> list[str]:
    """A thing named with what it is to do: "an emergency plan to repair the bridge" is an emergency repair plan.

    The infinitive after a noun says which plan, grant or contract it is, the
    way a noun before the head does ("the repair plan"), so its verb joins
    the phrase before the head and the two wordings share the head "repair
    plan". "To be" and "to have" name nothing.
    """
    if not phrase or following[:1] != ["to"] or len(following) < 2:
        return phrase
    verb = following[1]
    if not verb[0].isalpha() or verb.lower() in AUXILIARIES or not (verb_forms(verb) & {"VB"}):
        return phrase
    return phrase[:-1] + [verb_lemma(verb) or verb] + phrase[-1:]


def _purpose(tokens: list[str], lexicon: Lexicon) -> list[str]:
    """What an amount is for: "for emergency water supply", "will go to tanker services", "towards relief".

    Money for people ("₹5 lakh to the family of each person who died") is
    compensation, however it is worded. A date between the amount and its
    purpose is passed over ("approved $2.1 million in September for day-care
    hubs").
    """
    tokens = _without_dates(tokens)
    for index, token in enumerate(tokens[:4]):
        lower = token.lower()
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if lower in PURPOSE or (lower in ("to", "in") and following[:1].islower() and not only_verb(following)):
            phrase = _phrase(tokens[index + 1 :], lexicon)
            if phrase and lemma(phrase[-1]) in lexicon.people:
                return ["compensation"]
            return phrase
        if not (lower in AUXILIARIES or lower in MODALS or lower in ("go", "goes", "went", "set", "aside") or only_verb(token)):
            return []
    return []


DATE_PREPOSITIONS = frozenset("in on by at during last this next".split())


def _without_dates(tokens: list[str]) -> list[str]:
    """The tokens with each masked date and the preposition before it ("in September") left out."""
    kept: list[str] = []
    for token in tokens:
        if token == DATE_MARK:
            while kept and kept[-1].lower() in DATE_PREPOSITIONS:
                kept.pop()
            continue
        kept.append(token)
    return kept


@lru_cache(maxsize=64)
def _lowered(words: tuple[str, ...], more: frozenset[str] = frozenset()) -> frozenset[str]:
    """A lexicon's word list as a set of lower-case words (with ``more``), made once for the list rather than for each figure."""
    return frozenset(word.lower() for word in words) | more


def _name_measure(words: list[str], lexicon: Lexicon, verbs_only: bool = False) -> str | None:
    """Lemmas joined, the whole phrase or its head named through the lexicon ("death toll" -> deaths)."""
    neutral = _lowered(lexicon.neutral_words, CHANGE_WORDS)  # "a 24% jump" names no thing
    lemmas = [(verb_lemma(w) or lemma(w)) if verbs_only else lemma(w) for w in words if w.lower() not in neutral]
    if not lemmas:
        return None
    if verbs_only and lemmas[-1] in lexicon.reporting_verbs:
        return None
    named = lexicon.measure_of
    whole = " ".join(lemmas)
    if whole in named:
        return named[whole]
    for size in (2, 1):  # only the head names the measure: "export licences" are licences, "steel shipped" shipments
        head = " ".join(lemmas[-size:])
        if len(lemmas) >= size and head in named:
            return " ".join(lemmas[:-size] + [named[head]])
    return whole


def _phrase(tokens: list[str], lexicon: Lexicon, limit: int = 4) -> list[str]:
    """The noun phrase at the start of ``tokens``: content words up to a function word, verb or punctuation,
    ending in a word that can head one (``_noun_headed``).

    A verb right after a plural noun ends the phrase but joins it ("52% of
    ballots counted", "54 per cent of voters cast their ballots"): the verb
    says which part of them is meant. An auxiliary ("schools is divided",
    "vessels had been inspected") is a clause's own verb, and only ends it.
    """
    neutral = _lowered(lexicon.neutral_words)
    words: list[str] = []
    for token in tokens:
        lower = token.lower()
        if not words and lower in neutral:
            continue
        if words and lower in FINITE_AUXILIARIES:
            break  # "the ₹610 crore for schools is divided": the clause's own verb, which says nothing of the schools
        if words and words[-1].lower().endswith("s") and can_be(token, "VERB") and (only_verb(token) or verb_lemma(token) != lemma(token)):
            return words + [token]
        if not token[0].isalpha() or lower in FUNCTION_WORDS or (only_verb(token) and not lower.endswith("ing")) or len(words) == limit:
            break
        words.append(token)
    return _noun_headed(words)


def _noun_headed(phrase: list[str], heads: tuple[str, ...] = ("NOUN", "ADJ")) -> list[str]:
    """The phrase up to its last word that can head a noun phrase: a measured thing is named by one.

    "460 of them fully destroyed" and "47 of them seriously" end in an
    adverb, which names nothing; "17 of the dead" ends in an adjective
    standing for its people, as "the injured" and "the missing" do. Right
    after a figure's unit no adjective stands alone (``heads`` is then
    NOUN): "rose 1.2 metres overnight" and "fell 40 metres short" name no
    measured thing, "₹500 crore relief package" does. A word the word
    tables do not know (a name, a coinage) is taken for a noun, and so is
    a gerund ("₹70 crore is for rebuilding").
    """
    end = len(phrase)
    while end and not _can_head(phrase[end - 1], heads):
        end -= 1
    return phrase[:end]


def _can_head(word: str, heads: tuple[str, ...]) -> bool:
    """Whether ``word`` can end a noun phrase: a name or unknown word, a gerund ("for rebuilding"), or a word of ``heads``."""
    if not word.islower() or not word_classes(word) or word.endswith("ing") and can_be(word, "VERB"):
        return True
    return any(can_be(word, head) for head in heads)


_LAST_PHRASE_BEFORE: tuple[list[str], Lexicon, int, tuple[list[str], bool, bool]] | None = None


def _phrase_before(tokens: list[str], lexicon: Lexicon, limit: int = 4) -> tuple[list[str], bool, bool]:
    """``_read_phrase_before``, kept for the last call: the measure and the purpose readings of a figure both ask it of the same words."""
    global _LAST_PHRASE_BEFORE
    last = _LAST_PHRASE_BEFORE
    if last is None or last[1] is not lexicon or last[2] != limit or last[0] != tokens:
        last = _LAST_PHRASE_BEFORE = (list(tokens), lexicon, limit, _read_phrase_before(tokens, lexicon, limit))
    words, via_of, direct = last[3]
    return list(words), via_of, direct


def _read_phrase_before(tokens: list[str], lexicon: Lexicon, limit: int = 4) -> tuple[list[str], bool, bool]:
    """The noun phrase a figure completes, whether it is the noun the figure is "of", and whether it stands right there.

    "the death toll climbed to" -> death toll; "a relief package of" ->
    relief package (of); "the number of cholera cases in Corvale rose to" ->
    cholera cases (a place after the phrase is skipped, so not right there);
    "the revised estimate, published with the new budget, is" -> revised
    estimate (an aside between commas is skipped).
    """
    index = len(tokens) - 1
    only_linking, direct = True, True
    skipped: list[str] = []
    while index >= 0:
        token = tokens[index]
        if token == "," and "," in tokens[:index]:
            opening = max(i for i in range(index) if tokens[i] == ",")
            if opening + 1 < index and tokens[opening + 1].lower().endswith("ed") and only_verb(tokens[opening + 1]):
                index = opening - 1  # ", published with the new budget,": an aside
                continue
        if token == FIGURE_MARK and not only_linking:
            return [], False, False  # "a package of ₹500 crore comprises ₹300 crore": the package is not the part
        if token == DATE_MARK:  # "the budget for the coming year stands at": the date and its preposition go together
            index -= 1
            while index >= 0 and tokens[index].lower() in ("for", "in", "of", "the", "this", "next", "last", "coming", "current"):
                index -= 1
            continue
        if token.lower() in LINKING or token in (",", "%", "(", FIGURE_MARK) or (token.lower().endswith("ly") and can_be(token, "ADV")):
            skipped.append(token.lower())
            index -= 1
            continue
        if _is_name(tokens, index) and index > 0 and tokens[index - 1].lower() in ("in", "at", "from", "across", "near", "outside"):
            only_linking, direct = False, False
            index -= 2  # "cases in Corvale rose to": the place is not the thing counted
            continue
        if (index > 0 and tokens[index - 1].lower() in MODALS) or (only_verb(token) and token.lower() not in lexicon.measure_of):
            only_linking = False
            skipped.append(token.lower())
            index -= 1
            continue
        break
    words: list[str] = []
    while index >= 0 and len(words) < limit:
        token = tokens[index]
        lower = token.lower()
        if not token[0].isalpha() or lower in FUNCTION_WORDS or only_verb(token) or _is_name(tokens, index):
            break  # a name before the measured thing is its subject, not part of it
        if words and lower.endswith("s") and can_be(token, "VERB"):
            break  # "the company plans capital expenditure of": "plans" is the verb
        words.insert(0, token)
        index -= 1
    if words and index >= 1 and tokens[index].lower() in ("of", "from") and _content(tokens, index - 1) and tokens[index - 1].lower() not in GENERIC_HEADS:
        words.append(tokens[index - 1])  # "exports of magnets fell" -> magnet exports; "revenue from operations rose" -> operation revenue
    if words and index >= 0 and (tokens[index] in (DATE_MARK, FIGURE_MARK) or tokens[index].lower() in POSTMODIFIER):
        direct = False  # "the death toll from Thursday's derailment to 57": the phrase sits in a modifier
    return words, skipped == ["of"], direct


def _is_name(tokens: list[str], index: int) -> bool:
    """A capitalised word inside a sentence ("China", "Corvale"); the first word only when it is no dictionary word."""
    token = tokens[index]
    if not token[0].isupper():
        return False
    return index > 0 or not is_common_word(token)


def _content(tokens: list[str], index: int) -> bool:
    token = tokens[index]
    return token[0].isalpha() and token.lower() not in FUNCTION_WORDS and not only_verb(token) and not _is_name(tokens, index)


def _verb_before(tokens: list[str], lexicon: Lexicon) -> str | None:
    """A verb right before the figure that says what is counted ("killed 63", "shipped 12,400 t")."""
    for token in reversed(tokens[-2:]):
        lower = token.lower()
        if lower in LINKING or lower in AUXILIARIES:
            return None
        if token[0].isalpha() and verb_lemma(token) and lower not in FUNCTION_WORDS and _acts_as_verb(tokens, token):
            return None if verb_lemma(token) in lexicon.reporting_verbs else token
        if token[0].isalpha():
            return None
    return None


def _acts_as_verb(tokens: list[str], token: str) -> bool:
    """A word that can only be a verb, a participle, or a verb-or-noun after a noun ("Chinese firms produce")."""
    lower = token.lower()
    if only_verb(token) or lower.endswith(("ed", "ing")):
        return True
    position = len(tokens) - 1 - tokens[::-1].index(token)
    previous = tokens[position - 1].lower() if position > 0 else ""
    return bool(previous) and previous.isalpha() and previous not in FUNCTION_WORDS and not only_verb(previous)


def _verb_after(tokens: list[str], lexicon: Lexicon) -> str | None:
    """The verb a counted number is the subject of: "2,310 people were hurt", "612 were rescued", "41 died"."""
    for token in tokens[:5]:
        lower = token.lower()
        if lower in AUXILIARIES or lower in ("have", "has", "had", "not", "also", "still", "reportedly"):
            continue
        if token[0].isalpha() and (verb_lemma(token) or lemma(token) in lexicon.measure_of) and lower not in FUNCTION_WORDS:
            return token  # a reporting verb too: callers decide ("two people said" is no count)
        return None
    return None
