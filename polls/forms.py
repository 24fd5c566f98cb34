"""The public forms behind the poll widget.

They validate shape only (ids are integers, the comment fits); which page,
poll and choice the ids name is checked by the view, which can tell a
missing page (404) from a mismatched choice (400).
"""

from django import forms

from polls.models import COMMENT_MAX_LENGTH, Reason

ANCHOR_PATTERN = r"^poll(-[0-9]{1,10})?$"


class PollTargetForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    poll = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    anchor = forms.RegexField(regex=ANCHOR_PATTERN, required=False)
    # The honeypot: hidden from people, filled in by naive bots.
    website = forms.CharField(required=False, max_length=200, strip=False)

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("website"))


class VoteForm(PollTargetForm):
    choice = forms.IntegerField(min_value=1, max_value=2**31 - 1)


class FollowUpForm(PollTargetForm):
    reasons = forms.MultipleChoiceField(choices=Reason.choices, required=False)
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": (
                f"Your comment is too long: the limit is {COMMENT_MAX_LENGTH:,} "
                "characters (it has %(show_value)d)."
            )
        },
    )
