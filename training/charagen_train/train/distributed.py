"""Multi-GPU training through torchrun: one process per device, gradients averaged by
DistributedDataParallel. A plain `charagen-train train` is a world of one and wraps nothing."""

import dataclasses
import datetime
import os

import torch
import torch.distributed as dist

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
