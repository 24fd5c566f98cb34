from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Contributor(index.Indexed, models.Model):
    """A person credited on articles: as author, as medical reviewer, or both.

    A snippet, so one profile is reused across every article the person
    wrote or reviewed, and correcting their credentials corrects them all.
    """

    name = models.CharField(max_length=120)
    credentials = models.CharField(
        max_length=120,
        blank=True,
        help_text="Qualifications shown after the name, e.g. “MBBS, MRCGP”.",
    )
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text="e.g. “General practitioner” or “Health editor”.",
    )
    profile = models.TextField(
        blank=True,
        max_length=600,
        help_text="Two or three sentences on the person's experience.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor",
        verbose_name="admin account",
        help_text=(
            "The person's own login, if they have one. When they approve a "
            "Clinical review, the review is credited to this profile unless "
            "they choose another."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("credentials"),
        FieldPanel("role"),
        FieldPanel("profile"),
        FieldPanel("user"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("credentials"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "contributor"
        verbose_name_plural = "contributors"

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name
