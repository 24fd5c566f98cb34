from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A subject readers browse by, e.g. "Nerves and numbness".

    A snippet rather than free tags, so each topic has one spelling, a
    stable URL and a description for its topic page.
    """

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text="The last part of the topic page's URL, e.g. “nerves-and-numbness”.",
    )
    description = models.TextField(
        blank=True,
        max_length=400,
        help_text="One or two sentences shown at the top of the topic page.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"
        verbose_name_plural = "topics"

    def __str__(self):
        return self.name
