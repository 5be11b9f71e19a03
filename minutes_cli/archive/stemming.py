"""Danish word forms for search: case, the old "aa" spelling of "å", and Snowball stems.

The archive's full-text index is a trigram index: it finds any substring of
three characters or more, so a word is found inside the compounds Danish
builds from it ("bevilling" in "anlægsbevilling", "skole" in
"skoleudbygning"). What a substring cannot do is undo an inflection
("skolerne" is not inside "skole"), so a query word is first cut to its stem
by the Snowball Danish stemmer ("skolerne", "skoler", "skole" → "skol"); the
stem is always the start of the word, so searching the stem finds the word
and all its inflected forms and compounds. Old spellings write "aa" for "å"
("Aarhus"/"Århus"): a form is searched in both spellings.
"""

from __future__ import annotations

from functools import lru_cache

import Stemmer  # PyStemmer: the Snowball stemmers in C

# The trigram index matches substrings of at least this many characters; shorter
# forms are looked up another way (see search.py).
MIN_SUBSTRING = 3

# One stemmer per process; PyStemmer keeps a small cache of its own as well.
_DANISH = Stemmer.Stemmer("danish")


def fold_spelling(text: str) -> str:
    """Lower case with the old spelling "aa" written "å" ("Aarhus" → "århus"), so both spellings compare equal."""
    return text.lower().replace("aa", "å")


def spellings(form: str) -> tuple[str, ...]:
    """A lower-case form in both spellings of "å", new first ("århus" → ("århus", "aarhus")), without repeats."""
    folded = fold_spelling(form)
    return tuple(dict.fromkeys((folded, folded.replace("å", "aa"), form.lower())))


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The Snowball Danish stem of a word in lower case ("Skolerne" → "skol"); the word itself when it is not
    made of letters only (case numbers, years) or when its stem is too short to search as a substring."""
    lowered = fold_spelling(word)
    if not lowered.isalpha():
        return lowered
    stemmed: str = _DANISH.stemWord(lowered)
    return stemmed if len(stemmed) >= MIN_SUBSTRING else lowered


def search_forms(word: str) -> tuple[str, ...]:
    """The substrings that find a query word in the archive: its stem in both spellings of "å"."""
    return spellings(stem(word))
