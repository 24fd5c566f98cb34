from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from home.blocks import SocialLinksStreamBlock

DEFAULT_DISCLAIMER = (
    "<p>This article gives general information, not medical advice for you. "
    "It does not replace a consultation with a doctor or another qualified "
    "health professional. If you are worried about a symptom, speak to your "
    "doctor. In an emergency, call your local emergency number.</p>"
)


# True of any article on the site, reviewed or not: the site-wide wording
# must never claim more than the articles show (see ArticlePage's review).
DEFAULT_TAGLINE = "Plain answers to everyday health questions."
DEFAULT_DESCRIPTION = (
    "General information about everyday health questions, written in plain "
    "English. It is not a diagnosis: if you are worried, speak to a doctor."
)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What editors say about the site as a whole, per Wagtail site.

    The site's name is Wagtail's own ``Site.site_name`` (Settings → Sites), so
    it is not repeated here.
    """

    tagline = models.CharField(
        max_length=120,
        blank=True,
        default=DEFAULT_TAGLINE,
        help_text=(
            "One line in the footer of every page. Claim no more than the "
            "articles show: say “medically reviewed” only once they are."
        ),
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        default=DEFAULT_DESCRIPTION,
        help_text=(
            "What search engines and shared links show for pages without their "
            "own description, the home page included."
        ),
    )
    disclaimer = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_DISCLAIMER,
        help_text="The medical disclaimer shown at the end of every article.",
    )
    social_links = StreamField(
        SocialLinksStreamBlock(),
        blank=True,
        help_text="The site's profiles elsewhere, linked from the footer.",
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page without its own image is shared on social media.",
    )

    panels = [
        HelpPanel(
            content="The site's name is set under Settings → Sites.",
            heading="Site name",
        ),
        FieldPanel("tagline"),
        FieldPanel("description"),
        FieldPanel("disclaimer"),
        MultiFieldPanel(
            [FieldPanel("social_links"), FieldPanel("default_share_image")],
            heading="Sharing",
        ),
    ]

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"

    def __str__(self):
        return f"Settings for {self.site}"
