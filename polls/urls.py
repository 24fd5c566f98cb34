from django.urls import path

from polls.voting.views.follow_up import FollowUpView
from polls.voting.views.reader_answer import ReaderAnswerView
from polls.voting.views.votes import VoteView

app_name = "polls"

urlpatterns = [
    path("vote/", VoteView.as_view(), name="vote"),
    path("follow-up/", FollowUpView.as_view(), name="follow_up"),
    path("my-answer/", ReaderAnswerView.as_view(), name="reader_answer"),
]
