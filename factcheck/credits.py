"""Count origins honestly: the outlets a source credits as the origin of its text.

Wire copy is reprinted with a credit line: "(Source: Yonhap News)", "Yonhap news agency
reported", "SEOUL, Nov. 20 (Yonhap) --", "(AP) —", a closing "(AFP)" or "— Reuters", or a
publisher field such as "Yonhap via IANS". :func:`credits` reads those lines;
:func:`credited_origin` uses them to name the origin of a cluster of copies after the outlet
the others credit, not after whichever copy happens to carry the earliest date.

**The rule** (the contract). The body is read paragraph by paragraph (a paragraph is a
line; credit lines never span two), each normalised (:func:`factcheck.text.normalize`:
quotes, dashes, whitespace). An outlet is *recognised* when it is

* a known news outlet (:data:`KNOWN_OUTLETS`: the wires -- AP, Reuters, AFP, Yonhap, Kyodo,
  IANS, PTI, ANI, Xinhua, dpa, ANSA, EFE, UPI, TASS, KCNA, Jiji ... -- and large newsrooms --
  Bloomberg, CNN, BBC, The New York Times ...), or
* a capitalised name of two words or more whose last word names a newsroom (News, Times,
  Post, Journal, Herald, Tribune, Telegraph, Gazette, Chronicle, Ilbo, Shimbun, Press,
  "News Agency", "Press Agency", Broadcasting ...): "The Korea Herald".

A recognised outlet is credited by

* ``source`` -- "(Source: X)", "Source: X" or "(Source = X)"; several outlets may be
  listed ("Source: AP, Reuters"). Photo, image and video credits are not text credits;
* ``dateline`` -- a paragraph opening "SEOUL, Nov. 20 (Yonhap) --", "WASHINGTON (Reuters) -",
  "MADRID, 3 dic (EFE).-" or "(AP) —": a place and a date are optional; the dash is
  required, unless a date precedes ("Seoul, Nov 12 (IANS) South Korea ...");
* ``closing`` -- a paragraph ending with "(X)" (a known outlet only, and not right after
  the outlet's own long name, which is an abbreviation being defined);
* ``signed`` -- a paragraph ending with "— X" or "-- X";
* ``reported`` -- "X reported", "X reports", "X has reported", "X news agency reported",
  "reported by X", "according to X";
* ``inputs`` -- "with inputs from X", "with reporting by X";
* ``unverified`` -- "X could not (independently) verify / confirm", "X was unable to
  verify": only the outlet that wrote a text says that of itself, so a reprint carrying the
  words carries the outlet's text;
* ``publisher`` -- a publisher field that names another outlet besides its own: "Yonhap via
  IANS" and "IANS / Yonhap" (the carrier is the outlet after "via", else the first one named)
  credit Yonhap; "Yonhap News (credited as source)" and "Source: Yonhap" credit Yonhap and
  name no carrier.

Not credits, by design: an unrecognised or lower-case name ("according to the police",
"according to officials", "according to the ministry", "the Foreign Ministry reported"),
"(Photo = ..., Yonhap News)", a byline ("By IANS", a carrier naming itself), and "X said"
(an outlet quoted as a party to the story is not the origin of its text).

Outlets are matched by :func:`outlet_key`: known names by their canonical key ("Yonhap News
Agency", "Yonhap News" and "Yonhap" are all ``"yonhap"``), others case folded without "the"
and without a trailing "news agency", "news service" or "news".

>>> [(c.outlet, c.key, c.kind) for c in credits("SEOUL, Nov. 20 (Yonhap) -- The UN ...")]
[('Yonhap', 'yonhap', 'dateline')]
>>> [c.evidence for c in credits("The vote was close, according to the ministry.")]
[]
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence

import attrs

from factcheck.errors import CorpusError
from factcheck.model import Source
from factcheck.text import normalize

__all__ = ["KNOWN_OUTLETS", "Credit", "credited_origin", "credits", "outlet_key",
           "publisher_key"]

# canonical key: the names it goes by (case folded, without a leading "the")
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "yonhap": ("yonhap", "yonhap news", "yonhap news agency", "yonhap news tv", "yna"),
    "ap": ("ap", "associated press", "the associated press"),
    "reuters": ("reuters", "thomson reuters"),
    "afp": ("afp", "agence france-presse", "agence france presse"),
    "kyodo": ("kyodo", "kyodo news"),
    "ians": ("ians", "indo-asian news service"),
    "pti": ("pti", "press trust of india"),
    "ani": ("ani", "asian news international"),
    "uni": ("uni", "united news of india"),
    "xinhua": ("xinhua", "xinhua news agency"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "ansa": ("ansa",),
    "efe": ("efe", "agencia efe"),
    "upi": ("upi", "united press international"),
    "tass": ("tass", "itar-tass"),
    "ria novosti": ("ria novosti",),
    "interfax": ("interfax",),
    "kcna": ("kcna", "korean central news agency"),
    "jiji": ("jiji", "jiji press"),
    "cna": ("cna", "central news agency", "focus taiwan"),
    "bernama": ("bernama",),
    "antara": ("antara",),
    "anadolu": ("anadolu", "anadolu agency"),
    "aap": ("aap", "australian associated press"),
    "newsis": ("newsis",),
    "news1": ("news1",),
    "bloomberg": ("bloomberg", "bloomberg news"),
    "cnn": ("cnn",),
    "bbc": ("bbc", "bbc news"),
    "nhk": ("nhk",),
    "nyt": ("nyt", "new york times"),
    "wsj": ("wsj", "wall street journal"),
    "washington post": ("washington post",),
    "financial times": ("financial times", "ft"),
    "guardian": ("guardian",),
    "al jazeera": ("al jazeera",),
    "nk news": ("nk news",),
    "korea herald": ("korea herald",),
    "korea times": ("korea times",),
    "joongang": ("joongang ilbo", "korea joongang daily", "joongang daily"),
    "chosun": ("chosun ilbo", "chosun"),
    "nikkei": ("nikkei", "nikkei asia"),
    "rfa": ("rfa", "radio free asia"),
    "voa": ("voa", "voice of america"),
    "fox news": ("fox news",),
    "nbc news": ("nbc news",),
    "cbs news": ("cbs news",),
    "abc news": ("abc news",),
    "npr": ("npr",),
}
_ALIASES = {alias: key for key, names in KNOWN_OUTLETS.items() for alias in names}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NEWSROOM_WORDS = _words(
    "news times post journal herald tribune telegraph gazette chronicle observer ilbo "
    "shimbun sinmun press broadcasting newswire wire daily magazine radio television tv "
    "network")
_AGENCY_WORDS = _words("agency service")
_TRAILING = ("news agency", "news service", "press agency", "news")

_WORD = r"(?:[A-Z][\w&'.-]*|dpa)"
_NAME = rf"(?:[Tt]he\s+)?{_WORD}(?:\s+(?:(?:of|and|&|de|del|for)\s+)?{_WORD}){{0,5}}"
_DASH = r"(?:-{1,2})"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("source", re.compile(
        r"(?:\(\s*|^\s*)(?i:sources?)\s*[:=]\s*(?P<names>[^()\n]+?)\s*(?:\)|\.?\s*$)")),
    ("dateline", re.compile(
        r"^\s*(?:[A-Z][A-Za-z.' -]{0,30}?"
        r"(?P<date>\s*,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)"
        r"(?:\s*,?\s*\d{4})?)?\s*)?"
        rf"\((?P<name>{_NAME})\)(?:\s*\.?\s*{_DASH}|(?(date)\s+(?=[A-Z])|(?!)))")),
    ("closing", re.compile(rf"\((?P<name>{_NAME})\)\s*[.]?\s*$")),
    ("signed", re.compile(rf"(?:^|\s){_DASH}\s*(?P<name>{_NAME})\s*\.?\s*$")),
    ("reported", re.compile(
        rf"(?P<name>{_NAME})(?i:\s+(?:news\s+agency|news\s+service|news|agency))?"
        r"\s+(?:(?:has|had|also|first|earlier|previously)\s+)*(?:reported|reports)\b")),
    ("reported", re.compile(
        rf"(?i:\breported\s+(?:first\s+)?by|\baccording\s+to)\s+(?P<name>{_NAME})")),
    ("inputs", re.compile(
        rf"(?i:\bwith\s+(?:inputs?|reporting|additional\s+reporting)\s+(?:from|by))\s+"
        rf"(?P<name>{_NAME})")),
    ("unverified", re.compile(
        rf"(?P<name>{_NAME})\s+(?:could\s+not|couldn't|cannot|was\s+unable\s+to|has\s+not\s+been"
        r"\s+able\s+to)\s+(?:(?:independently|immediately)\s+)*(?:verify|confirm)\b")),
)
_NOT_TEXT_CREDIT = re.compile(r"(?i)\b(?:photo|image|video|graphic|picture)s?\b")


@attrs.frozen
class Credit:
    """One credit line: the outlet credited, and the words that credit it.

    ``outlet`` is the name as written, ``key`` its :func:`outlet_key`; ``evidence`` is the
    credit line's words, at ``start:end`` of the body (code points, end exclusive), or of
    the publisher field when ``field`` is ``"publisher"``. ``source`` is the id of the
    crediting source when known (:func:`credited_origin` sets it).

    >>> str(Credit("Yonhap", "yonhap", "Yonhap news agency reported", 10, 37, "reported"))
    '“Yonhap news agency reported” credits Yonhap'
    """

    outlet: str
    key: str
    evidence: str
    start: int
    end: int
    kind: str
    field: str = "body"
    source: str = ""

    def __str__(self) -> str:
        by = f"{self.source}: " if self.source else ""
        where = " (publisher)" if self.field == "publisher" else ""
        return f"{by}“{self.evidence}”{where} credits {self.outlet}"


def _clean(name: str) -> str:
    text = " ".join(normalize(name).text.casefold().split())
    text = re.sub(r"['’]s\b", "", text).strip(" .,;:")
    return text[4:] if text.startswith("the ") else text


def outlet_key(name: str) -> str:
    """The key outlets are matched by: known names by their canonical key, others folded.

    >>> [outlet_key(n) for n in ("Yonhap News Agency", "Yonhap News", "the Associated Press")]
    ['yonhap', 'yonhap', 'ap']
    >>> outlet_key("The Korea Economic Daily"), outlet_key("Hankyoreh News")
    ('korea economic daily', 'hankyoreh')
    """
    text = _clean(name)
    if text in _ALIASES:
        return _ALIASES[text]
    for trailing in _TRAILING:
        if text.endswith(" " + trailing):
            stripped = text[: -len(trailing) - 1]
            return _ALIASES.get(stripped, stripped)
    return text


def _recognised(name: str) -> str | None:
    """The part of *name* that is a recognised outlet, or None (see the module docstring).

    A name captured before "reported" may start with other capitalised words ("Seoul's
    Yonhap", "Meanwhile Yonhap"): the longest known outlet at its end is the outlet.
    """
    words = name.split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        text = _clean(tail)
        if text in _ALIASES and (len(text) > 3 or tail.strip(".").isupper() or text == "dpa"):
            return tail
    last = words[-1].strip(".,").casefold() if words else ""
    if len(words) >= 2 and not name.isupper():
        if last in _NEWSROOM_WORDS:
            return name
        if last in _AGENCY_WORDS and words[-2].casefold() in ("news", "press"):
            return name
    return None


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, line
        start += len(line) + 1


def _split_names(names: str) -> Iterator[tuple[int, str]]:
    """The outlets in a list ("AP, Reuters", "Yonhap / AFP"), with offsets into *names*."""
    for m in re.finditer(r"[^,;/|]+", names):
        for part in re.finditer(r"\S(?:.*?\S)?(?=\s+and\s+|$)", m.group()):
            yield m.start() + part.start(), part.group()


def _body_credits(body: str) -> Iterator[Credit]:
    for offset, line in _paragraphs(body):
        norm = normalize(line)
        text = norm.text
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(text):
                if _NOT_TEXT_CREDIT.search(text[max(0, m.start() - 12):m.start() + 12]):
                    continue
                if kind == "source":
                    names = [(m.start("names") + i, n) for i, n in _split_names(m["names"])]
                else:
                    names = [(m.start("name"), m["name"])]
                for at, name in names:
                    name = name.rstrip(".,;:")  # a full stop after the name is not its own
                    outlet = _recognised(name)
                    if outlet is None or (kind == "closing" and (
                            outlet_key(outlet) not in KNOWN_OUTLETS
                            or _defined(text[:m.start()], outlet))):
                        continue
                    o_start = at + name.rindex(outlet)
                    oa, ob = norm.to_original(o_start, o_start + len(outlet))
                    begin = o_start if at == m.start() and kind != "source" else m.start()
                    a, b = _stripped(line, *norm.to_original(begin, m.end()))
                    yield Credit(line[oa:ob], outlet_key(outlet), line[a:b], offset + a,
                                 offset + b, kind)


def _stripped(text: str, a: int, b: int) -> tuple[int, int]:
    """The span a:b of *text* without the whitespace at its ends."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _defined(before: str, outlet: str) -> bool:
    """Whether "(X)" follows X's own long name: an abbreviation defined, not a credit."""
    key = outlet_key(outlet)
    words = before.split()
    return any(outlet_key(" ".join(words[-k:])) == key and " ".join(words[-k:]) != outlet
               for k in range(1, min(6, len(words)) + 1))


def _parse_publisher(publisher: str) -> tuple[str, list[tuple[int, str]]]:
    """The publisher's own outlet name ("" if none) and the outlets it credits."""
    text = publisher
    m = re.fullmatch(r"\s*(?P<credited>.+?)\s*\(\s*(?:credited\s+as\s+)?source\s*\)\s*", text,
                     re.IGNORECASE) or re.fullmatch(
        r"\s*(?i:source|from|courtesy\s+of)\s*:?\s+(?P<credited>.+?)\s*", text)
    if m:
        return "", [(m.start("credited"), m["credited"])]
    m = re.fullmatch(r"\s*(?P<credited>.+?)\s+(?i:via)\s+(?P<own>.+?)\s*", text)
    if m:
        return m["own"], [(m.start("credited"), m["credited"])]
    pieces = [(p.start() + len(p.group()) - len(p.group().lstrip()), p.group().strip())
              for p in re.finditer(r"[^/|;]+", text) if p.group().strip()]
    if len(pieces) > 1:
        return pieces[0][1], pieces[1:]
    return text.strip(), []


def publisher_key(publisher: str) -> str:
    """The key of the outlet a publisher field names as its own ("" when it only credits).

    >>> publisher_key("Yonhap"), publisher_key("Yonhap via IANS"), publisher_key("IANS / Yonhap")
    ('yonhap', 'ians', 'ians')
    >>> publisher_key("Yonhap News (credited as source)")
    ''
    """
    own, _ = _parse_publisher(publisher)
    return outlet_key(own) if own.strip() else ""


def credits(body: str, publisher: str = "") -> tuple[Credit, ...]:
    """The outlets *body* (and its *publisher* field) credit as the origin of the text.

    Publisher credits come first, then the body's in order; a credit line that several
    patterns read is given once (the earliest, longest reading).

    >>> [(c.key, c.evidence) for c in credits("It was adopted. (Yonhap)", "Yonhap via IANS")]
    [('yonhap', 'Yonhap via IANS'), ('yonhap', '(Yonhap)')]
    >>> [(c.outlet, c.kind) for c in credits("Seoul's Yonhap news agency reported it.")]
    [('Yonhap', 'reported')]
    """
    found: list[Credit] = []
    _, credited = _parse_publisher(publisher)
    start, end = _stripped(publisher, 0, len(publisher))
    for _, name in credited:
        if name.strip() and outlet_key(name):
            found.append(Credit(name.strip(), outlet_key(name), publisher[start:end], start, end,
                                "publisher", "publisher"))
    body_credits = sorted(_body_credits(body), key=lambda c: (c.start, -c.end))
    for credit in body_credits:
        if any(c.field == "body" and c.key == credit.key and c.start < credit.end
               and credit.start < c.end for c in found):
            continue
        found.append(credit)
    return tuple(found)


def _earliest(sources: Sequence[Source]) -> Source:
    return min(sources, key=lambda s: (s.published or datetime.date.max, s.id))


def credited_origin(cluster_sources: Sequence[Source]) -> tuple[str, Credit | None]:
    """The origin of a cluster of copies, and the credit line that names it.

    The origin is the source whose publisher (:func:`publisher_key`) the *other* sources
    credit -- the one credited by the most of them, ties to the earliest dated (undated
    last, then by id); the credit returned is the first credit line of the earliest dated
    crediting source. When nobody in the cluster is credited, the origin is the earliest
    dated copy, with no credit. A source crediting its own publisher does not count.

    >>> wire = Source("a", "It was adopted.", publisher="Yonhap News Agency")
    >>> copy = Source("b", "It was adopted, Yonhap reported.", publisher="IANS",
    ...               published=datetime.date(2025, 1, 1))
    >>> origin, credit = credited_origin([wire, copy])
    >>> origin, str(credit)
    ('a', 'b: “Yonhap reported” credits Yonhap')
    >>> credited_origin([copy, attrs.evolve(wire, publisher="")])
    ('b', None)
    """
    if not cluster_sources:
        raise CorpusError("a cluster has at least one source")
    if len(cluster_sources) == 1:  # nobody else to credit it: no credit lines to read
        return cluster_sources[0].id, None
    own = {s.id: publisher_key(s.publisher) for s in cluster_sources}
    given = {s.id: credits(s.body, s.publisher) for s in cluster_sources}
    backers: dict[str, list[tuple[Source, Credit]]] = {}
    for candidate in cluster_sources:
        key = own[candidate.id]
        if not key:
            continue
        for other in cluster_sources:
            if other.id == candidate.id or own[other.id] == key:
                continue
            credit = next((c for c in given[other.id] if c.key == key), None)
            if credit is not None:
                backers.setdefault(candidate.id, []).append(
                    (other, attrs.evolve(credit, source=other.id)))
    if not backers:
        return _earliest(cluster_sources).id, None
    by_id = {s.id: s for s in cluster_sources}
    best = min(backers, key=lambda i: (-len(backers[i]), by_id[i].published or datetime.date.max,
                                       i))
    credit = min(backers[best], key=lambda p: (p[0].published or datetime.date.max, p[0].id))[1]
    return best, credit
