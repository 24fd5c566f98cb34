from django.http import Http404
from django.test import SimpleTestCase

from articles.paging import listing_page

ROWS = list(range(25))


class ListingPageTests(SimpleTestCase):
    def test_a_page_holds_its_rows_and_knows_whether_more_follow(self):
        first = listing_page(ROWS, "1", per_page=10)
        self.assertEqual(first.object_list, list(range(10)))
        self.assertTrue(first.has_next)
        self.assertFalse(first.has_previous)
        last = listing_page(ROWS, "3", per_page=10)
        self.assertEqual(last.object_list, [20, 21, 22, 23, 24])
        self.assertFalse(last.has_next)
        self.assertEqual(last.previous_page_number(), 2)

    def test_a_full_last_page_has_no_next(self):
        self.assertFalse(listing_page(ROWS[:20], 2, per_page=10).has_next)

    def test_no_number_is_the_first_page(self):
        self.assertEqual(listing_page(ROWS, None, per_page=10).number, 1)

    def test_an_empty_listing_has_one_empty_page(self):
        page = listing_page([], None, per_page=10)
        self.assertEqual(page.object_list, [])
        self.assertFalse(page.has_other_pages())

    def test_bad_numbers_and_pages_past_the_end_are_not_found(self):
        for number in ["0", "-1", "two", "1.5", "4"]:
            with self.subTest(number=number), self.assertRaises(Http404):
                listing_page(ROWS, number, per_page=10)
