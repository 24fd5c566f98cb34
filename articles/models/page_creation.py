from django.conf import settings
from django.db import models


class PageCreation(models.Model):
    """The page that a create form's first request made, by the form's key.

    Written by ``articles.page_creation``: a row is claimed when the first
    request from a create form arrives, and given its page once that request
    has created it. Rows older than a day are deleted as new ones come.
    """

    key = models.UUIDField(unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    started_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "page creation"
        verbose_name_plural = "page creations"

    def __str__(self):
        return f"{self.key} → {self.page_id or 'not created yet'}"
