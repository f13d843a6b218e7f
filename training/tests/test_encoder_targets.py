"""The head encoder's targets: colours read off drawn sheets (readings.py), the per-kind targets
(targets.py) and a loss that ignores the heads a sample has no target for."""
import numpy as np
import pytest
import torch

from charagen_train.head_encoder import inputs, pairing, readings, targets
from charagen_train.head_encoder.net import HeadEncoderNet
from charagen_train.head_encoder.samples import COMPOSED, DRAWN, SEEDED, Samples, seed_psi
from charagen_train.head_encoder.trainer import loss_of


@pytest.fixture(scope="module")
def classes(composer):
    catalogue = composer.catalogue
    return pairing.head_classes(catalogue.tones("male"), catalogue.hair_colours("male"))


@pytest.fixture(scope="module")
def characters(composer, classes):
    """20 composed characters: (encoder view, labels, head classes)."""
    out = []
    for i in range(20):
        s = composer.compose(31, i)
        out.append((inputs.frame_tops(s.rgba), s.labels, pairing.targets(s.labels, classes)))
    return out


def test_a_blend_of_two_tones_is_read_as_that_mix():
    anchors = np.array([[50.0, 20, 30], [80, 5, 40], [70, 0, -10]])
    assert readings.nearest_mix(anchors[1], anchors) == pytest.approx([0, 1, 0])
    mix = readings.nearest_mix(0.3 * anchors[0] + 0.7 * anchors[1] + [0, 0.5, 0], anchors)
    assert mix == pytest.approx([0.3, 0.7, 0], abs=0.01)
    beyond = readings.nearest_mix(anchors[0] - [20, 0, 0], anchors)  # darker than every anchor
    assert beyond.sum() == pytest.approx(1) and beyond[0] == pytest.approx(1)


def test_composed_characters_read_as_their_labels(characters, classes):
    tone_labs = readings.palette_labs("skin_tones", classes["skin_tone"])
    hair_read = 0
    for tops, labels, y in characters:
        reading = readings.read(tops, tone_labs, classes["hair_colour"])
        assert reading.skin.argmax() == y[0] and reading.skin.max() == pytest.approx(1, abs=1e-3), labels["skin_tone"]
        if reading.hair is not None:  # None under headgear
            assert reading.hair == y[1], labels["hair_colour"]
            hair_read += 1
    assert hair_read >= 10


def test_targets_take_labels_or_readings_by_kind(characters, classes):
    tops = np.stack([c[0] for c in characters[:6]])
    y = np.array([c[2] for c in characters[:6]], dtype=np.int64)
    kind = np.array([COMPOSED, COMPOSED, DRAWN, DRAWN, SEEDED, SEEDED], np.uint8)
    y[kind == SEEDED] = -1
    # A drawn sheet's colours come from the sheet: give sample 2 another character's head.
    tops[2] = characters[10][0]
    t = targets.build(Samples(tops, y, kind), classes)
    offsets = targets.head_offsets(classes)
    head = lambda i, k: t.p[i, offsets[k]:offsets[k + 1]]  # noqa: E731
    assert t.known[:4, 2:].all() and not t.known[4:, 2:].any(), "style and beard only where there are labels"
    assert t.known[:, 0].all()
    for i in range(6):
        for k in range(4):
            assert head(i, k).sum() == pytest.approx(1 if t.known[i, k] else 0, abs=1e-5)
    assert head(0, 1).argmax() == y[0, 1] and head(3, 2).argmax() == y[3, 2]
    assert head(2, 0).argmax() == characters[10][2][0], "a drawn sheet's skin is read off the sheet"
    assert head(2, 2).argmax() == y[2, 2], "a drawn sheet's style is its label"


def test_the_loss_ignores_heads_without_a_target(classes):
    torch.manual_seed(0)
    net = HeadEncoderNet([len(classes[h]) for h in pairing.HEADS])
    tops = np.random.RandomState(0).randint(0, 256, size=(3, 4, inputs.ROWS, 48, 4)).astype(np.uint8)
    total = targets.head_offsets(classes)[-1]
    p = np.random.RandomState(1).rand(3, total).astype(np.float32)
    known = np.array([[True, True, False, False]] * 3)
    before = float(loss_of(net, tops, targets.Targets(p, known)))
    p[:, targets.head_offsets(classes)[2]:] = 0  # the unknown heads' targets change
    assert float(loss_of(net, tops, targets.Targets(p, known))) == pytest.approx(before)


def test_a_seeds_psi_depends_on_the_seed_alone():
    values = [seed_psi(s, (0.4, 1.0)) for s in range(100)]
    assert all(0.4 <= v <= 1.0 for v in values) and len(set(values)) == 100
    assert seed_psi(7, (0.4, 1.0)) == seed_psi(7, (0.4, 1.0))
