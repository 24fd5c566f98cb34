"""What needs attention now: pages that got worse, trail the site, or wait on triage.

A page is listed for any of three causes, each with the figure behind it:

- **Got worse.** A Bernoulli CUSUM runs over the last 30 complete days,
  against the page's own helpful rate of the 90 days before them. Each day
  adds the log-likelihood ratio of "10 points less helpful" against "as
  before" for that day's answers; the sum never drops below zero. The page
  is listed while the sum is above h = ln(answers the page gets in a year).
  By Wald's inequality a CUSUM of log-likelihood ratios raises a false
  alarm no more often than once in e^h answers, so at most about once per
  article-year, however busy the page.
- **Below the site.** Over the same last 30 complete days, a one-sided
  binomial test of the page's rate against the whole site's, with
  Benjamini–Hochberg across all pages (5% false discoveries), so a
  thousand pages tested together do not flag dozens by chance.
- **Comments to triage.** Negative answers with a comment still marked
  "New". Triaging them takes the page off the list.

Neither statistical cause fires before both the page's recent and baseline
answers reach the minimum (``PollSettings.minimum_per_side``). Figures come
from the counters (``DailyCount``, ``SiteDailyCount``), never from the
responses; only the comments waiting for triage are counted among the
answers, through a small partial index. Both statistical causes read
complete days only, so their result is kept in the cache for the day
(``POLLS_ATTENTION_CACHE_SECONDS``), under a version of those days that
any change to their answers moves (``counters_version``); the days
themselves are kept one row per page (``polls.insight.cusum_window``), so
even an uncached view reads a row a page, not 120 days of counters.

``causes`` finds each cause (the CUSUM's arithmetic is in
``polls.insight.inference``); ``listing`` puts them together by page.
"""

from polls.insight.attention.causes import (
    BELOW_SITE,
    COMMENTS,
    WORSE,
    Trigger,
    below_site,
    comments_to_triage,
    statistical_causes,
    statistical_findings,
    worse_than_before,
)
from polls.insight.attention.listing import (
    Entries,
    Entry,
    listed,
    method_context,
    needs_attention,
)
from polls.insight.daily_cache import positive_choices

__all__ = [
    "BELOW_SITE",
    "COMMENTS",
    "WORSE",
    "Entries",
    "Entry",
    "Trigger",
    "below_site",
    "comments_to_triage",
    "listed",
    "method_context",
    "needs_attention",
    "positive_choices",
    "statistical_causes",
    "statistical_findings",
    "worse_than_before",
]
