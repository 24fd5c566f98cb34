/*
 * Progressive enhancement for the poll widget (polls/widget.html).
 * Without this script the forms post and the server redirects back to #poll.
 * With it, the same endpoints are called with fetch, the widget updates in
 * place, focus moves to the result and its live region announces it.
 */
(function () {
    "use strict";

    var FAILED = "Sorry, your answer could not be saved. Please try again.";

    function post(form, submitter) {
        var data = new FormData(form);
        if (submitter && submitter.name) {
            data.append(submitter.name, submitter.value);
        }
        return fetch(form.action, {
            method: "POST",
            body: new URLSearchParams(data),
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        }).then(function (response) {
            return response.json().catch(function () {
                return {};
            }).then(function (body) {
                if (!response.ok) {
                    throw new Error(body.error || FAILED);
                }
                return body;
            });
        });
    }

    function say(result, sentences, focus) {
        result.textContent = "";
        sentences.forEach(function (sentence) {
            var paragraph = document.createElement("p");
            paragraph.className = "poll__thanks";
            paragraph.textContent = sentence;
            result.appendChild(paragraph);
        });
        if (focus) {
            result.focus();
        }
    }

    function describe(answer) {
        return "You answered “" + answer.label + "”; you can change your answer above.";
    }

    function setUp(widget) {
        var voteForm = widget.querySelector("[data-poll-vote]");
        var followUp = widget.querySelector("[data-poll-follow-up]");
        var result = widget.querySelector("[data-poll-result]");
        var buttons = voteForm.querySelectorAll("button[name=choice]");

        function showAnswer(answer, followUpSent) {
            buttons.forEach(function (button) {
                button.setAttribute("aria-pressed", String(button.value === String(answer.choice)));
            });
            if (followUp) {
                followUp.hidden = !answer.negative || Boolean(followUpSent);
            }
        }

        function busy(form, isBusy) {
            form.querySelectorAll("button").forEach(function (button) {
                button.disabled = isBusy;
            });
        }

        voteForm.addEventListener("submit", function (event) {
            event.preventDefault();
            busy(voteForm, true);
            post(voteForm, event.submitter).then(function (reply) {
                showAnswer(reply.answer, false);
                say(result, [reply.message, describe(reply.answer)], true);
            }).catch(function (error) {
                say(result, [error.message], true);
            }).then(function () {
                busy(voteForm, false);
            });
        });

        if (followUp) {
            followUp.addEventListener("submit", function (event) {
                event.preventDefault();
                busy(followUp, true);
                post(followUp, event.submitter).then(function (reply) {
                    followUp.hidden = true;
                    followUp.reset();
                    say(result, [reply.message], true);
                }).catch(function (error) {
                    say(result, [error.message], true);
                }).then(function () {
                    busy(followUp, false);
                });
            });
        }

        fetch(widget.dataset.answerUrl, {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        }).then(function (response) {
            return response.ok ? response.json() : { answer: null };
        }).then(function (reply) {
            if (reply.answer && !result.textContent.trim()) {
                showAnswer(reply.answer, reply.follow_up_sent);
                say(result, [describe(reply.answer)], false);
            }
        }).catch(function () {
            /* The widget still works without the reader's earlier answer. */
        });
    }

    document.querySelectorAll("[data-poll]").forEach(setUp);
})();
