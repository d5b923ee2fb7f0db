"""Case-folding as ``re.IGNORECASE`` sees ASCII letters: for cheap first tests in front of costly patterns.

A case-insensitive pattern that needs an ASCII word ("commission") can only match a text whose
:func:`ascii_fold` holds that word as a plain substring, so ``word in ascii_fold(text)`` decides, far
faster than the pattern, where the pattern need not be tried at all.
"""

from __future__ import annotations

__all__ = ["ascii_fold"]

# The characters other than A-Z that re.IGNORECASE matches to an ASCII letter (re._casefix's extra cases and
# the simple lower-case mapping): dotless i, long s, the Kelvin sign, and capital I with a dot (whose full
# lower case, which str.lower() gives, is two characters).  Mapped before str.lower().
_ASCII_FOLD = str.maketrans({"ı": "i", "ſ": "s", "\u212a": "k", "İ": "i"})


def ascii_fold(text: str) -> str:
    """``text`` lower-cased, with every character re.IGNORECASE reads as an ASCII letter made that letter.

    >>> ascii_fold("AFFİLİATE ſhare")
    'affiliate share'
    """
    return text.translate(_ASCII_FOLD).lower()
