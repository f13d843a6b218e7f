"""Learned noise maps: the StyleGAN2 synthesis layers' constant noise images (noise_const, one
[res, res] map per layer, added to every channel before the bias and activation) trained as
parameters instead of staying fixed random draws.

Why: a sprite sheet is pixel art at the canvas's own pixel size, so nine in ten figure pixels
differ from a neighbour by more than dE 10, while the upsampling layers low-pass what they pass
up. A map at 128 or 256 px is a per-pixel template the network can gate channel by channel (the
leaky ReLU after it); the LPC frames put every body part at the same pixels in every character,
so such templates are worth learning. The result is still an ordinary StyleGAN2 checkpoint: the
runtime draws with the stored maps (noise mode const, which the Java generator always uses), so
nothing changes at run time and the maps cost no time there.

Switching it on mid-run keeps the function: each map becomes noise_const * noise_strength with the
strength fixed at 1 (a map's gradient no longer vanishes with a small strength)."""

from typing import List

import torch
from torch import nn


def learn_noise_maps(synthesis: nn.Module, from_resolution: int) -> List[nn.Parameter]:
    """Turns the noise maps of every layer at `from_resolution` px and above into parameters
    (premultiplied by their strength, which is then frozen at 1). Returns the maps, lowest
    resolution first; layers already converted are returned as they are."""
    maps = []
    for layer in noise_layers(synthesis, from_resolution):
        if not isinstance(layer.noise_const, nn.Parameter):
            premultiplied = (layer.noise_const * layer.noise_strength).detach().clone()
            del layer._buffers["noise_const"]
            layer.noise_const = nn.Parameter(premultiplied)
            with torch.no_grad():
                layer.noise_strength.fill_(1.0)
        layer.noise_strength.requires_grad_(False)
        maps.append(layer.noise_const)
    return maps


def noise_layers(synthesis: nn.Module, from_resolution: int) -> list:
    """The synthesis layers with a noise input at `from_resolution` px and above, in module order."""
    return [m for m in synthesis.modules() if getattr(m, "use_noise", False) and m.resolution >= from_resolution]
