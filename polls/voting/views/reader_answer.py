"""The reader's current answer, for the widget's script (never cached).

On load the script asks for it, so a reader who answered before sees (and
can change) their answer on a page that is the same for everyone.
"""

from django.http import JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views import View

from polls.voting import reader_state
from polls.voting.retries import DatabaseUnavailable, with_database_retries
from polls.voting.views.replies import answer_json, as_id, unavailable_json


class ReaderAnswerView(View):
    http_method_names = ["get"]

    def get(self, request):
        page_id = as_id(request.GET.get("page"))
        poll_id = as_id(request.GET.get("poll"))
        if not page_id or not poll_id:
            response = JsonResponse({"error": "Give a page and a poll id."}, status=400)
        else:
            try:
                answer = with_database_retries(stored_answer, request, page_id, poll_id)
            except DatabaseUnavailable:
                response = unavailable_json()
            else:
                response = JsonResponse(answer)
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response


def stored_answer(request, page_id, poll_id):
    response = reader_state.stored_response(request, page_id=page_id, poll_id=poll_id)
    if response is None:
        return {"answer": None}
    return {
        "answer": answer_json(response.choice),
        "follow_up_sent": bool(response.reasons or response.comment),
    }
