"""Function-preserving widening of a StyleGAN2 synthesis network (in the spirit of Net2Net, Chen et
al. 2016): a wider network that draws exactly what the trained one draws, so training can go on
with more channels instead of starting again.

Every weight of the narrow network is copied into the first channels of the wide one. New input
columns of a convolution are zero, so the old output channels see nothing new and their
demodulation (the norm over input channels and taps) is unchanged. New output channels are drawn
as at initialisation; their outputs reach nothing yet, because the next layer's columns for them
are zero, and training grows them from there. The to-RGB layers are not demodulated and scale their
styles by 1/sqrt(in_channels), so their copied columns are scaled up by sqrt(wide/narrow) to match.
"""

import math

import torch
from torch import nn

from .. import nets
from .model import RendererModel


def widen_renderer(model: RendererModel, generator_kwargs: dict, channel_base: int, channel_max: int,
                   seed: int = 0) -> RendererModel:
    """The renderer with its synthesis network widened to channel_base / channel_max; same encoder."""
    kwargs = dict(generator_kwargs, channel_base=channel_base, channel_max=channel_max)
    wide = RendererModel(kwargs, model.encoder.shape.shape[0], model.encoder.colour.shape[0], model.colour_from)
    wide.G = widen_generator(model.G, kwargs, seed)
    wide.encoder.load_state_dict(model.encoder.state_dict())
    return wide


def widen_generator(narrow: nn.Module, kwargs: dict, seed: int = 0) -> nn.Module:
    """A StyleGAN2 generator built from `kwargs` (which may only widen channels) that draws the same
    images as `narrow` for every W+."""
    torch.manual_seed(seed)
    wide = nets.build_generator("stylegan2", kwargs)
    narrow_state, wide_state = narrow.state_dict(), wide.state_dict()
    if set(narrow_state) != set(wide_state):
        raise ValueError("widening changes channel counts only; the networks' layers differ")
    with torch.no_grad():
        for name, old in narrow_state.items():
            new = wide_state[name]
            if any(o > n for o, n in zip(old.shape, new.shape)) or old.dim() != new.dim():
                raise ValueError(f"{name}: {tuple(old.shape)} does not fit in {tuple(new.shape)}")
            if old.shape == new.shape:
                new.copy_(old)
            elif name.endswith(".weight") and old.dim() == 4:
                _widen_conv(name, old, new)
            else:
                # Biases and affine rows: copy the old entries, keep the new ones as initialised.
                new[tuple(slice(0, s) for s in old.shape)] = old
    wide.load_state_dict(wide_state)
    return wide


def _widen_conv(name: str, old: torch.Tensor, new: torch.Tensor) -> None:
    o, i = old.shape[:2]
    new[:o, i:] = 0                       # old outputs ignore new inputs
    if ".torgb." in name:
        new[:o, :i] = old * math.sqrt(new.shape[1] / i)
    else:
        new[:o, :i] = old
    # Rows o: (new outputs) keep their initial draw.
