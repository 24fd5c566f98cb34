from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="help")
class PollSettings(BaseSiteSetting):
    """Which poll pages show by default, and how many answers make a fair ranking."""

    default_poll = models.ForeignKey(
        "polls.Poll",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the end of every page that does not choose its own.",
    )
    minimum_responses = models.PositiveIntegerField(
        default=10,
        help_text=(
            "Pages with fewer responses are listed in reports but not ranked "
            "among the most or least helpful."
        ),
    )

    minimum_per_side = models.PositiveIntegerField(
        default=30,
        validators=[MinValueValidator(1)],
        verbose_name="minimum answers per side",
        help_text=(
            "An edit's before-and-after comparison gives no verdict until each "
            "side has this many answers."
        ),
    )
    panels = [
        FieldPanel("default_poll"),
        FieldPanel("minimum_responses"),
        FieldPanel("minimum_per_side"),
    ]

    class Meta:
        verbose_name = "poll settings"
