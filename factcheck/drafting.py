"""Find every figure in the sources and draft claims for them.

``factcheck extract`` is where a new case starts: it lists each count mention with its
span, its reading and its sentence, as ready-to-edit TOML claims.

>>> from factcheck.model import Source
>>> found = extract([Source("s", "It was adopted for 21 straight years.")])
>>> [(e.source, e.mention.text, str(e.mention.quantity)) for e in found]
[('s', '21 straight years', '21 years')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from factcheck.figures import Mention, find_quantities
from factcheck.model import Source
from factcheck.tomlw import toml_value

QUOTE_ROOM = 90  # characters of the sentence kept on each side of the mention


@attrs.frozen
class Extracted:
    source: str
    mention: Mention
    line: int  # 1-based line of the mention in the source body
    column: int  # 1-based column

    @property
    def quote(self) -> str:
        """The mention with enough of its sentence around it to stand as a quote."""
        sentence = " ".join(self.mention.sentence.split())
        text = self.mention.text
        at = sentence.find(text)
        if at < 0:
            return text
        left = sentence[max(0, at - QUOTE_ROOM):at]
        right = sentence[at + len(text):at + len(text) + QUOTE_ROOM]
        if at > QUOTE_ROOM:
            left = left.split(" ", 1)[-1]  # start on a whole word
        if at + len(text) + QUOTE_ROOM < len(sentence):
            right = right.rsplit(" ", 1)[0]
        return (left + text + right).strip()


def extract(sources: Iterable[Source]) -> tuple[Extracted, ...]:
    """Every figure in every source, in source and text order."""
    out = []
    for source in sorted(sources, key=lambda s: s.id):
        for m in find_quantities(source.body):
            line = source.body.count("\n", 0, m.start) + 1
            column = m.start - (source.body.rfind("\n", 0, m.start) + 1) + 1
            out.append(Extracted(source.id, m, line, column))
    return tuple(out)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "figure"


def draft_claims(found: Iterable[Extracted]) -> str:
    """Ready-to-edit TOML claims, one per figure, each quoting its sentence."""
    lines = [
        "# Claims drafted by `factcheck extract`: one per figure found in the sources.",
        "# Keep the ones worth checking, give each a series, and fix its statement.",
    ]
    seen: set[str] = set()
    for e in found:
        m = e.mention
        base = f"{e.source.split('-')[0]}-{_slug(m.text)}"
        cid, n = base, 2
        while cid in seen:
            cid, n = f"{base}-{n}", n + 1
        seen.add(cid)
        lines += [
            "",
            f"# {e.source}:{e.line}:{e.column} [{m.start}, {m.end}) “{m.text}” reads as "
            f"{m.quantity} ({m.quantity.kind.value}, {m.quantity.interval})",
            "[[claim]]",
            f"id = {toml_value(cid)}",
            f"statement = {toml_value(' '.join(m.sentence.split()))}",
            '# series = ""',
            f"value = {toml_value(m.text)}",
            "",
            "[[claim.quote]]",
            f"source = {toml_value(e.source)}",
            f"text = {toml_value(e.quote)}",
        ]
    return "\n".join(lines) + "\n"

