"""Spreadsheet exports that a spreadsheet program cannot run as formulas.

Wagtail's ``SpreadsheetExportMixin`` keeps XLSX cells that openpyxl would
take for a formula ("=...") as text, but writes CSV cells as they are, and a
reader's comment or a page title such as ``=HYPERLINK("http://evil", "x")``
would run when an editor opens the file. Following OWASP's advice on CSV
injection, any text starting with = + - @, a tab or a carriage return gets a
leading apostrophe, in both formats, so the two downloads always agree.
"""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """Mix in before ``ReportView`` or ``IndexView``, which export spreadsheets."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return neutralise_formula(value)
