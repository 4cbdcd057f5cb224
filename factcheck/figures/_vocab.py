"""The word lists the figure grammar reads news copy with."""

from __future__ import annotations

import re

from factcheck.values.numbers import _words

_OPEN = frozenset("([{\"'“‘«$£€¥")
_CLOSE = frozenset(")]}\"'”’»,.;:!?%")
# the one month table: factcheck.dates builds its patterns from it
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
MONTH_ABBREVIATIONS = {m[:3]: k for k, m in enumerate(MONTHS, 1)} | {"sept": 9}  # "may" too
_MONTHS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS)
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
    ("a", "little", "over"): "more than",
    ("a", "little", "more", "than"): "more than",
    ("slightly", "more", "than"): "more than",
    ("just", "more", "than"): "more than",
    ("well", "more", "than"): "more than",
    ("well", "above"): "more than",
    ("upward", "of"): "more than",
    ("north", "of"): "more than",
    ("passed",): "more than",
    ("passes",): "more than",
    ("passing",): "more than",
    ("crossed",): "more than",
    ("surpassed",): "more than",
    ("surpassing",): "more than",
    ("topped",): "more than",
    ("topping",): "more than",
    ("tops",): "more than",
    ("exceeded",): "more than",
    ("exceeding",): "more than",
    ("exceeds",): "more than",
    ("as", "few", "as"): "at least",
    ("as", "many", "as"): "at most",
    ("as", "much", "as"): "at most",
    ("well", "under"): "fewer than",
    ("well", "below"): "fewer than",
    ("in", "the", "region", "of"): "about",
    ("approaching",): "nearly",
    ("just", "below"): "nearly",
    ("just", "short", "of"): "nearly",
    ("shy", "of"): "nearly",
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
_VERB_QUALIFIERS = _words("passed passes passing")
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

# a four-digit number before these nouns names a year ("1997 winners", "2018 final"), not a count
_YEAR_NAME_NOUNS = _words(
    "winner winners champion champions final finals semifinal semifinals season seasons "
    "election elections campaign campaigns budget budgets census edition tournament "
    "championship championships squad team class vintage summit games olympics cup "
    "race races report survey law act accord agreement deal vote poll polls referendum "
    "midterms midterm primary primaries runner-up runners-up title titles winning "
    "triumph victory win side crisis attacks attack earthquake quake flood floods "
    "uprising revolution war invasion coup protests protest riots pandemic outbreak "
    "hurricane typhoon tsunami wildfires fires storm level levels figure figures total "
    "totals high highs low lows peak record records levels estimate estimates data "
    "statistics study strategy plan deadline target targets session sessions meeting "
    "meetings conference ceremony model models"
)
# "the 2018-19 season": a span that names one season
_SEASON_NOUNS = _words("season seasons campaign campaigns term terms")
# an ordinal before these counts an occurrence ("14th title", "third successive win")
_TITLE_NOUNS = _words(
    "title titles cup crown trophy championship win victory triumph medal gold slam major "
    "pennant premiership league scudetto bowl final appearance win cap goal term success "
    "straight-win defeat loss edition session season"
)
# words that may stand between an ordinal and its title noun ("14th European Cup",
# "fifth Champions League title", "record-extending 14th league crown")
_TITLE_FILLERS = _words(
    "league world european grand super champions national career overall major domestic "
    "continental consecutive straight successive running olympic international "
    "premier fa cup open"
)
# vague plurals: "dozens" is at least two dozen, "hundreds" at least two hundred …
_VAGUE_PLURALS = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
}
# a pair "N-M" is a score, not a range, after these words or before these nouns
_SCORE_WORDS = _words(
    "won win wins beat beats beaten beating lost lose loses losing drew draw draws trail "
    "trailed trailing led lead leads leading score scored scoring defeated defeat defeats "
    "victory victories loss losses triumph thrashing thrashed rout routed drubbing "
    "aggregate scoreline halftime half-time edged edge"
)
# a sentence with one of these words speaks of a vote
_VOTE_WORDS = _words(
    "vote votes voted voting ballot ballots abstain abstained abstaining abstention "
    "abstentions favour favor"
)
_VOTE_VERBS = _words(
    "passed adopted approved rejected defeated confirmed endorsed ratified carried "
    "backed overrode overturned ruled failed"
)
# glued scraping artefacts: "straightyear" is "straight year"
_GLUED_UNITS = {
    run + unit: unit.rstrip("s")
    for run in ("straight", "consecutive", "successive", "running")
    for unit in ("year", "years", "time", "times")
}
# words a number may be glued to by a scraping artefact ("21straight years", "14times")
_GLUE_OK = _words(
    "year years time times straight consecutive successive running"
) | frozenset(_GLUED_UNITS)
