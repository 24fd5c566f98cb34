from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .settings import PollSettings


class PollPageMixin(models.Model):
    """Fields for a page type whose pages show a poll at the end.

    By default a page shows the site's default poll (``PollSettings``); an
    editor can choose another poll or none.
    """

    poll = models.ForeignKey(
        "polls.Poll",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to use the site's default poll.",
    )
    show_poll = models.BooleanField(
        default=True, help_text="Untick to show no poll at the end of this page."
    )

    poll_panels = [
        MultiFieldPanel(
            [FieldPanel("show_poll"), FieldPanel("poll")], heading="Reader feedback"
        )
    ]

    class Meta:
        abstract = True

    def get_end_poll(self, request=None):
        """The active poll to show at the end of this page, or None."""
        if not self.show_poll:
            return None
        poll = self.poll
        if poll is None:
            settings = (
                PollSettings.for_request(request)
                if request is not None
                else PollSettings.for_site(self.get_site())
            )
            poll = settings.default_poll
        return poll if poll is not None and poll.is_active else None
