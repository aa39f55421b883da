"""Whole numbers read from a request or from stored HTML, as the database can hold them.

`str.isdigit()` is true of "²" and "١٢", which `int()` refuses or reads as another
number, and a number wider than its column is an OverflowError on SQLite and a DataError
on PostgreSQL: each was a server error. Here anything that is not a number its column can
hold is None, and the caller says so in words.
"""

MAX_INTEGER = 2**31 - 1  # a PositiveIntegerField on PostgreSQL: edit_version, based_on
MAX_ID = 2**63 - 1  # a BigAutoField id, and SQLite's largest integer


def whole_number(value, *, maximum=MAX_INTEGER):
    """`value` (text of ASCII digits) as an int from 0 to `maximum`, else None."""
    if not isinstance(value, str) or not (value.isascii() and value.isdigit()):
        return None
    if len(value.lstrip("0")) > len(str(maximum)):  # before int(): 5,000 digits raise
        return None
    number = int(value)
    return number if number <= maximum else None
