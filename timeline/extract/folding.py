"""Lower-casing that agrees with ``re.IGNORECASE``, for looking up what a case-blind pattern matched.

Python's case-insensitive matching treats four non-ASCII letters as ASCII ones:
dotless "ı" and dotted "İ" match ``i``, the long "ſ" matches ``s`` and the
Kelvin sign "K" matches ``k``. A pattern written for "usd" therefore also
matches "uſd", and ``str.lower`` keeps the "ſ", so a table keyed by "usd"
would not find the word its own pattern accepted. Every table looked up with
a matched word is looked up with ``folded(word)``.

>>> folded("UſD"), folded("İNR"), folded("5 KM")
('usd', 'inr', '5 km')
"""

from __future__ import annotations

ASCII_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """``text`` lower-cased, with the letters ``re.IGNORECASE`` takes for ASCII ones made ASCII."""
    return text.translate(ASCII_TWINS).lower()
