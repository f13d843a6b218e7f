"""Sprite training set: LPC catalogue, composer, canvas layout, data set files, build-sprites."""
import argparse
import json

import numpy as np
import pytest
from PIL import Image

from charagen_train.commands import build_sprites
from charagen_train.commands.build_sprites import build_sprite_dataset
from charagen_train.data import sheet_layout as sl
from charagen_train.data.dataset_files import DatasetError, read_dataset, write_dataset
from charagen_train.data.lpc_catalogue import LpcError, load_catalogue, walk_rows_rgba
from charagen_train.data.sprite_composer import SpriteComposer
from charagen_train.data.sprite_stream import SpriteStream

COUNT = 64
SEED = 7
LABEL_FIELDS = ("index", "seed", "sex", "skin_tone", "eye_colour", "nose", "ears", "hair_style",
                "hair_colour", "outfit", "torso", "legs", "feet", "belt", "accessory", "headgear",
                "beard", "body", "layers")


@pytest.fixture(scope="module")
def catalogue(lpc_dir):
    return load_catalogue(lpc_dir)


@pytest.fixture(scope="module")
def composer(lpc_dir, catalogue):
    return SpriteComposer(lpc_dir, catalogue)


@pytest.fixture(scope="module")
def built(lpc_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("sprites") / "set"
    build_sprite_dataset(lpc_dir, out, COUNT, SEED)
    return out


@pytest.fixture(scope="module")
def dataset(built):
    return read_dataset(built)


def _cli(argv):
    parser = argparse.ArgumentParser()
    build_sprites.add_parser(parser.add_subparsers())
    args = parser.parse_args(["build-sprites"] + argv)
    return build_sprites.run(args)


# ------------------------------------------------------------------- canvas

def test_layout_is_json_and_consistent():
    layout = sl.sheet_layout()
    assert json.loads(json.dumps(layout)) == layout
    assert layout["canvas"] == [256, 256] and layout["cell"] == [64, 64]
    assert layout["rows"] == ["down", "left", "right", "up"]
    assert [c["pattern"] for c in layout["columns"]] == [0, 1, 2, None]
    assert all(c["lpc_column"][d] == 0 for c in layout["columns"][1:2] for d in layout["rows"])
    w = layout["frame_window"]
    assert (w["width"], w["height"]) == (48, 48) == tuple(layout["rpg_maker_frame"])
    assert 0 <= w["x"] and w["x"] + 48 <= 64 and 0 <= w["y"] and w["y"] + 48 <= 64
    assert layout["background"] == list(sl.BACKGROUND)


def test_canvas_size(dataset):
    meta, images, _ = dataset
    assert images.shape == (COUNT, 256, 256, 3) and images.dtype == np.uint8
    assert meta["resolution"] == 256 and meta["image_shape"] == [256, 256, 3]
    assert meta["kind"] == "sprite" and meta["layout"] == sl.sheet_layout()


def test_every_figure_inside_its_frame_window(dataset):
    _, images, _ = dataset
    figure = (images != np.array(sl.BACKGROUND, np.uint8)).any(axis=-1)  # [N, 256, 256]
    for r in range(4):
        for c in range(4):
            x0, y0, x1, y1 = sl.window_box(r, c)
            cx, cy = sl.cell_origin(r, c)
            cell = figure[:, cy:cy + 64, cx:cx + 64].copy()
            assert cell.any(axis=(1, 2)).all(), f"an empty cell ({r}, {c})"
            cell[:, y0 - cy:y1 - cy, x0 - cx:x1 - cx] = False
            bad = np.flatnonzero(cell.any(axis=(1, 2)))
            assert bad.size == 0, f"samples {bad.tolist()} reach outside the window in cell ({r}, {c})"


def test_binary_alpha_and_exact_background(dataset, composer):
    _, images, _ = dataset
    bg = np.array(sl.BACKGROUND, np.uint8)
    for i in range(0, COUNT, 9):
        s = composer.compose(SEED, i)
        alpha = s.rgba[..., 3]
        assert set(np.unique(alpha).tolist()) <= {0, 255}
        figure = alpha == 255
        assert (s.rgba[~figure] == 0).all()
        assert (images[i][~figure] == bg).all()
        assert (images[i][figure] == s.rgba[..., :3][figure]).all()
        # the background colour is far from every figure colour
        d = np.sqrt(((images[i][figure].astype(float) - bg) ** 2).sum(axis=1)).min()
        assert d > 60, f"sample {i}: a figure colour is only {d:.1f} from the background"


def test_frames_are_lpc_frames_at_pixel_level(lpc_dir, composer):
    """Body only: the standing column is LPC column 0 pixel for pixel, and every other cell is
    its LPC frame moved up by the lift that puts the lowest body row on the window's last row."""
    for sex in ("male", "female"):
        body = f"body/{sex}/light.png"
        _rgb, rgba = composer.render([body], body)
        with Image.open(lpc_dir / body) as im:
            walk = walk_rows_rgba(im)
        last = sl.FRAME_WINDOW[1] + sl.FRAME_WINDOW[3] - 1
        for r, c, direction, lpc_row, lpc_col in sl.used_frames():
            frame = walk[lpc_row - 8, lpc_col]
            assert set(np.unique(frame[..., 3]).tolist()) <= {0, 255}
            rows = np.flatnonzero(frame[..., 3].any(axis=1))
            lift = max(0, int(rows[-1]) - last)
            if c == 1:
                assert lpc_col == 0 and lift == 0
            expected = np.zeros_like(frame)
            expected[:64 - lift] = frame[lift:]
            x, y = sl.cell_origin(r, c)
            cell = rgba[y:y + 64, x:x + 64]
            assert (cell[..., 3] == expected[..., 3]).all(), (sex, direction, lpc_col)
            on = expected[..., 3] > 0
            assert (cell[on][:, :3] == expected[on][:, :3]).all(), (sex, direction, lpc_col)


def test_determinism(lpc_dir, built, tmp_path, composer):
    again = tmp_path / "again"
    build_sprite_dataset(lpc_dir, again, COUNT, SEED)
    for name in ("images.npy.xz", "labels.jsonl", "dataset.json"):
        assert (again / name).read_bytes() == (built / name).read_bytes(), name
    same = [composer.compose(SEED, i).rgb for i in range(4)]
    other = [composer.compose(SEED + 1, i).rgb for i in range(4)]
    assert not any(np.array_equal(a, b) for a, b in zip(same, other))
    stream = SpriteStream(lpc_dir, SEED)
    rgb, labels = stream.sample(3)
    assert np.array_equal(rgb, same[3]) and labels["index"] == 3


def test_labels(dataset, catalogue):
    meta, _, labels = dataset
    assert len(labels) == COUNT == meta["count"]
    for i, lab in enumerate(labels):
        assert lab["index"] == i and lab["seed"] == SEED
        for field in LABEL_FIELDS:
            assert field in lab, f"label {i} lacks {field}"
        assert lab["sex"] in ("male", "female")
        assert lab["skin_tone"] in catalogue.tones(lab["sex"])
        assert lab["hair_style"] in catalogue.hair_styles(lab["sex"])
        if lab["beard"] is not None:
            assert lab["sex"] == "male"
        for path in lab["layers"]:
            layer = catalogue.find(path)
            assert layer.sex == lab["sex"]
        assert lab["layers"][0] == lab["body"]
    assert {lab["sex"] for lab in labels} == {"male", "female"}


def test_labels_jsonl_has_one_line_per_sample(built):
    lines = (built / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == COUNT
    assert [json.loads(line)["index"] for line in lines] == list(range(COUNT))
    assert (built / "contact-sheet.png").is_file() and (built / "AUTHORS.txt").is_file()


def test_read_dataset_round_trip(dataset, composer):
    meta, images, labels = dataset
    for i in (0, 17, COUNT - 1):
        s = composer.compose(SEED, i)
        assert np.array_equal(images[i], s.rgb)
        assert labels[i] == json.loads(json.dumps(s.labels)) | {"index": i}
    assert meta["seed"] == SEED and meta["licence"].startswith("CC-BY-SA 3.0")


# ---------------------------------------------------------------- catalogue

def test_catalogue_rejects_what_does_not_fit(catalogue):
    rejected = dict(catalogue.rejected)
    assert rejected["hair/male/mohawk/black.png"].startswith("fit:")
    assert rejected["hair/female/longknot/black.png"].startswith("fit:")
    assert rejected["head/helms/male/golden_helm_male.png"].startswith("fit:")
    assert rejected["head/caps/male/leather_cap_male.png"].startswith("fit:")
    assert rejected["torso/gold/spikes_male.png"].startswith("coverage:")
    assert rejected["body/male/orc.png"].startswith("policy:")
    assert all(r.startswith("policy:") for p, r in catalogue.rejected if p.startswith("weapons/"))
    accepted = {l.path for l in catalogue.layers}
    assert "body/female/light.png" in accepted and "body/female/eyes/blue.png" in accepted
    assert not any(p.startswith("weapons/") for p in accepted)
    # one set of hair colour names for every style
    assert "brown" in catalogue.hair_colours("female") and len(catalogue.hair_colours("male")) > 20


# ------------------------------------------------------------------- errors

def test_missing_lpc_folder(tmp_path, capsys):
    missing = tmp_path / "no-lpc"
    with pytest.raises(LpcError, match="no-lpc"):
        build_sprite_dataset(missing, tmp_path / "out", 2, 0)
    with pytest.raises(LpcError, match="no-lpc"):
        SpriteStream(missing, 0)
    assert _cli(["--lpc", str(missing), "--out", str(tmp_path / "out2"), "--count", "2"]) == 2
    assert "no-lpc" in capsys.readouterr().err


def test_existing_out_folder_needs_force(lpc_dir, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("user data")
    assert _cli(["--lpc", str(lpc_dir), "--out", str(out), "--count", "2"]) == 2
    err = capsys.readouterr().err
    assert "--force" in err and str(out) in err
    assert (out / "keep.txt").read_text() == "user data" and not (out / "dataset.json").exists()
    assert _cli(["--lpc", str(lpc_dir), "--out", str(out), "--count", "2", "--force"]) == 0
    meta, images, labels = read_dataset(out)
    assert images.shape == (2, 256, 256, 3) and len(labels) == 2 and meta["count"] == 2


def test_dataset_files_generic_and_errors(tmp_path):
    meta = {"kind": "portrait", "resolution": 8, "count": 3, "seed": 0, "layout": None,
            "background": None, "licence": "test", "attribution": "test", "sources": []}
    imgs = [np.full((8, 8, 3), i, np.uint8) for i in range(3)]
    write_dataset(tmp_path / "p", meta, iter(imgs), iter([{"k": i} for i in range(3)]))
    m, images, labels = read_dataset(tmp_path / "p")
    assert m["kind"] == "portrait" and images.shape == (3, 8, 8, 3) and labels[2] == {"index": 2, "k": 2}
    assert (images[1] == 1).all()
    with pytest.raises(DatasetError, match="not empty"):
        write_dataset(tmp_path / "p", meta, iter(imgs), iter([{}] * 3))
    with pytest.raises(DatasetError, match="ended after 2"):
        write_dataset(tmp_path / "q", meta, iter(imgs[:2]), iter([{}] * 3))
    (tmp_path / "p" / "images.npy.xz").write_bytes(b"not xz")
    with pytest.raises(DatasetError, match="images.npy.xz"):
        read_dataset(tmp_path / "p")
    (tmp_path / "p" / "labels.jsonl").write_text('{"index": 0}\n')
    with pytest.raises(DatasetError, match="labels.jsonl"):
        read_dataset(tmp_path / "p")
    (tmp_path / "p" / "dataset.json").unlink()
    with pytest.raises(DatasetError, match="dataset.json"):
        read_dataset(tmp_path / "p")
