"""A deterministic synthetic news corpus for `timeline` benchmarks, with conflicts of known truth.

Used by ``bench/bench_scale.py`` and ``tests/test_synthetic_corpus.py``; run by hand it writes a corpus
and lists the conflicts it injected. Usage::

    python bench/synthetic_corpus.py OUT_DIR [--size 1000] [--seed 7] [--every 10]
    python bench/synthetic_corpus.py --self-test          # determinism and no sentence twice, N=1000

Every article (about 3 KB) is in the tool's article format: YAML front matter (title, published,
source), then paragraphs. Its story is one of five invented domains (floods, budgets, elections,
transport, health), told about places, organisations and people whose names are made up for it
alone, with dates written many ways ("on March 3", "last Tuesday", "in early 2025", "on
12/03/2025", ...), figures (counts, money, percentages, ranges, "over 85%"), statuses ("was
postponed", "is still awaiting approval", "was cancelled"), events and site boilerplate ("Also
read: ...", "Follow us on ..."). Every name and number is drawn afresh for each article, so no two
articles share a sentence.

Conflicts of known truth: articles are taken in pairs (0-1, 2-3, ...), and in every ``every``-th
pair both articles, published on the same day, state the same quantity about the same invented
subject for the same time with values that cannot both hold (a farmland share, ferry passengers in a
month, a repair budget), or the first reports a repair done and the second, the same day, still expects
it (a status regression). ``generate`` returns them as
``Conflict`` records (both file names and lines, both figure texts, the rule expected to flag it).
Each template was checked against the real `timeline check --format json` before being used here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DOMAINS = ["floods", "budgets", "elections", "transport", "health"]
FIRST = ["Var", "Kel", "Bran", "Tor", "Mel", "Hast", "Orv", "Pell", "Quen", "Rask", "Sel", "Thorn", "Ul", "Wend", "Yar", "Zel",
         "Ash", "Brim", "Cor", "Dun", "Elm", "Fen", "Gal", "Hol", "Ist", "Jor", "Kest", "Lor", "Mard", "Nor", "Osk", "Pry",
         "Ren", "Sten", "Tav", "Vel", "Wark", "Brae", "Cald", "Drev"]  # fmt: skip
MIDDLE = ["", "a", "e", "i", "o", "u", "an", "en", "il", "or", "ar", "ev", "ol", "am", "ur", "es", "ing", "ow", "ast", "ell"]
INNER = ["", "ber", "dal", "mar", "ros", "tan", "vin", "gar", "lin", "sor"]  # 40 x 20 x 10 x 28: some 224,000 names
LAST = ["ton", "by", "mere", "wick", "stead", "ford", "holm", "dale", "worth", "ley", "haven", "mouth", "bridge", "field",
        "gate", "cliff", "moor", "thorpe", "burn", "shaw", "ness", "combe", "den", "hurst", "low", "wyn", "ria", "vale"]  # fmt: skip
GIVEN = ["Mara", "Tomas", "Ilse", "Dev", "Noor", "Anton", "Leila", "Owen", "Priya", "Jonas", "Ruth", "Kofi", "Elin", "Sami", "Greta", "Idris"]
OUTLETS = ["Harbour Post", "Valley Wire", "Northern Ledger", "Coastal Courier", "Plains Herald", "Ridge Gazette", "Delta Dispatch"]


@dataclass(frozen=True)
class Conflict:
    """One injected conflict: two articles stating one quantity with values that cannot both hold."""

    template: str
    rule: str  # the rule expected to flag it
    files: tuple[str, str]
    lines: tuple[int, int]
    texts: tuple[str, str]  # the claim text in each (a figure, or a status), as `timeline` reports it


@dataclass
class Article:
    name: str
    text: str
    published: dt.date
    sentences: list[str] = field(default_factory=list)


class Names:
    """Invented names, never the same twice in one corpus."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        for _ in range(1000):
            name = self.rng.choice(FIRST) + self.rng.choice(MIDDLE) + self.rng.choice(INNER) + self.rng.choice(LAST)
            if name not in self.used:
                self.used.add(name)
                return name
        raise RuntimeError(f"ran out of invented names after {len(self.used)}; add syllables")


def ordinal(day: int) -> str:
    return f"{day}{'th' if 10 <= day % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th')}"


class Dates:
    """Date expressions for one article, each about a day at or before its publication date."""

    def __init__(self, rng: Random, published: dt.date):
        self.rng, self.p = rng, published

    def past_day(self, low: int = 2, high: int = 40) -> dt.date:
        return self.p - dt.timedelta(days=self.rng.randint(low, high))

    def past(self) -> str:
        d = self.past_day()
        style = self.rng.randrange(7)
        if style == 0:
            return f"on {MONTHS[d.month - 1]} {d.day}"
        if style == 1:
            return f"on {d.day:02d}/{d.month:02d}/{d.year}"
        if style == 2:
            return f"on {d.day} {MONTHS[d.month - 1]} {d.year}"
        if style == 3:
            return f"on {MONTHS[d.month - 1]} {d.day}, {d.year}"
        if style == 4:
            return "last " + WEEKDAYS[self.past_day(7, 13).weekday()]
        if style == 5:
            return f"on the {ordinal(d.day)} of {MONTHS[d.month - 1]}"
        return f"on {d.isoformat()}"

    def future(self) -> str:
        d = self.p + dt.timedelta(days=self.rng.randint(10, 200))
        style = self.rng.randrange(5)
        if style == 0:
            return f"in {['early', 'mid', 'late'][self.rng.randrange(3)]} {MONTHS[d.month - 1]}"
        if style == 1:
            return f"by {MONTHS[d.month - 1]} {d.day}"
        if style == 2:
            return f"in {['early', 'late'][self.rng.randrange(2)]} {d.year}"
        if style == 3:
            return "by the end of the year" if d.year == self.p.year else f"by the end of {d.year}"
        return "in the coming weeks"

    def vague(self) -> str:
        return self.rng.choice(["earlier this month", "last week", "earlier this year", f"in early {self.p.year}",
                                f"in late {self.p.year - 1}", "last month", "this week"])  # fmt: skip


def money(rng: Random, low: float, high: float) -> str:
    value = rng.uniform(low, high)
    return f"${value:.1f} million" if value < 1000 else f"${value / 1000:.2f} billion"


# Sentence templates per domain. Each names at least one of the article's own invented names, so it is
# never written twice in a corpus; numbers and dates are drawn per use. Fields: P place, Q second place,
# O organisation, R river, S surname, G given name, plus draws made by `fill`.
DOMAIN_SENTENCES = {
    "floods": [
        "Heavy rain fell on {P} for {w2_9} days and the {R} river burst its banks {past}.",
        "Officials in {P} said {c300_5000} people had left their homes, and {c3_40} schools were turned into shelters.",
        "The {R} river reached {m3_9} metres at the {Q} gauge, its highest level since {y1950_2015}.",
        "The {O} said between {r100_400} homes in {P} had been damaged, a figure it expects to revise.",
        "Volunteers from {Q} filled sandbags at the {P} market hall until late in the evening.",
        "The reopening of the {P} footbridge was postponed until {future_plain}, the roads office said.",
        "Insurers told the {O} that claims from {P} could exceed {money_5_90}.",
        "{Q} Grid restored power to over {p60_95}% of its customers {vague}, the company said.",
        "A relief fund for {P} households is still awaiting approval from the {O}.",
    ],
    "budgets": [
        "The {P} council approved a budget of {money_40_900} for the coming year {past}.",
        "Councillor {G} {S} said spending on roads in {P} would rise {p3_18}% while parks lose {p2_9}%.",
        "The {O} warned that {P} faces a shortfall of {money_2_60} by {future_plain}.",
        "A plan to sell the old {Q} depot was cancelled after {c80_900} residents signed a petition.",
        "Property taxes in {P} will go up by between {r2_6}% from {future_plain}, the treasurer said.",
        "An audit of {P} by the {O} found {c4_30} contracts signed without a tender.",
        "{S}, who chairs the {P} finance committee, said the vote was delayed until {future_plain}.",
        "Staff costs take up over {p40_70}% of the {P} budget, according to the {O}.",
        "Also read: {Q} weighs a tourist levy as hotel stays climb",
    ],
    "elections": [
        "Voters in {P} go to the polls {future} to choose a new mayor.",
        "{G} {S} of the {O} won {c9000_60000} votes in the {Q} ward, the returning officer said {past}.",
        "Turnout in {P} was {p35_75}% at the last council election, which {P} held in {y2010_2022}.",
        "The {O} said it had registered {c1500_9000} new voters in {P} {vague}.",
        "A televised debate between the {P} candidates was cancelled after a row over the format.",
        "{S} promised to build {c200_3000} homes in {Q} if elected.",
        "Counting in {P} is expected to finish by {future_plain}, officials said.",
        "The recount in {Q} is still awaiting approval from the {O}.",
        "Polls put {S} ahead with between {r28_40}% of the vote in {P}.",
    ],
    "transport": [
        "The {O} said its trams in {P} carried {c40000_400000} passengers a week {vague}.",
        "The {P} to {Q} bus line opened {past}, with {c8_40} stops along the way.",
        "Work on the {P} bypass was postponed until {future_plain}, the {O} said.",
        "Fares on the {Q} ferry will rise {p2_12}% from {future_plain}, according to the {O}.",
        "Over {p70_95}% of {P} trains ran on time {vague}, the operator said.",
        "The {R} bridge in {P} is still awaiting approval for repairs estimated at {money_3_80}.",
        "A strike by {c100_2000} drivers in {Q} was called off after talks with the {O}.",
        "{G} {S}, who heads the {P} depot, said {c12_90} new buses would arrive {future}.",
        "Follow us on {Q} Radio for live travel news from {P}.",
    ],
    "health": [
        "The {P} hospital treated {c120_2400} patients for heat exhaustion {vague}.",
        "The {O} said vaccination in {Q} had reached over {p60_92}% of children.",
        "The new {P} clinic opened {past} with {c10_80} beds.",
        "Plans for a {money_5_120} maternity wing in {Q} were cancelled by the {O}.",
        "Waiting times in {P} fell {p5_30}% after {c20_200} nurses were hired, {S} said.",
        "Doctor {G} {S} said between {r40_120} cases of measles were confirmed in {P} {past}.",
        "The {P} screening programme is still awaiting approval from the {O}.",
        "The {O} will decide on the {Q} ambulance station {future}.",
        "Also read: How {P} volunteers keep the night pharmacy open",
    ],
}
TITLES = {
    "floods": "{P} counts the cost as the {R} river recedes",
    "budgets": "{P} council argues over next year's spending",
    "elections": "{S} and rivals make a last push in {P}",
    "transport": "Commuters in {P} face a season of works",
    "health": "{P} hospital stretched as demand grows",
}
# Generic lines any story may carry (a dateline-free wire paragraph, boilerplate).
GENERIC = [
    "Residents of {P} described the past weeks as the hardest they could remember.",
    "The {O} did not reply to a request for comment on {P}.",
    "Follow us on {O} Updates for more news from {P}.",
    "Also read: {Q} prepares for a busy summer season",
    "Reporting by {G} {S} in {P}; editing by the {Q} desk.",
]


def draw(rng: Random, token: str, dates: Dates) -> str:
    """One value for a placeholder such as c300_5000 (a count), p3_18 (a percent), r100_400 (a range)."""
    if token == "past":
        return dates.past()
    if token == "future":
        return dates.future()
    if token == "future_plain":
        d = dates.p + dt.timedelta(days=rng.randint(20, 300))
        return f"{MONTHS[d.month - 1]} {d.year}"
    if token == "vague":
        return dates.vague()
    kind, low, high = re.fullmatch(r"([a-z]+)_?(\d+)_(\d+)", token).groups()
    low, high = int(low), int(high)
    if kind == "money":
        return money(rng, low, high)
    if kind == "c":
        return f"{rng.randint(low, high):,}"
    if kind == "p":
        return f"{rng.randint(low * 10, high * 10) / 10:g}"
    if kind == "m":
        return f"{rng.randint(low * 100, high * 100) / 100:.2f}"
    if kind == "w":
        return ["two", "three", "four", "five", "six", "seven", "eight", "nine"][rng.randint(low, high) - 2]
    if kind == "y":
        return str(rng.randint(low, high))
    if kind == "r":
        a = rng.randint(low, high)
        b = a + rng.randint(max(1, a // 10), max(2, a // 3))
        return f"{a:,} and {b:,}"
    raise ValueError(token)


def fill(template: str, rng: Random, names: dict[str, str], dates: Dates) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: names[m.group(1)] if m.group(1) in names else draw(rng, m.group(1), dates), template)


# Conflict templates: (id, rule, the two sentences with {S} the shared subject, {v} the value, {d} the date frame).
# Each was checked with `timeline check --format json` on a generated folder; see tests/test_synthetic_corpus.py.
def conflict_sentences(kind: int, rng: Random, subject: str, published: dt.date) -> tuple[str, str, list[str], list[str]]:
    """Returns template id, expected rule, the two sentences and the two figure texts."""
    day = published - dt.timedelta(days=rng.randint(1, 4))
    if kind == 0:
        a = rng.randint(200, 450) / 10
        b = round(a + rng.randint(120, 300) / 10, 1)
        weekday = WEEKDAYS[day.weekday()]
        s1 = f"About {a:g}% of the farmland in {subject} district was under water on {weekday}, the county engineer said."
        s2 = f"In {subject} district, about {b:g}% of the farmland was under water on {weekday}, according to the county engineer."
        return "farmland-share", "figure-contradiction", [s1, s2], [f"About {a:g}%", f"about {b:g}%"]
    month = (published.replace(day=1) - dt.timedelta(days=1))
    mname = MONTHS[month.month - 1]
    if kind == 1:
        a = rng.randint(12_000, 60_000)
        b = a + rng.randint(a // 4, a)
        s1 = f"The {subject} Ferry Company said its boats carried {a:,} passengers in {mname}."
        s2 = f"In {mname}, boats of the {subject} Ferry Company carried {b:,} passengers, the company said."
        return "ferry-passengers", "figure-contradiction", [s1, s2], [f"{a:,} passengers", f"{b:,} passengers"]
    if kind == 3:
        works = rng.choice(["weir", "sluice gate", "embankment", "pumping station", "flood wall"])
        done = published - dt.timedelta(days=rng.randint(3, 12))
        ahead = MONTHS[(published.month + rng.randint(0, 1)) % 12]
        s1 = f"Engineers said the repair of the {subject} {works} was completed on {MONTHS[done.month - 1]} {done.day}."
        s2 = f"The repair of the {subject} {works} is expected to be completed in {ahead}, officials said."
        return "repair-status", "status-regression", [s1, s2], ["was completed", "is expected to be completed"]
    a = rng.randint(100, 400) / 10
    b = round(a * rng.uniform(1.3, 1.9), 1)
    s1 = f"The {subject} council approved a flood repair budget of ${a:.1f} million for {published.year}, the council said."
    s2 = f"For {published.year}, the {subject} council set aside a flood repair budget of ${b:.1f} million, officials said."
    return "repair-budget", "amount-mismatch", [s1, s2], [f"${a:.1f} million", f"${b:.1f} million"]


CONFLICT_KINDS = 4
BOILERPLATE = ("Also read", "Follow us")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


def article_text(front: dict[str, str], paragraphs: list[str]) -> str:
    head = ["---", *(f"{k}: {v}" for k, v in front.items()), "---", ""]
    return "\n".join(head + "\n\n".join(paragraphs).split("\n")) + "\n"


def generate(size: int, seed: int = 7, every: int = 10, target_bytes: int = 3000) -> tuple[list[Article], list[Conflict]]:
    """N articles and the conflicts injected among them (in every `every`-th pair of articles)."""
    rng = Random(f"timeline-synthetic-{seed}")
    new_name = Names(rng)
    start = dt.date(2024, 1, 1)
    span_days = max(60, size // 4)  # some four articles a day, as a busy desk files them
    articles: list[Article] = []
    conflicts: list[Conflict] = []
    pair_conflict: dict[int, tuple] = {}
    for index in range(size):
        pair, second = divmod(index, 2)
        inject = pair % every == 0 and (pair * 2 + 1) < size
        if inject and second:
            published = articles[-1].published
        else:
            published = start + dt.timedelta(days=rng.randrange(span_days))
        domain = "floods" if inject else DOMAINS[rng.randrange(len(DOMAINS))]
        names = {"P": new_name(), "Q": new_name(), "R": new_name(), "S": new_name(), "G": rng.choice(GIVEN)}
        names["O"] = f"{new_name()} {rng.choice(['Authority', 'Board', 'Trust', 'Council', 'Agency', 'Alliance'])}"
        dates = Dates(rng, published)
        others = [d for d in DOMAINS if d != domain]
        pool = list(DOMAIN_SENTENCES[domain])
        rng.shuffle(pool)
        extra = [t for d in rng.sample(others, 2) for t in DOMAIN_SENTENCES[d]] + GENERIC
        pool += rng.sample(extra, len(extra))  # a second strand of the story, then the wire's lines
        sentences = [fill(t, rng, names, dates) for t in pool]
        paragraphs: list[str] = []
        position = rng.randint(1, 3)
        conflict_at = None
        queue = list(sentences)
        while queue and sum(len(p) + 2 for p in paragraphs) < target_bytes - 250:
            if inject and conflict_at is None and len(paragraphs) == position:
                if not second:
                    subject = new_name()
                    pair_conflict[pair] = (*conflict_sentences(pair // every % CONFLICT_KINDS, rng, subject, published), [])
                conflict_at = len(paragraphs)
                paragraphs.append(pair_conflict[pair][2][second])
                continue
            if queue[0].startswith(BOILERPLATE):
                paragraphs.append(queue.pop(0))  # boilerplate stands on a line of its own
                continue
            paragraph = []
            for _ in range(rng.randint(1, 3)):
                if queue and not queue[0].startswith(BOILERPLATE):
                    paragraph.append(queue.pop(0))
            paragraphs.append(" ".join(paragraph))
        if inject and conflict_at is None:  # a short article: put it at the end
            if not second:
                pair_conflict[pair] = (*conflict_sentences(pair // every % CONFLICT_KINDS, rng, new_name(), published), [])
            conflict_at = len(paragraphs)
            paragraphs.append(pair_conflict[pair][2][second])
        front = {
            "title": TITLES[domain].format(**names),
            "published": published.isoformat(),
            "source": rng.choice(OUTLETS),
        }
        name = f"article-{index:05d}.md"
        text = article_text(front, paragraphs)
        if inject:
            line = text.split("\n").index(paragraphs[conflict_at]) + 1
            pair_conflict[pair][4].append((name, line))
            if second:
                template, rule, _, texts, where = pair_conflict[pair]
                conflicts.append(Conflict(template, rule, (where[0][0], where[1][0]), (where[0][1], where[1][1]), (texts[0], texts[1])))
        articles.append(Article(name, text, published, [s for p in paragraphs for s in SENTENCE_SPLIT.split(p)]))
    return articles, conflicts


def write(folder: Path, size: int, seed: int = 7, every: int = 10) -> tuple[list[Article], list[Conflict]]:
    """Write the corpus into `folder` (which must exist); returns what `generate` does."""
    articles, conflicts = generate(size, seed, every)
    for article in articles:
        (folder / article.name).write_bytes(article.text.encode("utf-8"))
    return articles, conflicts


def duplicate_sentences(articles: list[Article]) -> list[str]:
    seen: set[str] = set()
    twice = []
    for article in articles:
        for sentence in article.sentences:
            if sentence in seen:
                twice.append(sentence)
            seen.add(sentence)
    return twice


def self_test(size: int = 1000) -> None:
    first, conflicts = generate(size, seed=7)
    again, _ = generate(size, seed=7)
    assert [a.text for a in first] == [a.text for a in again], "not deterministic"
    twice = duplicate_sentences(first)
    assert not twice, f"{len(twice)} sentences written twice, e.g. {twice[:3]}"
    sizes = [len(a.text.encode("utf-8")) for a in first]
    print(f"N={size}: deterministic, no sentence twice, {len(conflicts)} conflicts injected, "
          f"article bytes min {min(sizes)} mean {sum(sizes) / len(sizes):.0f} max {max(sizes)}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="folder to write the corpus into (created)")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--every", type=int, default=10, help="inject a conflict in every K-th pair of articles (default 10)")
    parser.add_argument("--self-test", action="store_true", help="check determinism and that no sentence is written twice (N=1000)")
    args = parser.parse_args()
    if args.self_test:
        self_test()
        return
    if args.out is None:
        parser.error("give OUT_DIR or --self-test")
    args.out.mkdir(parents=True, exist_ok=True)
    _, conflicts = write(args.out, args.size, args.seed, args.every)
    for c in conflicts:
        print(f"{c.rule:22} {c.template:18} {c.files[0]}:{c.lines[0]} {c.texts[0]!r}  vs  {c.files[1]}:{c.lines[1]} {c.texts[1]!r}")
    print(f"{args.size} articles, {len(conflicts)} conflicts injected", file=sys.stderr)


if __name__ == "__main__":
    main()
