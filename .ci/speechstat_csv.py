"""Reading speechstat's CSV tables from Python, and printing numbers as they are printed.

The default tables are written for spreadsheets: a byte-order mark, and a text cell that a
spreadsheet would take for a formula prefixed with "'". `read` undoes both."""
import csv

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def unguard(cell):
    """The text of a cell as it was before the formula guard."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        return cell[1:]
    return cell


def read(path):
    """The rows of a table, as dicts from column to text."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{unguard(k): unguard(v) for k, v in row.items()} for row in csv.DictReader(f)]


def printed(x):
    """A float as the tables print it: six significant digits, as C's %.6g; zero is 0."""
    text = f"{x:.6g}"
    return "0" if float(text) == 0 else text


def as_printed(x):
    """A float rounded as printed: the key the tables sort by."""
    return float(printed(x))


def close(text, value):
    """Whether a printed cell holds `value` to its six significant digits (summation order
    may move the last digit)."""
    return abs(float(text) - value) <= max(6e-6 * abs(value), 1e-9)
