"""Figures in news copy: read one phrase, or find every figure in a text.

>>> str(parse_quantity("for 21 straight years"))
'21 years'
>>> [m.text for m in find_quantities("Since 2005, more than 60 states backed it.")]
['Since 2005', 'more than 60']
"""

from factcheck.figures._base import Sentences
from factcheck.figures.reading import Mention, find_quantities, parse_quantity

__all__ = ["Mention", "Sentences", "find_quantities", "parse_quantity"]
