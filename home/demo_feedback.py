"""Demo data for the feedback reports: one edit and synthetic past answers.

``load_demo`` adds them to the seed article so a fresh site shows a
before-and-after verdict and the "Needs attention" list. Every row is
labelled: answers have reader keys starting ``demo-`` and comments start
with "[Demo data]"; the edit is a publish log entry whose data says
``demo_feedback``. ``python manage.py remove_demo_feedback`` deletes them all.
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import PageLogEntry

from polls import tally
from polls.models import Poll, Reason, Response, Sentiment

READER_PREFIX = "demo-"
LABEL = "[Demo data]"
FIRST_PUBLISH_DAYS_AGO = 200
EDIT_DAYS_AGO = 25  # inside the report's default 30 days, so the chart shows it
BEFORE_RATE, AFTER_RATE = 0.55, 0.78
PER_DAY = 12


def add_demo_feedback(article, poll=None):
    """Give ``article`` a dated edit and answers around it, once."""
    if Response.objects.filter(reader_key__startswith=READER_PREFIX).exists():
        return
    article = type(article).objects.get(pk=article.pk)  # its latest live revision
    poll = poll or Poll.objects.filter(is_active=True).order_by("pk").first()
    if poll is None or article.live_revision_id is None:
        return
    now = timezone.now()
    for days_ago in (FIRST_PUBLISH_DAYS_AGO, EDIT_DAYS_AGO):
        entry = PageLogEntry.objects.log_action(
            article,
            "wagtail.publish",
            revision=article.live_revision,
            data={"demo_feedback": True},
        )
        PageLogEntry.objects.filter(pk=entry.pk).update(
            timestamp=now - datetime.timedelta(days=days_ago)
        )
    yes = poll.choices.filter(sentiment=Sentiment.POSITIVE).first()
    no = poll.choices.filter(sentiment=Sentiment.NEGATIVE).first()
    rng = random.Random(11)
    answers = []
    for days_ago in range(1, 120):
        if days_ago == EDIT_DAYS_AGO:
            continue
        after = days_ago < EDIT_DAYS_AGO
        rate = AFTER_RATE if after else BEFORE_RATE
        for _ in range(rng.randint(PER_DAY // 2, PER_DAY + PER_DAY // 2)):
            helpful = rng.random() < rate
            when = now - datetime.timedelta(days=days_ago, minutes=rng.randrange(600))
            answer = Response(
                poll=poll,
                choice=yes if helpful else no,
                page=article,
                page_title=article.title,
                page_url=article.url or "",
                revision_id=article.live_revision_id,
                reader_key=f"{READER_PREFIX}{len(answers):06d}",
                created_at=when,
                updated_at=when,
            )
            if not helpful and rng.random() < 0.6:
                # Before the edit readers found it hard; after, it missed questions.
                common = Reason.DID_NOT_ANSWER if after else Reason.HARD_TO_UNDERSTAND
                answer.reasons = [common if rng.random() < 0.7 else Reason.OTHER]
            answers.append(answer)
    answers[-1].comment = f"{LABEL} The section on stretching was confusing."
    answers[-1].choice, answers[-1].reasons = no, [Reason.HARD_TO_UNDERSTAND]
    last = now - datetime.timedelta(days=2)
    answers[-1].created_at = answers[-1].updated_at = last
    Response.objects.bulk_create(answers)
    tally.rebuild()
    yield (
        f"    Added {len(answers)} demo answers and a demo edit "
        f"{EDIT_DAYS_AGO} days ago (remove with `manage.py remove_demo_feedback`)"
    )


def remove_demo_feedback():
    """Delete every demo answer and demo edit; returns (answers, edits) deleted."""
    answers, _ = Response.objects.filter(reader_key__startswith=READER_PREFIX).delete()
    edits, _ = PageLogEntry.objects.filter(data__demo_feedback=True).delete()
    tally.rebuild()
    return answers, edits
