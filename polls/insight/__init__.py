"""The numbers editors see: every figure, test and verdict, read from the counters.

``stats`` (helpfulness and its Wilson score, in Python and in SQL),
``inference`` (the statistical tests and the CUSUM), ``periods`` (which days
a figure covers), ``edit_effects`` (did an edit help?), ``attention`` (what
needs attention now) with ``cusum_window`` (the days it tests, kept per
page), ``digest`` (the weekly digest's figures) and ``charts`` (a daily bar
chart as numbers). Nothing here writes a vote or renders a screen.
"""
