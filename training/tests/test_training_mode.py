"""Freshly built networks: reference initialisation, training-mode behaviour (EMAs, random
noise, gradients), truncation, the StyleGAN3 input transform, autocast, and kwargs handling."""
import json
import math

import numpy as np
import pytest
import torch

from charagen_train.checkpoint.errors import CheckpointError
from charagen_train.checkpoint.reference_pickle import read_snapshot
from charagen_train.nets import build_discriminator, build_generator, generator_from_record, truncate

SG3T_SMALL = dict(z_dim=32, c_dim=0, w_dim=32, img_resolution=64, img_channels=3, channel_base=1024,
                  channel_max=32, magnitude_ema_beta=0.9)
SG2_SMALL = dict(z_dim=32, c_dim=5, w_dim=32, img_resolution=32, img_channels=3, channel_base=1024,
                 channel_max=32, mapping_kwargs={'num_layers': 4}, conv_clamp=256)
D_SMALL = dict(c_dim=5, img_resolution=32, img_channels=3, channel_base=1024, channel_max=32, conv_clamp=256)


def all_finite(module):
    return all(p.grad is None or torch.isfinite(p.grad).all() for p in module.parameters())


def test_stylegan3_trains_from_scratch():
    torch.manual_seed(0)
    g = build_generator('stylegan3-t', SG3T_SMALL).train()
    d = build_discriminator(dict(c_dim=0, img_resolution=64, img_channels=3, channel_base=1024, channel_max=32))
    img = g(torch.randn(4, 32), None, noise_mode='random', update_emas=True)
    assert img.shape == (4, 3, 64, 64) and img.dtype == torch.float32 and torch.isfinite(img).all()
    loss = torch.nn.functional.softplus(d(img, None)).mean() + img.square().mean()
    loss.backward()
    assert all_finite(g) and all_finite(d)
    assert g.synthesis.input.affine.weight.grad.abs().sum() > 0, "no gradient reaches the Fourier input"
    assert g.mapping.fc0.weight.grad.abs().sum() > 0, "no gradient reaches the mapping network"
    assert g.mapping.w_avg.abs().sum() > 0, "update_emas did not move w_avg"
    for name in g.synthesis.layer_names:
        ema = float(getattr(g.synthesis, name).magnitude_ema)
        assert ema != 1.0 and math.isfinite(ema), f"update_emas did not move {name}.magnitude_ema"


def test_stylegan2_trains_from_scratch_with_random_noise_and_labels():
    torch.manual_seed(0)
    g = build_generator('stylegan2', SG2_SMALL).train()
    d = build_discriminator(D_SMALL)
    c = torch.nn.functional.one_hot(torch.tensor([0, 1, 2, 4]), 5).float()
    img = g(torch.randn(4, 32), c, noise_mode='random', update_emas=True)
    assert img.shape == (4, 3, 32, 32) and torch.isfinite(img).all()
    (d(img, c).mean() + img.square().mean()).backward()
    assert all_finite(g) and all_finite(d)
    assert g.mapping.embed.weight.grad.abs().sum() > 0 and d.mapping.embed.weight.grad.abs().sum() > 0
    assert g.mapping.w_avg.abs().sum() > 0, "update_emas did not move w_avg"
    with torch.no_grad():
        for name, p in g.named_parameters():
            if name.endswith('noise_strength'):
                p.fill_(0.5)
        ws = g.mapping(torch.randn(2, 32), c[:2])
        a, b = g.synthesis(ws, noise_mode='random'), g.synthesis(ws, noise_mode='random')
        const1, const2 = g.synthesis(ws, noise_mode='const'), g.synthesis(ws, noise_mode='const')
        none = g.synthesis(ws, noise_mode='none')
    assert (a - b).abs().max() > 1e-3, "noise_mode='random' did not draw fresh noise"
    assert torch.equal(const1, const2) and (const1 - none).abs().max() > 1e-3


def test_reference_initialisation():
    torch.manual_seed(0)
    g = build_generator('stylegan3-r', SG3T_SMALL)
    assert g.init_kwargs == {**SG3T_SMALL, 'conv_kernel': 1, 'use_radial_filters': True}
    # Equalized learning rate: stored N(0, 1) / lr_multiplier, scaled at run time.
    assert abs(float(g.mapping.fc0.weight.std()) - 100) < 10 and float(g.mapping.fc0.bias.abs().max()) == 0
    layer = getattr(g.synthesis, g.synthesis.layer_names[0])
    assert torch.all(layer.affine.bias == 1) and float(layer.magnitude_ema) == 1
    assert torch.all(g.synthesis.input.affine.weight == 0)
    assert g.synthesis.input.affine.bias.tolist() == [1, 0, 0, 0]
    radii = g.synthesis.input.freqs.norm(dim=1)
    assert float(radii.max()) <= g.synthesis.input.bandwidth
    assert all(abs(float(getattr(g.synthesis, n).up_filter.sum()) - 1) < 1e-5 for n in g.synthesis.layer_names[:-1])
    assert getattr(g.synthesis, g.synthesis.layer_names[0]).down_filter.ndim == 2, "config R: radial filters"


def test_truncation_is_torch_lerp_on_the_first_layers():
    torch.manual_seed(0)
    ws, w_avg = torch.randn(2, 6, 4), torch.randn(4)
    assert torch.equal(truncate(ws, w_avg, 1.0), ws)
    assert torch.equal(truncate(ws, w_avg, 0.7), torch.lerp(w_avg, ws, 0.7))
    cut = truncate(ws, w_avg, 0.3, cutoff=2)
    assert torch.equal(cut[:, :2], torch.lerp(w_avg, ws[:, :2], 0.3)) and torch.equal(cut[:, 2:], ws[:, 2:])
    assert torch.equal(truncate(ws, w_avg, 0.3, cutoff=0), ws)


def test_fourier_input_transform_moves_the_image():
    torch.manual_seed(0)
    g = build_generator('stylegan3-t', SG3T_SMALL).eval()
    ws = g.mapping(torch.randn(1, 32), None)
    with torch.no_grad():
        still = g.synthesis(ws)
        g.synthesis.input.set_image_transform(translate=(0.1, -0.05), rotate_degrees=10)
        moved = g.synthesis(ws)
    m = g.synthesis.input.transform
    c, s = math.cos(math.radians(10)), math.sin(math.radians(10))
    expected = [[c, -s, s * -0.05 - c * 0.1], [s, c, -s * 0.1 - c * -0.05], [0, 0, 1]]
    np.testing.assert_allclose(m.numpy(), expected, atol=1e-7)
    assert 'synthesis.input.transform' in g.state_dict()
    assert (still - moved).abs().max() > 1e-3


@pytest.mark.parametrize('architecture', ['stylegan2', 'stylegan3-t'])
def test_autocast_runs_in_float32_where_it_must(architecture):
    torch.manual_seed(0)
    kwargs = dict(SG3T_SMALL if architecture != 'stylegan2' else SG2_SMALL, num_fp16_res=2)
    g = build_generator(architecture, kwargs).eval()
    c = torch.eye(5)[:2] if g.c_dim else None
    ws = g.mapping(torch.randn(2, 32), c)
    with torch.no_grad():
        full = g.synthesis(ws)
        with torch.autocast('cpu', dtype=torch.bfloat16):
            mixed = g.synthesis(ws)
            logits = build_discriminator(dict(D_SMALL, img_resolution=g.img_resolution, c_dim=g.c_dim,
                                              num_fp16_res=2))(mixed, c)
    assert mixed.dtype == torch.float32 and torch.isfinite(mixed).all() and torch.isfinite(logits).all()
    relative = float((mixed - full).norm() / full.norm())
    assert relative < 0.1, f"{architecture}: autocast output is {relative:.3g} away from float32"


@pytest.mark.parametrize('architecture', ['orig', 'resnet'])
def test_other_stylegan2_architectures(architecture):
    torch.manual_seed(0)
    g = build_generator('stylegan2', dict(SG2_SMALL, c_dim=0, img_resolution=16, architecture=architecture))
    img = g(torch.randn(2, 32), None)
    assert img.shape == (2, 3, 16, 16) and torch.isfinite(img).all()
    d = build_discriminator(dict(D_SMALL, c_dim=0, img_resolution=16,
                                 architecture='skip' if architecture == 'orig' else 'orig'))
    assert torch.isfinite(d(img, None)).all()


def test_kwargs_are_checked_like_the_reference():
    with pytest.raises(TypeError, match='channel_bas'):
        build_generator('stylegan3-t', dict(SG3T_SMALL, channel_bas=3))
    with pytest.raises(ValueError, match='stylegan3-t'):
        build_generator('stylegan3-t', dict(SG3T_SMALL, conv_kernel=1))
    with pytest.raises(ValueError):
        build_generator('stylegan4', SG3T_SMALL)
    # StyleGAN2-ADA nests the synthesis kwargs; the SG3 code's StyleGAN2 takes fused_modconv_default.
    flat = {k: v for k, v in SG2_SMALL.items() if k != 'channel_max'}
    g = build_generator('stylegan2', dict(flat, synthesis_kwargs={'channel_max': 16},
                                          fused_modconv_default='inference_only'))
    assert g.synthesis.b32.conv1.weight.shape[0] == 16
    assert json.loads(json.dumps(g.init_kwargs))['synthesis_kwargs'] == {'channel_max': 16}
    with pytest.raises(TypeError, match='both'):
        build_generator('stylegan2', dict(SG2_SMALL, synthesis_kwargs={'channel_max': 16}))


def test_a_record_whose_kwargs_do_not_fit_gives_checkpoint_error():
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / 'generator' / 'src' / 'test' / 'resources' / 'handmade-checkpoints'
    for name in ('tiny-sg2.pkl', 'wrong-shape.pkl'):
        record = read_snapshot(folder / name)['G_ema']
        with pytest.raises(CheckpointError, match=name):
            generator_from_record(record)
