"""check-faces on face sheets of DiceBear's own faces wearing the presets' parts (which must all
pass), on the faults each check is there to catch, and a re-measurement of its regions."""

import numpy as np
from PIL import Image

from charagen_train.cli import main
from charagen_train.data.portrait_builder import draw_sample
from charagen_train.evaluate import face_checks as fc
from charagen_train.render.face_presets import EXPRESSION_PRESETS
from charagen_train.render.faces import recoloured, with_expression

from face_sheets import sheet_of

FACE = fc.FACE


def expression_faces(face_worker, label):
    return face_worker.render([{**label, **p.parts} for p in EXPRESSION_PRESETS])


def test_dicebear_faces_wearing_the_presets_pass(face_worker, palettes):
    for i in range(12):
        reports = fc.check_sheet(sheet_of(expression_faces(face_worker, draw_sample(5, i, palettes))), f"{i}")
        assert len(reports) == len(EXPRESSION_PRESETS) - 1
        assert [r.failures for r in reports] == [[]] * len(reports)


def test_an_unchanged_face_a_recoloured_hair_and_a_new_hair_style_fail(face_worker, palettes):
    label = next(draw_sample(5, i, palettes) for i in range(50) if draw_sample(5, i, palettes)["hair"])
    neutral, happy = expression_faces(face_worker, label)[:2]
    same = fc.check_expression(neutral, neutral, "same")
    assert any("eyes" in f for f in same.failures) and any("mouth" in f for f in same.failures)

    other = "blonde" if label["hair_colour"] != "blonde" else "black"
    recoloured_hair = face_worker.render([{**recoloured(label, "hair_colour", other, palettes),
                                      **EXPRESSION_PRESETS[1].parts}])[0]
    report = fc.check_expression(neutral, recoloured_hair, "recoloured")
    assert report.hair_de > fc.MAX_HAIR_DE and any("hair colour" in f for f in report.failures)

    styles = [draw_sample(6, i, palettes)["hair"] for i in range(50)]
    other_style = next(s for s in styles if s and s != label["hair"])
    restyled = face_worker.render([{**label, **EXPRESSION_PRESETS[1].parts, "hair": other_style}])[0]
    report = fc.check_expression(neutral, restyled, "restyled")
    assert report.hair_ratio > fc.MAX_HAIR_RATIO and any("hair band" in f for f in report.failures)
    assert fc.check_expression(neutral, happy, "happy").passes


def test_the_regions_hold_what_changes(face_worker, palettes):
    """Where pixels change between a face and the face wearing another's expression, or without
    its hair, over 40 faces: the expression inside the eyes and mouth boxes, the hair band mostly
    hair."""
    expression = np.zeros((FACE, FACE))
    hair = np.zeros((FACE, FACE))
    n = 40
    for i in range(n):
        a, b = draw_sample(7, 2 * i, palettes), draw_sample(7, 2 * i + 1, palettes)
        face, wearing_b, bald = face_worker.render([a, with_expression(a, b), {**a, "hair": None}])
        expression += np.abs(face.astype(int) - wearing_b).max(-1) > fc.CHANGED_STEP
        hair += np.abs(face.astype(int) - bald).max(-1) > fc.CHANGED_STEP
    changed = expression / n > 0.1
    top, bottom, left, right = fc.EYES[0], fc.MOUTH[1], fc.EYES[2], fc.EYES[3]
    inside = np.zeros_like(changed)
    inside[top:bottom, left:right] = True
    assert changed.sum() > 500 and (changed & ~inside).sum() <= 0.02 * changed.sum()
    band = (hair / n)[fc.HAIR_BAND[0]:fc.HAIR_BAND[1], fc.HAIR_BAND[2]:fc.HAIR_BAND[3]]
    assert band.mean() > 0.5
    assert not changed[fc.HAIR_BAND[0]:fc.HAIR_BAND[1], fc.HAIR_BAND[2]:fc.HAIR_BAND[3]].any()


def test_the_command_reports_and_refuses_what_is_not_a_face_sheet(face_worker, palettes, tmp_path, capsys):
    faces = expression_faces(face_worker, draw_sample(5, 0, palettes))
    Image.fromarray(sheet_of(faces)).save(tmp_path / "Hero.png")
    Image.fromarray(sheet_of(faces[:3])).save(tmp_path / "Short.png")
    assert main(["check-faces", str(tmp_path / "Hero.png"), str(tmp_path / "Short.png"),
                 "--json", str(tmp_path / "out.json")]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'Short.png'}: 2 expressions besides neutral" in out and "6 of 6 expressions pass in 2 sheets" in out
    assert (tmp_path / "out.json").is_file()

    Image.fromarray(np.zeros((192, 144, 4), np.uint8)).save(tmp_path / "odd.png")
    assert main(["check-faces", str(tmp_path / "odd.png")]) == 2
    assert "expected a 576 x 288 RGBA face sheet" in capsys.readouterr().err
    Image.fromarray(sheet_of(faces[:1])).save(tmp_path / "one.png")
    assert main(["check-faces", str(tmp_path / "one.png")]) == 2
