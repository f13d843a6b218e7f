"""The head encoder: its pairing table, its input, the bundle the Java runtime reads (the committed
parity fixture must agree with this toolkit), and the exported network's w being the paired face's."""
import json
from pathlib import Path

import numpy as np
import pytest
import torch

from charagen_train import images
from charagen_train.data.dicebear_styles import STYLES
from charagen_train.data.lpc_palettes import load_palettes
from charagen_train.data.portrait_builder import palette_choices
from charagen_train.errors import CharagenError
from charagen_train.head_encoder import inputs, pairing
from charagen_train.head_encoder.bundle import read_encoder_bundle, write_encoder_bundle
from charagen_train.head_encoder.net import HeadEncoderNet, encode_w, sharpened, ws_weights
from charagen_train.head_encoder.trainer import augment
from charagen_train.render.encoder import LabelEncoder

FIXTURE = Path(__file__).resolve().parents[2] / "generator/src/test/resources/head-encoder"


def test_pairing_table_names_real_parts(composer):
    catalogue = composer.catalogue
    skin, hair = palette_choices(load_palettes())
    for sex in ("male", "female"):
        assert set(catalogue.hair_styles(sex)) <= set(pairing.HAIR_STYLES), "an LPC style has no adventurer pair"
        assert {pairing.SKIN_TONES.get(t, t) for t in catalogue.tones(sex)} <= set(skin)
        assert set(catalogue.hair_colours(sex)) <= set(hair)
    assert set(pairing.HAIR_STYLES.values()) <= set(STYLES["adventurer"]["hair"])


def test_targets_and_paired_face_agree(composer):
    catalogue = composer.catalogue
    classes = pairing.head_classes(catalogue.tones("male"), catalogue.hair_colours("male"))
    palettes = load_palettes()
    seen_beard = False
    for i in range(60):
        labels = composer.plan(5, i)
        y = pairing.targets(labels, classes)
        face = pairing.paired_face(labels, palettes, {"features": None})
        tokens = [pairing.face_token(h, classes[h][k]) for h, k in zip(pairing.HEADS, y)]
        assert tokens[0] == f"skin:{face['skin_tone']}" and tokens[1] == f"hair_colour:{face['hair_colour']}"
        assert tokens[2] == f"hair:{face['hair']}"
        assert (tokens[3] is not None) == (face["features"] == "mustache")
        seen_beard |= tokens[3] is not None
    assert seen_beard


def test_input_scales_rgb_and_masks_the_background():
    frames = np.zeros((4, 48, 48, 4), dtype=np.uint8)
    frames[0, 3, 5] = (255, 0, 127, 255)
    frames[1, 4, 6] = (10, 20, 30, 100)   # alpha below 128: not figure
    frames[2, 40, 7] = (255, 255, 255, 255)  # below the rows read
    x = inputs.encoder_input(frames)
    assert x.shape == (16, inputs.ROWS, 48)
    assert x[0:4, 3, 5] == pytest.approx([1.0, -1.0, 127 / 127.5 - 1, 1.0])
    assert np.count_nonzero(x) == 4  # only the one figure pixel (R, G, B and mask)


def test_mirroring_swaps_the_side_views():
    tops = np.zeros((64, 4, inputs.ROWS, 48, 4), dtype=np.uint8)
    tops[:, 1, 0, 0] = (200, 0, 0, 255)   # left view, left edge
    out = augment(tops, np.random.RandomState(0))
    flipped = out[:, 2, 0, 47, 3] == 255
    assert 10 < flipped.sum() < 54
    assert (out[flipped, 1, ..., 3] == 0).all() and (out[~flipped, 1, 0, 0, 3] == 255).all()


def test_exported_w_is_the_paired_faces_w():
    """With one class certain in every head, the network's w is E of the paired face's tokens."""
    torch.manual_seed(0)
    shapes = ["hair:long05", "hair:short09", "features:mustache", "mouth:variant09"]
    colours = ["skin:dark", "skin:light", "hair_colour:black", "hair_colour:blonde"]
    E = LabelEncoder(len(shapes), len(colours), 8)
    E.bias.data.normal_()
    sv = {t: E.shape[i].detach() for i, t in enumerate(shapes)}
    cv = {t: E.colour[i].detach() for i, t in enumerate(colours)}
    tokens = [["skin:dark", "skin:light"], ["hair_colour:black", "hair_colour:blonde"], ["hair:long05", "hair:short09"],
              [None, "features:mustache"]]
    weight = ws_weights(tokens, sv, cv, 8)
    bias = E.bias.detach() + sv["mouth:variant09"]
    net = HeadEncoderNet([2, 2, 2, 2], [(4, 1), (4, 2), (4, 2), (4, 2)], 8)
    with torch.no_grad():
        net.fc[1].weight.zero_()
        net.fc[1].bias.copy_(torch.tensor([0, 50, 50, 0, 0, 50, 0, 50.0]))  # light, black, short09, moustache
    w = encode_w(net, weight, bias, torch.zeros(1, 16, inputs.ROWS, 48))[0]
    expected = E([[1, 2, 3]], [[1, 2]])[0].detach()
    assert torch.allclose(w, expected, atol=1e-5)


def test_sharpening_makes_a_head_pick_one_class_and_leaves_the_others():
    torch.manual_seed(0)
    net = HeadEncoderNet([2, 3], [(4, 1), (4, 2), (4, 2), (4, 2)], 8)
    with torch.no_grad():
        net.fc[1].weight.zero_()
        net.fc[1].bias.copy_(torch.tensor([0.0, 0.5, 0.0, 0.4, 0.0]))
    x = torch.zeros(1, 16, inputs.ROWS, 48)
    sharp = sharpened(net, ["skin_tone", "hair_style"], {"hair_style": 20.0})
    before, after = net.probabilities(net(x))[0], sharp.probabilities(sharp(x))[0]
    assert torch.allclose(after[:2], before[:2]), "a head without a factor keeps its mix"
    assert before[2:].max() < 0.5 and after[2:].max() > 0.99 and after[2:].argmax() == before[2:].argmax()
    assert float(net.fc[1].bias[3]) == pytest.approx(0.4), "the trained network is not changed"


def test_committed_java_fixture_agrees_with_the_toolkit():
    card, net, ws_weight, ws_bias = read_encoder_bundle(FIXTURE / "tiny.encoder.json")
    expected = json.loads((FIXTURE / "expected.json").read_text())
    strip = images.read_rgba_png(FIXTURE / "frames.png", "the fixture's frames carry alpha")
    frames = np.stack(np.split(strip, 4, axis=1))
    x = torch.from_numpy(inputs.encoder_input(frames))[None]
    assert float(x.double().sum()) == pytest.approx(expected["input_sum"], abs=1e-3)
    with torch.no_grad():
        assert net(x)[0].numpy() == pytest.approx(expected["logits"], abs=1e-5)
        assert encode_w(net, ws_weight, ws_bias, x)[0].numpy() == pytest.approx(expected["w"], abs=1e-5)


def test_bundle_with_changed_weights_is_refused(tmp_path):
    net = HeadEncoderNet([2], [(2, 1), (2, 2), (2, 2), (2, 2)], 4)
    heads = [{"name": "beard", "classes": ["none", "moustache"], "tokens": [None, "features:mustache"]}]
    pairs = {"sprite": {"name": "s", "sha256": "0" * 64}, "portrait": {"name": "p", "sha256": "1" * 64}}
    card = write_encoder_bundle(tmp_path / "e.json", "e", net, heads, torch.zeros(2, 4), torch.zeros(4), pairs)
    read_encoder_bundle(card)
    weights = tmp_path / "e.safetensors"
    weights.write_bytes(weights.read_bytes()[:-4] + b"\0\0\0\1")
    with pytest.raises(CharagenError, match="sha256"):
        read_encoder_bundle(card)
    with pytest.raises(CharagenError, match="exists"):
        write_encoder_bundle(card, "e", net, heads, torch.zeros(2, 4), torch.zeros(4), pairs)
