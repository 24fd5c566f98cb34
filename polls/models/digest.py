from django.conf import settings
from django.db import models


class DigestPreference(models.Model):
    """Whether a user wants the weekly helpfulness digest (set in account settings)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="poll_digest_preference",
    )
    receive_digest = models.BooleanField(
        default=True,
        verbose_name="Weekly helpfulness digest",
        help_text=(
            "Receive an email each week listing the articles that need "
            "attention and the edits whose verdict changed."
        ),
    )

    class Meta:
        ordering = ["user"]
        verbose_name = "digest preference"
        verbose_name_plural = "digest preferences"

    def __str__(self):
        return f"{self.user}: {'yes' if self.receive_digest else 'no'}"


class DigestSent(models.Model):
    """One digest sent to one user for one week, and the verdicts it reported.

    The unique week makes a second run in the same week send nothing; the
    verdicts let the next digest list only the edits whose verdict changed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    week = models.DateField(help_text="The Monday of the week it was sent for.")
    sent_at = models.DateTimeField(auto_now_add=True)
    verdicts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-week", "user"]
        verbose_name = "digest sent"
        verbose_name_plural = "digests sent"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "week"], name="polls_digestsent_once_a_week"
            )
        ]

    def __str__(self):
        return f"{self.user}, week of {self.week}"
