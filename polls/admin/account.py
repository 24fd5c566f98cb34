"""The digest opt-out, a panel in the user's account settings ("Notifications").

It works like Wagtail's own notification preferences
(``wagtail.admin.views.account.NotificationsSettingsPanel``), with its own
small model because the polls app cannot add fields to Wagtail's profile.

Wagtail saves the account page all or nothing: a user without a first or
last name (the Profile tab requires both) could not turn the digest off,
and the page said nothing. So this panel's choice is saved on its own, as
soon as its form is valid, and says so; if the rest of the page was not
saved, the panel says that too, and where to look.
"""

from django import forms
from django.contrib import messages
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from polls.admin.permissions import can_view_results
from polls.models import DigestPreference

SAVED = "_polls_digest_preference_saved"


class DigestPreferenceForm(forms.ModelForm):
    class Meta:
        model = DigestPreference
        fields = ["receive_digest"]


class DigestSettingsPanel(BaseSettingsPanel):
    name = "polls_digest"
    title = "Reader feedback digest"
    tab = notifications_tab
    order = 150
    form_class = DigestPreferenceForm
    template_name = "polls/admin/account/digest_panel.html"

    def is_active(self):
        return can_view_results(self.user)

    def get_form(self):
        instance = DigestPreference.objects.filter(user=self.user).first()
        instance = instance or DigestPreference(user=self.user)
        if self.request.method != "POST":
            return self.form_class(instance=instance, prefix=self.name)
        form = self.form_class(self.request.POST, instance=instance, prefix=self.name)
        if form.is_valid() and not getattr(self.request, SAVED, False):
            setattr(self.request, SAVED, True)
            form.save()
            if form.has_changed():
                messages.success(
                    self.request,
                    "Saved: you will get the weekly reader feedback digest."
                    if form.cleaned_data["receive_digest"]
                    else "Saved: you will not get the weekly reader feedback digest.",
                    fail_silently=True,
                )
        return form

    def get_context_data(self):
        # The account page is shown again after a POST only when some other
        # part of it could not be saved.
        return {
            **super().get_context_data(),
            "others_not_saved": self.request.method == "POST",
        }
