"""All the words: findings, inferred dates and support problems as sentences.

The stages return structured reasons (:class:`~factcheck.reconcilers.Reason`); this
module alone turns them into English. A sentence is a tuple of *parts*: plain strings;
:class:`Ref` and :class:`SourceRef` where a claim or source is named (the brief shows them
by publisher, date and footnote, ``check`` by id); :class:`Dated` dates (as people write
them in the brief, ISO in JSON); :class:`Quoted` words from a source or a claim file, shown
as they stand, only escaped. No finished sentence is read again.

>>> from factcheck.reconcilers import reason
>>> plain(sentence(reason("left_out", ["a", "b"])))
' Left out for want of a date: `a` and `b`.'
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence

import attrs

from factcheck.dating import DateInference
from factcheck.differences import Difference
from factcheck.lock import PinCheck
from factcheck.model import Span
from factcheck.reconcilers import Finding, Reason, Verdict, When
from factcheck.values import Interval

__all__ = ["Dated", "Part", "Quoted", "Ref", "SourceRef", "difference", "explain",
           "explanation", "figures_differ", "fmt_years", "inference_words", "names",
           "source_note", "plain", "plural", "sentence", "year_list"]


@attrs.frozen
class Ref:
    """A claim named in a sentence."""
    claim: str


@attrs.frozen
class SourceRef:
    """A source named in a sentence (shown by publisher and date in the brief)."""
    source: str


@attrs.frozen
class Quoted:
    """Words as a source (or a claim file) has them: shown as they stand, only escaped."""
    text: str


@attrs.frozen
class Dated:
    """A date the check worked out: a day, a span, a claim's date, or a span's label."""
    value: datetime.date | Span | When | str

    def __str__(self) -> str:  # ISO, as ``check`` and JSON show it
        v = self.value
        return v.isoformat() if isinstance(v, datetime.date) else str(v)


Part = str | Ref | SourceRef | Quoted | Dated
Parts = list[Part]


_backticked: Callable[[str], str] = "`{}`".format

def plain(parts: Iterable[Part], ref: Callable[[str], str] = _backticked,
          source: Callable[[str], str] = _backticked) -> str:
    """The sentence as text, each claim shown by *ref* and each source by *source* (by
    default their ids in backticks), dates as ISO, quoted words as they stand."""
    return "".join(p if isinstance(p, str) else ref(p.claim) if isinstance(p, Ref)
                   else source(p.source) if isinstance(p, SourceRef)
                   else p.text if isinstance(p, Quoted) else str(p) for p in parts)


def _q(text: object, mark: tuple[str, str] = ("“", "”")) -> Parts:
    """Words from a source in curly quotes: “…”."""
    return [mark[0], Quoted(str(text)), mark[1]]


def _v(value: object) -> Parts:  # a claim's value as in its file: 'co-sponsor'
    return _q(value, ("'", "'"))


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 claim', '2 claims'.

    >>> plural(1, "claim"), plural(2, "claim"), plural(3, "year")
    ('1 claim', '2 claims', '3 years')
    """
    return f"{n} {word if n == 1 else many or word + 's'}"


def fmt_years(interval: Interval) -> str:
    """A year interval in words.

    >>> fmt_years(Interval(2005, 2005)), fmt_years(Interval(2004, 2006))
    ('2005', '2004–2006')
    >>> fmt_years(Interval(None, 2006))
    '2006 or earlier'
    """
    lo, hi = interval.low, interval.high
    if lo is not None and hi is not None:
        return str(lo) if lo == hi else f"{lo}–{hi}"
    if hi is not None:
        return f"{hi} or earlier"
    if lo is not None:
        return f"{lo} or later"
    return "any year"


def year_list(years: Sequence[int]) -> str:
    """Compact runs of years: 2012–2013, 2016–2020.

    >>> year_list([2012, 2013, 2016, 2017, 2018]), year_list([])
    ('2012–2013, 2016–2018', 'none')
    """
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs) or "none"


def names(ids: Iterable[str]) -> Parts:
    """Claims named in a list: 'a', 'a and b', 'a, b and c'."""
    refs: Parts = [Ref(i) for i in dict.fromkeys(ids)]
    if len(refs) <= 2:
        return _join(refs, " and ")
    return [*_join(refs[:-1], ", "), " and ", refs[-1]]


def _join(items: Sequence[Part], sep: str) -> Parts:
    out: Parts = []
    for i, item in enumerate(items):
        out += [sep, item] if i else [item]
    return out


def _joined(groups: Iterable[Parts], sep: str) -> Parts:
    out: Parts = []
    for i, group in enumerate(groups):
        out += [sep, *group] if i else group
    return out


def _cap(parts: Parts) -> Parts:
    if parts and isinstance(parts[0], str) and parts[0]:
        return [parts[0][0].upper() + parts[0][1:], *parts[1:]]
    return parts


# -- single reasons --------------------------------------------------------------------


def _weight(r: Reason) -> Parts:
    side, other = r["side"], r["other"]
    verb = "rest" if len(side) > 1 else "rests"
    mine = plural(r["mine"], "independent origin")
    theirs = plural(r["theirs"], "independent origin")
    text: Parts = [" Weight: ", *names(side), f" {verb} on {mine}, ", *names(other),
                   f" on {theirs}"]
    if r["shared"]:
        text += [" (shared: ", *_join([SourceRef(o) for o in r["shared"]], ", "), ")"]
    return [*text, "; the side with more stands on firmer ground."]


def _gap(r: Reason) -> Parts:
    years: Interval = r["years"]
    after: Parts = (["after ", Ref(r["after_claim"]), f"'s {r['after']}"] if r["after_claim"]
                    else [f"after {r['after']}"])
    before = r.claims[-1]
    return [f"{plural(r['count'], 'year')} without the event in {fmt_years(years)} (", *after,
            ", before ", Ref(before), f"'s {r['before']})"]


def _listing(r: Reason) -> str:
    own = r["own"]
    return year_list(r["listed"]) + (f", plus {year_list(own)} itself" if own else "")


def _count_item(r: Reason) -> Parts:
    head: Parts = [Ref(r.claims[0]), f" says {r['figure']} as of ", Dated(r["when"])]
    known = plural(r["known"], "occurrence")
    are = "is" if r["known"] == 1 else "are"
    if r.kind == "count_matches":
        return [*head, f"; the occurrences listed up to then ({_listing(r)}) number {r['known']}"]
    if r.kind == "count_below_listed":
        return [*head, f", but {known} {are} listed up to then ({_listing(r)})"]
    return [*head, f" but only {known} {are} listed ({_listing(r)})"]


def _run(r: Reason) -> Parts:
    c, q, end, value = Ref(r.claims[0]), r["figure"], r["end"], r["value"]
    n = fmt_years(q.interval)
    record = r.get("record")
    rec: Parts = [Dated(record), f" ({plural(record.last_year - record.first_year + 1, 'year')})"
                  ] if record else []
    if r.kind == "run_conflict_other":
        return [c, " says ", *_v(value), f" for {q} up to {end}, but other claims say otherwise "
                f"for {year_list(r['clash'])}"]
    if r.kind == "run_no_record":
        return [c, " (", *_v(value), f" for {q} up to {end}) has no exact record to compare with"]
    if r.kind == "run_agrees":
        return ["approximate agreement: ", c, f" says {q} ({n} years), the record says ", *rec]
    if r.kind == "run_at_least":
        return [c, f" says {q} ({n} years); the record shows at least ", *rec]
    return [c, " says ", *_v(value), f" for {q} ({n} years) up to {end}, but the record says ",
            *rec]


_SIMPLE: dict[str, Callable[[Reason], Parts]] = {
    "left_out": lambda r: [" Left out for want of a date: ", *names(r.claims), "."],
    "unsupported_left_out": lambda r: [
        " Left out, as their quotes do not support them: ",
        *_join([Ref(c) for c in r.claims], ", "), "."],
    "single_claim": lambda r: [" Only ", Ref(r.claims[0]), " speaks of this series."],
    "one_origin": lambda r: [
        " But they all rest on one independent origin", *(
            [" (", *_join([SourceRef(o) for o in r["origins"]], ", "), ")"]
            if r["origins"] else []),
        ", so nothing confirms them independently: uncorroborated."],
    "weight": _weight,
    "nothing_read": lambda r: ["Nothing to compare: no claim of this series could be read", *(
        [" (left out for want of a date: ", *names(r.claims), ")."] if r.claims else ["."])],
    "no_dated_claims": lambda r: ["No claim could be dated, so there is nothing to compare."],
    "written_in": lambda r: [Ref(r.claims[0]), ", dated only to ", Dated(r["span"]),
                             f", was written in {fmt_years(r['years'])}"],
    "skipped_gap": _gap,
    "stated_gap": lambda r: [f"no event in {year_list(r['years'])}, as ", *names(r.claims),
                             " says"],
    "unlisted": lambda r: [
        f"{plural(r['count'], 'occurrence')} before {r['before']} that no claim lists"
        if r["after"] is None else
        f"{plural(r['count'], 'more occurrence', 'more occurrences')} between {r['after']} "
        f"and {r['before']} that no claim lists"],
    "rounding": lambda r: [
        f"{r['round']} is {r['precise']} rounded to the nearest "
        f"{ {10: 'ten', 100: 'hundred', 1000: 'thousand'}.get(r['unit'], str(r['unit'])) } (",
        Ref(r.claims[0]), ", ", Ref(r.claims[1]), ", ", Dated(r["span"]), ")"],
    "revised": lambda r: [
        f"the figure was revised {r['direction']}: ", Ref(r.claims[0]),
        f" says {r['before']} on ", Dated(r["before_when"]), ", then ", Ref(r.claims[1]),
        f" says {r['after']} on ", Dated(r["after_when"]), ", though the series only "
        f"{'grows' if r['direction'] == 'downward' else 'shrinks'} (a correction of the "
        "earlier figure, or one of them is wrong)"],
    "changed_within": lambda r: [
        "the status changed within ", Dated(r["span"]), ": ", Ref(r.claims[0]),
        " says ", *_v(r["outer"]), " for ", Dated(r["outer_label"]), ", ", Ref(r.claims[1]),
        " says ", *_v(r["inner"]), " on ", Dated(r["inner_label"])],
    "status_clash": lambda r: [
        Ref(r.claims[0]), " says ", *_v(r["a"]), " for ", Dated(r["a_label"]), " but ",
        Ref(r.claims[1]), " says ", *_v(r["b"]), " for ", Dated(r["b_label"])],
    "same_moment": lambda r: [
        "for the same date ", Dated(r["span"]), ", ", Ref(r.claims[0]), f" says {r['a']} and ",
        Ref(r.claims[1]), f" says {r['b']}",
        *(_strip_stop(_weight(r["weight"])) if r["weight"] else [])],
}
for _kind in ("count_matches", "count_below_listed", "count_above_listed"):
    _SIMPLE[_kind] = _count_item
for _kind in ("run_conflict_other", "run_no_record", "run_agrees", "run_at_least",
              "run_conflict_record"):
    _SIMPLE[_kind] = _run


def _strip_stop(parts: Parts) -> Parts:
    if parts and isinstance(parts[-1], str):
        return [*parts[:-1], parts[-1].rstrip(".")]
    return parts


def sentence(r: Reason) -> Parts:
    """One reason on its own, as parts."""
    return _SIMPLE[r.kind](r)


# -- whole explanations ----------------------------------------------------------------


def explanation(f: Finding) -> Parts:
    """The whole explanation of a finding, as parts."""
    by = {"annual": _annual, "occurrences": _occurrences, "tally": _tally, "status": _status,
          "fixed": _fixed}
    lead, tail = by[f.series.kind.value](f)
    if any(r.kind == "single_claim" for r in tail):
        claim = next(r for r in tail if r.kind == "single_claim").claims[0]
        reading = next((r for r in f.readings if r.claim == claim), None)
        when: Parts = [", as of ", Dated(reading.when)] if reading and reading.when else []
        said: Parts = [] if reading is None else [f" ({reading.value}", *when, ")"]
        lead = ["Nothing to compare: only ", Ref(claim), " speaks of this series", *said, "."]
        tail = [r for r in tail if r.kind != "single_claim"]
    elif f.verdict is Verdict.UNCORROBORATED and lead and isinstance(lead[0], str) \
            and lead[0].startswith("Consistent: "):
        lead = ["The claims agree: " + lead[0].removeprefix("Consistent: "), *lead[1:]]
    rest: Parts = []
    for r in tail:
        rest += sentence(r)
    return [*lead, *rest]


def explain(f: Finding, ref: Callable[[str], str] = _backticked,
            source: Callable[[str], str] = _backticked) -> str:
    """The explanation of a finding as text, claims shown by *ref*, sources by *source*."""
    return plain(explanation(f), ref, source)


_TAILS = ("left_out", "unsupported_left_out", "weight", "single_claim", "one_origin")


def _split(f: Finding) -> tuple[dict[str, list[Reason]], list[Reason]]:
    heads: dict[str, list[Reason]] = {}
    tail = []
    for r in f.reasons:
        if r.kind in _TAILS:
            tail.append(r)
        else:
            heads.setdefault(r.kind, []).append(r)
    return heads, tail


def _assumptions(f: Finding, sep: str = "; ") -> Parts:
    return _joined((sentence(a) for a in f.assumptions), sep)


def _annual(f: Finding) -> tuple[Parts, list[Reason]]:
    heads, tail = _split(f)
    if "no_dated_claims" in heads:
        return sentence(heads["no_dated_claims"][0]), tail
    if "skipped_stated" in heads:
        r = heads["skipped_stated"][0]
        stated = _joined(([f"no event in {year_list(g['years'])}, as ", *names(g.claims),
                           " says"] for g in heads["stated_gap"]), "; ")
        implied = _joined(([Ref(c), f" implies {fmt_years(iv)}"] for c, iv in r["implied"]),
                          "; ")
        return ["Consistent: the counts all fit a first year of "
                f"{r['first_year']} with the years the sources say the event skipped (",
                *stated, "). Read without the gap, ", *implied, "."], tail
    if "skipped" in heads:
        r = heads["skipped"][0]
        implied = _joined(([Ref(c), f" implies {fmt_years(iv)}"] for c, iv in r["implied"]),
                          "; ")
        text: Parts = ["Consistent if ", *_assumptions(f), ": the counts then all fit a first "
                       f"year of {r['first_year']}, with the event skipped where said. "
                       "Without that, ", *implied, "."]
        if "stated_gap" in heads:
            text += [" The sources state the rest: ", *_joined(
                (sentence(g) for g in heads["stated_gap"]), "; "), "."]
        for alt in heads.get("or_other_start", []):
            verb = "counts" if len(alt.claims) == 1 else "count"
            text += [" Otherwise ", *names(alt.claims), f" {verb} from a different first year, "
                     f"{fmt_years(alt['first_year'])} (another body, edition or series?)."]
        return text, tail
    if "disagree" in heads:
        r = heads["disagree"][0]
        parts = _joined(([Ref(c), f" implies a first year of {fmt_years(iv)}"]
                         for c, iv in r["outliers"]), "; ")
        text = ["Conflict: ", *names(r["majority"]), f" imply a first year of {r['point']}, "
                "but ", *parts, "."]
        for o in heads.get("other_start", []):
            other, point = o["first_year"], o["point"]
            if other.high is not None and other.high < point:
                gap = f"{plural(point - other.high, 'year')} before"
            elif other.low is not None and other.low > point:
                gap = f"{plural(other.low - point, 'year')} after"
            else:
                gap = "unlike"
            verb = "fits" if len(o.claims) == 1 else "consistently fit"
            text += [" ", *names(o.claims), f" {verb} a first year of {fmt_years(other)}, {gap} "
                     f"the others' {point}: likely a count from another starting point "
                     "(another body, edition or series), not a miscount."]
        return text, tail
    agree = heads["agree"][0]
    ids = agree.claims
    if len(ids) > 1:
        text = [f"All {len(ids)} dated figures imply a first year of "
                f"{fmt_years(agree['first_year'])}: ", *names(ids), " agree."]
    else:
        text = ["Only ", Ref(ids[0]), " can be read; it implies a first year of "
                f"{fmt_years(agree['first_year'])}."]
    for r in heads.get("inferred_agree", []):
        text += [" The dates of ", *names(r.claims), " are inferred from this series, so they "
                 "agree by construction and do not confirm it independently."]
    if "consistent_if" in heads:
        text = ["Consistent if ", *_assumptions(f), ". ", *text]
    return text, tail


def _occurrences(f: Finding) -> tuple[Parts, list[Reason]]:
    heads, tail = _split(f)
    items = [r for r in f.reasons if r.kind.startswith("count_")]
    body = _joined((sentence(r) for r in items), "; ")
    if "conflict" in heads:
        return ["Conflict: ", *body, "."], tail
    if "consistent_if_there_were" in heads:
        return ["Consistent if there were ", *_assumptions(f, " and "), ": ", *body, "."], tail
    if "nothing_read" in heads:
        return sentence(heads["nothing_read"][0]), tail
    if "only_listed" in heads:
        years = heads["only_listed"][0]["years"]
        return [f"Occurrences listed: {year_list(years)}; no count to check them against."], tail
    return ["Consistent: ", *body, "."], tail


def _tally(f: Finding) -> tuple[Parts, list[Reason]]:
    heads, tail = _split(f)
    if "nothing_read" in heads:
        return sentence(heads["nothing_read"][0]), tail
    if "conflict" in heads:
        problems = _joined((sentence(r) for r in heads["same_moment"]), "; ")
        return ["Conflict: ", *problems, "."], tail
    if "consistent_if" in heads:
        return ["Consistent if ", *_assumptions(f), "."], tail
    steps: list[Parts] = []
    for m in heads["moment"]:
        figures = _joined(([f"{q} (", Ref(c), ")"] for c, q in m["figures"]), " and ")
        agreeing = m["agreeing"]
        steps.append([Dated(m["span"]), ": ", *figures,
                      *([f" — agreeing on {agreeing}"] if agreeing is not None else [])])
    if "trend" in heads:
        trend = {"increasing": "growth over time", "decreasing": "decline over time"}.get(
            heads["trend"][0]["monotone"], "change over time")
        return ["Consistent: ", *_joined(steps, "; then "), f". The differences are {trend}."], \
            tail
    return ["Consistent: ", *_joined(steps, "; "), "."], tail


def _status(f: Finding) -> tuple[Parts, list[Reason]]:
    heads, tail = _split(f)
    if "nothing_read" in heads:
        return sentence(heads["nothing_read"][0]), tail
    if "conflict" in heads:
        problems = [r for r in f.reasons if r.kind == "status_clash" or
                    r.kind.startswith("run_conflict")]
        return ["Conflict: ", *_joined((sentence(r) for r in problems), "; "), "."], tail
    history = heads["history"][0]["steps"]
    periods = _joined(([*_v(h["value"]), " ", Dated(h["span"]), " (", *names(h.claims), ")"]
                       for h in history), "; ")
    text: Parts = ["History: ", *periods, "."]
    changes = len(history) - 1
    if changes:
        times = {1: "once", 2: "twice"}.get(changes, f"{changes} times")
        text.append(f" The status changes {times} over time: a history, not a conflict.")
    for r in f.reasons:
        if r.kind.startswith("run_"):
            text += [" ", *_cap(sentence(r)), "."]
    if "consistent_if" in heads:
        text = ["Consistent if ", *_assumptions(f), ". ", *text]
    return text, tail


def _fixed(f: Finding) -> tuple[Parts, list[Reason]]:
    heads, tail = _split(f)
    if "nothing_read" in heads:
        return sentence(heads["nothing_read"][0]), tail
    if "figures_differ" in heads:
        figures = heads["figures_differ"][0]["figures"]
        return ["Conflict: the figures differ: ",
                *_joined(([Ref(c), f" says {q}"] for c, q in figures), "; "), "."], tail
    if "give_but" in heads:
        r = heads["give_but"][0]
        outliers = _joined(([Ref(c), f" gives {q}"] for c, q in r["outliers"]), "; ")
        return ["Conflict: ", *names(r["holders"]), f" give {r['point']}, but ", *outliers,
                "."], tail
    r = heads["all_give"][0]
    verb = {1: "gives", 2: "both give"}.get(len(r.claims), "all give")
    return ["Consistent: ", *names(r.claims), f" {verb} {r['value']}."], tail


# -- inferred dates --------------------------------------------------------------------


def _date_reason(r: Reason) -> Parts:
    k = r.kind
    if k == "count_dates":
        most = " (as most of its dated claims say)" if r.get("majority") else ""
        return [Ref(r.claims[0]), f" counts {r['figure']} in a series that began in "
                f"{fmt_years(r['first_year'])}{most}, which puts it in {fmt_years(r['years'])}"]
    if k == "occurrence_dates":
        return [Ref(r.claims[0]), f" counts {r['figure']}, after the occurrence of "
                f"{r['previous']}, which puts it in {fmt_years(r['years'])}"]
    if k == "tally_dates":
        return [Ref(r.claims[0]), "'s figure lies between ", Ref(r.claims[1]), "'s of ",
                Dated(r["after"]), " and ", Ref(r.claims[2]), "'s of ", Dated(r["before"]),
                ", in a series that only moves one way"]
    if k == "mentions_past":
        return ["the text mentions ", *_q(r["words"]), " as past: not before ",
                Dated(r["earliest"])]
    if k == "counts_disagree":
        return ["the counts disagree on the year"]
    if k == "relative":
        return [Ref(r.claims[0]), " dates its event ", Dated(r["event"]), " and the text "
                "calls it ", *_q(r["words"]), ": written ", Dated(r["earliest"]), " to ",
                Dated(r["latest"])]
    if k == "quotes_source":
        return ["it carries passages of ", SourceRef(r["source"]), " and names ",
                Quoted(r["name"]), ", so it quotes it: not before ", Dated(r["date"])]
    if k == "no_clue":
        return ["no count or date in it can date it"]
    if k == "expects":
        return ["the text expects ", *_q(r["words"]), f" still to come: before {r['before']:%B %Y}"]
    if k == "no_date_left":
        return ["these clues leave no date: ", Dated(r["earliest"]), " is after ",
                Dated(r["latest"])]
    raise KeyError(k)


def inference_reasons(i: DateInference) -> list[Parts]:
    """Each reason behind an inferred date, as parts."""
    return [_date_reason(r) for r in i.reasons]


def inference_words(i: DateInference) -> str:
    """'undated, inferred 2020', or 'undated, inferred 2024 (2024-01-01 to 2024-11-30)'."""
    if i.span is None:
        return "undated"
    year = i.year
    if year is not None and i.span != Span.year(year):
        return (f"undated, inferred {year} ({i.span.earliest.isoformat()} to "
                f"{i.span.latest.isoformat()})")
    return f"undated, inferred {i.span}"


# -- support ---------------------------------------------------------------------------


def problem(r: Reason) -> Parts:
    """Why a claim is not supported, from one of :func:`factcheck.support.judge`'s reasons."""
    k = r.kind
    if k == "value_not_in_quotes":
        given: Parts = _join([Quoted(g) for g in r["given"]], ", ") or ["no figure"]
        return ["its value ", *_v(r["wording"]), " is not a figure its quotes give (they give: ",
                *given, ")"]
    if k in ("pin_altered", "pin_orphaned"):  # from the pin check's facts, not its CLI words
        check: PinCheck = r["pin"]
        if check.source_gone or check.pin is None:
            return ["pinned quote orphaned: its source is no longer in the case"]
        if check.status == "orphaned":
            return ["pinned quote orphaned: the pinned passage is no longer in ",
                    SourceRef(check.pin.source)]
        changes = _joined(([*_q(old), " → ", *_q(new)] for old, new in check.changes), "; ")
        return ["quote altered in ", SourceRef(check.pin.source), " (", *changes, "): was ",
                *_q(check.pin.exact), ", now ", *_q(check.now)]
    if k == "not_found":
        near = r["nearest"]
        return ["quote not found in ", SourceRef(r["source"]),
                *(["; nearest passage: ", *_q(near.text)] if near else [])]
    if k == "ambiguous":
        texts = _joined((_q(t) for t in dict.fromkeys(t for _, _, t in r["places"])), "; ")
        return ["quote in ", SourceRef(r["source"]), " stands equally well in "
                f"{plural(len(r['places']), 'place')} (", *texts, "): not support until a "
                "prefix, suffix or hint settles which one"]
    if k == "differences":
        pairs = _joined((difference(d) for d in r["differences"]), "; ")
        return ["quote in ", SourceRef(r["source"]), " differs from the source in more than "
                "spelling: ", *pairs]
    if k == "figures_differ":
        return ["quote in ", SourceRef(r["source"]), " matched approximately, but ",
                *figures_differ(r["said"], r["there"])]
    raise KeyError(k)


def figures_differ(said: Sequence[str], there: Sequence[str]) -> Parts:
    """ "the source gives 41 where the quote says 42": a fuzzy match's figures."""
    return ["the source gives ", *(_join([Quoted(x) for x in there], ", ") or ["no figure"]),
            " where the quote says ", *(_join([Quoted(x) for x in said], ", ") or ["no figure"])]


def difference(d: Difference) -> Parts:
    """One word-level difference between a quote and its source."""
    if not d.source:
        return ["the quote's ", *_q(d.quote), f" is not in the source ({d.category})"]
    if not d.quote:
        return ["the source has ", *_q(d.source), f" where the quote has nothing ({d.category})"]
    return ["the quote says ", *_q(d.quote), ", the source ", *_q(d.source), f" ({d.category})"]


def problems_text(problems: Iterable[Reason]) -> str:
    """A claim's problems as one line of text."""
    return "; ".join(plain(problem(r)) for r in problems)


def source_note(r: Reason, detail: bool = False) -> Parts:
    """What the check says of a source itself (see :func:`factcheck.pipeline.check`);
    *detail*: with the files and lines a researcher looks at (``check``, JSON)."""
    if r.kind == "new_version":
        return [SourceRef(r["source"]), " is a newer version of ", SourceRef(r["of"]),
                ": the same page, changed since; claims quoting each read its own figures at "
                "its own date"]
    if r.kind == "raw_mismatch":
        return [r["message"]] if detail else [  # the message names files and lines
            "The saved web page it was added from no longer gives this text (edited by hand, "
            "or the page replaced: factcheck check says where)"]
    raise KeyError(r.kind)
