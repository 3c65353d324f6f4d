"""Case-blind alternations that the regex engine can pass over quickly: a lexicon's phrases, a cue's words.

Under ``re.IGNORECASE`` Python's regex engine has no literal prefix to skip
to, so it tries every alternative at every position it reaches. A lexicon
of 140 phrases costs 140 failed attempts at each character of a sentence
that names none of them. Grouping the alternatives by the letter they open
with, behind a case-sensitive class of that letter, makes a position that
starts no alternative cost one class test.
"""

from __future__ import annotations

# The characters besides its two cases that the regex engine takes, ignoring case, for an ASCII letter
# (every code point tried): "ſ" is s, "ı" and "İ" are i, the Kelvin sign "K" is k.
FOLDED_LETTERS = {"ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"}  # an escape: the Kelvin sign looks like "K" in an editor
CASE_FOLDS = str.maketrans(FOLDED_LETTERS)


def either_case(letter: str) -> str:
    """A case-sensitive character class of every character the regex engine takes for ``letter`` ignoring case."""
    return "[" + letter.lower() + letter.upper() + "".join(c for c, ascii in FOLDED_LETTERS.items() if ascii == letter.lower()) + "]"


def by_first_letter(alternatives: list[str]) -> str:
    """The alternation of ``alternatives`` (regex text, in this order), grouped by the letter each begins with.

    Under IGNORECASE the regex engine tries every alternative at every
    position it reaches; one that opens with a case-sensitive character
    class (``either_case``) is passed over at once where its first letter is
    not. Alternatives opening with one letter keep their order, and ones
    opening with different letters or symbols never match the same text, so
    the match is the same as the plain alternation's.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        letter = alternative[0].lower() if alternative[0].isascii() and alternative[0].isalpha() else ""
        if letter and alternative[1:2] in ("?", "*", "+", "{"):
            letter = ""  # a letter that may be left out opens nothing
        groups.setdefault(letter or alternative, []).append(alternative)
    return "|".join(
        f"(?-i:{either_case(key)})(?:{'|'.join(a[1:] for a in group)})" if len(key) == 1 and key.isalpha() else group[0]
        for key, group in groups.items()
    )
