from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="time")
class ReviewSettings(BaseSiteSetting):
    """How the Clinical review proposes the next review date, per site."""

    review_interval_months = models.PositiveSmallIntegerField(
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        verbose_name="months to the next review",
        help_text=(
            "When a moderator approves a Clinical review, the next review is "
            "proposed this many months after the review date. They can change it."
        ),
    )

    panels = [FieldPanel("review_interval_months")]

    class Meta:
        verbose_name = "clinical review"
        verbose_name_plural = "clinical review"

    def __str__(self):
        return f"Clinical review settings for {self.site}"
