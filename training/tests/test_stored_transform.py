"""A StyleGAN3 network's stored input transform is part of the network (issue 16): `sample`
draws it as stored, --translate/--rotate move the image from there, and export keeps it. The
turned fixtures (turned_fixture.py) are sg3t-64 and sg3r-64 with a 17-degree turn and a shift
written into the buffer."""
import numpy as np
import pytest
import torch

from charagen_train.checkpoint.bundle import read_bundle
from charagen_train.cli import main
from charagen_train.models import load_generator
from charagen_train.train.resume import ResumePoint

import turned_fixture

TOLERANCE = 1e-4


@pytest.fixture(scope="module")
def turned(fixtures_dir, tmp_path_factory):
    """name -> (turned .pkl, its expected arrays)."""
    out = tmp_path_factory.mktemp("turned")
    made = {}
    for name in turned_fixture.NAMES:
        with np.load(turned_fixture.make(fixtures_dir, out, name)) as npz:
            made[name] = (out / f"{name}-turned.pkl", {k: npz[k] for k in npz.files})
    return made


def sample(tmp_path, model, seed, psi, *flags):
    out = tmp_path / f"sample-{seed}-{psi}-{len(list(tmp_path.iterdir()))}.npy"
    assert main(["sample", "--model", str(model), "--seed", str(seed), "--psi", psi, "--npy", str(out),
                 *flags]) == 0
    return np.load(out)


def max_error(a, b):
    return float(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64)).max())


@pytest.mark.parametrize("name", turned_fixture.NAMES)
def test_sample_draws_the_network_as_stored(turned, fixtures_dir, name, tmp_path):
    pkl, expected = turned[name]
    with np.load(fixtures_dir / f"{name}.npz") as reference:
        for seed, psi in turned_fixture.CASES:
            key = f"{seed}/{psi}"
            img = sample(tmp_path, pkl, seed, psi)
            err = max_error(img, expected[f"stored/{key}"])
            print(f"{name} {key}: sample vs stored forward {err:.2e}")
            assert err <= TOLERANCE, f"{name} turned, seed {key}: max |error| {err:.3g}"
            assert max_error(img, reference[f"img/{key}"]) > 1e-2, f"{name}: the turn changes nothing to check"


@pytest.mark.parametrize("name", turned_fixture.NAMES)
def test_translate_and_rotate_move_the_image_from_the_stored_framing(turned, name, tmp_path):
    pkl, expected = turned[name]
    (tx, ty), degrees = turned_fixture.MOVE
    for seed, psi in turned_fixture.CASES:
        img = sample(tmp_path, pkl, seed, psi, "--translate", f"{tx},{ty}", "--rotate", str(degrees))
        err = max_error(img, expected[f"moved/{seed}/{psi}"])
        print(f"{name} {seed}/{psi}: moved sample vs forward {err:.2e}")
        assert err <= TOLERANCE, f"{name} turned and moved, seed {seed}/{psi}: max |error| {err:.3g}"


@pytest.mark.parametrize("name", turned_fixture.NAMES)
def test_undoing_the_stored_turn_gives_the_reference_image(turned, fixtures_dir, name, tmp_path):
    pkl, expected = turned[name]
    x, y, degrees = expected["undo"]
    with np.load(fixtures_dir / f"{name}.npz") as reference:
        for seed, psi in turned_fixture.CASES:
            img = sample(tmp_path, pkl, seed, psi, f"--translate={x!r},{y!r}", f"--rotate={degrees!r}")
            err = max_error(img, reference[f"img/{seed}/{psi}"])
            print(f"{name} {seed}/{psi}: undone vs reference {err:.2e}")
            assert err <= TOLERANCE, f"{name} turned then undone, seed {seed}/{psi}: max |error| {err:.3g}"


@pytest.mark.parametrize("name", turned_fixture.NAMES)
def test_an_unmoved_network_moves_as_gen_images_does(turned, fixtures_dir, name, tmp_path):
    _, expected = turned[name]
    (tx, ty), degrees = turned_fixture.MOVE
    for seed, psi in turned_fixture.CASES:
        img = sample(tmp_path, fixtures_dir / f"{name}.pkl", seed, psi, "--translate", f"{tx},{ty}",
                     "--rotate", str(degrees))
        err = max_error(img, expected[f"plain-moved/{seed}/{psi}"])
        assert err <= TOLERANCE, f"{name} moved, seed {seed}/{psi}: max |error| {err:.3g}"


def test_rotating_then_rotating_back_returns_the_stored_network(turned):
    pkl, expected = turned["sg3t-64"]
    g = load_generator(pkl, torch.device("cpu"))
    stored = g.synthesis.input.transform.clone()
    g.synthesis.input.move_image((0.2, -0.1), 25)
    assert (g.synthesis.input.transform - stored).abs().max() > 0.1
    # Moved by M = (rotate 25, then shift); moving on by M^-1 = (shift back, then rotate -25) undoes it.
    g.synthesis.input.move_image((-0.2, 0.1), 0)
    g.synthesis.input.move_image((0.0, 0.0), -25)
    assert (g.synthesis.input.transform - stored).abs().max() < 1e-6
    with torch.no_grad():
        img = g.synthesis(torch.from_numpy(expected["ws/1/1.0"]), noise_mode="const").numpy()
    assert max_error(img, expected["stored/1/1.0"]) <= TOLERANCE


def test_move_image_on_the_identity_is_gen_images_buffer():
    from charagen_train.nets.stylegan3 import SynthesisInput
    layer = SynthesisInput(w_dim=8, channels=4, size=12, sampling_rate=8, bandwidth=2)
    layer.move_image((0.1, 0.0), 10)
    gen_images = np.linalg.inv(turned_fixture.make_transform((0.1, 0.0), 10))
    np.testing.assert_allclose(layer.transform.numpy(), gen_images, atol=1e-7)


def test_export_keeps_the_stored_transform(turned, tmp_path):
    pkl, expected = turned["sg3t-64"]
    g = load_generator(pkl, torch.device("cpu"))
    state = {"generator": {"architecture": g.architecture, "kwargs": g.init_kwargs}, "discriminator": {},
             "config": {}, "cur_nimg": 0, "data": {"source": str(pkl), "meta": {"kind": "portrait"}}}
    ResumePoint.capture_modules(state, {"G_ema": g}, {}).write(tmp_path / "resume")
    bundle = tmp_path / "turned.json"
    assert main(["export", "--run", str(tmp_path / "resume"), "--out", str(bundle)]) == 0
    _, tensors = read_bundle(bundle)
    assert np.array_equal(tensors[turned_fixture.KEY], expected["transform"])
    err = max_error(sample(tmp_path, bundle, 1, "1.0"), expected["stored/1/1.0"])
    assert err <= TOLERANCE, f"exported bundle: max |error| {err:.3g}"
