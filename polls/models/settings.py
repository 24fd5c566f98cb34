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

    panels = [FieldPanel("default_poll"), FieldPanel("minimum_responses")]

    class Meta:
        verbose_name = "poll settings"
