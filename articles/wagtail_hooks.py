from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.snippets.models import register_snippet

from articles import admin_urls
from articles.content_checks import with_article_checks
from articles.governance import govern_article_sections
from articles.models import ArticleIndexPage
from articles.page_creation import follow_created_page, record_created_page
from articles.views.reports import ReviewsDueMenuItem
from articles.views.snippets import ContributorViewSet, TopicViewSet

register_snippet(ContributorViewSet)
register_snippet(TopicViewSet)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("articles/", include(admin_urls, namespace="articles_admin"))]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return ReviewsDueMenuItem(
        "Reviews due", reverse("articles_admin:reviews_due"), icon_name="time", order=50
    )


@hooks.register("register_permissions")
def register_reviews_due_permission():
    return Permission.objects.filter(
        content_type__app_label="articles", codename="view_reviews_due"
    )


@hooks.register("before_create_page")
def register_follow_created_page(request, parent_page, page_class):
    return follow_created_page(request, parent_page, page_class)


@hooks.register("after_create_page")
def register_created_page(request, page):
    record_created_page(request, page)


@hooks.register("after_create_page")
def register_section_governance(request, page):
    """A new articles section gets the editorial groups and clinical review."""
    if isinstance(page.specific, ArticleIndexPage):
        govern_article_sections(apps, [page])


@hooks.register("construct_wagtail_userbar")
def register_article_content_checks(request, items, page):
    with_article_checks(items)


@hooks.register("construct_page_action_menu")
def register_workflow_actions_first(menu_items, request, context):
    """A reviewer's own actions (Approve first) come right after the main
    button, above Unpublish, Publish and the rest that Wagtail lists first."""
    workflow = [item for item in menu_items if isinstance(item, WorkflowMenuItem)]
    if not workflow:
        return
    others = [item for item in menu_items if not isinstance(item, WorkflowMenuItem)]
    workflow.sort(key=lambda item: item.name != "approve")
    menu_items[:] = others[:1] + workflow + others[1:]
