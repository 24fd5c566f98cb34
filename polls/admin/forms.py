"""The poll edit form: choices that readers already gave cannot be deleted."""

from django.db.models import Count
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm


class PollAdminForm(WagtailAdminModelForm):
    """Refuse, as a form error, to delete a choice that has responses.

    ``Response.choice`` is ``on_delete=PROTECT``: deleting an answered choice
    would fail in the database with a server error, and would rewrite what
    readers said. Renaming it, or making the poll inactive, is the way out.
    """

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("choices")
        if formset is None or not formset.can_delete:
            return cleaned_data
        formset.errors  # noqa: B018 (cleans each choice form, so DELETE is known)
        deleted = [
            form.instance.pk
            for form in formset.initial_forms
            if form.instance.pk
            and getattr(form, "cleaned_data", {}).get(DELETION_FIELD_NAME)
        ]
        answered = (
            formset.model.objects.filter(pk__in=deleted)
            .annotate(answers=Count("responses"))
            .filter(answers__gt=0)
            .order_by("sort_order")
        )
        for choice in answered:
            self.add_error(
                None,
                ngettext(
                    "“%(label)s” has %(count)s answer, so it cannot be deleted. "
                    "Keep it (you may rename it), or make the poll inactive and "
                    "create a new one.",
                    "“%(label)s” has %(count)s answers, so it cannot be deleted. "
                    "Keep it (you may rename it), or make the poll inactive and "
                    "create a new one.",
                    choice.answers,
                )
                % {"label": choice.label, "count": choice.answers},
            )
        return cleaned_data
