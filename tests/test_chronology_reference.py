"""The timeline's indexed row search builds the rows of trying every row and member, on generated reports.

The reference below is the timeline as first written: each report tried
against every row made so far, member by member. It is quadratic in a
corpus of wire copy and kept here only to hold the indexed search to it.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.chronology import _entry, build_timeline, compatible_dates, width
from timeline.event_identity import same_event
from timeline.extract.date_values import day_value, month_value, span_value, unresolved
from timeline.models import EventClaim, Precision, Provenance

DAY0 = date(2031, 3, 1)


def reference(events: list[EventClaim]):
    ordered = sorted(events, key=lambda e: (e.provenance.path, e.provenance.line, e.provenance.column))
    dated = sorted((e for e in ordered if e.date and e.date.resolved), key=lambda e: (width(e.date), e.provenance.path, e.provenance.line, e.provenance.column))
    undated = [e for e in ordered if not (e.date and e.date.resolved)]
    groups: list[list[EventClaim]] = []
    for event in dated:
        group = next((g for g in groups if compatible_dates(g[0].date, event.date) and any(same_event(m, event) for m in g)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    leftovers: list[list[EventClaim]] = []
    for event in undated:
        path = event.provenance.path
        home = next((g for g in groups if any(m.provenance.path == path and same_event(m, event) for m in g)), None)
        home = home or next((g for g in leftovers if g[0].provenance.path == path and any(same_event(m, event) for m in g)), None)
        if home is None:
            leftovers.append([event])
        else:
            home.append(event)
    entries = [_entry(group) for group in groups]
    entries.sort(key=lambda e: (e.date.start, e.date.end or e.date.start, e.event_kind, e.title))
    tail = sorted((_entry(group) for group in leftovers), key=lambda e: (e.sources[0].provenance.path, e.sources[0].provenance.line))
    return entries + tail


def _when(kind: str, offset: int):
    day = DAY0 + timedelta(days=offset)
    return {
        "day": day_value(f"day {offset}", day),
        "month": month_value("March 2031", 2031, 3),
        "span": span_value("that week", day, day + timedelta(days=6)),
        "open": span_value(f"from day {offset}", day, None),
        "unresolved": unresolved("on Tuesday", Precision.DAY),
        "none": None,
    }[kind]


def report(path: int, line: int, column: int, action: str | None, thing: str | None, actor: str | None, title: str, kind: str, when: str, offset: int) -> EventClaim:
    return EventClaim(
        provenance=Provenance(path=f"a{path}.txt", line=line, column=column, quote="q"), text="t", published=DAY0,
        event_kind=kind, title=title, subject=actor, date=_when(when, offset), actor=actor, action=action, object=thing,
    )  # fmt: skip


reports = st.builds(
    report,
    path=st.integers(0, 3),
    line=st.integers(1, 5),
    column=st.integers(1, 3),
    action=st.sampled_from([None, "approve", "approval", "close", "reopen"]),
    thing=st.sampled_from([None, "the repair plan", "the plan", "the Orlan Street Bridge", "the bridge", "the Ostry bridge", "the Quenby bridge", "the Ostry plan"]),
    actor=st.sampled_from([None, "council", "city council", "Port Authority", "city port authority", "Port council"]),  # words shared, subsets or not
    title=st.sampled_from(["plan approval", "meeting", "bridge closure", "Orlan Street Bridge reopening"]),
    kind=st.sampled_from(["event", "meeting", "policy"]),
    when=st.sampled_from(["day", "day", "month", "span", "open", "unresolved", "none"]),
    offset=st.integers(0, 9),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(reports, max_size=25))
def test_same_rows_as_trying_every_row(events):
    assert build_timeline(events) == reference(events)


def test_wire_copy_is_one_row_with_every_source():
    events = [report(i, 2, 1, "approve", "the repair plan", "city council", "plan approval", "policy", "day", 3) for i in range(200)]
    events += [report(i, 4, 1, "approve", "the repair plan", "city council", "plan approval", "policy", "none", 0) for i in range(0, 200, 2)]
    [row] = build_timeline(events)
    assert len(row.sources) == 300 and build_timeline(events) == reference(events)
