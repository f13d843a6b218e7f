"""The renderer's palette output (render/palette.py): exact targets from the LPC layers, the decode
from logits and palette, switching an rgb run to it, and its bundle (the card's `output` field and
the palette head file) drawn alike by Python and the Java runtime."""

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch

from charagen_train.cli import main
from charagen_train.data import sheet_layout as sl
from charagen_train.errors import CharagenError
from charagen_train.evaluate.metrics import colour_match
from charagen_train.models import load_generator
from charagen_train.render.labels import LabelMixer
from charagen_train.render.palette import SHADES, SLOTS, PaletteCoder, decode
from charagen_train.train.resume import ResumePoint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def palette_run(tmp_path_factory, lpc_dir):
    """A tiny rgb run, then switched to the palette output and trained a few steps more."""
    root = tmp_path_factory.mktemp("palette")
    common = ["--data", f"lpc:{lpc_dir}", "--tick-kimg", "0.004", "--eval-kimg", "1", "--grid-kimg", "1",
              "--seed", "3", "--threads", "1"]
    assert main(["train", "--method", "renderer", "--config", "tiny", "--out", str(root / "rgb"), "--kimg", "0.008",
                 *common]) == 0
    assert main(["train", "--method", "renderer", "--out", str(root / "pal"), "--resume", str(root / "rgb" / "resume"),
                 "--output", "palette", "--palette-pool", "64", "--palette-batch", "16", "--kimg", "0.016", *common]) == 0
    return root


def test_slot_shade_and_palette_redraw_composed_characters(composer):
    """The targets are exact: the palette colour of each pixel's (slot, shade) is the composed colour,
    for characters and for A's shapes in B's colours; only half-transparent layer edges may differ."""
    coder, mixer = PaletteCoder(composer), LabelMixer(composer.catalogue)
    shares = []
    for index in range(24):
        a = mixer.layers(composer.plan(1, 2 * index)["layers"])
        b = mixer.layers(composer.plan(1, 2 * index + 1)["layers"])
        for layers in (a, mixer.mix(a, b)):
            rgb, rgba = composer.render([l.path for l in layers], next(l for l in layers if l.category == "body").path)
            slot, shade, palette, present = coder.encode(layers)
            figure = rgba[..., 3] > 0
            assert np.array_equal(slot > 0, figure)
            assert present[slot[figure], shade[figure]].all()
            redrawn = palette[slot, shade]
            redrawn[~figure] = sl.BACKGROUND
            shares.append(colour_match(redrawn, figure, rgb, figure, 10.0))
    assert np.median(shares) > 0.99 and min(shares) > 0.85


def test_every_colour_of_a_hair_style_has_the_same_shade_map(composer):
    """Shades are numbered by the item's variant with the most colours, so a hair style's shade map
    does not depend on its colour: black hair (fewer, merged tones) numbers its pixels as blonde
    does, and the network learns one map per style."""
    coder = PaletteCoder(composer)
    body = next(l for l in composer.catalogue.layers if l.category == "body" and l.sex == "male")
    lifts = composer.catalogue.lifts[body.path]
    by_path = {l.path: l for l in composer.catalogue.layers}
    for style in ("hair/male/page/", "hair/male/pixie/"):
        variants = [by_path[p] for p in sorted(by_path) if p.startswith(style)]
        assert len(variants) > 10
        maps = []
        for layer in variants:
            idx, _, shades, _, _ = coder._file_shades(layer, lifts)
            full = np.full(sl.CANVAS * sl.CANVAS, -1)
            full[idx] = shades
            maps.append(full)
        same = [np.mean(m[m >= 0] == maps[0][m >= 0]) for m in maps]
        assert min(same) > 0.99, [(v.path, round(x, 3)) for v, x in zip(variants, same)]


def test_decode_takes_the_likeliest_slot_and_shade():
    logits = torch.full((1, SLOTS + SHADES, 2, 2), -5.0)
    logits[0, 0, 0, 0] = 5          # background
    logits[0, 2, 0, 1] = logits[0, 2, 1, 0] = logits[0, 3, 1, 1] = 5
    logits[0, SLOTS + 1, :, :] = 1   # shade 1 everywhere, but shade 4 at (1, 1)
    logits[0, SLOTS + 4, 1, 1] = 3
    palette = torch.zeros(1, SLOTS, SHADES, 3)
    palette[0, 2, 1] = torch.tensor([1.0, -1.0, -1.0])
    palette[0, 3, 4] = torch.tensor([-1.0, -1.0, 1.0])
    rgb = decode(logits, palette)
    assert rgb[0, 0, 0].tolist() == list(sl.BACKGROUND)
    assert rgb[0, 0, 1].tolist() == rgb[0, 1, 0].tolist() == [255, 0, 0]
    assert rgb[0, 1, 1].tolist() == [0, 0, 255]


def test_switching_to_the_palette_output_keeps_the_network(palette_run):
    rgb = ResumePoint.read(palette_run / "rgb" / "resume")
    pal = ResumePoint.read(palette_run / "pal" / "resume")
    assert pal.state["config"]["output"] == "palette" and pal.state["generator"]["kwargs"]["img_channels"] == SLOTS + SHADES
    assert any(k.startswith("R/palette.net.") for k in pal.tensors)
    name = "R/G.synthesis.b4.const"
    assert pal.tensors[name].shape == rgb.tensors[name].shape
    assert np.abs(pal.tensors[name] - rgb.tensors[name]).max() < 0.1   # trained on, from the rgb weights
    log = [json.loads(line) for line in (palette_run / "pal" / "log.jsonl").read_text().splitlines()]
    assert {"slot", "shade", "palette"} <= set(log[-1])


def test_a_palette_run_resumes_with_a_new_shade_weight_and_cannot_go_back_to_rgb(palette_run, lpc_dir, tmp_path):
    common = ["--data", f"lpc:{lpc_dir}", "--resume", str(palette_run / "pal" / "resume"), "--tick-kimg", "0.004",
              "--eval-kimg", "1", "--grid-kimg", "1", "--threads", "1", "--seed", "3"]
    assert main(["train", "--method", "renderer", "--out", str(tmp_path / "back"), "--output", "rgb",
                 "--kimg", "0.02", *common]) == 2
    assert main(["train", "--method", "renderer", "--out", str(tmp_path / "zero"), "--shade-weight", "0",
                 "--kimg", "0.02", *common]) == 2
    assert main(["train", "--method", "renderer", "--out", str(tmp_path / "on"), "--shade-weight", "2",
                 "--kimg", "0.02", *common]) == 0
    state = ResumePoint.read(tmp_path / "on" / "resume").state
    assert state["cur_nimg"] == 20 and state["config"]["shade_weight"] == 2.0


@pytest.fixture(scope="module")
def palette_bundle(palette_run, lpc_dir):
    assert main(["fit-mapping", "--run", str(palette_run / "pal" / "resume"), "--lpc", str(lpc_dir), "--steps", "5",
                 "--count", "16"]) == 0
    bundle = palette_run / "bundle" / "tiny-palette.json"
    assert main(["export", "--run", str(palette_run / "pal" / "resume"), "--out", str(bundle)]) == 0
    return bundle


def test_the_bundle_draws_palette_colours_and_scores_as_the_run(palette_bundle, palette_run, lpc_dir, tmp_path):
    card = json.loads(palette_bundle.read_text())
    out = card["output"]
    assert out["kind"] == "palette" and len(out["slots"]) + out["shades"] == card["img_channels"]
    assert (palette_bundle.parent / out["file"]).is_file()
    G = load_generator(palette_bundle, torch.device("cpu"))
    ws = G.mapping(torch.randn(2, G.z_dim), None)
    with torch.no_grad():
        rgb = G.synthesis(ws, noise_mode="const")
        palette = G.synthesis.head(ws)
    assert rgb.shape == (2, 3, 256, 256)
    allowed = {tuple(c) for c in ((palette.clamp(-1, 1) + 1) * 127.5).round().reshape(-1, 3).int().tolist()}
    allowed.add(tuple(sl.BACKGROUND))
    drawn = ((rgb + 1) * 127.5).round().int().permute(0, 2, 3, 1).reshape(-1, 3).tolist()
    assert {tuple(c) for c in drawn} <= allowed
    scores = []
    for model in (palette_bundle, palette_run / "pal" / "resume"):
        report = tmp_path / f"{len(scores)}.json"
        assert main(["evaluate", "--model", str(model), "--lpc", str(lpc_dir), "--count", "4",
                     "--json", str(report)]) == 0
        scores.append(json.loads(report.read_text())["de10"])
    assert scores[0] == scores[1]


def test_a_damaged_palette_head_or_card_is_refused(palette_bundle, tmp_path):
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(palette_bundle.parent, copy)
    card_path = copy / palette_bundle.name
    card = json.loads(card_path.read_text())
    head = copy / card["output"]["file"]
    head.write_bytes(head.read_bytes()[:-4] + b"\0\0\0\0")
    with pytest.raises(CharagenError, match="sha256"):
        load_generator(card_path, torch.device("cpu"))
    card["output"]["shades"] = 15
    card_path.write_text(json.dumps(card))
    with pytest.raises(CharagenError, match="channels"):
        load_generator(card_path, torch.device("cpu"))
    card["output"]["shades"], card["output"]["file"] = 16, "../x.safetensors"
    card_path.write_text(json.dumps(card))
    with pytest.raises(CharagenError, match="output.file"):
        load_generator(card_path, torch.device("cpu"))


def test_java_draws_the_palette_bundle_as_python_does(palette_bundle, tmp_path):
    assert main(["sample", "--model", str(palette_bundle), "--seeds", "0-1", "--psi", "0.7",
                 "--npy", str(tmp_path / "py.npy")]) == 0
    java = subprocess.run([str(REPO / "charagen"), "sample", "--model", str(palette_bundle), "--seeds", "0-1",
                           "--psi", "0.7", "--npy", str(tmp_path / "java.npy")], capture_output=True, text=True,
                          timeout=1200)
    assert java.returncode == 0, java.stderr[-3000:]
    py, jv = np.load(tmp_path / "py.npy"), np.load(tmp_path / "java.npy")
    assert py.shape == jv.shape == (2, 3, 256, 256)
    # Both take the argmax of the same logits; float differences between the two PyTorch builds may
    # only flip a near-tie, so all but a few pixels are identical.
    differs = (np.abs(py - jv).max(axis=1) > 1e-3).mean()
    assert differs < 1e-3
