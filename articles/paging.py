"""Pages of a listing, found without counting the listing.

Django's ``Paginator`` counts every row to say "page 3 of 2,000". At
100,000 articles that count is the slowest query of a listing page, and
readers do not need it: a page of articles needs only its own rows and
whether another page follows, which one extra row tells.
"""

from dataclasses import dataclass

from django.http import Http404


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing; the pagination template reads it like Django's."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self):
        return self.number > 1

    def has_other_pages(self):
        return self.has_previous or self.has_next

    def next_page_number(self):
        return self.number + 1

    def previous_page_number(self):
        return self.number - 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def listing_page(queryset, number, per_page):
    """Page ``number`` (a string from the query, 1 if missing) of ``queryset``.

    A number that is not a positive integer, or a page past the end, is a 404.
    """
    try:
        number = int(number or 1)
    except (TypeError, ValueError) as error:
        raise Http404("There is no such page of articles.") from error
    if number < 1:
        raise Http404("There is no such page of articles.")
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    if not rows and number > 1:
        raise Http404("There is no such page of articles.")
    return ListingPage(rows[:per_page], number, has_next=len(rows) > per_page)
