"""The trainer end to end on a tiny configuration: train, resume, export, sample, and the Java
runtime reading the exported bundle and drawing the same pixels."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from charagen_train.cli import main
from charagen_train.train.resume import ResumePoint

TRAINING = Path(__file__).resolve().parents[1]
REPO = TRAINING.parent


@pytest.fixture(scope="module")
def sprite_data(tmp_path_factory, lpc_dir):
    out = tmp_path_factory.mktemp("data") / "sprites"
    assert main(["build-sprites", "--lpc", str(lpc_dir), "--out", str(out), "--count", "16", "--seed", "3"]) == 0
    return out


@pytest.fixture(scope="module")
def trained_run(tmp_path_factory, sprite_data):
    run = tmp_path_factory.mktemp("run") / "tiny"
    assert main(["train", "--data", str(sprite_data), "--out", str(run), "--config", "tiny", "--kimg", "0.02",
                 "--grid-kimg", "0.01", "--seed", "5"]) == 0
    return run


def test_training_writes_progress_grids_and_a_resume_point(trained_run):
    log = [json.loads(line) for line in (trained_run / "log.jsonl").read_text().splitlines()]
    assert log and log[-1]["kimg"] == pytest.approx(0.02)
    for key in ("loss_G", "loss_D", "kimg_per_s"):
        assert np.isfinite(log[-1][key]), key
    assert sorted(p.name for p in trained_run.glob("grid-*.png"))
    point = ResumePoint.read(trained_run / "resume")
    assert point.state["cur_nimg"] == 20
    assert point.state["data"]["meta"]["kind"] == "sprite"


def test_resume_continues_the_count_and_restores_exactly(trained_run, sprite_data, tmp_path):
    point = ResumePoint.read(trained_run / "resume")
    G = point.generator_ema()
    for name, value in G.state_dict().items():
        assert torch.equal(value, point.module_state("G_ema")[name]), name
    run2 = tmp_path / "continued"
    assert main(["train", "--data", str(sprite_data), "--out", str(run2), "--config", "tiny", "--kimg", "0.028",
                 "--resume", str(trained_run / "resume"), "--seed", "5"]) == 0
    assert ResumePoint.read(run2 / "resume").state["cur_nimg"] == 28


def test_resume_refuses_a_damaged_part(trained_run, tmp_path):
    import shutil
    copy = tmp_path / "resume"
    shutil.copytree(trained_run / "resume", copy)
    part = copy / "part-000.safetensors"
    part.write_bytes(part.read_bytes()[:-8] + bytes(8))
    from charagen_train.errors import CharagenError
    with pytest.raises(CharagenError, match="sha256 differs"):
        ResumePoint.read(copy)


def test_export_then_java_samples_the_same_pixels_as_python(trained_run, tmp_path):
    bundle = tmp_path / "tiny-sprite.json"
    assert main(["export", "--run", str(trained_run / "resume"), "--out", str(bundle)]) == 0
    card = json.loads(bundle.read_text())
    assert card["kind"] == "sprite" and card["layout"] and "CC-BY-SA" in card["licence"]
    assert card["training"]["kimg"] == pytest.approx(0.02)

    assert main(["sample", "--model", str(bundle), "--seeds", "0-3", "--psi", "0.7",
                 "--npy", str(tmp_path / "py.npy"), "--png", str(tmp_path / "py.png")]) == 0
    java = subprocess.run([str(REPO / "charagen"), "sample", "--model", str(bundle), "--seeds", "0-3", "--psi", "0.7",
                           "--npy", str(tmp_path / "java.npy"), "--png", str(tmp_path / "java.png")],
                          capture_output=True, text=True, timeout=1200)
    assert java.returncode == 0, java.stderr[-3000:]
    py, jv = np.load(tmp_path / "py.npy"), np.load(tmp_path / "java.npy")
    assert py.shape == jv.shape == (4, 3, 32, 32)
    error = float(np.abs(py - jv).max())
    assert error < 1e-4, f"Java and Python outputs differ by {error}"

    from PIL import Image
    py_px = np.asarray(Image.open(tmp_path / "py.png")).astype(int)
    jv_px = np.asarray(Image.open(tmp_path / "java.png")).astype(int)
    differing = np.argwhere(py_px != jv_px)
    # A pixel may differ by one only where the float sits within the two outputs' difference of
    # a rounding boundary of v * 127.5 + 128.
    assert np.abs(py_px - jv_px).max(initial=0) <= 1
    for y, x, c in differing:
        n, yy, xx = (y // 32) * 8 + x // 32, y % 32, x % 32
        v = py[n, c, yy, xx] * 127.5 + 128
        assert abs(v - round(v)) < error * 127.5 + 1e-3, f"pixel {(y, x, c)} differs away from a rounding boundary"
    print(f"max |python - java| = {error:.2e}; {len(differing)} of {py_px.size} PNG values differ by one")


def test_two_processes_the_way_torchrun_starts_them(sprite_data, tmp_path):
    """Two processes with torchrun's environment (RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR/PORT)
    train one model with DistributedDataParallel over gloo. torchrun itself is not used here:
    Debian's torch 1.13 launcher fails on Python 3.11 (its Std flag lookup misses 0); it works
    with the PyTorch 2.x of the GPU machines."""
    command = [sys.executable, "-m", "charagen_train", "train", "--data", str(sprite_data),
               "--out", str(tmp_path / "ddp"), "--config", "tiny", "--kimg", "0.016"]
    processes = []
    for rank in range(2):
        env = dict(os.environ, PYTHONPATH=str(TRAINING), OMP_NUM_THREADS="1", RANK=str(rank), LOCAL_RANK=str(rank),
                   WORLD_SIZE="2", LOCAL_WORLD_SIZE="2", MASTER_ADDR="127.0.0.1", MASTER_PORT="29517")
        processes.append(subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outputs = [p.communicate(timeout=600) for p in processes]
    for p, (_, err) in zip(processes, outputs):
        assert p.returncode == 0, err[-3000:]
    assert "on 2 x cpu" in outputs[0][1]
    assert outputs[1][1].strip() == "", "only rank 0 reports progress"
    assert ResumePoint.read(tmp_path / "ddp" / "resume").state["cur_nimg"] == 16
