"""The writes editors make to readers' responses: triage marks, comment retention.

A spam mark takes a response out of every count (and back): the counters
move through ``polls.tally`` in the same transaction.
"""

from django.utils import timezone

from polls import tally
from polls.models import Response, TriageStatus
from polls.voting import write_queue


def set_triage_status(response, status):
    """Mark a response; marking spam takes it out of every count (and back)."""
    if status not in TriageStatus.values:
        raise ValueError(f"unknown triage status {status!r}")
    with write_queue.atomic():
        response = (
            Response.objects.select_for_update(of=("self",))
            .select_related("choice")
            .get(pk=response.pk)
        )
        before = tally.change(response, -1)  # None if it did not count
        response.triage_status = status
        response.save(update_fields=["triage_status"])
        tally.move(before, tally.change(response, +1))
        return response


def delete_old_comments(older_than):
    """Blank follow-up comments last changed before ``now - older_than``."""
    cutoff = timezone.now() - older_than
    return (
        Response.objects.filter(updated_at__lt=cutoff)
        .exclude(comment="")
        .update(comment="", comment_flagged=False)
    )
