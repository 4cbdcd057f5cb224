"""An English-like synthetic news corpus for the benchmarks, deterministic for a seed.

Words come from a bigram Markov chain over real prose -- the bundled articles in
``sources/``, the README and the Python reference's topics (``pydoc_data``) -- with four words in ten drawn from the words' own
frequencies instead (so that chance runs of the training text stay short), personal names
here and there, wire boilerplate (datelines, "said in a statement", sign-offs) and
paragraph breaks. A fraction of the articles (``copy_rate``, 5 % by default) are wire
copies: an article of their own into which a passage of 300-800 characters of an earlier
article is pasted with small edits (about 0.3 % of its characters) -- the planted pairs
whose recall ``clusters()`` is measured on.

Generation is vectorised over the articles (numpy), so 100,000 articles take seconds.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Min-jun Seo-yeon Hiroshi Yuki Wei Li
Ahmed Fatima Olga Ivan Pierre Amelie Carlos Lucia Kofi Amara Raj Priya""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Kim Lee Park Choi Tanaka Suzuki
Wang Zhang Chen Hassan Ali Petrov Ivanova Dubois Martin Rodriguez Lopez Mensah Okafor Sharma
Patel Nguyen Tran""".split()
BOILERPLATE = [
    "said in a statement on",
    "according to officials familiar with the matter,",
    "declined to comment when contacted by reporters.",
    "the chief economist at the",
    "told reporters at a press briefing in",
    "(Reporting by {name}; Editing by {name2})",
    "The story has been updated to include comments from officials.",
]
DATELINES = ["SEOUL, Nov. 20 (Yonhap) --", "NEW YORK (AP) --", "GENEVA, Nov 12 (Reuters) -",
             "TOKYO (Kyodo) --", "LONDON --", "NEW DELHI (IANS) --"]


def _prose() -> list[str]:
    texts = []
    for path in sorted((ROOT / "sources").glob("*.md")):
        if path.name == "README.md":  # documents the folder (tables, hashes): not an article
            continue
        body = path.read_text(encoding="utf-8")
        if body.startswith("+++"):
            body = body.split("+++", 2)[-1]
        texts.append(" ".join(w for w in body.split() if "`" not in w and "|" not in w))
    readme = ROOT / "README.md"
    if readme.exists():
        prose = re.sub(r"```.*?```", " ", readme.read_text("utf-8"), flags=re.S)
        texts.append(" ".join(w for w in prose.split() if _WORD.match(w)))  # no tables, hashes
    # More English prose: the Python reference's topics, shipped with the interpreter.
    try:
        from pydoc_data.topics import topics
    except ImportError:  # pragma: no cover -- a stripped interpreter
        topics = {}
    for key in sorted(topics):
        lines = [line for line in topics[key].splitlines()
                 if line and not line.startswith((" ", "\t")) and "=" not in line]
        words = " ".join(lines).split()
        texts.append(" ".join(w for w in words if _WORD.match(w)))
    return " ".join(texts).split()


_WORD = re.compile(r"[A-Za-z][a-z'-]{0,14}[.,;:!?]?$")  # words of prose, not code


class Generator:
    """Markov text from real prose, vectorised over many articles."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        words = _prose()
        vocab = sorted(set(words))
        index = {w: i for i, w in enumerate(vocab)}
        tokens = np.array([index[w] for w in words], dtype=np.int64)
        self.vocab = np.array(vocab, dtype=object)
        self.unigram = tokens  # drawing a random token is drawing by frequency
        # successors of each word, as slices of one array sorted by word
        order = np.argsort(tokens[:-1], kind="stable")
        self.successors = tokens[1:][order]
        counts = np.bincount(tokens[:-1], minlength=len(vocab))
        self.starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        self.counts = counts

    def articles(self, n: int, words: int) -> list[str]:
        """*n* articles of about *words* words each."""
        rng = self.rng
        state = self.unigram[rng.integers(0, len(self.unigram), n)]
        out = np.empty((n, words), dtype=np.int64)
        for step in range(words):
            jump = rng.random(n) < 0.4
            count = self.counts[state]
            dead = count == 0
            pick = self.starts[state] + (rng.random(n) * np.maximum(count, 1)).astype(np.int64)
            follow = self.successors[np.minimum(pick, len(self.successors) - 1)]
            fresh = self.unigram[rng.integers(0, len(self.unigram), n)]
            state = np.where(jump | dead, fresh, follow)
            out[:, step] = state
        texts = []
        names = rng.integers(0, 1 << 30, (n, 4))
        for a in range(n):
            tokens = list(self.vocab[out[a]])
            r = np.random.default_rng(int(names[a, 0]))
            # names, boilerplate and paragraphs at random places
            for _ in range(max(1, words // 60)):
                at = int(r.integers(0, len(tokens)))
                tokens[at] = f"{FIRST[r.integers(len(FIRST))]} {LAST[r.integers(len(LAST))]}"
            for _ in range(max(1, words // 150)):
                at = int(r.integers(0, len(tokens)))
                phrase = BOILERPLATE[int(r.integers(len(BOILERPLATE)))].format(
                    name=LAST[r.integers(len(LAST))], name2=LAST[r.integers(len(LAST))])
                tokens.insert(at, phrase)
            for at in range(len(tokens) - 1, 0, -int(r.integers(40, 90))):
                tokens[at] = tokens[at] + "\n\n"
            lead = DATELINES[int(r.integers(len(DATELINES)))] + " " if r.random() < 0.5 else ""
            texts.append(lead + " ".join(tokens).replace("\n\n ", "\n\n"))
        return texts


def edit(text: str, rate: float, rng: np.random.Generator) -> str:
    """*text* with about *rate* of its characters substituted, inserted or deleted."""
    chars = list(text)
    for _ in range(int(round(rate * len(chars)))):
        at = int(rng.integers(0, max(1, len(chars))))
        kind = int(rng.integers(3))
        letter = "abcdefghijklmnopqrstuvwxyz"[int(rng.integers(26))]
        if kind == 0 and chars:
            chars[at] = letter
        elif kind == 1:
            chars.insert(at, letter)
        elif chars:
            del chars[at]
    return "".join(chars)


def news_corpus(
    n: int, seed: int = 2025, *, words: int = 480, copy_rate: float = 0.05
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """*n* (id, body) articles of about 3,000 characters, and the planted (copy, original)
    pairs: a share *copy_rate* of the articles carries 300-800 characters of another."""
    gen = Generator(seed)
    bodies = gen.articles(n, words)
    rng = np.random.default_rng(seed + 1)
    ids = [f"a{x:07d}" for x in range(n)]
    planted = []
    copies = rng.choice(n, size=int(n * copy_rate), replace=False) if n > 1 else []
    for c in copies:
        c = int(c)
        original = int(rng.integers(n))
        if original == c:
            original = (c + 1) % n
        source = bodies[original]
        size = int(rng.integers(300, 801))
        start = int(rng.integers(0, max(1, len(source) - size)))
        passage = edit(source[start : start + size], 0.003, rng)
        own = bodies[c]
        at = own.find(" ", len(own) // 2)
        bodies[c] = own[:at] + " " + passage + " " + own[at:]
        planted.append((ids[c], ids[original]))
    return list(zip(ids, bodies, strict=True)), planted
