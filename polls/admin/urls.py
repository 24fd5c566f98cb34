from django.urls import path

from polls.admin.views.attention import NeedsAttentionView
from polls.admin.views.edit_effects import EditEffectsExportView
from polls.admin.views.page_helpfulness import PageHelpfulnessView
from polls.admin.views.reports import HelpfulnessReportView

app_name = "polls_admin"
urlpatterns = [
    path("helpfulness/", HelpfulnessReportView.as_view(), name="helpfulness"),
    path(
        "helpfulness/results/",
        HelpfulnessReportView.as_view(results_only=True),
        name="helpfulness_results",
    ),
    path(
        "helpfulness/pages/<int:page_id>/",
        PageHelpfulnessView.as_view(),
        name="page_helpfulness",
    ),
    path("attention/", NeedsAttentionView.as_view(), name="attention"),
    path(
        "helpfulness/pages/<int:page_id>/before-and-after/",
        EditEffectsExportView.as_view(),
        name="edit_effects_export",
    ),
]
