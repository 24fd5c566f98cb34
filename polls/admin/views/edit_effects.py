"""The before-and-after comparison of a page's edits, as CSV or XLSX.

The columns are fixed (``COLUMNS``) so a spreadsheet built on one download
keeps working with the next. Text cells go through ``neutralise_formula``,
as in every other export here.
"""

import csv
import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views import View
from openpyxl import Workbook
from wagtail.models import Page

from polls.admin.views.access import ResultsPermissionMixin
from polls.admin.views.export import neutralise_formula
from polls.insight import edit_effects
from polls.models import PollSettings

COLUMNS = [
    "Edit",
    "Published at",
    "Before from",
    "Before to",
    "Before answers",
    "Before positive",
    "Before % helpful",
    "After from",
    "After to",
    "After answers",
    "After positive",
    "After % helpful",
    "Change (points)",
    "Change 95% CI low",
    "Change 95% CI high",
    "p-value",
    "Verdict",
]
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
}


def rounded(value, digits=1):
    return None if value is None else round(value, digits)


def comparison_row(comparison):
    before, after = comparison.before, comparison.after
    interval = comparison.change_interval or (None, None)
    published = timezone.localtime(comparison.published_at)
    row = [comparison.revision_id, published.strftime("%Y-%m-%d %H:%M")]
    for side in (before, after):
        if side is None:
            row += [None] * 5
        else:
            row += [
                side.window.start.isoformat(),
                side.window.end.isoformat(),
                side.responses,
                side.positive,
                rounded(side.percent),
            ]
    row += [
        rounded(comparison.change),
        rounded(interval[0]),
        rounded(interval[1]),
        None if comparison.p_value is None else float(f"{comparison.p_value:.4g}"),
        comparison.verdict_text,
    ]
    return [neutralise_formula(value) for value in row]


class EditEffectsExportView(ResultsPermissionMixin, View):
    """GET ?export=csv or ?export=xlsx: one row per published edit, newest first."""

    http_method_names = ["get"]

    def get(self, request, page_id):
        page = get_object_or_404(Page, pk=page_id)
        export = request.GET.get("export", "csv")
        if export not in FORMATS:
            return HttpResponse(
                "Choose export=csv or export=xlsx.",
                status=400,
                content_type="text/plain",
            )
        minimum = PollSettings.for_request(request).minimum_per_side
        rows = [
            comparison_row(c) for c in edit_effects.compare_edits(page, minimum=minimum)
        ]
        content_type, extension = FORMATS[export]
        body = to_csv(rows) if export == "csv" else to_xlsx(rows)
        response = HttpResponse(body, content_type=content_type)
        filename = f"before-and-after-{page.pk}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def to_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    return buffer.getvalue()


def to_xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Before and after"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
