"""Words as a reader compares them: inflected forms are one word, and a word knows what it can be.

"imports", "imported" and "importing" are one word (import); "mines" and
"mining" are one (mine). The lemmas and word classes come from lemminflect,
whose English tables ship inside its PyPI package, rather than from
hand-written suffix rules. It is imported on first use only, so that
``timeline --version`` and a run with no figures never pay for it, and it is
given its tables as sorted text searched by bisection (``word_tables.py``)
rather than loading them into dicts: about 45 MB and 0.3 s less for every run.

>>> lemma("shipments"), lemma("killed"), lemma("mining")
('shipment', 'kill', 'mine')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

FUNCTION_WORDS = frozenset(
    "a an the this that these those its it their his her our your my of in on at by for to from with and or but as "
    "than into onto over under about after before since during per via up down out off be is are was were been being "
    "has have had having do does did will would shall should can could may might must not no nor so such some any "
    "each every all both either neither which who whom whose what when where while whereas although though if then "
    "there here they them we you he she i me us him also only just even still yet already now more most less least "
    "very much many few several another other same own aside apart against among between across without within "
    "around behind beyond despite toward towards upon amid".split()
)  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=None)
def _lemminflect() -> Any:
    """lemminflect, imported on first use and given the compact tables before its first lookup."""
    import lemminflect

    from timeline.extract.word_tables import install

    install()
    return lemminflect


@lru_cache(maxsize=1 << 13)  # the common words stay; at 65,536, place names said once filled it (49,428 at 10,000 articles)
def word_classes(word: str) -> dict[str, tuple[str, ...]]:
    """Lemmas by word class ({'NOUN': ('import',), 'VERB': ('import',)}); {} for names and function words."""
    lemminflect = _lemminflect()
    lower = word.lower()
    classes = lemminflect.getAllLemmas(lower)
    if not classes and len(lower) > 5 and lower.isalpha() and lower.endswith(("ed", "ing")):
        return lemminflect.getAllLemmasOOV(lower, upos="VERB")  # "capsized": a verb the tables lack still reads as a verb
    return classes


def lemma(word: str) -> str:
    """The dictionary form, preferring a noun reading, then a verb, then an adjective ("deaths" -> death)."""
    lower = word.lower().replace("’", "'")
    classes = word_classes(lower)
    for kind in ("NOUN", "VERB", "ADJ", "ADV"):
        if classes.get(kind):
            return classes[kind][0]
    return lower


def verb_lemma(word: str) -> str | None:
    """The verb a word is a form of ("were" -> be, "hurt" -> hurt), or None when it cannot be a verb."""
    forms = word_classes(word.lower()).get("VERB")
    return forms[0] if forms else None


def stem_key(action: str | None) -> str:
    """A bucket that a verb and its noun share ("close", "closure" -> "clos"): reports worth comparing meet in it."""
    return (action or "")[:4]


def can_be(word: str, kind: str) -> bool:
    """Whether the word has a reading of that class (NOUN, VERB, ADJ, ADV)."""
    return kind in word_classes(word.lower())


def only_verb(word: str) -> bool:
    """A word that can be a verb but not a noun ("climbed", "stood", "reached"): it ends a noun phrase."""
    classes = word_classes(word.lower())
    return "VERB" in classes and "NOUN" not in classes


def is_common_word(word: str) -> bool:
    """A dictionary word or a function word, as opposed to a name ("Floods" yes, "Assam" no)."""
    lower = word.lower()
    return lower in FUNCTION_WORDS or bool(word_classes(lower))


CAPITALISED = re.compile(r"[A-Z][\w’'-]*[A-Za-z0-9]|[A-Z]")


def unlisted_names(text: str, end: int | None = None) -> list[str]:
    """The capitalised words of ``text[:end]`` that no dictionary holds, in order ("Istowlinwyn", "Sentra-4",
    "July"): names that tell one thing from another, where "Bath" or "Reading" cannot be told from words."""
    return [m.group(0) for m in CAPITALISED.finditer(text, 0, len(text) if end is None else end) if not is_common_word(m.group(0))]


@lru_cache(maxsize=1 << 12)
def inflect(verb: str, tag: str) -> str:
    """A verb in the form a headline needs: ``inflect("approve", "VBZ")`` -> "approves"; VBN -> "approved".

    Cached: lemminflect copies its whole table entry for the verb on every call, and a story names
    the same few actions in event after event."""
    forms = _lemminflect().getInflection(verb, tag=tag)
    return forms[0] if forms else verb


@lru_cache(maxsize=1 << 14)
def verb_forms(word: str) -> frozenset[str]:
    """The Penn tags a word can carry as a verb ("held" -> {VBD, VBN}; "approves" -> {VBZ}); empty when never a verb."""
    lower = word.lower()
    tags = set()
    for verb in word_classes(lower).get("VERB", ()):
        for tag, forms in _lemminflect().getAllInflections(verb, upos="VERB").items():
            if lower in forms:
                tags.add(tag)
    if "VBD" in tags and lower.endswith("ed"):
        tags.add("VBN")  # the tables list some regular participles under the past tense only ("reopened")
    if not tags and word_classes(lower).get("VERB"):
        tags = {"VBD", "VBN"} if lower.endswith("ed") else {"VBG"} if lower.endswith("ing") else set()  # a verb the tables lack
    return frozenset(tags)
