"""The word lists the figure grammar reads news copy with."""

from __future__ import annotations

import re

from factcheck.values.numbers import _words

_OPEN = frozenset("([{\"'“‘«$£€¥")
_CLOSE = frozenset(")]}\"'”’»,.;:!?%")
_MONTHS = _words(
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ID_NOUNS = _words(
    "resolution resolutions article articles section sections chapter paragraph para "
    "clause rule item annex appendix page pages figure fig table no nos number room "
    "flight route highway gate platform terminal channel district ward zone floor level "
    "phase stage grade category type model version season episode volume vol issue part "
    "unit title amendment act bill code corona covid sars mers boeing airbus apollo "
    "windows iphone galaxy"
)
_ID_ABBREVIATIONS = _words("no nos nr num art sec vol ch p pp fig para")
_TIME_AFTER = re.compile(
    r"\s*(?:[ap]\.\s?m\.|[ap]m\b|o'clock|(?:gmt|utc|kst|ist|est|edt|pst|pdt|cet|bst|jst)\b)",
    re.IGNORECASE,
)
_FUNCTION_WORDS = _words(
    "and or but nor to in on at by for of from with without under over when while as that "
    "which who where after before until till since during through into onto against amid "
    "among per than is was were are be been being has had have will would could should "
    "may might must can the a an its their his her our this these those not also so "
    "because if then there here onwards onward forward up down alone only respectively "
    "including about around out off it he she they we you i"
)
_YEAR_CUES_STRONG = _words("since from between")  # each starts its own reading
_YEAR_CUES_WEAK = _words("in during of by following")  # skipped by parse_quantity
_YEAR_DETERMINERS = _words("the its their this that last next early late mid year fiscal calendar")
_QUALIFIER_PHRASES: dict[tuple[str, ...], str] = {
    ("more", "than"): "more than",
    ("over",): "more than",
    ("above",): "more than",
    ("well", "over"): "more than",
    ("just", "over"): "more than",
    ("upwards", "of"): "more than",
    ("in", "excess", "of"): "more than",
    ("passed",): "more than",
    ("surpassed",): "more than",
    ("topped",): "more than",
    ("exceeded",): "more than",
    ("exceeding",): "more than",
    ("at", "least"): "at least",
    ("no", "fewer", "than"): "at least",
    ("no", "less", "than"): "at least",
    ("not", "less", "than"): "at least",
    ("a", "minimum", "of"): "at least",
    ("fewer", "than"): "fewer than",
    ("less", "than"): "fewer than",
    ("under",): "fewer than",
    ("below",): "fewer than",
    ("up", "to"): "at most",
    ("at", "most"): "at most",
    ("no", "more", "than"): "at most",
    ("not", "more", "than"): "at most",
    ("a", "maximum", "of"): "at most",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("approx",): "about",
    ("roughly",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("circa",): "about",
    ("nearly",): "nearly",
    ("almost",): "nearly",
    ("close", "to"): "nearly",
    ("just", "under"): "nearly",
    ("just", "shy", "of"): "nearly",
    ("exactly",): "",
    ("precisely",): "",
    ("first",): "first",
}
_QUALIFIER_MAX = max(map(len, _QUALIFIER_PHRASES))
# verbs that qualify a bare figure ("the toll passed 9,500") but not a counted noun
# ("the House passed 5 bills")
_VERB_QUALIFIERS = _words("passed surpassed topped exceeded exceeding")
_POST_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at least",
    ("or", "over"): "at least",
    ("or", "fewer"): "at most",
    ("or", "less"): "at most",
    ("or", "so"): "about",
}
_TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_RUN_WORDS = _words("consecutive straight successive running continuous uninterrupted")
_FILLERS = _words(
    "a an the for of in on during following marks marking marked mark is was are were it "
    "its this by first initially originally adopted began begun begin begins started "
    "start starts introduced launched established founded enacted created approved signed "
    "held passed has have had been be being now already still also"
)
_COMMON = (
    _FUNCTION_WORDS
    | _FILLERS
    | _RUN_WORDS
    | frozenset(w for phrase in _QUALIFIER_PHRASES for w in phrase)
    | _words("only all every each total another other just well past")
)
