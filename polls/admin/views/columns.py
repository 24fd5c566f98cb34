"""Table columns that never show a percentage without its number of responses."""

from django.contrib.humanize.templatetags.humanize import intcomma, naturalday
from wagtail.admin.ui.tables import Column

from polls.insight.stats import whole_percent


class PercentColumn(Column):
    """ "80% of 10": the percentage in ``name``, the count in ``total_accessor``."""

    cell_template_name = "polls/admin/tables/percent_cell.html"

    def __init__(self, name, total_accessor="responses", **kwargs):
        super().__init__(name, **kwargs)
        self.total_accessor = total_accessor

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["raw_value"]
        context["percent"] = None if value is None else whole_percent(value)
        context["total"] = instance[self.total_accessor]
        context["total_display"] = intcomma(context["total"])  # as NumberColumn
        return context


class ScoreColumn(PercentColumn):
    """The Wilson lower bound as a percentage, or why a page is not ranked."""

    cell_template_name = "polls/admin/tables/score_cell.html"

    def __init__(self, name, minimum, **kwargs):
        super().__init__(name, **kwargs)
        self.minimum = minimum

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context["raw_value"] is not None:
            context["percent"] = whole_percent(100 * context["raw_value"])
        context["minimum"] = self.minimum
        return context


class DayColumn(Column):
    """A date (not a time): "today", "yesterday" or "25 Nov 2026"."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        if context["raw_value"]:
            context["value"] = naturalday(context["raw_value"], "j M Y")
        return context
