"""Our networks against the reference parity fixtures (../shared/fixtures/nvlabs): mapping,
synthesis, style mixing and the gradient with respect to ws, from the .pkl (through the restricted
reader) and from the .npz parameters; the discriminator loads strictly and runs."""
import json

import numpy as np
import pytest
import torch

from charagen_train.checkpoint.reference_pickle import architecture_of, read_snapshot
from charagen_train.nets import (build_generator, discriminator_from_record, generator_from_record,
                                 load_state_dict_strictly)

FIXTURES = ['sg2-64', 'sg3t-64', 'sg3r-64']
ARCHITECTURE = {'sg2-64': 'stylegan2', 'sg3t-64': 'stylegan3-t', 'sg3r-64': 'stylegan3-r'}
TOLERANCE = 1e-4
_cache = {}


def fixture(fixtures_dir, name):
    """(config json, npz arrays, snapshot) of one fixture, read once per session."""
    if name not in _cache:
        config = json.loads((fixtures_dir / f'{name}.json').read_text())
        with np.load(fixtures_dir / f'{name}.npz') as npz:
            arrays = {k: npz[k] for k in npz.files}
        _cache[name] = (config, arrays, read_snapshot(fixtures_dir / f'{name}.pkl'))
    return _cache[name]


def generator(fixtures_dir, name, source):
    key = (name, source)
    if key not in _cache:
        config, arrays, snapshot = fixture(fixtures_dir, name)
        record = snapshot['G_ema']
        if source == 'pkl':
            g = generator_from_record(record)
        else:
            g = build_generator(architecture_of(record), record.init_kwargs)
            params = {k[len('param/'):]: torch.from_numpy(v) for k, v in arrays.items() if k.startswith('param/')}
            load_state_dict_strictly(g, params, f"{name}.npz")
            g.eval().requires_grad_(False)
        _cache[key] = g
    return _cache[key]


def z_of(seed, z_dim):
    # As the reference's gen_images.py: float64 normal samples, cast to float32.
    return torch.from_numpy(np.random.RandomState(seed).randn(1, z_dim)).float()


def max_error(a, b):
    return float(np.abs(np.asarray(a, dtype=np.float64) - np.asarray(b, dtype=np.float64)).max())


@pytest.mark.parametrize('name', FIXTURES)
def test_state_dict_names_and_shapes_are_the_reference(fixtures_dir, name):
    _, arrays, snapshot = fixture(fixtures_dir, name)
    g = build_generator(ARCHITECTURE[name], snapshot['G_ema'].init_kwargs)
    ours = {k: tuple(v.shape) for k, v in g.state_dict().items()}
    reference = {k[len('param/'):]: tuple(v.shape) for k, v in arrays.items() if k.startswith('param/')}
    assert set(ours) == set(reference), (f"{name}: missing {sorted(set(reference) - set(ours))}, "
                                         f"unexpected {sorted(set(ours) - set(reference))}")
    wrong = {k: (ours[k], reference[k]) for k in ours if ours[k] != reference[k]}
    assert not wrong, f"{name}: shapes differ (ours, reference): {wrong}"
    assert g.num_ws == fixture(fixtures_dir, name)[0]['num_ws'], f"{name}: num_ws {g.num_ws}"
    assert g.init_kwargs == snapshot['G_ema'].init_kwargs, f"{name}: init_kwargs are not what was given"
    json.dumps(g.init_kwargs)


@pytest.mark.parametrize('source', ['pkl', 'npz'])
@pytest.mark.parametrize('name', FIXTURES)
def test_mapping_and_synthesis_reproduce_the_reference(fixtures_dir, name, source):
    config, arrays, _ = fixture(fixtures_dir, name)
    g = generator(fixtures_dir, name, source)
    for case in config['cases']:
        ws = g.mapping(z_of(case['seed'], g.z_dim), None, truncation_psi=case['psi'],
                       truncation_cutoff=config['truncation_cutoff'])
        err = max_error(ws, arrays[case['ws']])
        assert err <= TOLERANCE, f"{name} ({source}) {case['ws']}: max |error| {err:.3g} > {TOLERANCE}"
        img = g.synthesis(torch.from_numpy(arrays[case['ws']]), noise_mode='const')
        err = max_error(img, arrays[case['img']])
        assert err <= TOLERANCE, f"{name} ({source}) {case['img']}: max |error| {err:.3g} > {TOLERANCE}"


@pytest.mark.parametrize('source', ['pkl', 'npz'])
@pytest.mark.parametrize('name', FIXTURES)
def test_style_mixing_reproduces_the_reference(fixtures_dir, name, source):
    config, arrays, _ = fixture(fixtures_dir, name)
    mix = config['mix']
    g = generator(fixtures_dir, name, source)
    into = g.mapping(z_of(mix['into_seed'], g.z_dim), None, truncation_psi=mix['psi'])
    source_ws = g.mapping(z_of(mix['from_seed'], g.z_dim), None, truncation_psi=mix['psi'])
    ws = into.clone()
    ws[:, mix['layers']] = source_ws[:, mix['layers']]
    err = max_error(ws, arrays['mix/ws'])
    assert err <= TOLERANCE, f"{name} ({source}) mix/ws: max |error| {err:.3g} > {TOLERANCE}"
    err = max_error(g.synthesis(ws, noise_mode='const'), arrays['mix/img'])
    assert err <= TOLERANCE, f"{name} ({source}) mix/img: max |error| {err:.3g} > {TOLERANCE}"


@pytest.mark.parametrize('source', ['pkl', 'npz'])
@pytest.mark.parametrize('name', FIXTURES)
def test_gradient_with_respect_to_ws_matches_the_reference(fixtures_dir, name, source):
    _, arrays, _ = fixture(fixtures_dir, name)
    g = generator(fixtures_dir, name, source)
    ws = torch.from_numpy(arrays['grad/ws']).clone().requires_grad_(True)
    img = g.synthesis(ws, noise_mode='const')
    (img * torch.from_numpy(arrays['grad/R'])).sum().backward()
    reference = arrays['grad/dws']
    # The reference's own float32 rounding moves this gradient by ~2e-4 on sg3t (float64 check).
    tolerance = TOLERANCE * max(1.0, float(np.abs(reference).max()))
    err = max_error(ws.grad, reference)
    assert err <= tolerance, f"{name} ({source}) grad/dws: max |error| {err:.3g} > {tolerance:.3g}"


@pytest.mark.parametrize('name', FIXTURES)
def test_discriminator_loads_strictly_and_runs(fixtures_dir, name):
    _, _, snapshot = fixture(fixtures_dir, name)
    record = snapshot['D']
    d = discriminator_from_record(record)
    ours = {k: tuple(v.shape) for k, v in d.state_dict().items()}
    assert ours == {k: tuple(v.shape) for k, v in record.state_dict.items()}, f"{name}: D names or shapes differ"
    res = record.init_kwargs['img_resolution']
    torch.manual_seed(0)
    logits = d(torch.randn(4, record.init_kwargs['img_channels'], res, res), None)
    assert logits.shape == (4, 1) and torch.isfinite(logits).all(), f"{name}: D gave {logits}"
