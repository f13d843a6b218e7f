"""Mixed precision on the GPU: bfloat16 autocast where the GPU has it (no loss scaling needed),
else float16 autocast with a gradient scaler per optimiser; float32 on the CPU."""

import contextlib
import functools

import torch


class Precision:
    def __init__(self, device: torch.device, enabled: bool):
        self.dtype = None
        if enabled and device.type == "cuda":
            self.dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        self.scaling = self.dtype == torch.float16
        self.name = {None: "float32", torch.bfloat16: "bfloat16 autocast", torch.float16: "float16 autocast"}[self.dtype]

    def autocast(self):
        if self.dtype is None:
            return contextlib.nullcontext()
        return torch.autocast(device_type="cuda", dtype=self.dtype)

    def scaler(self):
        """A gradient scaler that does nothing unless float16 needs one."""
        if not self.scaling:
            return _NoScaler()
        make = getattr(torch.amp, "GradScaler", None)  # torch >= 2.3
        return make("cuda") if make else torch.cuda.amp.GradScaler()


class _NoScaler:
    def scale(self, loss):
        return loss

    def unscale_(self, optimizer):
        pass

    def step(self, optimizer):
        optimizer.step()

    def update(self):
        pass


def autocast_factory(precision: Precision):
    return functools.partial(Precision.autocast, precision)
