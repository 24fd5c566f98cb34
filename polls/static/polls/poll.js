/*
 * Progressive enhancement for the poll widget (polls/widget.html).
 * Without this script the forms post and the server redirects back to #poll
 * (or shows its "Check your comment" page). With it, the same endpoints are
 * called with fetch, the widget updates in place, focus moves to the result
 * or to the problem, and the comment box counts characters as the server does.
 */
const FAILED = "Sorry, your answer could not be saved. Please try again.";
const PROBLEMS_WITH_AN_OFFER = ["changed", "unanswered"];

/** Characters as readers count them (grapheme clusters), like the server. */
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const countCharacters = (text) => [...segmenter.segment(text)].length;

const plural = (count, word) => `${count.toLocaleString("en-GB")} ${word}${count === 1 ? "" : "s"}`;

function counterText(count, limit) {
    return count <= limit
        ? `You have ${plural(limit - count, "character")} left.`
        : `You have ${plural(count - limit, "character")} too many.`;
}

/** Post a form as the browser would, asking for JSON; the reply's body and status. */
async function post(form, submitter) {
    const data = new FormData(form);
    if (submitter && submitter.name) {
        data.append(submitter.name, submitter.value);
    }
    const response = await fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(data),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
    });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, body };
}

function say(result, sentences, focus) {
    result.replaceChildren(...sentences.map((sentence) => {
        const paragraph = document.createElement("p");
        paragraph.className = "poll__thanks";
        paragraph.textContent = sentence;
        return paragraph;
    }));
    if (focus) {
        result.focus();
    }
}

const describe = (answer) => `You answered “${answer.label}”; you can change your answer above.`;

function setUp(widget) {
    const voteForm = widget.querySelector("[data-poll-vote]");
    const followUp = widget.querySelector("[data-poll-follow-up]");
    const result = widget.querySelector("[data-poll-result]");
    const buttons = voteForm.querySelectorAll("button[name=choice]");

    function showAnswer(answer, followUpSent) {
        buttons.forEach((button) => {
            button.setAttribute("aria-pressed", String(button.value === String(answer.choice)));
        });
        if (followUp) {
            followUp.hidden = !answer.negative || Boolean(followUpSent);
            // The follow-up explains this answer; sent with it, it can be
            // recorded even if the reader's cookie has gone meanwhile.
            followUp.querySelector("[data-poll-follow-up-choice]").value = answer.negative ? answer.choice : "";
        }
    }

    function busy(form, isBusy) {
        form.querySelectorAll("button").forEach((button) => {
            button.disabled = isBusy;
        });
    }

    voteForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        busy(voteForm, true);
        try {
            const { ok, body } = await post(voteForm, event.submitter);
            if (ok) {
                showAnswer(body.answer, false);
                say(result, [body.message, describe(body.answer)], true);
            } else {
                say(result, [body.error || FAILED], true);
            }
        } catch {
            say(result, [FAILED], true);
        } finally {
            busy(voteForm, false);
        }
    });

    if (followUp) {
        setUpFollowUp(followUp, result, showAnswer, busy);
    }

    showEarlierAnswer(widget, result, showAnswer);
}

function setUpFollowUp(followUp, result, showAnswer, busy) {
    const comment = followUp.querySelector("[data-poll-comment]");
    const counter = followUp.querySelector("[data-poll-counter]");
    const problem = followUp.querySelector("[data-poll-problem]");
    const limit = Number(comment.dataset.limit);

    function count() {
        const characters = countCharacters(comment.value.trim());
        counter.textContent = counterText(characters, limit);
        counter.classList.toggle("poll__counter--over", characters > limit);
        if (characters > limit) {
            comment.setAttribute("aria-invalid", "true");
        } else {
            comment.removeAttribute("aria-invalid");
        }
    }

    function showProblem(code, message) {
        problem.querySelector("[data-poll-problem-message]").textContent = message;
        problem.querySelector("[data-poll-personal]").hidden = code !== "personal";
        problem.querySelector("[data-poll-offer]").hidden = !PROBLEMS_WITH_AN_OFFER.includes(code);
        problem.querySelector("[data-poll-keep]").hidden = code !== "changed";
        problem.hidden = false;
        problem.focus();
    }

    comment.addEventListener("input", count);
    count();

    followUp.addEventListener("submit", async (event) => {
        event.preventDefault();
        busy(followUp, true);
        try {
            const { ok, body } = await post(followUp, event.submitter);
            if (ok) {
                problem.hidden = true;
                followUp.reset();
                count();
                if (body.answer) {
                    showAnswer(body.answer, true);
                }
                followUp.hidden = true;
                say(result, [body.message], true);
            } else if (body.problem) {
                if (body.answer) {
                    // Changed elsewhere: show the answer that is stored now.
                    showAnswer(body.answer, false);
                    followUp.hidden = false;
                    say(result, [describe(body.answer)], false);
                }
                showProblem(body.problem, body.error);
            } else {
                say(result, [body.error || FAILED], true);
            }
        } catch {
            say(result, [FAILED], true);
        } finally {
            busy(followUp, false);
        }
    });
}

/** The reader's earlier answer on this page, asked of the server (never cached). */
async function showEarlierAnswer(widget, result, showAnswer) {
    try {
        const response = await fetch(widget.dataset.answerUrl, {
            credentials: "same-origin",
            headers: { Accept: "application/json" },
        });
        const reply = response.ok ? await response.json() : { answer: null };
        if (reply.answer && !result.textContent.trim()) {
            showAnswer(reply.answer, reply.follow_up_sent);
            say(result, [describe(reply.answer)], false);
        }
    } catch {
        /* The widget still works without the reader's earlier answer. */
    }
}

document.querySelectorAll("[data-poll]").forEach(setUp);
