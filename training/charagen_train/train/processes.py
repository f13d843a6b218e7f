"""`train --processes N`: the same command in N processes on this machine, joined in a gloo
process group over the loopback address (train/distributed.py reads the environment set here).
On a CPU this is how a run uses more than one core: PyTorch's own threads barely speed up the
small convolutions of these networks, while N processes that each draw 1/N of the batch and
average their gradients get through nearly N times the images."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import List

from ..errors import UsageError

PACKAGE_PARENT = Path(__file__).resolve().parents[2]  # the folder that holds charagen_train


def without_processes_flag(argv: List[str]) -> List[str]:
    """The command line less `--processes N` (or `--processes=N`), for the processes it starts."""
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--processes":
            skip = True
        elif not arg.startswith("--processes="):
            out.append(arg)
    return out


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_in_processes(argv: List[str], processes: int) -> int:
    """Runs `charagen-train argv` in `processes` processes and waits for all of them. SIGINT and
    SIGTERM are passed on (each process then stops after its step and the first writes the resume
    point); when one process fails, the others are stopped. Returns the first non-zero exit code."""
    if processes < 1:
        raise UsageError(f"--processes {processes}: at least 1")
    port = free_port()
    python_path = os.pathsep.join(filter(None, [str(PACKAGE_PARENT), os.environ.get("PYTHONPATH")]))
    children = []
    for rank in range(processes):
        env = dict(os.environ, RANK=str(rank), LOCAL_RANK=str(rank), WORLD_SIZE=str(processes),
                   MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), PYTHONPATH=python_path)
        # One core each: OpenBLAS would otherwise start a thread per core in every process.
        env.setdefault("OMP_NUM_THREADS", "1")
        env.setdefault("OPENBLAS_NUM_THREADS", "1")
        children.append(subprocess.Popen([sys.executable, "-m", "charagen_train", *argv], env=env))

    def pass_on(signum, frame):
        for child in children:
            if child.poll() is None:
                child.send_signal(signum)

    previous = {s: signal.signal(s, pass_on) for s in (signal.SIGINT, signal.SIGTERM)}
    kill_at = None
    try:
        while any(child.poll() is None for child in children):
            if kill_at is None and any(child.returncode not in (None, 0) for child in children):
                pass_on(signal.SIGTERM, None)
                kill_at = time.time() + 30  # a process waiting on the failed one may not get past its step
            if kill_at is not None and time.time() > kill_at:
                for child in children:
                    if child.poll() is None:
                        child.kill()
            time.sleep(0.5)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return next((child.returncode for child in children if child.returncode != 0), 0)
