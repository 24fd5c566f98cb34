"""Who may do what to pages: the editorial groups and their review workflows.

Editors write articles and submit them; Moderators (the clinicians) approve
them in the "Clinical review" workflow task, which records the medical
review (``articles.models.ClinicalReviewTask``) and publishes them. Both groups
get page permissions on the articles sections and on the home page, not on
the whole tree. The home page (its introduction and featured articles) has no
clinical content: Editors edit it and submit it to the lighter "Editorial
review", one approval by any Moderator; Moderators may also publish it
directly. Neither may add or delete pages there.

Both groups also read the polls' reports, triage reader comments and manage
the polls (``grant_poll_permissions``, migration ``articles.0006``): polls is
reusable and knows no groups, so the site grants its permissions here.

Every function takes an app registry, so the same code runs from migrations
(``articles.0003``, ``articles.0006``) with historical models, and at run time
(``load_demo``, the ``after_create_page`` hook) with ``django.apps.apps``.
Everything is get-or-create: running it again changes nothing.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
REVIEW_WORKFLOW = "Clinical review"
REVIEW_TASK = "Clinical review"
FRONT_WORKFLOW = "Editorial review"
FRONT_TASK = "Moderator approval"
REVIEW_TASK_MODEL = ("articles", "clinicalreviewtask")
APPROVAL_TASK_MODEL = ("wagtailcore", "groupapprovaltask")

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODERATOR_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "unlock_page"]
# On the home page: edit (and submit), publish; no new sections, no deletions.
EDITOR_FRONT_PERMISSIONS = ["change_page", "lock_page"]
MODERATOR_FRONT_PERMISSIONS = [*EDITOR_FRONT_PERMISSIONS, "publish_page", "unlock_page"]

# (app label, model, codename, name) for permissions on models.
ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
EDITOR_MODEL_PERMISSIONS = [
    ADMIN_ACCESS,
    ("articles", "contributor", "view_contributor", "Can view contributor"),
    ("articles", "topic", "view_topic", "Can view topic"),
    ("articles", "articlepage", "view_reviews_due", "Can view the reviews-due report"),
]
MODERATOR_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    ("articles", "contributor", "add_contributor", "Can add contributor"),
    ("articles", "contributor", "change_contributor", "Can change contributor"),
    ("articles", "topic", "add_topic", "Can add topic"),
    ("articles", "topic", "change_topic", "Can change topic"),
    # Promoted search results change what readers see first.
    (
        "wagtailsearchpromotions",
        "searchpromotion",
        "add_searchpromotion",
        "Can add search promotion",
    ),
    (
        "wagtailsearchpromotions",
        "searchpromotion",
        "change_searchpromotion",
        "Can change search promotion",
    ),
    (
        "wagtailsearchpromotions",
        "searchpromotion",
        "delete_searchpromotion",
        "Can delete search promotion",
    ),
]
# The polls app's permissions, the same for both groups: read the reports,
# triage reader comments (responses), and manage the polls (snippets).
POLL_PERMISSIONS = [
    ("polls", "response", "view_results", "Can view poll results and reports"),
    ("polls", "response", "view_response", "Can view response"),
    ("polls", "response", "change_response", "Can change response"),
    ("polls", "poll", "add_poll", "Can add poll"),
    ("polls", "poll", "change_poll", "Can change poll"),
    ("polls", "poll", "delete_poll", "Can delete poll"),
    ("polls", "poll", "view_poll", "Can view poll"),
]
# Wagtail's first migration lets both groups delete any image or document;
# deleting shared media is an administrator's job.
REVOKED_MODEL_PERMISSIONS = ["delete_image", "delete_document"]


def set_up_editorial_groups(apps):
    """Create both groups with their model permissions, and narrow Wagtail's defaults.

    Wagtail's initial data gives both groups page permissions on the tree's
    root (every page, the home page included); those are removed in favour of
    permissions on each articles section (``govern_article_sections``).
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name, model_permissions in [
        (EDITORS, EDITOR_MODEL_PERMISSIONS),
        (MODERATORS, MODERATOR_MODEL_PERMISSIONS),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, *spec) for spec in model_permissions))
        group.permissions.remove(
            *group.permissions.filter(codename__in=REVOKED_MODEL_PERMISSIONS)
        )
        GroupPagePermission.objects.filter(group=group, page__depth=1).delete()


def grant_poll_permissions(apps):
    """Give both groups the polls app's permissions (``POLL_PERMISSIONS``)."""
    Group = apps.get_model("auth", "Group")
    permissions = [_permission(apps, *spec) for spec in POLL_PERMISSIONS]
    for name in (EDITORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def govern_article_sections(apps, sections=None):
    """Give both groups their page permissions on each articles section, and
    put the section under the clinical review workflow (unless it already has
    a workflow of its own)."""
    if sections is None:
        sections = apps.get_model("articles", "ArticleIndexPage").objects.all()
    _govern(
        apps,
        sections,
        EDITOR_PAGE_PERMISSIONS,
        MODERATOR_PAGE_PERMISSIONS,
        (REVIEW_WORKFLOW, REVIEW_TASK, _review_task_model(apps)),
    )


def govern_front_pages(apps, pages):
    """Let Editors edit ``pages`` (the home page) and submit them to the
    editorial review, and Moderators publish them.

    Permissions on a page reach the pages below it; the articles sections
    keep their own workflow, the clinical review.
    """
    _govern(
        apps,
        pages,
        EDITOR_FRONT_PERMISSIONS,
        MODERATOR_FRONT_PERMISSIONS,
        (FRONT_WORKFLOW, FRONT_TASK, APPROVAL_TASK_MODEL),
    )


def _govern(apps, pages, editor_codenames, moderator_codenames, workflow_names):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    workflow = _approval_workflow(apps, moderators, *workflow_names)
    page_permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        )
    }
    for page in pages:
        for group, codenames in [
            (editors, editor_codenames),
            (moderators, moderator_codenames),
        ]:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page_id=page.pk,
                    permission=page_permissions[codename],
                )
        WorkflowPage.objects.get_or_create(
            page_id=page.pk, defaults={"workflow": workflow}
        )


def _review_task_model(apps):
    """The Clinical review's task type: ``ClinicalReviewTask``, except in the
    migrations before it exists (``articles.0003``), which create Wagtail's
    group approval; migration ``articles.0009`` then switches it."""
    try:
        apps.get_model(*REVIEW_TASK_MODEL)
    except LookupError:
        return APPROVAL_TASK_MODEL
    return REVIEW_TASK_MODEL


def _approval_workflow(apps, moderators, workflow_name, task_name, task_model):
    """A workflow of one task: approval by any Moderator.

    A workflow that has tasks already is left as it is: changing them is the
    job of a migration (or of an administrator, under Settings → Workflows).
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _ = Workflow.objects.get_or_create(
        name=workflow_name, defaults={"active": True}
    )
    if WorkflowTask.objects.filter(workflow=workflow).exists():
        return workflow
    task_type, _ = ContentType.objects.get_or_create(
        app_label=task_model[0], model=task_model[1]
    )
    task = apps.get_model(*task_model).objects.create(
        name=task_name, content_type=task_type, active=True
    )
    task.groups.add(moderators)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def use_review_task(apps):
    """Switch the Clinical review workflow's group approval to a
    ``ClinicalReviewTask`` of the same name and groups (migration
    ``articles.0009``).

    The old task's states (articles waiting in it, sent back from it, or
    approved by it) move to the new one, which has its name, so the pages'
    history reads as before; the old task then goes. Running it again
    changes nothing.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ClinicalReviewTask = apps.get_model(*REVIEW_TASK_MODEL)
    approval_type, _ = ContentType.objects.get_or_create(
        app_label=APPROVAL_TASK_MODEL[0], model=APPROVAL_TASK_MODEL[1]
    )
    review_type, _ = ContentType.objects.get_or_create(
        app_label=REVIEW_TASK_MODEL[0], model=REVIEW_TASK_MODEL[1]
    )
    links = WorkflowTask.objects.filter(
        workflow__name=REVIEW_WORKFLOW, task__content_type=approval_type
    )
    for link in links:
        old = apps.get_model(*APPROVAL_TASK_MODEL).objects.get(pk=link.task_id)
        new = ClinicalReviewTask.objects.create(
            name=old.name, content_type=review_type, active=True
        )
        new.groups.set(old.groups.all())
        TaskState.objects.filter(task_id=old.pk).update(task_id=new.pk)
        link.task_id = new.pk
        link.save()
        old.delete()


def _permission(apps, app_label, model, codename, name):
    """The permission, created if Django's post-migrate step has not made it yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model=model
    )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission
