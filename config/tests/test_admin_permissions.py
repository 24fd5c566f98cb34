"""Who gets in: every admin URL the project adds, for every kind of user.

One table, read across: a row is a URL (and method), a column a role, a
cell what that role gets. A test also fails if the project adds an admin
URL the table does not list, so a new view cannot ship unguarded.

- ``login``: redirected to the admin's sign-in page (Wagtail's answer to
  anonymous users and to users without "Can access Wagtail admin");
- ``home``: redirected to the dashboard with "Sorry, you do not have
  permission" (Wagtail's answer to a missing model permission);
- ``403``: a real 403 page (the reports, polls' and the site's own: a
  download link or a script must not get a page that looks like success);
- ``ok``: 200; ``done``: the POST did its work and redirected back.

The home page is Wagtail's page editor, not a URL of ours, so its rows
(``HOME_ACTIONS``) say what each button does for each role.
"""
# ruff: noqa: E501 (the tables below are wider than code, to read across)

from django.contrib.auth.models import Group
from django.db import transaction
from django.test import TestCase
from django.urls import URLResolver, get_resolver, reverse
from wagtail.test.utils import WagtailTestUtils

from articles.models import Contributor, Topic
from polls.testing import (
    choice,
    comment_on,
    default_poll,
    make_poll,
    make_user,
    vote,
)
from testing.pages import home_form_data, make_article, make_index, site_root

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
ROLES = [
    "anonymous",
    "no admin access",
    "admin access only",
    "editor without results",
    "editor",
    "moderator",
    "superuser",
]
# The namespaces of every admin URL the project adds.
PROJECT_NAMESPACES = {
    "polls_admin",
    "polls_comments",
    "articles_admin",
    "wagtailsnippets_polls_poll",
    "wagtailsnippetchoosers_polls_poll",
    "wagtailsnippets_articles_contributor",
    "wagtailsnippetchoosers_articles_contributor",
    "wagtailsnippets_articles_topic",
    "wagtailsnippetchoosers_articles_topic",
}
L, H, F, OK, DONE = "login", "home", "403", "ok", "done"

# fmt: off
# Outcomes in ROLES order: anonymous, no admin access, admin access only,
# editor without results, editor, moderator, superuser.
RESULTS =    (L, L, F, F, OK,   OK,   OK)    # polls.view_results
TRIAGE =     (L, L, F, F, DONE, DONE, DONE)  # polls.change_response too
REVIEWS =    (L, L, F, OK, OK,  OK,   OK)    # articles.view_reviews_due
POLLS =      (L, L, H, OK, OK,  OK,   OK)    # Editors manage polls
VIEW =       (L, L, H, OK, OK,  OK,   OK)    # Editors view contributors, topics
MANAGE =     (L, L, H, H,  H,   OK,   OK)    # Moderators add and change them
DELETE =     (L, L, H, H,  H,   H,    OK)    # nobody deletes them but a superuser
# Choosers list what readers see on every article anyway (names, topics,
# questions), so any admin user may use them, as Wagtail's default policy has it.
CHOOSE =     (L, L, OK, OK, OK, OK,   OK)
EDIT_HOME =  (L, L, H,  H,  OK, OK,   OK)    # Editors and Moderators edit the home page
# Nobody but a superuser adds pages under the home page or deletes it.
ADD_HOME =   (L, L, H,  H,  H,  H,    OK)
# After approving a review: on to the dashboard, with a message if it was theirs.
TO_HOME =    (L, L, H,  H,  H,  H,    H)

# (method, URL name, the object it is about, query string, outcomes)
MATRIX = [
    ("GET",  "polls_admin:helpfulness",            None,      "",            RESULTS),
    ("GET",  "polls_admin:helpfulness",            None,      "export=csv",  RESULTS),
    ("GET",  "polls_admin:helpfulness",            None,      "export=xlsx", RESULTS),
    ("GET",  "polls_admin:helpfulness_results",    None,      "",            RESULTS),
    ("GET",  "polls_admin:page_helpfulness",       "page",    "",            RESULTS),
    ("GET",  "polls_admin:edit_effects_export",    "page",    "export=csv",  RESULTS),
    ("GET",  "polls_admin:edit_effects_export",    "page",    "export=xlsx", RESULTS),
    ("GET",  "polls_admin:attention",              None,      "",            RESULTS),
    ("GET",  "polls_comments:index",               None,      "",            RESULTS),
    ("GET",  "polls_comments:index",               None,      "export=csv",  RESULTS),
    ("GET",  "polls_comments:index",               None,      "export=xlsx", RESULTS),
    ("GET",  "polls_comments:index_results",       None,      "",            RESULTS),
    ("GET",  "polls_comments:edit",                "comment", "",            RESULTS),
    ("POST", "polls_comments:triage",              "comment", "",            TRIAGE),
    ("GET",  "articles_admin:reviews_due",         None,      "",            REVIEWS),
    ("GET",  "articles_admin:reviews_due",         None,      "export=csv",  REVIEWS),
    ("GET",  "articles_admin:reviews_due",         None,      "export=xlsx", REVIEWS),
    ("GET",  "articles_admin:reviews_due_results", None,      "",            REVIEWS),
    ("GET",  "articles_admin:review_approved",     "page",    "",            TO_HOME),

    # The home page in Wagtail's page editor
    ("GET",  "wagtailadmin_pages:edit",            "home",    "",            EDIT_HOME),
    ("GET",  "wagtailadmin_pages:add_subpage",     "home",    "",            ADD_HOME),
    ("GET",  "wagtailadmin_pages:delete",          "home",    "",            ADD_HOME),

    # Snippets and their choosers
    ("GET", "wagtailsnippets_polls_poll:list",                             None,          "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:list_results",                     None,          "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:add",                              None,          "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:edit",                             "poll",        "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:copy",                             "poll",        "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:delete",                           "poll",        "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:history",                          "poll",        "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:history_results",                  "poll",        "",                 POLLS),
    ("GET", "wagtailsnippets_polls_poll:usage",                            "poll",        "",                 POLLS),
    ("GET", "wagtailsnippetchoosers_polls_poll:choose",                    None,          "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_polls_poll:choose_results",            None,          "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_polls_poll:chosen",                    "poll",        "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_polls_poll:chosen_multiple",           None,          "id={poll}",        CHOOSE),
    ("GET", "wagtailsnippetchoosers_polls_poll:create",                    None,          "",                 POLLS),
    ("GET", "wagtailsnippets_articles_contributor:list",                   None,          "",                 VIEW),
    ("GET", "wagtailsnippets_articles_contributor:list_results",           None,          "",                 VIEW),
    ("GET", "wagtailsnippets_articles_contributor:add",                    None,          "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_contributor:edit",                   "contributor", "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_contributor:copy",                   "contributor", "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_contributor:delete",                 "contributor", "",                 DELETE),
    ("GET", "wagtailsnippets_articles_contributor:history",                "contributor", "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_contributor:history_results",        "contributor", "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_contributor:usage",                  "contributor", "",                 MANAGE),
    ("GET", "wagtailsnippetchoosers_articles_contributor:choose",          None,          "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_contributor:choose_results",  None,          "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_contributor:chosen",          "contributor", "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_contributor:chosen_multiple", None,          "id={contributor}", CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_contributor:create",          None,          "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_topic:list",                         None,          "",                 VIEW),
    ("GET", "wagtailsnippets_articles_topic:list_results",                 None,          "",                 VIEW),
    ("GET", "wagtailsnippets_articles_topic:add",                          None,          "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_topic:edit",                         "topic",       "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_topic:copy",                         "topic",       "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_topic:delete",                       "topic",       "",                 DELETE),
    ("GET", "wagtailsnippets_articles_topic:history",                      "topic",       "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_topic:history_results",              "topic",       "",                 MANAGE),
    ("GET", "wagtailsnippets_articles_topic:usage",                        "topic",       "",                 MANAGE),
    ("GET", "wagtailsnippetchoosers_articles_topic:choose",                None,          "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_topic:choose_results",        None,          "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_topic:chosen",                "topic",       "",                 CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_topic:chosen_multiple",       None,          "id={topic}",       CHOOSE),
    ("GET", "wagtailsnippetchoosers_articles_topic:create",                None,          "",                 MANAGE),
]

# What each button of the home page's editor does, for each role: the change
# goes live, waits in the "Editorial review" for a Moderator, or stays a draft.
HOME_ACTIONS = {
    "publish": (L, L, H, H, "draft",     "live",      "live"),
    "submit":  (L, L, H, H, "in review", "in review", "in review"),
}

# What the dashboard (/admin/) shows each role that may open it.
DASHBOARD = {
    #                                 access only, no results, editor, moderator, super
    'id="polls-helpfulness-section"': (False,      False,      True,   True,      True),
    '"article-helpfulness"':          (False,      False,      True,   True,      True),
    '"reader-comments"':              (False,      False,      True,   True,      True),
    '"reviews-due"':                  (False,      True,       True,   True,      True),
    '"polls"':                        (False,      True,       True,   True,      True),
    '"contributors"':                 (False,      True,       True,   True,      True),
    '"topics"':                       (False,      True,       True,   True,      True),
}
# fmt: on


def role_users():
    """One user per role (None for anonymous)."""
    editors = Group.objects.get(name="Editors")
    without_results = Group.objects.create(name="Editors without results")
    without_results.permissions.set(
        editors.permissions.exclude(
            content_type__app_label="polls", codename="view_results"
        )
    )
    return {
        "anonymous": None,
        "no admin access": make_user("visitor"),
        "admin access only": make_user(
            "writer", permissions=["wagtailadmin.access_admin"]
        ),
        "editor without results": make_user("junior", groups=[without_results.name]),
        "editor": make_user("editor", groups=["Editors"]),
        "moderator": make_user("moderator", groups=["Moderators"]),
        "superuser": make_user("admin", superuser=True),
    }


class AdminPermissionMatrixTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        poll = default_poll()
        index = make_index()
        article = make_article(index, title="Numb legs")
        vote(article, choice(poll, "Yes"), 3)
        cls.objects = {
            "page": article,
            "comment": comment_on(article, "Out of date"),
            "poll": make_poll("An unanswered poll"),
            "contributor": Contributor.objects.create(name="Dr Rowan Ash"),
            "topic": Topic.objects.create(name="Running", slug="running"),
            "home": site_root(),
        }
        cls.users = role_users()

    def url(self, name, obj, query):
        """The URL of a row; "{poll}" in the query stands for the poll's id."""
        args = [self.objects[obj].pk] if obj else []
        query = query.format(**{key: o.pk for key, o in self.objects.items()})
        return reverse(name, args=args) + (f"?{query}" if query else "")

    def outcome(self, response):
        if response.status_code != 302:
            return {200: OK, 403: F}.get(
                response.status_code, str(response.status_code)
            )
        location = response["Location"]
        if location.startswith(LOGIN):
            return L
        return H if location == HOME else DONE

    def test_each_role_gets_what_the_table_says(self):
        for role, user in self.users.items():
            self.client.logout()
            if user is not None:
                self.client.force_login(user)
            for method, name, obj, query, outcomes in MATRIX:
                expected = outcomes[ROLES.index(role)]
                with self.subTest(role=role, url=name, query=query):
                    url = self.url(name, obj, query)
                    if method == "POST":
                        response = self.client.post(url, {"status": "reviewed"})
                    else:
                        response = self.client.get(url)
                    self.assertEqual(self.outcome(response), expected)
                    if expected in (L, H, F):
                        self.assertNotIn("Content-Disposition", response)

    def test_each_role_changes_the_home_page_as_the_table_says(self):
        home = self.objects["home"]
        url = reverse("wagtailadmin_pages:edit", args=[home.pk])
        for role, user in self.users.items():
            for action, outcomes in HOME_ACTIONS.items():
                with self.subTest(role=role, action=action), transaction.atomic():
                    self.client.logout()
                    if user is not None:
                        self.client.force_login(user)
                    text = f"Welcome from {role}, {action}."
                    data = home_form_data(home, text)
                    data[f"action-{action}"] = action
                    response = self.client.post(url, data)
                    outcome = self.home_outcome(response, home, text)
                    self.assertEqual(outcome, outcomes[ROLES.index(role)])
                    transaction.set_rollback(True)

    def home_outcome(self, response, home, text):
        """Where the POST left the home page, or how it was refused."""
        if self.outcome(response) != DONE:
            return self.outcome(response)
        home = type(home).objects.get(pk=home.pk)
        if text in home.introduction:
            return "live"
        if text not in home.get_latest_revision_as_object().introduction:
            return "unchanged"
        return "in review" if home.workflow_in_progress else "draft"

    def test_the_dashboard_shows_each_role_its_panel_and_menu_items(self):
        for role in ROLES[2:]:
            self.client.force_login(self.users[role])
            html = self.client.get(HOME).content.decode()
            for marker, shown in DASHBOARD.items():
                with self.subTest(role=role, marker=marker):
                    self.assertEqual(marker in html, shown[ROLES.index(role) - 2])

    def test_the_table_lists_every_admin_url_the_project_adds(self):
        listed = {name for _, name, *_ in MATRIX}
        self.assertEqual(project_admin_url_names() - listed, set())


def project_admin_url_names(resolver=None, namespace=""):
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            names |= project_admin_url_names(pattern, inner)
        elif namespace in PROJECT_NAMESPACES:
            names.add(f"{namespace}:{pattern.name}")
    return names
