"""The screens editors use in Wagtail's admin, and what only they need.

``views`` (the reports, the page's own report, the comments listing and
the poll snippets) with their ``urls``; ``components`` (the dashboard
panel), ``panels`` (for edit forms), ``page_listing`` (the explorer's
figures) and ``menu``; ``digest_mail`` (the weekly digest as mail) and
``account`` (its opt-out); ``forms`` (the poll edit form),
``permissions`` (who may see results) and ``triage`` (the writes editors
make to answers). ``polls/wagtail_hooks.py`` registers them.
"""
