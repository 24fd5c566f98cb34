"""``VoteData`` reads a vote exactly as ``VoteForm`` would, without a form."""

from django.http import QueryDict
from django.test import SimpleTestCase
from hypothesis import given
from hypothesis import strategies as st

from polls.voting.forms import VoteData, VoteForm

FIELDS = ("page", "poll", "choice", "anchor", "website")
# What a field may hold: absent, ids and near-ids, junk, lists.
VALUES = st.one_of(
    st.none(),
    st.sampled_from(["", " 7 ", "7.0", "7.5", "0", "-1", "2147483647", "2147483648"]),
    st.integers(min_value=-(2**40), max_value=2**40).map(str),
    st.text(max_size=12),
    st.sampled_from(["poll", "poll-12", "poll-", "javascript:alert(1)", "x" * 201]),
)


def form_data(values):
    data = QueryDict(mutable=True)
    for name, value in values.items():
        if value is not None:
            data[name] = value
    return data


def both(data):
    form, light = VoteForm(data), VoteData(data)
    return form, light, form.is_valid(), light.is_valid()


class VoteDataTests(SimpleTestCase):
    def test_a_valid_vote_is_cleaned_the_same(self):
        data = form_data({"page": "3", "poll": " 1 ", "choice": "2", "anchor": "poll"})
        form, light, form_ok, light_ok = both(data)
        self.assertTrue(form_ok)
        self.assertTrue(light_ok)
        self.assertEqual(light.cleaned_data["page"], 3)
        self.assertEqual(light.cleaned_data, form.cleaned_data)

    def test_errors_say_the_same_as_the_form(self):
        data = form_data({"page": "three", "poll": "1", "anchor": "javascript:x"})
        form, light, form_ok, light_ok = both(data)
        self.assertFalse(light_ok)
        self.assertEqual(
            light.first_error(),
            "The poll's form was sent with a bad page: Enter a whole number.",
        )
        self.assertEqual(light.first_error(), form.first_error())
        self.assertEqual(set(light.errors), set(form.errors))
        self.assertEqual(set(light.errors), {"page", "choice", "anchor"})

    def test_the_honeypot_is_seen(self):
        self.assertTrue(VoteData(form_data({"website": "spam"})).is_honeypot_filled)
        self.assertFalse(VoteData(form_data({})).is_honeypot_filled)

    @given(st.fixed_dictionaries({name: VALUES for name in FIELDS}))
    def test_agrees_with_the_form_on_any_input(self, values):
        form, light, form_ok, light_ok = both(form_data(values))
        self.assertEqual(light_ok, form_ok)
        self.assertEqual(light.first_error(), form.first_error())
        self.assertEqual(
            {name: list(errors) for name, errors in light.errors.items()},
            {name: list(errors) for name, errors in form.errors.items()},
        )
        if form_ok:
            self.assertEqual(light.cleaned_data, form.cleaned_data)
