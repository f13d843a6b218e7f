"""Widening a StyleGAN2 synthesis network (render/widen.py) keeps every image it draws, and grows
only channel counts."""

import pytest
import torch

from charagen_train import nets
from charagen_train.render.config import PRESETS
from charagen_train.render.widen import widen_generator


def _trained_looking(kwargs):
    torch.manual_seed(1)
    g = nets.build_generator("stylegan2", kwargs)
    with torch.no_grad():
        for p in g.parameters():      # biases and noise strengths away from their zero init
            p.add_(0.3 * torch.randn_like(p))
    return g


def test_widened_network_draws_the_same_images():
    kwargs = PRESETS["tiny"].generator_kwargs()
    narrow = _trained_looking(kwargs).eval()
    wide = widen_generator(narrow, dict(kwargs, channel_base=1024, channel_max=32)).eval()
    assert wide.synthesis.b256.conv1.weight.shape[0] == 4 * narrow.synthesis.b256.conv1.weight.shape[0]
    ws = torch.randn(3, narrow.synthesis.num_ws, narrow.w_dim)
    with torch.no_grad():
        a, b = narrow.synthesis(ws, noise_mode="const"), wide.synthesis(ws, noise_mode="const")
    assert a.abs().max() > 0.1
    assert (a - b).abs().max() < 1e-5


def test_widened_network_learns_through_its_new_channels():
    kwargs = PRESETS["tiny"].generator_kwargs()
    wide = widen_generator(_trained_looking(kwargs), dict(kwargs, channel_base=512, channel_max=32))
    ws = torch.randn(2, wide.synthesis.num_ws, wide.w_dim)
    wide.synthesis(ws).square().mean().backward()
    torgb = wide.synthesis.b256.torgb.weight
    assert torgb.grad[:, torgb.shape[1] // 2:].abs().sum() > 0    # the zero columns get gradients


def test_narrowing_is_refused():
    kwargs = PRESETS["tiny"].generator_kwargs()
    with pytest.raises(ValueError, match="does not fit"):
        widen_generator(_trained_looking(kwargs), dict(kwargs, channel_max=8))
