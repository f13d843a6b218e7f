"""The one exception a checkpoint reader raises."""

from ..errors import CharagenError


class CheckpointError(CharagenError):
    """A checkpoint that cannot be read or used. The message names the file (and network) and the
    problem; `source` is that file (and network), for callers that want it on its own."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
