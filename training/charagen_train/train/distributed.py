"""Multi-GPU training through torchrun: one process per device, gradients averaged by
DistributedDataParallel. A plain `charagen-train train` is a world of one and wraps nothing."""

import dataclasses
import datetime
import os

import torch
import torch.distributed as dist

from ..errors import CharagenError
from ..models import device_for


@dataclasses.dataclass
class World:
    rank: int
    size: int
    device: torch.device

    @property
    def main(self) -> bool:
        return self.rank == 0

    def wrap(self, module: torch.nn.Module) -> torch.nn.Module:
        if self.size == 1:
            return module
        ids = [self.device.index] if self.device.type == "cuda" else None
        return torch.nn.parallel.DistributedDataParallel(module, device_ids=ids, broadcast_buffers=False)

    def mean(self, value: torch.Tensor) -> torch.Tensor:
        """The mean of a scalar over all processes (for progress lines)."""
        if self.size == 1:
            return value
        value = value.detach().clone().float().to(self.device)
        dist.all_reduce(value)
        return value / self.size

    def sum(self, value: float) -> float:
        """The sum of a number over all processes (CPU seconds, for the CPU-hours of a run)."""
        if self.size == 1:
            return value
        total = torch.tensor([float(value)], dtype=torch.float64, device=self.device)
        dist.all_reduce(total)
        return float(total.item())

    def any(self, wish: bool) -> bool:
        """True in every process when one of them wishes it (to stop: clocks and signals differ
        between processes, and a lone stopper would leave the others waiting)."""
        if self.size == 1:
            return wish
        return self.sum(1.0 if wish else 0.0) > 0

    def average_(self, tensors) -> None:
        """Replaces each tensor by its mean over all processes, in one all-reduce."""
        tensors = list(tensors)
        if self.size == 1 or not tensors:
            return
        flat = torch.cat([t.reshape(-1) for t in tensors])
        dist.all_reduce(flat)
        flat /= self.size
        offset = 0
        for t in tensors:
            t.copy_(flat[offset:offset + t.numel()].view_as(t))
            offset += t.numel()

    def average_gradients(self, parameters) -> None:
        """Averages the gradients of these parameters over all processes, for training without a
        DistributedDataParallel wrapper. A parameter without a gradient in one process counts as
        zero there (and one without a gradient anywhere keeps none), so that every process takes
        the same optimiser step."""
        if self.size == 1:
            return
        parameters = [p for p in parameters if p.requires_grad]
        has_grad = torch.tensor([float(p.grad is not None) for p in parameters], device=self.device)
        dist.all_reduce(has_grad)
        parameters = [p for p, n in zip(parameters, has_grad.tolist()) if n > 0]
        for p in parameters:
            if p.grad is None:
                p.grad = torch.zeros_like(p)
        self.average_([p.grad for p in parameters])

    def check_same(self, value: float, what: str) -> None:
        """Raises unless every process holds the same value (a checksum of its networks)."""
        if self.size == 1:
            return
        t = torch.tensor([value, -value], dtype=torch.float64, device=self.device)
        dist.all_reduce(t, op=dist.ReduceOp.MAX)
        if t[0].item() != -t[1].item():
            raise CharagenError(f"the {self.size} training processes no longer hold the same {what} "
                               f"({-t[1].item()!r} to {t[0].item()!r})")

    def barrier(self):
        if self.size > 1:
            dist.barrier()

    def close(self):
        if self.size > 1 and dist.is_initialized():
            dist.destroy_process_group()


def join(device: str) -> World:
    """Joins the process group torchrun describes in the environment (RANK, WORLD_SIZE,
    LOCAL_RANK), or makes a world of one."""
    size = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local = int(os.environ.get("LOCAL_RANK", "0"))
    target = device_for(device)
    if target.type == "cuda":  # one GPU per process, the one torchrun numbers it
        torch.cuda.set_device(local)
        target = torch.device("cuda", local)
    if size > 1:
        backend = "nccl" if target.type == "cuda" else "gloo"
        dist.init_process_group(backend, rank=rank, world_size=size, timeout=datetime.timedelta(minutes=10))
    return World(rank, size, target)
