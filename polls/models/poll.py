from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from polls.admin.forms import PollAdminForm


class Sentiment(models.TextChoices):
    """How a choice counts in reports: "Yes" is positive, "No" negative."""

    POSITIVE = "positive", "Positive"
    NEGATIVE = "negative", "Negative"
    NEUTRAL = "neutral", "Neutral"


class Poll(index.Indexed, ClusterableModel):
    """A question readers answer at the end of a page, with ordered choices."""

    question = models.CharField(
        max_length=200,
        help_text="Shown as the heading of the poll, e.g. “Was this article helpful?”",
    )
    is_active = models.BooleanField(
        default=True,
        help_text="Inactive polls are hidden from readers and refuse new answers.",
    )
    follow_up_question = models.CharField(
        max_length=200,
        default="What was wrong with it?",
        help_text="Asked after a negative answer, above the list of reasons.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("question"),
        FieldPanel("is_active"),
        FieldPanel("follow_up_question"),
        InlinePanel("choices", label="Choice", min_num=2, max_num=6),
    ]
    search_fields = [index.SearchField("question"), index.AutocompleteField("question")]
    base_form_class = PollAdminForm

    class Meta:
        ordering = ["question"]
        verbose_name = "poll"
        verbose_name_plural = "polls"

    def __str__(self):
        return self.question if self.is_active else f"{self.question} (inactive)"


class Choice(Orderable):
    poll = ParentalKey(Poll, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(
        max_length=40, help_text="The button's text, e.g. “Yes”. Keep it short."
    )
    sentiment = models.CharField(
        max_length=8,
        choices=Sentiment.choices,
        default=Sentiment.NEUTRAL,
        help_text="How this answer counts in reports. A negative answer asks why.",
    )

    panels = [FieldPanel("label"), FieldPanel("sentiment")]

    class Meta(Orderable.Meta):
        verbose_name = "choice"
        verbose_name_plural = "choices"
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "label"], name="polls_choice_unique_label_per_poll"
            )
        ]

    def __str__(self):
        return self.label

    @property
    def is_negative(self):
        return self.sentiment == Sentiment.NEGATIVE

    def clean(self):
        super().clean()
        self.label = self.label.strip()
        if not self.label:
            raise ValidationError({"label": "A choice needs a label."})
