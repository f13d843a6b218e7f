"""Augmentations that keep what a sample means. A face may be mirrored. A walk sheet may not
(its left-facing row would face right), but it may be mirrored cell by cell with the left and
right rows swapped, which gives another valid sheet. Nothing here moves content between
cells, so the frame windows of the sheet layout stay exact."""

from typing import Optional

import torch


def mirror(images: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Flips a random half of [N, C, H, W] images left to right."""
    flip = torch.rand(images.shape[0], generator=generator) < 0.5
    out = images.clone()
    out[flip] = images[flip].flip(-1)
    return out


def sheet_mirror(images: torch.Tensor, layout: dict, generator: torch.Generator) -> torch.Tensor:
    """For a random half of the sheets: every cell mirrored in place, the 'left' and 'right' rows swapped."""
    rows, cols = len(layout["rows"]), len(layout["columns"])
    n, c, h, w = images.shape
    left, right = layout["rows"].index("left"), layout["rows"].index("right")
    flip = torch.rand(n, generator=generator) < 0.5
    if not flip.any():
        return images
    sheets = images[flip].reshape(-1, c, rows, h // rows, cols, w // cols)
    sheets = sheets.flip(-1)                      # each cell mirrored in place
    order = list(range(rows))
    order[left], order[right] = right, left
    sheets = sheets[:, :, order]                  # left-facing row <-> right-facing row
    out = images.clone()
    out[flip] = sheets.reshape(-1, c, h, w)
    return out


def augment(images: torch.Tensor, kind: str, layout: Optional[dict], generator: torch.Generator) -> torch.Tensor:
    if kind == "none":
        return images
    if kind == "mirror":
        return mirror(images, generator)
    if kind == "sheet-mirror":
        if not layout:
            raise ValueError("sheet-mirror needs a data set with a sheet layout")
        return sheet_mirror(images, layout, generator)
    raise ValueError(f"unknown augmentation '{kind}'")
