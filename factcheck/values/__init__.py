"""The value types: numbers, intervals and quantities, and English number words.

Everything here is plain data with no knowledge of texts or claims; reading a figure
out of running text is :mod:`factcheck.figures`' job.
"""

from factcheck.values.interval import Interval
from factcheck.values.numbers import Number
from factcheck.values.numberwords import parse_number, parse_ordinal
from factcheck.values.quantity import QUALIFIERS, UNITS, Kind, Quantity

__all__ = ["QUALIFIERS", "UNITS", "Interval", "Kind", "Number", "Quantity", "parse_number",
           "parse_ordinal"]
