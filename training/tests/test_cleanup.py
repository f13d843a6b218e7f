"""The scorer's clean-up makes the Java clean-up's decisions: the halo cases of EdgeMatteTest.java
give the same pixels here, and composed LPC sheets lose nothing."""

import numpy as np
import pytest

from charagen_train.data import sheet_layout as sl
from charagen_train.data.lpc_catalogue import load_catalogue
from charagen_train.data.sprite_composer import SpriteComposer
from charagen_train.evaluate.cleanup import figure_mask, rim_halo

BG = (0x00, 0xFF, 0x79)
BROWN, SKIN, OUTLINE = (0x6A, 0x3C, 0x28), (0xE6, 0xBE, 0xA0), (0x20, 0x10, 0x08)


def blend(figure, a):
    return tuple(int(np.floor(a * f + (1 - a) * b + 0.5)) for f, b in zip(figure, BG))  # Math.round


def rings(size, colours):
    """A size x size image on the background with a (size - 4)-square figure whose ring k (0: its
    edge) has colours[min(k, len(colours) - 1)]."""
    rgb = np.zeros((size, size, 3), np.uint8)
    rgb[:] = BG
    n = size - 4
    for y in range(n):
        for x in range(n):
            ring = min(x, y, n - 1 - x, n - 1 - y)
            rgb[2 + y, 2 + x] = colours[min(ring, len(colours) - 1)]
    mask = np.zeros((size, size), bool)
    mask[2:size - 2, 2:size - 2] = True
    return rgb, mask


@pytest.mark.parametrize("colours, removed", [
    ((blend(BROWN, 0.3), BROWN), 28),          # mostly background: all of the rim
    ((blend(BROWN, 0.7), BROWN), 0),           # mostly figure
    ((OUTLINE, SKIN), 0),                      # a dark outline beside a light fill is no blend
    ((SKIN, SKIN), 0),
])
def test_halo_cases_match_edge_matte_java(colours, removed):
    rgb, mask = rings(12, colours)
    halo = rim_halo(rgb, mask, BG)
    assert halo.sum() == removed
    assert not (halo & ~mask).any()


def test_halo_outside_an_outline_goes_and_the_outline_stays():
    rgb, mask = rings(14, (blend(OUTLINE, 0.35), OUTLINE, SKIN))
    halo = rim_halo(rgb, mask, BG)
    assert halo.sum() == 36
    assert halo[2, 6] and not halo[3, 6]


def test_composed_lpc_sheets_lose_no_pixel(lpc_dir):
    composer = SpriteComposer(lpc_dir, load_catalogue(lpc_dir))
    for i in range(12):
        sample = composer.compose(4242, i)
        truth = sample.rgba[..., 3] > 0
        assert np.array_equal(figure_mask(sample.rgb, sl.BACKGROUND), truth), f"character {i}"
