"""The digest opt-out, a panel in the user's account settings ("Notifications").

It works like Wagtail's own notification preferences
(``wagtail.admin.views.account.NotificationsSettingsPanel``), with its own
small model because the polls app cannot add fields to Wagtail's profile.
"""

from django import forms
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from polls.models import DigestPreference
from polls.permissions import can_view_results


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

    def is_active(self):
        return can_view_results(self.user)

    def get_form(self):
        instance = DigestPreference.objects.filter(user=self.user).first()
        instance = instance or DigestPreference(user=self.user)
        if self.request.method == "POST":
            return self.form_class(
                self.request.POST, instance=instance, prefix=self.name
            )
        return self.form_class(instance=instance, prefix=self.name)
