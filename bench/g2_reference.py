#!/usr/bin/env python3
"""Reference G2 values to 50 digits for the unit tests of src/stats/association.rs.

G2 = 2 * sum over the four cells of O * ln(O / E), E = row total * column total / N,
0 * ln 0 = 0, computed with mpmath at 50 significant digits from exact rational cells.
Prints each table and its G2 rounded to the nearest double (the literal the test holds).

    python3 bench/g2_reference.py      (needs `pip install mpmath`)
"""
from fractions import Fraction as F

from mpmath import log, mp, mpf

mp.dps = 50


def g2(cells):
    (a, b), (c, d) = cells
    n = a + b + c + d
    rows, columns = (a + b, c + d), (a + c, b + d)
    total = mpf(0)
    for i in range(2):
        for j in range(2):
            o = cells[i][j]
            if o > 0:
                e = F(rows[i] * columns[j]) / n
                o_, e_ = mpf(o.numerator) / o.denominator, mpf(e.numerator) / e.denominator
                total += o_ * log(o_ / e_)
    return 2 * total


def pair(n_ii, n_ix, n_xi, n_xx):
    """The cells of a pair table in NLTK's marginal notation."""
    return ((n_ii, n_ix - n_ii), (n_xi - n_ii, n_xx - n_ix - n_xi + n_ii))


def key(a, b, c, d):
    """The cells of a keyness table (a, b, c, d)."""
    return ((a, b), (c - a, d - b))


CASES = [
    # (constitut, countri) on the 13 Security Council meetings: window 5, count 7.
    ("window constitut countri", pair(F(7, 10), 126, 732, 131803)),
    ("window 3/10", pair(F(3, 10), 40, 1000, 133333)),
    ("window 1234/4", pair(F(1234, 4), 8000, 20000, 518000)),
    ("pair near 1", pair(7, 2000, 3500, 1000001)),
    ("pair near 2", pair(50, 1000, 5000, 100001)),
    ("keyness near", key(1000, 1999, 100000, 199901)),
    ("keyness near, small", key(3, 7, 1000, 2331)),
    ("large N 1e9", pair(1, 40000, 25000, 1000000001)),
    ("large N 1e10 window", pair(F(123457, 10), 111111, 1111111111, 10000000000)),
    ("large N 1e7 keyness", key(5000, 5001, 5000000, 5000999)),
    ("large N 1e9 far", pair(5000, 100000, 200000, 1000000000)),
    ("K1", key(7, 2, 10, 9)),
    ("Dunning cells", ((10, 0), (3, 31764))),
    ("NLTK 110", pair(110, 2552, 221, 31777)),
    ("NLTK 8", pair(8, 13, 32, 31777)),
    ("small N", pair(2, 2, 3, 96)),
    ("series edge, v = 0.091", pair(20, 100, 100, 600)),
    ("past the series edge, v = 0.115", pair(21, 100, 100, 600)),
    ("window 2.5", pair(F(5, 2), 7, 4, 40)),
]

if __name__ == "__main__":
    for name, cells in CASES:
        cells = tuple(tuple(F(x) for x in row) for row in cells)
        value = g2(cells)
        print(f"{name}: {cells} G2 = {mp.nstr(value, 50)} -> {float(value)!r}")
