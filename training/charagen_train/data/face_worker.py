"""DiceBear faces drawn on request, for training on faces of any label combination (a mix of
one face's identity with another's expression is just another set of labels). One Node process
(`render.mjs --serve`) stays up and renders each face as the trainer asks for it: about 15 ms a
face at 256 px, a few percent of a training step, and no data set to store."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Iterable

import numpy as np

from .portrait_builder import (SCRIPT_DIR, PortraitRenderError, check_node, background_rgb, dicebear_options,
                               on_background)


class FaceWorker:
    """`render(labels)` -> uint8 [N, resolution, resolution, 3] on the data set's background, the
    same pixels `build-portraits` writes for those labels. Close it (or use `with`) to end Node."""

    def __init__(self, resolution: int, node: str = "node", script_dir: Path = SCRIPT_DIR):
        script_dir = Path(script_dir)
        check_node(node, script_dir)
        self.resolution = resolution
        self.background = background_rgb()
        try:
            self.process = subprocess.Popen([node, str(script_dir / "render.mjs"), "--serve"], cwd=script_dir,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as e:
            raise PortraitRenderError(f"cannot start {node!r}: {e}") from e

    def render(self, labels: Iterable[dict]) -> np.ndarray:
        size = self.resolution
        faces = [self._render_one(label, size) for label in labels]
        return np.stack(faces) if faces else np.zeros((0, size, size, 3), np.uint8)

    def _render_one(self, label: dict, size: int) -> np.ndarray:
        if self.process.poll() is not None:
            raise PortraitRenderError(f"the DiceBear worker has ended (exit {self.process.returncode})")
        job = {"style": label["style"], "options": dicebear_options(label), "size": size}
        want = size * size * 4
        try:
            self.process.stdin.write((json.dumps(job) + "\n").encode("utf-8"))
            self.process.stdin.flush()
            pixels = self.process.stdout.read(want)
        except OSError as e:
            raise PortraitRenderError(f"the DiceBear worker stopped answering ({e}): {self._stderr()}") from e
        if len(pixels) != want:
            raise PortraitRenderError(f"the DiceBear worker answered {len(pixels)} of {want} bytes for face "
                                      f"{label.get('index')}: {self._stderr()}")
        rgba = np.frombuffer(pixels, np.uint8).reshape(size, size, 4)
        return on_background(rgba, self.background)

    def _stderr(self) -> str:
        """What the worker said before it ended (it ends on a bad job: give it a moment)."""
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "(it is still running)"
        return self.process.stderr.read().decode("utf-8", "replace").strip()[-2000:]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            stream.close()

    def __enter__(self) -> "FaceWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
