"""Where the settings come from: the project's folder and the environment."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default):
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes")


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_rate(name, default):
    """A rate limit such as "10/60" (ten requests per 60 seconds) from the env."""
    count, seconds = os.environ.get(name, default).split("/")
    return int(count), int(seconds)
