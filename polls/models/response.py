import re

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .poll import Sentiment

COMMENT_MAX_LENGTH = 1000

# Something that looks like an email address or a phone number (9+ digits,
# allowing spaces, dots, dashes and brackets between them).
PERSONAL_DATA = re.compile(
    r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\+?\d(?:[\s().-]*\d){8,}", re.UNICODE
)


REMOVED = "[removed]"


def looks_personal(text):
    """True if reader text seems to hold an email address or phone number."""
    return bool(PERSONAL_DATA.search(text or ""))


def without_personal_details(text):
    """The text with what ``looks_personal`` finds replaced by "[removed]"."""
    return PERSONAL_DATA.sub(REMOVED, text or "")


class Reason(models.TextChoices):
    """Why a reader found a page unhelpful: a short list, easy to count."""

    INACCURATE = "inaccurate", _("It seems inaccurate or out of date")
    HARD_TO_UNDERSTAND = "hard_to_understand", _("It was hard to understand")
    DID_NOT_ANSWER = "did_not_answer", _("It did not answer my question")
    OTHER = "other", _("Something else")


class TriageStatus(models.TextChoices):
    NEW = "new", "New"
    REVIEWED = "reviewed", "Reviewed"
    ACTIONED = "actioned", "Actioned"
    SPAM = "spam", "Spam"


class ResponseQuerySet(models.QuerySet):
    def counted(self):
        """Responses that count: everything not marked as spam."""
        return self.exclude(triage_status=TriageStatus.SPAM)

    def for_period(self, start=None, end=None):
        """Responses first given between two dates, inclusive."""
        queryset = self
        if start:
            queryset = queryset.filter(created_at__date__gte=start)
        if end:
            queryset = queryset.filter(created_at__date__lte=end)
        return queryset

    def with_comments(self):
        return self.exclude(comment="")

    def by_revision(self):
        """Counts per page revision, so editors can see whether an edit helped."""
        return (
            self.counted()
            .values("revision", "revision__created_at")
            .annotate(
                responses=Count("pk"),
                positive=Count("pk", filter=Q(choice__sentiment=Sentiment.POSITIVE)),
                negative=Count("pk", filter=Q(choice__sentiment=Sentiment.NEGATIVE)),
            )
            .order_by("-revision__created_at")
        )


class Response(models.Model):
    """One reader's answer to one poll on one page; answering again changes it.

    The reader is known only by ``reader_key``, an HMAC of a random cookie:
    no IP address or user agent is ever stored. The page's title is kept
    too, so answers survive the page's deletion, and with a follow-up its
    address (``page_url``, for the comments' export). A vote alone does not
    store the address: working out a page's URL is costly (Wagtail matches
    the page's path against every site's root), and only the comments'
    export reads it.
    """

    # No index of their own for ``poll`` and ``page``: the indexes below and
    # the one-answer constraint lead with them, and every vote writes every
    # index, so each index more makes every vote slower.
    poll = models.ForeignKey(
        "polls.Poll",
        on_delete=models.PROTECT,
        related_name="responses",
        db_index=False,
    )
    choice = models.ForeignKey(
        "polls.Choice", on_delete=models.PROTECT, related_name="responses"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="poll_responses",
        db_index=False,
    )
    page_title = models.CharField(max_length=255)
    page_url = models.CharField(max_length=2048, blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page's live revision when the reader answered.",
    )
    reader_key = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    reasons = models.JSONField(default=list, blank=True)
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    comment_flagged = models.BooleanField(
        default=False,
        help_text="The comment seems to contain an email address or phone number.",
    )
    triage_status = models.CharField(
        max_length=10,
        choices=TriageStatus.choices,
        default=TriageStatus.NEW,
        verbose_name="status",
    )

    objects = ResponseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "response"
        verbose_name_plural = "responses"
        permissions = [("view_results", "Can view poll results and reports")]
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "page", "reader_key"],
                name="polls_response_one_per_reader_poll_page",
            )
        ]
        # Every vote writes every index whose condition its row meets: a
        # vote has no comment, so indexes of commented responses only cost
        # it nothing. A poll's responses are found through the one-answer
        # constraint, which leads with the poll, so no index of its own
        # makes every vote write one more.
        indexes = [
            models.Index(fields=["page", "created_at"]),
            # The comments' listing, by status and date.
            models.Index(
                fields=["triage_status", "created_at"],
                condition=~Q(comment=""),
                name="polls_response_comments",
            ),
            # Comments still to triage ("Needs attention", the dashboard, the
            # digest): a handful of rows, found without reading every answer.
            models.Index(
                fields=["choice", "page"],
                condition=Q(triage_status="new") & ~Q(comment=""),
                name="polls_response_to_triage",
            ),
        ]

    def __str__(self):
        return f"{self.choice} on “{self.page_title}”"

    @property
    def is_spam(self):
        return self.triage_status == TriageStatus.SPAM

    @property
    def reason_labels(self):
        labels = dict(Reason.choices)
        return [str(labels[code]) for code in self.reasons if code in labels]
