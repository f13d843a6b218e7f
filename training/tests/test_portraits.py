"""The portrait training set. Needs Node.js and `npm ci --prefix training/portraits`; without them
these tests fail (not skip) with the message that says so."""

import argparse
import json
import shutil

import numpy as np
import pytest

from charagen_train.commands import build_portraits as command
from charagen_train.data import dataset_files as files
from charagen_train.data.dicebear_styles import EXPRESSIONS, STYLES
from charagen_train.data.lpc_palettes import load_palettes
from charagen_train.data.portrait_builder import (
    BACKGROUND, EXCLUDED_SKIN_TONES, SCRIPT_DIR, PortraitRenderError, build_portraits, draw_sample,
    installed_style_meta, render_portraits)

COUNT, SEED, RES = 64, 7, 128


def hex_rgb(h):
    return tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The same set built twice into two folders."""
    a = build_portraits(tmp_path_factory.mktemp("a") / "set", COUNT, SEED, RES)
    b = build_portraits(tmp_path_factory.mktemp("b") / "set", COUNT, SEED, RES)
    return a, b


@pytest.fixture(scope="module")
def dataset(built):
    return files.read_dataset(built[0].folder)


def test_sizes_and_files(built, dataset):
    assert dataset.images.shape == (COUNT, RES, RES, 3) and dataset.images.dtype == np.uint8
    meta = dataset.meta
    assert meta["kind"] == "portrait" and meta["count"] == COUNT and meta["seed"] == SEED
    assert meta["resolution"] == RES and meta["background"] == list(hex_rgb(BACKGROUND))
    assert meta["styles"][0]["style"] == "adventurer" and meta["styles"][0]["licence"] == "CC BY 4.0"
    assert "Lisa Wischofsky" in meta["attribution"] and meta["licence"] and meta["sources"]
    from PIL import Image
    with Image.open(built[0].folder / files.CONTACT_SHEET_PNG) as sheet:
        assert sheet.size == (8 * RES + 9 * 4, 8 * RES + 9 * 4)  # 8 x 8 with 4 px gaps
    # corners are the flat background; the face is not
    bg = np.array(hex_rgb(BACKGROUND), np.uint8)
    assert (dataset.images[:, 0, 0] == bg).all()
    assert (dataset.images[:, RES // 2, RES // 2] != bg).any(axis=1).all()
    assert built[0].images_bytes == (built[0].folder / files.IMAGES_NPY_XZ).stat().st_size


def test_same_seed_same_bytes(built):
    a, b = built
    for name in files.FILES:
        assert (a.folder / name).read_bytes() == (b.folder / name).read_bytes(), name


def test_a_smaller_set_is_a_prefix_and_another_seed_differs(tmp_path, dataset):
    small = build_portraits(tmp_path / "small", 5, SEED, RES)
    d = files.read_dataset(small.folder)
    assert np.array_equal(d.images, dataset.images[:5])
    assert d.labels == dataset.labels[:5]
    palettes = load_palettes()
    other = [draw_sample(SEED + 1, i, palettes) for i in range(COUNT)]
    assert other != dataset.labels


def test_labels(dataset, built):
    labels = dataset.labels
    assert len(labels) == COUNT and [l["index"] for l in labels] == list(range(COUNT))
    lines = (built[0].folder / files.LABELS_JSONL).read_text().splitlines()
    assert len(lines) == COUNT and all(json.loads(x) == l for x, l in zip(lines, labels))
    palettes = load_palettes()
    style = STYLES["adventurer"]
    for l in labels:
        assert l["expression"] in EXPRESSIONS
        assert l["skin_tone"] in palettes["skin_tones"] and l["skin_tone"] not in EXCLUDED_SKIN_TONES
        assert l["hair_colour"] in palettes["hair_colours"]
        assert l["skin_hex"] == palettes["skin_tones"][l["skin_tone"]]["hex"]
        assert l["hair_hex"] == palettes["hair_colours"][l["hair_colour"]]["hex"]
        assert l["hair"] in style["hair"]
        for part in ("mouth", "eyes", "eyebrows"):
            assert l[part] in style["expressions"][l["expression"]][part], (l["index"], part)
    # 64 draws over 5 expressions and 9 tones: every expression shows up, and several tones
    assert {l["expression"] for l in labels} == set(EXPRESSIONS)
    assert len({l["skin_tone"] for l in labels}) >= 5


@pytest.mark.parametrize("field", ["skin_hex", "hair_hex"])
def test_portraits_wear_the_palette_colour(dataset, field):
    """Render a few samples again with that colour changed: the pixels that change are the skin
    (or hair), and they are exactly the palette colour in the data set's image."""
    labels = dataset.labels[:4]
    probe = "#ff00ff" if field == "skin_hex" else "#00ff00"
    images = render_portraits(labels + [dict(l, **{field: probe}) for l in labels], RES)
    for i, label in enumerate(labels):
        same, changed = images[i], images[len(labels) + i]
        assert np.array_equal(same, dataset.images[i]), f"sample {i}: render_portraits differs from the data set"
        mask = (same != changed).any(axis=2)
        assert mask.sum() > 0.01 * RES * RES, f"sample {i}: changing {field} changed almost nothing"
        exact = (same[mask] == np.array(hex_rgb(label[field]))).all(axis=1).mean()
        # the rest is anti-aliased edges (and, for hair, a few translucent strands)
        assert exact > 0.6, f"sample {i} ({label[field]}): only {exact:.0%} of the {field} pixels are exact"


def test_no_hair_in_the_table_hides_the_eyes():
    """Hair drawn over the face hides the expression: the table keeps only hair variants that
    cover less than 15% of the eyes (found by rendering with and without hair)."""
    base = dict(index=0, style="adventurer", skin_hex="#fdd5b7", hair_hex="#00ff00", hair=None, mouth="variant09",
                eyes="variant26", eyebrows="variant10", glasses=None, earrings=None, features=None)
    hair = STYLES["adventurer"]["hair"]
    images = render_portraits([base, dict(base, eyes="variant19")] + [dict(base, hair=h) for h in hair], RES)
    bald = images[0]
    eyes = (bald != images[1]).any(axis=2)  # open eyes vs closed: where the eyes are
    assert eyes.sum() > 100
    covered = {h: ((im != bald).any(axis=2) & eyes).sum() / eyes.sum() for h, im in zip(hair, images[2:])}
    assert max(covered.values()) < 0.15, {h: round(c, 2) for h, c in covered.items() if c >= 0.15}


def test_credits_match_the_installed_packages():
    installed = installed_style_meta("adventurer")
    meta = installed["styles"]["adventurer"]["meta"]
    ours = STYLES["adventurer"]
    assert (meta["creator"], meta["license"]["name"], meta["source"]) == (ours["creator"], ours["licence"], ours["source"])


def test_missing_node_modules_is_a_clear_error(tmp_path):
    bogus = tmp_path / "portraits"
    bogus.mkdir()
    shutil.copy(SCRIPT_DIR / "render.mjs", bogus / "render.mjs")
    with pytest.raises(PortraitRenderError, match=r"npm ci --prefix training/portraits"):
        build_portraits(tmp_path / "out", 2, 0, 64, script_dir=bogus)
    with pytest.raises(PortraitRenderError, match=r"Node.js executable"):
        build_portraits(tmp_path / "out2", 2, 0, 64, node=str(tmp_path / "no-such-node"))


def test_refuses_a_non_empty_folder_unless_overwrite(tmp_path):
    out = tmp_path / "set"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(files.DatasetError, match="not empty"):
        build_portraits(out, 1, 0, 64)
    build_portraits(out, 1, 0, 64, overwrite=True)
    assert (out / "keep.txt").read_text() == "mine" and files.read_dataset(out).images.shape == (1, 64, 64, 3)


def test_bad_arguments():
    for kwargs in ({"count": 0}, {"seed": -1}, {"resolution": 100}):
        args = {"out_folder": "unused", "count": 1, "seed": 0, "resolution": 64, **kwargs}
        with pytest.raises(ValueError):
            build_portraits(**args)


def test_command(tmp_path, capsys):
    parser = argparse.ArgumentParser()
    command.add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["build-portraits", "--out", str(tmp_path / "set"), "--count", "3", "--seed", "1",
                              "--resolution", "64"])
    assert command.run(args) == 0
    assert "3 portraits" in capsys.readouterr().out
    assert command.run(args) == 2  # not empty now
    assert "not empty" in capsys.readouterr().err
    bad = parser.parse_args(["build-portraits", "--out", str(tmp_path / "x"), "--resolution", "100"])
    assert command.run(bad) == 2
    no_lpc = parser.parse_args(["build-portraits", "--out", str(tmp_path / "y"), "--lpc", str(tmp_path / "no-lpc")])
    assert command.run(no_lpc) == 2
    assert "no-lpc" in capsys.readouterr().err


def test_the_face_worker_draws_what_the_builder_draws(dataset):
    """Training draws faces on the fly through `render.mjs --serve`: the same pixels, and a bad
    job ends with the worker's reason."""
    from charagen_train.data.face_worker import FaceWorker
    labels = dataset.labels[:6]
    with FaceWorker(RES) as worker:
        assert np.array_equal(worker.render(labels), dataset.images[:6])
        assert worker.render([]).shape == (0, RES, RES, 3)
        with pytest.raises(PortraitRenderError, match="unknown style"):
            worker.render([dict(labels[0], style="no-such-style")])
