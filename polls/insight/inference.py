"""The statistical tests behind "did my edit help?" and "what needs attention?".

Every test comes from scipy.stats; this module only arranges the counts.
The one thing scipy has no function for, the Bernoulli CUSUM that "needs
attention" runs, is written out at the end, plain arithmetic. scipy (and
numpy) take a noticeable moment and memory to import, so they are imported
inside each function: the modules that serve readers import this one only
through admin reports, and a test checks that rendering an article never
loads scipy.
"""

import math

ALPHA = 0.05  # two-sided error allowance of every verdict
POWER = 0.8  # the chance of noticing a change of the size we plan for
DROP = 0.10  # the change the CUSUM watches for


def wilson_interval(positive, total, confidence=0.95):
    """(low, high) of the Wilson score interval for a proportion; None if no answer."""
    if not total:
        return None
    from scipy.stats import binomtest

    # The interval does not depend on the proportion the test is against.
    # Against the observed one, scipy's two-sided p-value (which we never
    # read) is 1 at once, instead of a search that costs far more than the
    # interval.
    interval = binomtest(positive, total, p=positive / total).proportion_ci(
        confidence_level=confidence, method="wilson"
    )
    return float(interval.low), float(interval.high)


def difference_interval(before, after, confidence=0.95):
    """(low, high) for after − before, two proportions given as (positive, total).

    Newcombe's hybrid score interval ("method 10", Statistics in Medicine
    1998): it combines the two Wilson intervals, so unlike the textbook
    Wald interval it stays inside [−1, 1] and keeps its coverage when a rate
    is near 0% or 100%.
    """
    if not before[1] or not after[1]:
        return None
    p1, p2 = before[0] / before[1], after[0] / after[1]
    low1, high1 = wilson_interval(*before, confidence=confidence)
    low2, high2 = wilson_interval(*after, confidence=confidence)
    difference = p2 - p1
    low = difference - math.sqrt((p2 - low2) ** 2 + (high1 - p1) ** 2)
    high = difference + math.sqrt((high2 - p2) ** 2 + (p1 - low1) ** 2)
    return low, high


def exact_p_value(before, after):
    """Two-sided p-value of Fisher's exact test on the 2×2 table of answers.

    Fisher's test is exact and never too eager (its true error rate is at or
    below the stated one), and it is fast at any sample size; Boschloo's test
    is a little more powerful but takes seconds on tables of thousands.
    """
    from scipy.stats import fisher_exact

    table = [
        [before[0], before[1] - before[0]],
        [after[0], after[1] - after[0]],
    ]
    return float(fisher_exact(table, alternative="two-sided").pvalue)


def sample_size_per_side(rate, change=0.10, alpha=ALPHA, power=POWER):
    """Answers each side needs to detect a ``change`` from ``rate`` (normal approx.).

    n = (z₁₋α/₂ + z_power)² · (p₁q₁ + p₂q₂) / Δ², the two-sample formula for
    proportions (Chow, Shao & Wang, Sample Size Calculations in Clinical
    Research, §4.2). The change is taken towards 50%, where it is hardest to
    see, so the figure is never optimistic.
    """
    from scipy.stats import norm

    rate = min(max(rate, 0.0), 1.0)
    other = rate + change if rate < 0.5 else rate - change
    z = norm.ppf(1 - alpha / 2) + norm.ppf(power)
    variance = rate * (1 - rate) + other * (1 - other)
    return math.ceil(z * z * variance / (change * change))


def mix_shift_p_value(before_counts, after_counts):
    """p-value of a chi-squared test that the reasons' mix differs; None if too few.

    The test needs an expected count of at least 5 in most cells; below that
    it says nothing rather than something wrong.
    """
    pairs = [(b, a) for b, a in zip(before_counts, after_counts, strict=True) if b + a]
    if len(pairs) < 2 or min(sum(p[0] for p in pairs), sum(p[1] for p in pairs)) < 5:
        return None
    from scipy.stats import chi2_contingency

    result = chi2_contingency([list(column) for column in zip(*pairs, strict=True)])
    if (result.expected_freq < 5).mean() > 0.2:
        return None
    return float(result.pvalue)


def adjusted_p_values(p_values):
    """Benjamini–Hochberg adjusted p-values, in the same order (FDR control)."""
    if not p_values:
        return []
    from scipy.stats import false_discovery_control

    return [float(p) for p in false_discovery_control(list(p_values), method="bh")]


def lower_tail_p_values(positives, totals, rate):
    """One-sided binomial p-values that each page is below ``rate`` (vectorised)."""
    if not totals:
        return []
    from scipy.stats import binom

    return [float(p) for p in binom.cdf(positives, totals, rate)]


def log_ratios(baseline_rate, drop=DROP):
    """(helpful, unhelpful): what one answer of each kind adds to the CUSUM."""
    watched = max(baseline_rate - drop, 0.01)
    baseline = min(max(baseline_rate, watched + 0.01), 0.99)
    return math.log(watched / baseline), math.log((1 - watched) / (1 - baseline))


def cusum(days, baseline_rate, drop=DROP):
    """The Bernoulli CUSUM after ``days`` of (positive, responses) answers.

    Each day adds the log-likelihood ratio of "``drop`` less helpful"
    against "as before" for that day's answers; the sum never drops below
    zero.
    """
    helpful, unhelpful = log_ratios(baseline_rate, drop)
    total = 0.0
    for positive, responses in days:
        total = max(
            0.0, total + positive * helpful + (responses - positive) * unhelpful
        )
    return total


def cusums(days, baseline_rates):
    """``cusum`` of many pages at once: ``days`` is a (pages, days, 2) array.

    The same arithmetic in the same order, a day at a time for every page
    together, so each score is exactly ``cusum``'s, without a Python loop
    over every page and day.
    """
    import numpy as np

    weights = np.array([log_ratios(rate) for rate in baseline_rates]).reshape(-1, 2)
    helpful, unhelpful = weights[:, 0], weights[:, 1]
    total = np.zeros(len(weights))
    for day in range(days.shape[1]):
        positive, responses = days[:, day, 0], days[:, day, 1]
        total = np.maximum(
            0.0, total + positive * helpful + (responses - positive) * unhelpful
        )
    return [float(score) for score in total]


def threshold(answers_per_year):
    """h = ln(answers a year): one false alarm per article-year at most.

    By Wald's inequality a CUSUM of log-likelihood ratios raises a false
    alarm no more often than once in e^h answers.
    """
    return math.log(max(answers_per_year, math.e))
