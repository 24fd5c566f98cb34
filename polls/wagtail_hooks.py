from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from polls.admin import urls as admin_urls
from polls.admin.account import DigestSettingsPanel
from polls.admin.components import HelpfulnessDashboardPanel
from polls.admin.menu import ResultsMenuItem
from polls.admin.page_listing import annotate_helpfulness, helpfulness_listing_buttons
from polls.admin.permissions import VIEW_RESULTS
from polls.admin.views.comments import CommentViewSet
from polls.admin.views.snippets import PollViewSet, refuse_deleting_answered_polls

register_snippet(PollViewSet)


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return CommentViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("polls/", include(admin_urls, namespace="polls_admin"))]


@hooks.register("register_reports_menu_item")
def register_helpfulness_report_menu_item():
    return ResultsMenuItem(
        _("Article helpfulness"),
        reverse("polls_admin:helpfulness"),
        name="article-helpfulness",
        icon_name="help",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_attention_report_menu_item():
    return ResultsMenuItem(
        _("Needs attention"),
        reverse("polls_admin:attention"),
        name="needs-attention",
        icon_name="warning",
        order=1390,
    )


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="polls", codename=VIEW_RESULTS
    )


@hooks.register("construct_homepage_panels")
def register_helpfulness_dashboard_panel(request, panels):
    panels.append(HelpfulnessDashboardPanel())


hooks.register("register_account_settings_panel", DigestSettingsPanel)
hooks.register("before_delete_snippet", refuse_deleting_answered_polls)
hooks.register("construct_explorer_page_queryset", annotate_helpfulness)
hooks.register("register_page_listing_buttons", helpfulness_listing_buttons)


@hooks.register("insert_global_admin_css")
def register_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("polls/admin/polls.css")
    )
