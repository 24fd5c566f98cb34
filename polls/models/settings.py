from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

# Readers of a health site type symptoms into comment boxes: say plainly that
# nobody answers here, and where help is. The default is for the UK.
DEFAULT_COMMENT_HELP = (
    "<p><b>We do not reply to comments.</b> If you need medical advice, "
    "contact your GP surgery, or call 111 or go to "
    '<a href="https://111.nhs.uk/">111.nhs.uk</a> if it is urgent. '
    "In an emergency, call 999.</p>"
)


@register_setting(icon="help")
class PollSettings(BaseSiteSetting):
    """Which poll pages show by default, what the comment box tells readers,
    and how many answers make a fair ranking."""

    default_poll = models.ForeignKey(
        "polls.Poll",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the end of every page that does not choose its own.",
    )
    comment_help = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_COMMENT_HELP,
        help_text=(
            "Shown above the comment box: that comments are not answered, and "
            "where readers can get help instead."
        ),
    )
    comments_are_read = models.BooleanField(
        default=False,
        verbose_name="someone reads every comment",
        help_text=(
            "Tick only if someone is set up to read every comment (Reports → "
            "Reader comments). The thank-you then says “We read every comment.”"
        ),
    )
    minimum_responses = models.PositiveIntegerField(
        default=10,
        verbose_name="minimum answers to be ranked",
        help_text=(
            "Pages with fewer answers in a period are listed in reports but not "
            "ranked among the most or least helpful."
        ),
    )

    minimum_per_side = models.PositiveIntegerField(
        default=30,
        validators=[MinValueValidator(1)],
        verbose_name="minimum answers to compare",
        help_text=(
            "An edit's before-and-after comparison gives no verdict until each "
            "side has this many answers, and Needs attention does not judge an "
            "article's figures until it has this many answers in the last 30 "
            "days and in the 90 days before."
        ),
    )

    panels = [
        FieldPanel("default_poll"),
        MultiFieldPanel(
            [FieldPanel("comment_help"), FieldPanel("comments_are_read")],
            heading="Comment box",
        ),
        FieldPanel("minimum_responses"),
        FieldPanel("minimum_per_side"),
    ]

    class Meta:
        verbose_name = "poll settings"

    def follow_up_thanks(self):
        if self.comments_are_read:
            return _("Thank you for telling us more. We read every comment.")
        return _("Thank you for telling us more.")
