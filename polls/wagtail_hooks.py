from wagtail.snippets.models import register_snippet

from polls.models import Poll

register_snippet(Poll)
