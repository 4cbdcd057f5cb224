"""Vote tallies in every common form: "335-37 vote", "voted 187-3", "by 187 votes to 3",
"187 in favour, 3 against, with 2 abstentions".

A pair of numbers is a vote only when its own words say so (a vote word next to it) or
its sentence speaks of a vote; "won 3-1" is a score and is not read.
"""

from __future__ import annotations

from factcheck.figures._base import _Base, _Match
from factcheck.figures._vocab import _SCORE_WORDS, _VOTE_VERBS, _VOTE_WORDS
from factcheck.values.numbers import _words
from factcheck.values.quantity import Kind, Quantity

_LEGISLATIVE = _words(
    "resolution resolutions bill bills motion amendment legislation measure senate house "
    "assembly parliament lawmakers legislators senators delegates congress council chamber "
    "referendum nominee nomination court justices judges panel board commission"
)
_FAVOUR = ("favour", "favor")


class _VoteRules(_Base):
    def _pair(self, j: int) -> tuple[int, int] | None:
        """"187-3" at token *j*: two whole numbers joined by a dash."""
        toks, n = self.toks, len(self.toks)
        a = self.whole(j, paired_ok=True)
        if a is None or j + 2 >= n or toks[j + 1].kind != "dash":
            return None
        if j not in self.pair_start and (j in self.paired or j + 2 in self.paired):
            return None  # glued to other numbers: "0-2000 - 5"
        b = self.whole(j + 2, paired_ok=True)
        return None if b is None else (a, b)

    def _to_pair(self, j: int) -> tuple[int, int] | None:
        """"187 to 3" at token *j*."""
        a, b = self.whole(j), self.whole(j + 2)
        if a is None or b is None or not self.word(j + 1, "to"):
            return None
        return a, b

    def score_sentence(self, idx: int) -> bool:
        """The sentence of token *idx* speaks of a match or a score (in running text)."""
        return self.find and bool(self.sentence_words(idx) & _SCORE_WORDS - _VOTE_VERBS)

    def vote_sentence(self, idx: int) -> bool:
        """The sentence of token *idx* speaks of a vote (not of a match or a score)."""
        words = self.sentence_words(idx)
        if self.score_sentence(idx):
            return False
        return bool(words & _VOTE_WORDS) or bool(words & _VOTE_VERBS and words & _LEGISLATIVE)

    def _vote(self, i: int) -> _Match | None:  # noqa: C901 - one form a line
        n = len(self.toks)
        if i >= n:
            return None
        cue = self.word(i, "voted") or (
            self.word(i, *_VOTE_VERBS) and (not self.find or self.vote_sentence(i))
        )
        by = self.word(i, "by") and (not self.find or self.vote_sentence(i))
        if self.word(i, "vote", "votes") and self.word(i + 1, "of"):
            got = self._tally(i + 2, cued=True)
        elif cue or by:
            k = i + 1
            if by and self.word(k, "a", "an"):
                k += 1  # "by a 187-3 margin"
            got = self._tally(k, cued=True)
        else:
            got = self._tally(i, cued=False)
        if got is None:
            return None
        (a, b), end = got
        abstentions, end = self._abstentions(end)
        return _Match(i, end, Quantity(Kind.VOTE, a, other=b, abstentions=abstentions))

    def _tally(self, j: int, *, cued: bool) -> tuple[tuple[int, int], int] | None:
        """The tally at *j* and the token after it; *cued*: a vote word comes before it.

        Without a cue, a bare "187-3" or "187 to 3" is a vote in a sentence about a vote
        (anywhere, when a whole phrase is read), and only when the first count is larger.
        """
        if j >= len(self.toks) or self.toks[j].kind != "num":
            return None
        year_like = self.year_at(j, ext=True, paired_ok=True) is not None

        def plain() -> bool:
            """Without a cue: a vote sentence, and not years ("2019-22", "1955-56")."""
            return not year_like and (not self.find or self.vote_sentence(j))

        if (p := self._pair(j)) is not None:
            end = j + 3
            if self.word(end, "vote", "votes"):
                return p, end + 1
            named = self.word(end, "tally", "margin", "decision", "ruling")
            if named and not self.score_sentence(j):
                return p, end + 1
            return (p, end) if cued or (p[0] >= p[1] and plain()) else None
        if (p := self._to_pair(j)) is not None:
            end = j + 3
            if self.word(end, "vote", "votes"):
                return p, end + 1
            return (p, end) if cued or (p[0] > p[1] and plain()) else None
        a = self.whole(j)
        if a is None:
            return None
        k = j + 1
        if self.word(k, "votes"):
            k += 1
        elif self._voters_voted(k):  # "187 countries voted in favour, with 2 against"
            k = self._voters_voted(k)
            if not (self.word(k, "in") and self.word(k + 1, *_FAVOUR)) and not self.word(
                k, "for"
            ):
                return None
        if self.word(k, "to"):  # "187 votes to 3", "187 votes to 3 against"
            b = self.whole(k + 1)
            if b is None or k == j + 1:
                return None
            end = k + 2
            if self.word(end, "against"):
                end += 1
            return (a, b), end
        if self.words_at(k, ("in",)) and self.word(k + 1, *_FAVOUR):
            k += 2
        elif self.word(k, "for"):
            k += 1
        else:
            return None
        if k < len(self.toks) and self.toks[k].text == ",":
            k += 1
        if self.word(k, "and", "to", "with"):
            k += 1
        b = 0 if self.word(k, "none", "no") else self.whole(k)  # "159 in favour to none against"
        if b is None:
            return None
        k += 1
        if self.word(k, "votes"):
            k += 1
        elif self.word(k, "voted") and self.word(k + 1, "against"):
            k += 1  # "and 2 voted against"
        if not self.word(k, "against"):
            return None
        return (a, b), k + 1

    def _voters_voted(self, k: int) -> int:
        """After a count, "countries voted" or "member states voted": the token after
        "voted", else 0."""
        for size in (1, 2):
            if self.noun_run(k, k + size) and self.word(k + size, "voted"):
                return k + size + 1
        return 0

    def _past_parentheses(self, k: int) -> int:
        """The token after a parenthesised list at *k* (a list of countries), else *k*."""
        if k >= len(self.toks) or self.toks[k].text != "(":
            return k
        for m in range(k + 1, min(k + 80, len(self.toks))):
            if self.toks[m].text in "()":
                return m + 1 if self.toks[m].text == ")" else k
        return k

    def _abstentions(self, end: int) -> tuple[int | None, int]:
        """", with 2 abstentions" after a tally: the count and the token after it."""
        k = self._past_parentheses(end)  # "3 against (Israel, Palau), with 2 abstentions"
        if k < len(self.toks) and self.toks[k].text == ",":
            k += 1
        if self.word(k, "with", "and"):
            k += 1
        got = self._number_at(k)  # "2 abstentions", "one abstention"
        if got is None:
            return None, end
        count, k = got
        if isinstance(count, int) and self.word(
            k, "abstentions", "abstention", "abstaining", "abstained"
        ):
            return count, k + 1
        return None, end
