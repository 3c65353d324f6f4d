"""The grammar words the clause stage reads English news with: auxiliaries, determiners, prepositions, adverbs.

These are closed classes of English, the same in every story; the open
vocabulary (which verbs plan, stop or restart an action) is data in
``rules/lexicon/predicates.yaml``.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"[₹$€£]?\d[\d,.]*%?|[A-Za-z_][\w’'&-]*(?:\.(?=[A-Za-z]\.))?|[^\s\w]")
AUXILIARIES = frozenset("is are was were be been being am has have had having do does did will would shall should can could may might must 's 're".split())
BE_FORMS = frozenset("is are was were be been being am 's 're".split())
HAVE_FORMS = frozenset("has have had having".split())
ADVERBS = frozenset(
    "also still already now just then finally formally officially reportedly eventually quickly only again further "
    "even never not n't later earlier first initially since soon recently duly jointly unanimously yet last early late".split()
)  # fmt: skip
PRONOUNS = frozenset("he she it they we i you this that these those who which".split())
STOP_WORDS = frozenset(
    "on in at from to for after before since during by with near amid following over under until between into "
    "across through against about as while when where which who that than because despite via per till along off "
    "regarding within including concerning involving like such onto upon toward towards beyond behind beside inside throughout alongside".split()
)  # fmt: skip
GAP = "§"
PLACE_PREPOSITIONS = frozenset("near in at outside off".split())
COMPLEMENT_PREPOSITIONS = frozenset("on against for with into".split())
DATE_PREPOSITIONS = frozenset("on in at during since by from".split())
NUMBER_WORDS = frozenset("two three four five six seven eight nine ten dozens hundreds thousands".split())
OPENS_WITH_TIME = re.compile(r"(?:the\s+)?(?:\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)")
"""A phrase that is a time, not a thing: "on Tuesday", "of March 9", "on 12 May"."""
DETERMINERS = frozenset("a an the its their his her our this that these those some any all every each several".split())
PARTS_OF_DAY = frozenset("morning afternoon evening night midnight noon".split())
QUANTIFIERS = (("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"), ("up", "to"), ("as", "many", "as"), ("as", "much", "as"), ("close", "to"))
SUBJECT_PRONOUNS = frozenset("he she it they".split())
PLANNING_VERBS = frozenset("expect schedule plan slate pencil earmark".split())
ASPECT_VERBS = frozenset("begin start continue keep finish".split())
