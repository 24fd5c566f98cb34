"""Reading what the site answers."""

HEADER = "Content-Security-Policy"


def directives(response):
    """The policy as {directive: [sources]}."""
    policy = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy
