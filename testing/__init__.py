"""Test data builders and helpers shared by the site's tests.

Not an app, and never imported by the site's code: each app's tests, and the
browser tests, build pages and read responses with these, so no app's tests
import another app's tests. polls ships its own (``polls.testing``), since it
must work without this site.
"""
