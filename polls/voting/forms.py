"""The public forms behind the poll widget.

They validate shape only (ids are integers, the comment fits); which page,
poll and choice the ids name is checked by the view, which can tell a
missing page (404) from a mismatched choice (400).

Messages are for readers: plain sentences, never a field name in front.
"""

import regex
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from polls.models import COMMENT_MAX_LENGTH, Reason
from polls.models.response import looks_personal, without_personal_details

ANCHOR_PATTERN = r"^poll(-[0-9]{1,10})?$"
ID = {"min_value": 1, "max_value": 2**31 - 1}
# Combining marks can make one character out of many code points; past this
# many a comment is refused whatever it looks like.
COMMENT_MAX_CODE_POINTS = 10 * COMMENT_MAX_LENGTH
GRAPHEME = regex.compile(r"\X")


def count_characters(text):
    """Characters as a reader counts them: user-perceived characters
    (grapheme clusters), so 👍🏽, é written as e + accent, and a family emoji
    each count as one. The widget's script counts the same way
    (``Intl.Segmenter``)."""
    return len(GRAPHEME.findall(text))


def comment_length_message(count, limit=COMMENT_MAX_LENGTH):
    """What the character counter says; also the no-JS counter, after sending."""
    if count <= limit:
        remaining = limit - count
        return ngettext(
            "You have %(count)s character left.",
            "You have %(count)s characters left.",
            remaining,
        ) % {"count": f"{remaining:,}"}
    over = count - limit
    return ngettext(
        "You have %(count)s character too many.",
        "You have %(count)s characters too many.",
        over,
    ) % {"count": f"{over:,}"}


class PollTargetForm(forms.Form):
    page = forms.IntegerField(**ID)
    poll = forms.IntegerField(**ID)
    anchor = forms.RegexField(regex=ANCHOR_PATTERN, required=False)
    # The honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(required=False, max_length=200, strip=False)

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("website"))

    def first_error(self):
        """The first error, as a sentence a reader can act on."""
        for field, errors in self.errors.items():
            if field in ("__all__", *self.reader_fields):
                return errors[0]
            return _("The poll's form was sent with a bad %(field)s: %(error)s") % {
                "field": field,
                "error": errors[0],
            }
        return _("The answer could not be read.")

    reader_fields = ()


class VoteForm(PollTargetForm):
    choice = forms.IntegerField(**ID)


class VoteData:
    """A vote's fields read with ``VoteForm``'s own fields, without a form.

    A vote is the one write readers make, and building a Django form for it
    (each instance deep-copies its fields, then binds and cleans each one)
    cost more than most of the vote's own work. ``VoteForm`` has no ``clean``
    methods, so cleaning each of its fields directly keeps its rules and
    messages exactly; this offers what the vote view uses of a form.
    """

    fields = VoteForm.base_fields
    reader_fields = VoteForm.reader_fields
    first_error = VoteForm.first_error
    is_honeypot_filled = VoteForm.is_honeypot_filled

    def __init__(self, data):
        self.data = data
        self.cleaned_data = {}
        self.errors = {}

    def is_valid(self):
        self.cleaned_data, self.errors = {}, {}
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, {}, name)
            try:
                self.cleaned_data[name] = field.clean(value)
            except ValidationError as error:
                self.errors[name] = error.messages
        return not self.errors


class FollowUpForm(PollTargetForm):
    """Reasons and a comment for a negative answer.

    ``choice`` is the answer the reader's page showed when they wrote (so a
    follow-up can record it if none is stored); ``confirm`` is the answer a
    reader chose again after being told it had changed. ``personal=remove``
    sends the comment without what looks like personal details.
    """

    reasons = forms.MultipleChoiceField(
        choices=Reason.choices,
        required=False,
        error_messages={
            "invalid_choice": gettext_lazy("That reason is not one of the choices.")
        },
    )
    comment = forms.CharField(required=False)
    choice = forms.IntegerField(required=False, **ID)
    confirm = forms.IntegerField(required=False, **ID)
    personal = forms.ChoiceField(choices=[("remove", "remove")], required=False)

    reader_fields = ("reasons", "comment")
    EMPTY = gettext_lazy("Tick a reason or write a comment.")
    PERSONAL = gettext_lazy(
        "Your comment seems to include an email address or phone number. We "
        "cannot reply to comments, so we do not need them. Send it without "
        "them, or edit your comment to remove them."
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"]
        count = count_characters(comment)
        if count > COMMENT_MAX_LENGTH or len(comment) > COMMENT_MAX_CODE_POINTS:
            raise ValidationError(
                _(
                    "Your comment is too long: the limit is %(limit)s characters. "
                    "%(counter)s Your text is kept below so you can shorten it."
                )
                % {
                    "limit": f"{COMMENT_MAX_LENGTH:,}",
                    "counter": comment_length_message(count),
                },
                code="too_long",
            )
        return comment

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        comment = cleaned.get("comment", "")
        if not cleaned.get("reasons") and not comment:
            raise ValidationError(self.EMPTY, code="empty")
        if looks_personal(comment):
            if cleaned.get("personal") != "remove":
                raise ValidationError(self.PERSONAL, code="personal")
            cleaned["comment"] = without_personal_details(comment)
        return cleaned

    @property
    def problem(self):
        """A code for the widget's script: which help to show with the error."""
        for errors in self.errors.as_data().values():
            for error in errors:
                if error.code in ("empty", "too_long", "personal"):
                    return error.code
        return "invalid"

    def kept(self):
        """What the reader sent, to show again with the error."""
        comment = str(self.data.get("comment", ""))
        return {
            "reasons": self.data.getlist("reasons")
            if hasattr(self.data, "getlist")
            else [],
            "comment": comment,
            "counter": comment_length_message(count_characters(comment.strip())),
            "over_limit": count_characters(comment.strip()) > COMMENT_MAX_LENGTH,
        }
