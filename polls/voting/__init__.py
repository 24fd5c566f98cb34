"""The public write path: everything a reader's vote or follow-up touches.

In the order a vote meets them: the endpoints (``views``: same-origin check
in ``origin``, the reader cookie in ``readers``, both rate limits in
``ratelimit``, the form in ``forms``, retries on a busy or lost database in
``retries``), then ``services``, which decides what may be answered and
stores it, with the counters moved by ``polls.tally`` in the same
transaction; on SQLite the writers take their turn through
``write_queue``. ``reader_state`` shows readers their own stored answer,
and ``widget`` gives the widget's form (on the page, through
``polls_tags``, and on the follow-up page) what it shows.
"""
