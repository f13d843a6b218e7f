"""Errors the command line turns into exit codes: 1 for a failure, 2 for bad usage."""


class CharagenError(Exception):
    """Something went wrong that the user can act on; the message names the file or argument."""


class UsageError(CharagenError):
    """The command line itself was wrong (exit code 2)."""
