"""check-sheets on MV characters cut from composed LPC truth sheets (which must all pass), and on
the faults each check is there to catch."""

import numpy as np
import pytest
from PIL import Image

from charagen_train.cli import main
from charagen_train.data import sheet_layout as sl
from charagen_train.data.lpc_catalogue import load_catalogue
from charagen_train.data.sprite_composer import SpriteComposer
from charagen_train.evaluate import sheet_checks as sc

FRAME = sc.FRAME


def mv_character(canvas_rgba: np.ndarray) -> np.ndarray:
    """The 144 x 192 MV character in a training canvas: the frame window of columns 0..2."""
    out = np.zeros((4 * FRAME, 3 * FRAME, 4), np.uint8)
    for row in range(4):
        for pattern in range(3):
            x0, y0, x1, y1 = sl.window_box(row, pattern)
            out[row * FRAME:(row + 1) * FRAME, pattern * FRAME:(pattern + 1) * FRAME] = canvas_rgba[y0:y1, x0:x1]
    return out


@pytest.fixture(scope="module")
def truths(lpc_dir):
    composer = SpriteComposer(lpc_dir, load_catalogue(lpc_dir))
    return [mv_character(composer.compose(4242, i).rgba) for i in range(24)]


def frame(character, direction, pattern):
    r = sc.DIRECTIONS.index(direction)
    return character[r * FRAME:(r + 1) * FRAME, pattern * FRAME:(pattern + 1) * FRAME]


def test_composed_truths_pass_and_are_all_different(truths):
    for i, c in enumerate(truths):
        assert sc.check_character(c, str(i)).failures == []
    assert sc.same_character_pairs([(str(i), c) for i, c in enumerate(truths)]) == []


def test_each_fault_is_named(truths):
    c = truths[0].copy()
    frame(c, "up", 2)[:] = 0
    assert sc.check_character(c, "x").failures == ["up pattern 2: no figure"]

    c = truths[0].copy()
    frame(c, "down", 0)[:, :] = 0
    frame(c, "down", 0)[2:44, 2:14] = 255          # two figures side by side
    frame(c, "down", 0)[2:44, 30:46] = 255
    assert "down pattern 0: more than one figure" in sc.check_character(c, "x").failures

    c = truths[0].copy()
    frame(c, "left", 1)[:20] = 0                     # a figure cut off at the chest
    assert any(f.startswith("left pattern 1: figure") and "px tall" in f for f in sc.check_character(c, "x").failures)

    c = truths[0].copy()
    c[2 * FRAME:3 * FRAME] = c[1 * FRAME:2 * FRAME]  # right row = left row, not mirrored
    assert any("mirrored right" in f for f in sc.check_character(c, "x").failures)

    c = truths[0].copy()
    left = c[1 * FRAME:2 * FRAME]
    left[..., :3][left[..., 3] > 0] = 255 - left[..., :3][left[..., 3] > 0]   # left view in other colours
    assert any("left" in f and "colours" in f for f in sc.check_character(c, "x").failures)


def test_duplicates_and_sheet_layouts(truths, tmp_path, capsys):
    sheet = np.zeros((2 * 192, 4 * 144, 4), np.uint8)
    for i in range(8):
        sheet[(i // 4) * 192:(i // 4 + 1) * 192, (i % 4) * 144:(i % 4 + 1) * 144] = truths[i if i != 5 else 2]
    Image.fromarray(sheet, "RGBA").save(tmp_path / "Many.png")
    Image.fromarray(truths[9], "RGBA").save(tmp_path / "$One.png")
    assert main(["check-sheets", str(tmp_path / "Many.png"), str(tmp_path / "$One.png"),
                 "--json", str(tmp_path / "r.json")]) == 0
    out = capsys.readouterr().out
    assert "Many.png #2 and Many.png #5: the same character" in out
    assert "9 of 9 characters pass; pairs that are the same character: 1" in out

    Image.fromarray(truths[0][:100], "RGBA").save(tmp_path / "odd.png")
    assert main(["check-sheets", str(tmp_path / "odd.png")]) == 2
    assert "neither one MV character" in capsys.readouterr().err
