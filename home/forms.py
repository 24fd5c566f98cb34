"""The home page's edit form: featured-article rows left empty are dropped.

An editor who adds a "Featured article" row and chooses nothing should not
see autosave pause or Submit fail on it: such a row is deleted as if its
delete button had been pressed. A chosen article must be published, since
the home page only shows live ones (the chooser offers nothing else).
"""

from django.forms.formsets import DELETION_FIELD_NAME

from articles.page_forms import SitePageForm

FEATURED = "featured_articles"


class HomePageForm(SitePageForm):
    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = _without_empty_rows(data, FEATURED, "article")
        super().__init__(data, *args, **kwargs)

    def is_valid(self):
        # After the formsets are cleaned: clean() runs before them.
        valid = super().is_valid()
        return self._featured_are_live() and valid

    def _featured_are_live(self):
        live = True
        for form in self.formsets[FEATURED].forms:
            cleaned = getattr(form, "cleaned_data", {})
            article = cleaned.get("article")
            if cleaned.get(DELETION_FIELD_NAME) or article is None or article.live:
                continue
            form.add_error(
                "article",
                f"“{article.title}” is not published; choose a published article.",
            )
            live = False
        return live


def _without_empty_rows(data, prefix, field):
    """``data`` with every ``prefix`` row whose ``field`` is empty marked deleted."""
    data = data.copy()
    try:
        rows = int(data.get(f"{prefix}-TOTAL_FORMS", 0))
    except ValueError:
        return data  # the formset reports the broken management form itself
    for row in range(rows):
        if not data.get(f"{prefix}-{row}-{field}", "").strip():
            data[f"{prefix}-{row}-{DELETION_FIELD_NAME}"] = "1"
    return data
