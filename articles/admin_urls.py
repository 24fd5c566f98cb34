from django.urls import path

from articles.views.reports import ReviewsDueReportView
from articles.views.review_approved import ReviewApprovedView

app_name = "articles_admin"

urlpatterns = [
    path("reviews-due/", ReviewsDueReportView.as_view(), name="reviews_due"),
    path(
        "reviews-due/results/",
        ReviewsDueReportView.as_view(results_only=True),
        name="reviews_due_results",
    ),
    path(
        "review-approved/<int:page_id>/",
        ReviewApprovedView.as_view(),
        name="review_approved",
    ),
]
