"""Differentiable augmentation (Zhao et al. 2020, "Differentiable Augmentation for Data-Efficient
GAN Training"): the same random transforms are applied to real and generated images before D,
in a way gradients pass through, so D cannot overfit a small data set and G is not taught the
transforms. Policies: 'color' (brightness, saturation, contrast), 'translation' (a shift with
zero fill) and 'cutout' (a zeroed square). For walk sheets the shift and the square are kept
small (a thirty-second and a quarter of the image), so frames stay in their cells."""

from typing import Sequence

import torch
import torch.nn.functional as F

POLICIES = ("color", "translation", "cutout")
TRANSLATION_RATIO = 1 / 32
CUTOUT_RATIO = 1 / 4


def parse(text: str) -> tuple:
    names = tuple(p for p in (text or "").split(",") if p)
    for name in names:
        if name not in POLICIES:
            raise ValueError(f"diffaugment policy '{name}': expected some of {', '.join(POLICIES)}")
    return names


def diff_augment(x: torch.Tensor, policies: Sequence[str]) -> torch.Tensor:
    for policy in policies:
        x = {"color": _colour, "translation": _translation, "cutout": _cutout}[policy](x)
    return x


def _colour(x):
    n = x.shape[0]
    x = x + (torch.rand(n, 1, 1, 1, device=x.device) - 0.5)
    mean = x.mean(dim=1, keepdim=True)
    x = (x - mean) * (torch.rand(n, 1, 1, 1, device=x.device) * 2) + mean
    mean = x.mean(dim=[1, 2, 3], keepdim=True)
    return (x - mean) * (torch.rand(n, 1, 1, 1, device=x.device) + 0.5) + mean


def _translation(x):
    n, _, h, w = x.shape
    s = max(int(h * TRANSLATION_RATIO + 0.5), 1)
    padded = F.pad(x, [s, s, s, s])
    dy = torch.randint(0, 2 * s + 1, (n,)).tolist()
    dx = torch.randint(0, 2 * s + 1, (n,)).tolist()
    return torch.stack([padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w] for i in range(n)])


def _cutout(x):
    n, _, h, w = x.shape
    ch, cw = int(h * CUTOUT_RATIO + 0.5), int(w * CUTOUT_RATIO + 0.5)
    ys = torch.randint(0, h - ch + 1, (n,)).tolist()
    xs = torch.randint(0, w - cw + 1, (n,)).tolist()
    mask = torch.ones(n, 1, h, w, device=x.device, dtype=x.dtype)
    for i in range(n):
        mask[i, :, ys[i]:ys[i] + ch, xs[i]:xs[i] + cw] = 0
    return x * mask
