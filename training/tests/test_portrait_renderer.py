"""The renderer's portrait subject (`train --method renderer --config tiny-portrait --data dicebear`):
face labels as tokens, A's identity with B's expression as exact DiceBear targets, the identity and
expression rows of W+, and a few training steps that score held-out faces by PSNR and resume. Needs
Node.js and `npm ci --prefix training/portraits` (training/run-tests installs them)."""

import json
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch

from charagen_train.cli import main
from charagen_train.data.face_worker import FaceWorker
from charagen_train.data.lpc_palettes import load_palettes
from charagen_train.data.portrait_builder import draw_sample
from charagen_train.errors import UsageError
from charagen_train.render.config import PRESETS, RendererConfig
from charagen_train.render.faces import (ACCESSORY_PARTS, EXPRESSION_PARTS, FaceDrawer, FaceVocabulary,
                                         HeldOutFaces, psnr, score_faces, with_accessories, with_expression)
from charagen_train.render.model import RendererModel
from charagen_train.train.resume import ResumePoint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def vocabulary(palettes):
    return FaceVocabulary.of_style(palettes)


def test_every_face_of_the_data_set_has_tokens(vocabulary, palettes):
    for i in range(200):
        label = draw_sample(0, i, palettes)
        shapes, colours = vocabulary.encode(label)
        assert len(colours) == 2 and vocabulary.colours[colours[0]] == f"skin:{label['skin_tone']}"
        assert vocabulary.shapes[shapes[0]] == f"hair:{label['hair'] or 'none'}"
        assert len(shapes) == 4 + sum(label[x] is not None for x in ("glasses", "earrings", "features"))
    with pytest.raises(KeyError, match="mouth:variant99"):
        vocabulary.encode(dict(draw_sample(0, 0, palettes), mouth="variant99"))


def test_a_mix_is_a_wearing_b_s_expression_and_c_s_accessories_drawn_exactly(vocabulary, palettes):
    with FaceWorker(64) as worker:
        drawer = FaceDrawer(worker, vocabulary, palettes, seed=3, mix_prob=1.0, accessories=True)
        batch = drawer.batch(0, 2)
        a, b, c = drawer.labels(0), drawer.labels(1), drawer.labels(2)
        mix = with_accessories(with_expression(a, b), c)
        assert all(mix[p] == b[p] for p in EXPRESSION_PARTS) and all(mix[p] == c[p] for p in ACCESSORY_PARTS)
        assert (mix["hair"], mix["skin_tone"], mix["hair_colour"]) == (a["hair"], a["skin_tone"], a["hair_colour"])
        assert mix["expression"] == b["expression"]
        truth = torch.from_numpy(worker.render([mix])).permute(0, 3, 1, 2).float() / 127.5 - 1
        assert torch.equal(batch.target[:1], truth)
        assert bool(batch.mixed.all()) and batch.shapes_a[0] == vocabulary.encode(a)[0]
        assert batch.shapes_b[0] == vocabulary.encode(b)[0] and batch.shapes_c[0] == vocabulary.encode(c)[0]
        plain = FaceDrawer(worker, vocabulary, palettes, seed=3, mix_prob=1.0).batch(0, 1)  # no accessory layers
        assert plain.shapes_c is None


def test_identity_and_expression_rows(vocabulary):
    config = PRESETS["portrait"]
    config.check()
    groups = config.layer_groups()
    assert groups == {"identity": [0, 1, 2, 9, 10, 11, 12, 13], "expression": [5, 6, 7, 8], "accessories": [3, 4]}
    tiny = PRESETS["tiny-portrait"]
    model = RendererModel(tiny.generator_kwargs(), len(vocabulary.shapes), len(vocabulary.colours),
                          tiny.colour_from, tiny.output, tiny.b_rows(), tiny.c_rows())
    ws = model.ws([[0, 1]], [[0]], [[2, 3]], [[1]], shapes_c=[[4]], colours_c=[[2]])
    w_a, w_b, w_c = model.encoder([[0, 1]], [[0]]), model.encoder([[2, 3]], [[1]]), model.encoder([[4]], [[2]])
    groups = tiny.layer_groups()
    for row in range(ws.shape[1]):
        want = w_b if row in groups["expression"] else w_c if row in groups["accessories"] else w_a
        assert torch.equal(ws[0, row], want[0])
    assert torch.equal(model.ws([[0, 1]], [[0]])[0], w_a.expand(ws.shape[1], -1))


@pytest.mark.parametrize("change, message", [
    ({"output": "palette"}, "draws RGB"),
    ({"expression_rows": (0, 10)}, "expression_rows"),
    ({"expression_rows": (3,)}, "expression_rows"),
    ({"accessory_rows": (4, 7)}, "must not overlap"),
    ({"resolution": 96}, "power of two"),
])
def test_bad_portrait_configs_are_refused(change, message):
    import dataclasses
    with pytest.raises(UsageError, match=message):
        dataclasses.replace(PRESETS["tiny-portrait"], **change).check()


def test_psnr_scores():
    a = np.zeros((2, 64, 64, 3), np.uint8)
    b = a.copy()
    b[1] += 16
    s = score_faces(b, HeldOutFaces(a, [{}, {}]))
    assert s["psnr"][0] == 100.0 and s["psnr"][1] == pytest.approx(10 * np.log10(255 ** 2 / 256), abs=0.01)
    assert s["psnr_worst"] == pytest.approx(s["psnr"][1], abs=0.01) and psnr(a[0], a[0]) == 100.0


def test_a_tiny_portrait_run_scores_held_out_faces_and_resumes(tmp_path):
    run = tmp_path / "faces"
    common = ["--method", "renderer", "--data", "dicebear", "--tick-kimg", "0.002", "--eval-kimg", "0.004",
              "--grid-kimg", "0.008", "--threads", "1", "--seed", "3"]
    assert main(["train", *common, "--config", "tiny-portrait", "--out", str(run), "--kimg", "0.008"]) == 0
    log = [json.loads(line) for line in (run / "log.jsonl").read_text().splitlines()]
    assert log[-1]["kimg"] == pytest.approx(0.008) and 0 < log[-1]["psnr_median"] < 100
    point = ResumePoint.read(run / "resume")
    assert point.state["config"]["subject"] == "portrait"
    assert point.state["layer_groups"] == {"identity": [0, 1, 2, 8, 9], "expression": [3, 4, 5], "accessories": [6, 7]}
    assert point.state["data"]["source"] == "dicebear:adventurer"
    assert point.state["data"]["meta"]["styles"][0]["licence"] == "CC BY 4.0"
    assert (run / "grid-00000.008kimg.png").is_file()
    again = tmp_path / "again"
    assert main(["train", *common, "--resume", str(run / "resume"), "--out", str(again), "--kimg", "0.012",
                 "--processes", "2"]) == 0
    assert ResumePoint.read(again / "resume").state["cur_nimg"] == 12
    # a portrait run cannot go on as a sprite run
    assert main(["train", "--method", "renderer", "--data", "lpc:/nowhere", "--resume", str(run / "resume"),
                 "--out", str(tmp_path / "sprites"), "--kimg", "0.014"]) == 2


def test_a_fitted_portrait_run_exports_a_portrait_bundle_that_java_draws_alike(tmp_path):
    run = tmp_path / "faces"
    assert main(["train", "--method", "renderer", "--config", "tiny-portrait", "--data", "dicebear", "--out", str(run),
                 "--kimg", "0.004", "--eval-kimg", "1", "--grid-kimg", "1", "--threads", "1", "--seed", "3"]) == 0
    assert main(["fit-mapping", "--run", str(run / "resume"), "--steps", "20", "--count", "64"]) == 0
    bundle = tmp_path / "tiny-faces.json"
    assert main(["export", "--run", str(run / "resume"), "--out", str(bundle)]) == 0
    card = json.loads(bundle.read_text())
    assert card["kind"] == "portrait" and card["resolution"] == 64 and card["img_channels"] == 3
    assert card["layer_groups"] == {"identity": [0, 1, 2, 8, 9], "expression": [3, 4, 5], "accessories": [6, 7]}
    assert "CC BY 4.0" in card["licence"] and "Lisa Wischofsky" in card["attribution"]
    assert card["training"]["label_encoder"]["shapes"][0].startswith("earrings:")
    for model in (bundle, run / "resume"):  # the bundle through its label encoder, and the run
        report = tmp_path / f"evaluate-{model.name}.json"
        assert main(["evaluate", "--model", str(model), "--count", "8", "--json", str(report)]) == 0
        figures = json.loads(report.read_text())
        assert figures["mode"] == "inverse" and len(figures["psnr"]) == 8 and 0 < figures["psnr_median"] < 100
    assert json.loads((tmp_path / "evaluate-tiny-faces.json.json").read_text())["psnr"] == figures["psnr"]
    projected = tmp_path / "projected.json"  # a portrait model without its encoder is projected into
    assert main(["evaluate", "--model", str(bundle), "--count", "2", "--mode", "projection", "--steps", "3",
                 "--json", str(projected)]) == 0
    assert json.loads(projected.read_text())["mode"] == "projection"
    assert main(["sample", "--model", str(bundle), "--seeds", "0-1", "--npy", str(tmp_path / "py.npy")]) == 0
    java = subprocess.run([str(REPO / "charagen"), "sample", "--model", str(bundle), "--seeds", "0-1",
                           "--npy", str(tmp_path / "java.npy")], capture_output=True, text=True, timeout=1200)
    assert java.returncode == 0, java.stderr[-3000:]
    assert float(np.abs(np.load(tmp_path / "py.npy") - np.load(tmp_path / "java.npy")).max()) < 1e-4


def test_portrait_presets_from_labels_and_a_java_character_wearing_them(tmp_path):
    from charagen_train.evaluate.inverse import load_portrait_model
    from charagen_train.render.face_presets import EXPRESSION_PRESETS, preset_w
    run = tmp_path / "faces"
    assert main(["train", "--method", "renderer", "--config", "tiny-portrait", "--data", "dicebear", "--out", str(run),
                 "--kimg", "0.004", "--eval-kimg", "1", "--grid-kimg", "1", "--threads", "1", "--seed", "3"]) == 0
    assert main(["fit-mapping", "--run", str(run / "resume"), "--steps", "20", "--count", "64"]) == 0
    bundle = tmp_path / "models" / "tiny-faces.json"
    bundle.parent.mkdir()
    assert main(["export", "--run", str(run / "resume"), "--out", str(bundle)]) == 0
    presets = tmp_path / "presets" / "tiny-faces"
    assert main(["portrait-presets", "--model", str(bundle), "--out", str(presets)]) == 0
    assert main(["portrait-presets", "--model", str(bundle), "--out", str(presets)]) == 1  # no silent overwrite
    card = json.loads(bundle.read_text())
    happy = json.loads((presets / "expressions" / "happy.json").read_text())
    assert (happy["layer_group"], happy["mode"], happy["kind"]) == ("expression", "replace", "expression")
    assert happy["model"]["sha256"] == card["weights"]["sha256"] and happy["source"]["parts"]["eyes"] == "variant19"
    villain = json.loads((presets / "archetypes" / "villain.json").read_text())
    assert villain["layer_group"] == "accessories" and villain["source"]["parts"]["features"] == "mustache"
    model = load_portrait_model(bundle)
    w = np.load(presets / "expressions" / "happy.npy")
    assert w.shape == (card["num_ws"], card["w_dim"])
    want = preset_w(model.encoder, model.vocabulary, EXPRESSION_PRESETS[1], load_palettes())
    assert np.allclose(w, want[None], atol=1e-6)
    grid = tmp_path / "expressions.png"
    assert main(["preset-grid", "--model", str(bundle), "--presets", str(presets / "expressions"), "--seeds", "0-2",
                 "--out", str(grid)]) == 0
    from PIL import Image
    assert Image.open(grid).size == (5 * 64, 3 * 64)   # 3 seeds, neutral to surprised
    out = tmp_path / "out"
    shutil.copytree(REPO / "presets" / "sprite-lpc", tmp_path / "presets" / "sprite-lpc")  # the sprite's villain
    java = subprocess.run([str(REPO / "charagen"), "generate", "--portrait-model", str(bundle), "--presets",
                           str(tmp_path / "presets"), "--archetype", "villain", "--steps", "2", "--seed", "3",
                           "--name", "Tiny", "--out", str(out)], capture_output=True, text=True, timeout=1200)
    assert java.returncode == 0, java.stderr[-3000:]
    record = json.loads((out / "Tiny.json").read_text())
    assert [e["name"] for e in record["expressions"]] == ["neutral", "happy", "sad", "angry", "surprised"]
    assert record["archetype"] == "villain" and record["portrait_model"]["sha256"] == card["weights"]["sha256"]
    assert (out / "faces" / "Tiny.png").is_file()
