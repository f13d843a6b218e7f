"""Where real images come from during training: a built data set held in memory, or LPC walk
sheets composed on the fly (unlimited distinct samples). Both hand out [N, 3, H, W] float
batches in [-1, 1] at the training resolution."""

import itertools
from pathlib import Path
from typing import Optional

import numpy as np
import torch
import torch.nn.functional as F

from ..errors import CharagenError, UsageError

LPC_PREFIX = "lpc:"


class InMemorySource:
    """A data set folder (see data/dataset_files.py) read once; samples drawn at random, seeded."""

    def __init__(self, folder: Path, seed: int, rank: int, start: int = 0):
        from ..data.dataset_files import read_dataset
        self.meta, images, _ = read_dataset(Path(folder))
        if images.ndim != 4 or images.shape[3] != 3 or images.shape[1] != images.shape[2]:
            raise CharagenError(f"{folder}: expected square RGB images, got an array of shape {images.shape}")
        self.images = torch.from_numpy(images)  # uint8 [N, H, W, 3]
        self.resolution = images.shape[1]
        # A resumed run (start = images seen so far) draws a different sequence from the first call.
        self.generator = torch.Generator().manual_seed(seed * 1000 + rank + start * 7919)
        self.description = str(folder)

    def next_uint8(self, n: int) -> torch.Tensor:
        index = torch.randint(len(self.images), (n,), generator=self.generator)
        return self.images[index].permute(0, 3, 1, 2)

    def close(self):
        pass


class _SpriteSheets(torch.utils.data.IterableDataset):
    """Sheets number start + k * streams + stream for k = 0, 1, ...: disjoint across processes
    and loader workers, and the same for the same seed."""

    def __init__(self, lpc_root: str, seed: int, start: int, stream: int, streams: int):
        self.lpc_root, self.seed, self.start, self.stream, self.streams = lpc_root, seed, start, stream, streams

    def __iter__(self):
        from ..data.sprite_stream import SpriteStream
        info = torch.utils.data.get_worker_info()
        workers, worker = (info.num_workers, info.id) if info else (1, 0)
        composer = SpriteStream(self.lpc_root, self.seed)
        streams = self.streams * workers
        stream = self.stream * workers + worker
        for k in itertools.count():
            sheet, _ = composer.sample(self.start + k * streams + stream)
            yield torch.from_numpy(np.ascontiguousarray(sheet)).permute(2, 0, 1)


class SpriteStreamSource:
    def __init__(self, lpc_root: Path, seed: int, rank: int, world: int, batch: int, workers: int, start: int = 0):
        from ..data.sprite_stream import SpriteStream
        if not Path(lpc_root).is_dir():
            raise CharagenError(f"{lpc_root}: no LPC layer folder there")
        probe = SpriteStream(str(lpc_root), seed)
        self.meta = probe.dataset_meta()
        self.resolution = self.meta["resolution"]
        dataset = _SpriteSheets(str(lpc_root), seed, start, rank, world)
        self.loader = torch.utils.data.DataLoader(dataset, batch_size=batch, num_workers=workers,
                                                  pin_memory=torch.cuda.is_available(),
                                                  persistent_workers=workers > 0)
        self.batches = iter(self.loader)
        self.description = LPC_PREFIX + str(lpc_root)

    def next_uint8(self, n: int) -> torch.Tensor:
        batch = next(self.batches)
        if batch.shape[0] != n:
            raise CharagenError(f"sprite loader gave {batch.shape[0]} sheets, expected {n}")
        return batch

    def close(self):
        self.batches = None


class NoiseSource:
    """Random images (`noise:RES`), for measuring training speed without a data set."""

    def __init__(self, resolution: int, seed: int, rank: int):
        self.resolution = resolution
        self.meta = {"kind": None, "resolution": resolution, "layout": None}
        self.generator = torch.Generator().manual_seed(seed * 1000 + rank)
        self.description = f"noise:{resolution}"

    def next_uint8(self, n: int) -> torch.Tensor:
        return torch.randint(0, 256, (n, 3, self.resolution, self.resolution), dtype=torch.uint8,
                             generator=self.generator)

    def close(self):
        pass


def open_source(spec: str, seed: int, rank: int, world: int, batch_per_process: int, workers: int,
                start: int = 0):
    """`lpc:PATH` composes walk sheets from LPC layers, `noise:RES` makes random images (for
    benchmarks); anything else is a built data set folder."""
    if spec.startswith("noise:"):
        try:
            return NoiseSource(int(spec[len("noise:"):]), seed, rank)
        except ValueError:
            raise UsageError(f"--data {spec}: expected noise:RESOLUTION") from None
    if spec.startswith(LPC_PREFIX):
        return SpriteStreamSource(Path(spec[len(LPC_PREFIX):]), seed, rank, world, batch_per_process, workers, start)
    folder = Path(spec)
    if not folder.is_dir():
        raise UsageError(f"--data {spec}: not a data set folder (or lpc:PATH for LPC layers)")
    return InMemorySource(folder, seed, rank, start)


def to_training_images(batch_uint8: torch.Tensor, resolution: int, device: torch.device,
                       source_resolution: int) -> torch.Tensor:
    """uint8 [N, 3, S, S] -> float [-1, 1] [N, 3, R, R], box-downsampled by S / R (an integer:
    check_resolution made sure of it when the run started)."""
    x = batch_uint8.to(device, non_blocking=True).float() / 127.5 - 1
    if source_resolution != resolution:
        x = F.avg_pool2d(x, source_resolution // resolution)
    return x


def check_resolution(source_resolution: int, resolution: int, description: Optional[str]) -> None:
    if source_resolution < resolution or source_resolution % resolution:
        raise UsageError(f"--data {description}: images are {source_resolution}px; the model is {resolution}px "
                         "(the data must be the same size or an integer multiple)")
