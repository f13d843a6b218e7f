"""The label-supervised renderer (`train --method renderer`) on its tiny configuration: a few
steps, the mapping fit, export with the label encoder, `evaluate`, and the Java runtime drawing
the exported bundle's pixels as Python does. Plus the parts that decide what is learned: tokens,
label mixing, the loss and the held-out scores."""

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest
import torch

from charagen_train.cli import main
from charagen_train.evaluate.cleanup import figure_mask
from charagen_train.evaluate.heldout import HELDOUT_SEED, heldout_set, score
from charagen_train.evaluate.metrics import colour_match, mask_iou, srgb_to_lab
from charagen_train.render.labels import LabelMixer, Vocabulary, layer_tokens
from charagen_train.render.model import RendererModel, edge_loss, figure_loss
from charagen_train.render.noise_maps import learn_noise_maps, noise_layers
from charagen_train.train.resume import ResumePoint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def renderer_run(tmp_path_factory, lpc_dir):
    run = tmp_path_factory.mktemp("renderer") / "tiny"
    assert main(["train", "--method", "renderer", "--config", "tiny", "--data", f"lpc:{lpc_dir}", "--out", str(run),
                 "--kimg", "0.008", "--tick-kimg", "0.004", "--eval-kimg", "0.004", "--grid-kimg", "0.008",
                 "--snapshot-kimg", "0.008", "--seed", "3", "--threads", "1"]) == 0
    assert main(["fit-mapping", "--run", str(run / "resume"), "--lpc", str(lpc_dir), "--steps", "50",
                 "--count", "64"]) == 0
    return run


def test_tokens_split_an_item_from_its_colour(composer):
    layers = {layer.path: layer for layer in composer.catalogue.layers}
    teal = next(l for p, l in layers.items() if p.endswith("male/teal_longsleeve.png"))
    white = next(l for p, l in layers.items() if p.endswith("male/white_longsleeve.png") and l.sex == teal.sex)
    assert layer_tokens(teal).shape == layer_tokens(white).shape
    assert (layer_tokens(teal).colour, layer_tokens(white).colour) == ("torso:teal", "torso:white")
    body = next(l for l in composer.catalogue.layers if l.category == "body" and l.name == "dark")
    assert layer_tokens(body).colour == "skin:dark"
    vocabulary = Vocabulary.of(composer.catalogue)
    assert Vocabulary.from_json(json.loads(json.dumps(vocabulary.to_json()))).shapes == vocabulary.shapes


def test_a_mix_keeps_the_shapes_of_a_in_the_colours_of_b(composer):
    mixer = LabelMixer(composer.catalogue)
    for index in range(40):
        a = mixer.layers(composer.plan(1, 2 * index)["layers"])
        b = mixer.layers(composer.plan(1, 2 * index + 1)["layers"])
        mixed = mixer.mix(a, b)
        assert [layer_tokens(l).shape for l in mixed] == [layer_tokens(l).shape for l in a]
        tone_b = next(l.name for l in b if l.category == "body")
        assert next(l.name for l in mixed if l.category == "body") == tone_b
        hair_b = next(l.name for l in b if l.category == "hair")
        assert next(l.name for l in mixed if l.category == "hair") == hair_b


def test_a_recolour_edit_changes_one_colour_class_only(composer):
    from charagen_train.render.labels import recolour, recolour_options
    from charagen_train.render.samples import SampleDrawer
    mixer = LabelMixer(composer.catalogue)
    a = mixer.layers(composer.plan(1, 0)["layers"])
    options = recolour_options(mixer, a)
    assert "hair" in options and "skin" in options
    grey = recolour(mixer, a, "hair", "gray")
    changed = [(x.path, y.path) for x, y in zip(a, grey) if x.path != y.path]
    assert changed and all(layer_tokens(y).colour == "hair:gray" for y in mixer.layers([p for _, p in changed]))
    assert [layer_tokens(l).shape for l in grey] == [layer_tokens(l).shape for l in a]
    vocabulary = Vocabulary.of(composer.catalogue)
    batch = SampleDrawer(composer, vocabulary, 1, mix_prob=0.0, edit_prob=1.0).batch(0, 4)
    for edit in batch.edits:
        class_tokens, token = edit
        assert token in class_tokens and len(class_tokens) > 1


def test_the_loss_is_normalised_to_the_weighted_area():
    target = torch.zeros(1, 3, 16, 16)
    figure = torch.zeros(1, 1, 16, 16)
    figure[..., 6:10, 6:10] = 1
    ring = torch.nn.functional.max_pool2d(figure, 3, stride=1, padding=1)   # 6 x 6: the figure and its edge
    weight = 36 + 0.1 * (256 - 36)
    # An error of 1 on each channel costs 3 * (|1| + 1^2) per pixel, weighted 1 on the ring, 0.1 elsewhere.
    assert float(figure_loss(target + ring, target, figure, 0.1)) == pytest.approx(6 * 36 / weight)
    assert float(figure_loss(target + 1 - ring, target, figure, 0.1)) == pytest.approx(6 * 0.1 * 220 / weight)
    assert float(figure_loss(target + 1, target, figure, 0.1)) == pytest.approx(6.0)
    assert float(figure_loss(target, target, figure, 0.1)) == 0


def test_the_edge_term_charges_blurred_edges_not_flat_offsets():
    target = torch.zeros(1, 3, 16, 16)
    figure = torch.zeros(1, 1, 16, 16)
    figure[..., 4:12, 4:12] = 1
    target[:, :, 4:12, 4:12] = 1.0
    assert float(edge_loss(target, target, figure, 0.1)) == 0
    assert float(edge_loss(target + 0.3, target, figure, 0.1)) == pytest.approx(0, abs=1e-6)
    blurred = torch.nn.functional.avg_pool2d(target, 3, stride=1, padding=1, count_include_pad=False)
    assert float(edge_loss(blurred, target, figure, 0.1)) > 0.1
    # The pixel loss finds the blur cheaper than an offset of the whole figure; the edge term does not.
    assert float(figure_loss(blurred, target, figure, 0.1)) < float(figure_loss(target + 0.3, target, figure, 0.1))


def test_scores_of_the_truth_are_perfect_and_of_background_zero(composer):
    truth = heldout_set(composer, 3)
    perfect = score(truth.rgb, truth)
    assert perfect["iou_median"] == 1.0 and perfect["de10_median"] == 1.0
    empty = score(np.broadcast_to(truth.rgb[:, :1, :1], truth.rgb.shape).copy(), truth)
    assert empty["iou_median"] == 0.0 and empty["de10_median"] == 0.0
    assert mask_iou(truth.masks[0], truth.masks[0]) == 1.0
    # A colour 20 dE away fails, one 2 dE away passes.
    rgb = truth.rgb[0].copy()
    lab = srgb_to_lab(np.array([[120, 80, 60], [124, 80, 60]], dtype=np.uint8))
    assert np.linalg.norm(lab[0] - lab[1]) < 10
    shifted = rgb.copy()
    shifted[truth.masks[0]] = np.clip(shifted[truth.masks[0]].astype(int) + 60, 0, 255).astype(np.uint8)
    assert colour_match(shifted, figure_mask(shifted, (0, 255, 121)), rgb, truth.masks[0]) < 0.5


def test_training_refuses_the_heldout_seed(lpc_dir, tmp_path):
    assert main(["train", "--method", "renderer", "--config", "tiny", "--data", f"lpc:{lpc_dir}",
                 "--out", str(tmp_path / "r"), "--kimg", "0.002", "--seed", str(HELDOUT_SEED)]) == 2


def test_a_renderer_run_logs_scores_and_resumes(renderer_run, lpc_dir, tmp_path):
    log = [json.loads(line) for line in (renderer_run / "log.jsonl").read_text().splitlines()]
    assert log[-1]["kimg"] == pytest.approx(0.008)
    assert all(k in log[-1] for k in ("loss", "cpu_hours", "iou_median", "de10_median"))
    point = ResumePoint.read(renderer_run / "resume")
    assert point.state["method"] == "renderer" and point.state["mapping_fit"]["steps"] == 50
    assert point.state["layer_groups"]["shape"] and point.state["layer_groups"]["colour"]
    again = tmp_path / "again"
    assert main(["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--out", str(again),
                 "--resume", str(renderer_run / "resume"), "--kimg", "0.01", "--tick-kimg", "0.002",
                 "--eval-kimg", "1", "--grid-kimg", "1", "--threads", "1", "--seed", "3"]) == 0
    assert ResumePoint.read(again / "resume").state["cur_nimg"] == 10


def test_two_processes_split_the_batch_and_take_the_step_of_one(renderer_run, lpc_dir, tmp_path):
    """`--processes 2`: each process draws half of the batch and the gradients are averaged, so
    one step moves the weights as one process with the whole batch does (not exactly: each half's
    loss is normalised by its own figure area). The random psi pulls and blends are off, since
    each process draws its own."""
    common = ["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--resume", str(renderer_run / "resume"),
              "--kimg", "0.010", "--tick-kimg", "0.002", "--eval-kimg", "1", "--grid-kimg", "1", "--threads", "1",
              "--psi-prob", "0", "--blend-prob", "0"]
    assert main([*common, "--seed", "3", "--out", str(tmp_path / "one")]) == 0
    assert main([*common, "--seed", "3", "--out", str(tmp_path / "two"), "--processes", "2"]) == 0
    assert main([*common, "--seed", "5", "--out", str(tmp_path / "other")]) == 0  # other samples
    start = ResumePoint.read(renderer_run / "resume")
    one, two, other = (ResumePoint.read(tmp_path / name / "resume") for name in ("one", "two", "other"))
    assert two.state["cur_nimg"] == one.state["cur_nimg"] == 10
    assert two.state["history"][-1]["processes"] == 2
    names = [n for n in start.tensors if n.startswith("R/")]

    def moved(point):
        return np.concatenate([(point.tensors[n].astype(np.float64) - start.tensors[n]).ravel() for n in names])

    step = np.linalg.norm(moved(one))
    assert np.linalg.norm(moved(two) - moved(one)) < 0.1 * step      # measured 0.013
    assert np.linalg.norm(moved(other) - moved(one)) > 0.5 * step    # measured 0.9: the test can tell


def test_processes_flag_is_dropped_for_the_processes_it_starts():
    from charagen_train.train.processes import without_processes_flag
    assert without_processes_flag(["train", "--processes", "2", "--seed", "3"]) == ["train", "--seed", "3"]
    assert without_processes_flag(["train", "--processes=2", "--out", "r"]) == ["train", "--out", "r"]


def test_a_patch_discriminator_joins_on_resume_and_resumes(renderer_run, lpc_dir, tmp_path):
    adv = tmp_path / "adv"
    assert main(["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--out", str(adv),
                 "--resume", str(renderer_run / "resume"), "--adv-weight", "0.1", "--kimg", "0.012",
                 "--tick-kimg", "0.002", "--eval-kimg", "1", "--grid-kimg", "1", "--threads", "1", "--seed", "3"]) == 0
    log = [json.loads(line) for line in (adv / "log.jsonl").read_text().splitlines()]
    assert "adv" in log[-1] and np.isfinite(log[-1]["loss_D"])
    assert "edge" not in log[-1]
    point = ResumePoint.read(adv / "resume")
    assert point.state["config"]["adv_weight"] == 0.1 and "D_patch/net.0.weight" in point.tensors
    again = tmp_path / "again"
    assert main(["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--out", str(again),
                 "--resume", str(adv / "resume"), "--kimg", "0.014", "--eval-kimg", "1", "--grid-kimg", "1",
                 "--threads", "1", "--seed", "3", "--glr", "0.001", "--embed-lr", "0.002", "--edge-weight", "0.5",
                 "--tick-kimg", "0.002"]) == 0
    point = ResumePoint.read(again / "resume")
    assert point.state["cur_nimg"] == 14
    assert (point.state["config"]["g_lr"], point.state["config"]["embed_lr"]) == (0.001, 0.002)
    changes = [entry["config_changes"] for entry in point.state["history"] if "config_changes" in entry]
    assert changes[-1] == {"g_lr": 0.001, "embed_lr": 0.002, "edge_weight": 0.5}
    log = [json.loads(line) for line in (again / "log.jsonl").read_text().splitlines()]
    assert log[-1]["edge"] > 0


def test_learned_noise_maps_keep_the_drawing_and_then_train(renderer_run):
    point = ResumePoint.read(renderer_run / "resume")
    model = RendererModel.from_point(point, "R_ema").eval()
    ws = torch.randn(2, model.G.num_ws, model.G.w_dim)
    with torch.no_grad():
        before = model.draw(ws)
    maps = learn_noise_maps(model.G.synthesis, 128)
    assert len(maps) == 4 and all(isinstance(m, torch.nn.Parameter) for m in maps)
    assert [m.shape[0] for m in maps] == [128, 128, 256, 256]
    assert all(layer.noise_strength.item() == 1.0 for layer in noise_layers(model.G.synthesis, 128))
    assert not isinstance(model.G.synthesis.b64.conv1.noise_const, torch.nn.Parameter)
    with torch.no_grad():
        assert torch.allclose(model.draw(ws), before, atol=1e-6)
    assert learn_noise_maps(model.G.synthesis, 128)[0] is maps[0]  # converting twice changes nothing
    model.draw(ws).square().mean().backward()
    assert all(m.grad is not None and m.grad.abs().sum() > 0 for m in maps)


def test_learned_noise_maps_join_on_resume_and_export_to_java(renderer_run, lpc_dir, tmp_path):
    run = tmp_path / "noise"
    assert main(["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--out", str(run),
                 "--resume", str(renderer_run / "resume"), "--learned-noise-from", "128", "--noise-lr", "0.05",
                 "--kimg", "0.012", "--tick-kimg", "0.002", "--eval-kimg", "1", "--grid-kimg", "1",
                 "--threads", "1", "--seed", "3"]) == 0
    start, point = ResumePoint.read(renderer_run / "resume"), ResumePoint.read(run / "resume")
    key = "b256.conv1.noise_const"
    stored = start.tensors[f"R/G.synthesis.{key}"] * start.tensors[f"R/G.synthesis.b256.conv1.noise_strength"]
    assert point.tensors[f"R/G.synthesis.b256.conv1.noise_strength"] == 1.0
    assert np.abs(point.tensors[f"R/G.synthesis.{key}"] - stored).max() > 1e-3   # the map has learned
    # the maps' Adam moments are stored after everything else's, so the rest keep their indices
    moments = sorted(int(k.split("/")[1]) for k in point.tensors if k.startswith("opt/") and k.endswith("exp_avg"))
    assert moments[-1] == moments[-5] + 4 and point.tensors[f"opt/{moments[-1]}/exp_avg"].shape == (256, 256)
    again = tmp_path / "again"
    assert main(["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--out", str(again),
                 "--resume", str(run / "resume"), "--learned-noise-from", "64", "--kimg", "0.014"]) == 2
    assert main(["train", "--method", "renderer", "--data", f"lpc:{lpc_dir}", "--out", str(again),
                 "--resume", str(run / "resume"), "--kimg", "0.014", "--tick-kimg", "0.002", "--eval-kimg", "1",
                 "--grid-kimg", "1", "--threads", "1", "--seed", "3"]) == 0
    assert ResumePoint.read(again / "resume").state["config"]["learned_noise_from"] == 128
    assert main(["fit-mapping", "--run", str(again / "resume"), "--lpc", str(lpc_dir), "--steps", "5", "--count", "16"]) == 0
    bundle = tmp_path / "noise.json"
    assert main(["export", "--run", str(again / "resume"), "--out", str(bundle)]) == 0
    assert main(["sample", "--model", str(bundle), "--seeds", "0-1", "--npy", str(tmp_path / "py.npy")]) == 0
    java = subprocess.run([str(REPO / "charagen"), "sample", "--model", str(bundle), "--seeds", "0-1",
                           "--npy", str(tmp_path / "java.npy")], capture_output=True, text=True, timeout=1200)
    assert java.returncode == 0, java.stderr[-3000:]
    assert float(np.abs(np.load(tmp_path / "py.npy") - np.load(tmp_path / "java.npy")).max()) < 1e-4


def test_a_label_encoder_outside_the_cards_folder_or_changed_is_refused(renderer_run, composer, tmp_path):
    from charagen_train.errors import CharagenError
    from charagen_train.evaluate.inverse import load_sprite_model
    bundle = tmp_path / "tiny-renderer.json"
    assert main(["export", "--run", str(renderer_run / "resume"), "--out", str(bundle)]) == 0
    card = json.loads(bundle.read_text())
    good = card["training"]["label_encoder"]["file"]
    card["training"]["label_encoder"]["file"] = "../" + good
    bundle.write_text(json.dumps(card))
    with pytest.raises(CharagenError, match="training.label_encoder.file"):
        load_sprite_model(bundle, composer.catalogue)
    card["training"]["label_encoder"]["file"] = good
    bundle.write_text(json.dumps(card))
    (tmp_path / good).write_bytes((tmp_path / good).read_bytes() + b" ")
    with pytest.raises(CharagenError, match="sha256 differs"):
        load_sprite_model(bundle, composer.catalogue)


def test_export_evaluate_and_java_draw_the_same_pixels(renderer_run, lpc_dir, tmp_path):
    bundle = tmp_path / "tiny-renderer.json"
    assert main(["export", "--run", str(renderer_run / "resume"), "--out", str(bundle)]) == 0
    card = json.loads(bundle.read_text())
    assert card["architecture"] == "stylegan2" and card["kind"] == "sprite"
    assert set(card["layer_groups"]) == {"shape", "colour"}
    encoder = card["training"]["label_encoder"]
    assert (tmp_path / encoder["file"]).is_file() and encoder["shapes"] and encoder["colours"]

    assert main(["mix-grid", "--model", str(bundle), "--seeds", "0-1", "--mix-seeds", "5-6",
                 "--out", str(tmp_path / "mix.png")]) == 0
    assert main(["sprite-presets", "--model", str(bundle), "--lpc", str(lpc_dir), "--out", str(tmp_path / "presets")]) == 0
    elder = json.loads((tmp_path / "presets" / "archetypes" / "elder.json").read_text())
    assert elder["mode"] == "add" and elder["layer_group"] == "colour"
    assert elder["model"]["sha256"] == card["weights"]["sha256"]
    hero = np.load(tmp_path / "presets" / "archetypes" / "hero.npy")
    assert hero.shape == (card["num_ws"], card["w_dim"]) and hero.dtype == np.float32

    report = tmp_path / "eval.json"
    assert main(["evaluate", "--model", str(bundle), "--lpc", str(lpc_dir), "--count", "4",
                 "--json", str(report)]) == 0
    figures = json.loads(report.read_text())
    assert figures["mode"] == "inverse" and len(figures["iou"]) == 4

    assert main(["sample", "--model", str(bundle), "--seeds", "0-1", "--psi", "0.7",
                 "--npy", str(tmp_path / "py.npy")]) == 0
    java = subprocess.run([str(REPO / "charagen"), "sample", "--model", str(bundle), "--seeds", "0-1", "--psi", "0.7",
                           "--npy", str(tmp_path / "java.npy")], capture_output=True, text=True, timeout=1200)
    assert java.returncode == 0, java.stderr[-3000:]
    py, jv = np.load(tmp_path / "py.npy"), np.load(tmp_path / "java.npy")
    assert py.shape == jv.shape == (2, 3, 256, 256)
    assert float(np.abs(py - jv).max()) < 1e-4
