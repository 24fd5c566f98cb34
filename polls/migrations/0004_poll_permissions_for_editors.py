from django.db import migrations


class Migration(migrations.Migration):
    """Once granted the poll snippets' permissions to the site's groups.

    polls knows no groups: a site grants polls' permissions to its own
    (this site: ``articles.0006``). Kept, doing nothing, because deployed
    databases have applied it.
    """

    dependencies = [("polls", "0003_results_permission_for_editors")]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)
    ]
