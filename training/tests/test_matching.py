"""check-matching: the sprite and face colour measures on truths (composed LPC characters, DiceBear
faces drawn with the same palettes), the headgear table against the LPC layers, pairs that match
and pairs that do not, and the command on a folder laid out as `charagen generate` writes it."""

import json

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from charagen_train.cli import main
from charagen_train.data import sheet_layout as sl
from charagen_train.data.portrait_builder import draw_sample
from charagen_train.evaluate import matching as mt
from charagen_train.evaluate.metrics import srgb_to_lab
from charagen_train.render.faces import recoloured

from face_sheets import sheet_of

FACE = 144


@pytest.fixture(scope="module")
def truths(composer):
    """40 composed characters (seed 4242): (labels, 144 x 192 MV character)."""
    return [(s.labels, mv_character(s.rgba)) for s in (composer.compose(4242, i) for i in range(40))]


def mv_character(canvas: np.ndarray) -> np.ndarray:
    """The MV character (3 patterns x 4 directions of 48 x 48) in a composed 256 x 256 canvas."""
    rows = []
    for row in range(4):
        boxes = [sl.window_box(row, pattern) for pattern in range(3)]
        rows.append(np.concatenate([canvas[y0:y1, x0:x1] for x0, y0, x1, y1 in boxes], axis=1))
    return np.concatenate(rows, axis=0)


def front(character: np.ndarray) -> np.ndarray:
    return character[:48, 48:96]


def lab_of(code: str) -> np.ndarray:
    return srgb_to_lab(mt.hex_rgb(code))


def face_like(labels: dict, palettes: dict, index: int = 0) -> dict:
    """A DiceBear face label wearing the skin tone and hair colour names of a composed character."""
    face = draw_sample(11, index, palettes)
    face = recoloured(face, "skin", labels["skin_tone"], palettes)
    return recoloured(face, "hair_colour", labels["hair_colour"], palettes)


def test_the_sprite_measure_finds_the_palette_colours_of_composed_characters(truths, palettes):
    hidden = 0
    for labels, character in truths:
        colours = mt.sprite_colours(front(character))
        skin = lab_of(palettes["skin_tones"][labels["skin_tone"]]["hex"])
        assert np.linalg.norm(colours.skin_lab - skin) < 0.5, labels["index"]
        if labels["headgear"]:
            hidden += 1
            assert colours.hair_hidden and colours.hair_name is None, labels["index"]
        else:
            assert colours.hair_hidden is None and colours.hair_name == labels["hair_colour"], labels["index"]
            assert colours.hair_misfit < 8
            assert colours.hair_rgb == tuple(mt.hex_rgb(palettes["hair_colours"][labels["hair_colour"]]["hex"]))
    assert 5 <= hidden <= 15


def test_outline_and_transparent_pixels_do_not_count(truths):
    labels, character = next(t for t in truths if not t[0]["headgear"])
    frame = front(character).copy()
    before = mt.sprite_colours(frame)
    figure = frame[..., 3] > 0
    rim = figure & ~ndimage.binary_erosion(figure, structure=np.ones((3, 3), bool))
    frame[rim, :3] = (0, 255, 0)  # the outline in a loud colour
    frame[~figure, :3] = (255, 0, 255)  # a colour behind the figure: transparent
    after = mt.sprite_colours(frame)
    assert after.hair_name == before.hair_name and np.allclose(after.skin_lab, before.skin_lab)
    assert after.hair_misfit == pytest.approx(before.hair_misfit)


def test_the_headgear_colours_are_those_of_the_lpc_layers(composer):
    x0, y0, x1, y1 = sl.window_box(0, 1)
    for sex in ("male", "female"):
        body = next(layer.path for layer in composer.catalogue.select("body", sex) if layer.name == "light")
        for layer in composer.catalogue.select("head", sex):
            _, rgba = composer.render([layer.path], body)
            frame = rgba[y0:y1, x0:x1]
            colours, counts = np.unique(frame[frame[..., 3] > 0][:, :3], axis=0, return_counts=True)
            ramp = {"#%02x%02x%02x" % tuple(c) for c in colours[counts >= 0.005 * counts.sum()]}
            kind = f"{layer.group.split('/')[-1]}/{layer.name.replace('_male', '').replace('_female', '')}"
            assert ramp == set(mt.HEADGEAR_RAMPS[kind]), layer.path


def test_the_face_measure_finds_skin_hex_and_hair_hex(face_worker, palettes):
    labels = [draw_sample(4243, i, palettes) for i in range(16)]
    shaved = {**labels[0], "hair": "short19"}
    labels.append(recoloured({**labels[1], "hair": "long06"}, "hair_colour", "black", palettes))  # near-black hair
    faces = face_worker.render(labels + [shaved])
    for label, face in zip(labels, faces):
        colours = mt.face_colours(face)
        assert np.linalg.norm(colours.skin_lab - lab_of(label["skin_hex"])) < 0.5, label["index"]
        if label["hair"] == "short19":
            assert colours.hair_lab is None
        else:
            assert np.linalg.norm(colours.hair_lab - lab_of(label["hair_hex"])) < 1.5, label["index"]
    assert mt.face_colours(faces[-1]).hair_lab is None  # a shaved head draws no hair colour


def test_a_face_with_the_sprites_colours_matches_and_one_with_other_hair_does_not(truths, face_worker, palettes):
    labels, character = next(t for t in truths if not t[0]["headgear"] and t[0]["hair_colour"] != "black")
    sprite = mt.sprite_colours(front(character))
    same = face_like(labels, palettes)
    same = {**same, "hair": same["hair"] if same["hair"] != "short19" else "short01"}
    other = recoloured(same, "hair_colour", "black", palettes)
    matching_face, other_face = face_worker.render([same, other])
    good = mt.match(sprite, mt.face_colours(matching_face))
    assert good.hair_de < 2 and good.skin_de < 2 and good.hair_note is None
    bad = mt.match(sprite, mt.face_colours(other_face))
    assert bad.hair_de > 15 and bad.skin_de < 2


def test_hair_under_headgear_is_reported_hidden_not_compared(truths, face_worker, palettes):
    labels, character = next(t for t in truths if t[0]["headgear"])
    face = face_worker.render([face_like(labels, palettes)])[0]
    result = mt.match(mt.sprite_colours(front(character)), mt.face_colours(face))
    assert result.hair_de is None and "hidden" in result.hair_note and result.skin_de < 2


@pytest.fixture
def export(tmp_path, truths, face_worker, palettes):
    """A folder as `charagen generate --count 8 --name T` (and a `--name Hero`) writes it, from truths."""
    (tmp_path / "characters").mkdir()
    (tmp_path / "faces").mkdir()
    sheet = np.zeros((384, 576, 4), np.uint8)
    for k, (labels, character) in enumerate(truths[:8]):
        sheet[(k // 4) * 192:(k // 4 + 1) * 192, (k % 4) * 144:(k % 4 + 1) * 144] = character
    Image.fromarray(sheet).save(tmp_path / "characters" / "T.png")
    Image.fromarray(truths[8][1]).save(tmp_path / "characters" / "$Hero.png")
    faces = face_worker.render([face_like(labels, palettes, k) for k, (labels, _) in enumerate(truths[:9])])
    for k, face in enumerate(faces[:8]):
        Image.fromarray(sheet_of([face])).save(tmp_path / "faces" / f"T_{k + 1}.png")
    Image.fromarray(sheet_of([faces[8]])).save(tmp_path / "faces" / "Hero.png")
    return tmp_path


def test_the_command_pairs_every_character_with_its_face(export, tmp_path, truths, capsys):
    out_json, out_png = tmp_path / "m.json", tmp_path / "m.png"
    assert main(["check-matching", str(export), "--json", str(out_json), "--png", str(out_png)]) == 0
    out = capsys.readouterr().out
    assert "T.png #7 / T_8.png:" in out and "$Hero.png / Hero.png:" in out
    hidden = sum(1 for labels, _ in truths[:9] if labels["headgear"])
    measured = 9 - hidden
    assert f"hair within dE 15: {measured} of {measured} ({hidden} not measurable)" in out
    assert "skin within dE 15: 9 of 9" in out and "9 of 9 characters pass" in out
    result = json.loads(out_json.read_text())
    assert len(result["characters"]) == 9 and result["skin"]["within"] == 9
    assert Image.open(out_png).size == (4 * (2 * FACE + 8) + 8, 3 * (FACE + 8) + 8)
    assert main(["check-matching", str(export), "--json", str(out_json)]) == 1  # no --force
    assert "already exists" in capsys.readouterr().err


def test_bad_input_is_refused_naming_the_file(export, capsys):
    (export / "faces" / "T_8.png").unlink()
    assert main(["check-matching", str(export)]) == 2
    err = capsys.readouterr().err
    assert str(export / "faces" / "T_8.png") in err and "not found" in err

    Image.fromarray(np.zeros((100, 100, 4), np.uint8)).save(export / "characters" / "Odd.png")
    assert main(["check-matching", str(export)]) == 2
    assert str(export / "characters" / "Odd.png") in capsys.readouterr().err

    (export / "characters" / "Odd.png").unlink()
    Image.fromarray(np.zeros((10, 10, 4), np.uint8)).save(export / "faces" / "T_8.png")
    assert main(["check-matching", str(export)]) == 2
    assert f"{export / 'faces' / 'T_8.png'}: expected a 576 x 288 RGBA face sheet" in capsys.readouterr().err

    assert main(["check-matching", str(export / "faces")]) == 2
    assert "no characters/ folder" in capsys.readouterr().err
