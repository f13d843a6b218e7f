"""Safetensors, bundles and seeds: the formats the toolkit shares with the Java runtime."""

import json
import struct

import numpy as np
import pytest

from charagen_train.checkpoint import safetensors
from charagen_train.checkpoint.bundle import read_bundle, write_bundle
from charagen_train.errors import CharagenError, UsageError
from charagen_train.images import grid, to_uint8
from charagen_train.latent import parse_seeds, z_for_seed


class FakeGenerator:
    architecture, img_resolution, z_dim, w_dim, num_ws, img_channels = "stylegan3-t", 16, 8, 8, 16, 3
    init_kwargs = {"z_dim": 8, "c_dim": 0, "w_dim": 8, "img_resolution": 16, "img_channels": 3}


def test_safetensors_round_trip_and_layout():
    tensors = {"b": np.arange(6, dtype=np.float32).reshape(2, 3), "a": np.ones(3, np.float16),
               "scalar": np.array(0.5, np.float32)}
    data = safetensors.encode(tensors, {"note": "x"})
    (length,) = struct.unpack("<Q", data[:8])
    assert (8 + length) % 8 == 0, "tensor data must start 8-byte aligned"
    header = json.loads(data[8:8 + length])
    assert header["a"] == {"dtype": "F16", "shape": [3], "data_offsets": [0, 6]}
    back = safetensors.decode(data, "mem")
    assert back.keys() == tensors.keys()
    for k in tensors:
        np.testing.assert_array_equal(back[k], tensors[k])
        assert back[k].dtype == tensors[k].dtype and back[k].shape == tensors[k].shape


@pytest.mark.parametrize("damage, message", [
    (lambda d: d[:5], "too short"),
    (lambda d: struct.pack("<Q", 10 ** 9) + d[8:], "does not fit"),
    (lambda d: d[:8] + b"{nope" + d[13:], "not JSON"),
    (lambda d: d[:-4], "fall outside"),
])
def test_safetensors_damage_is_named(damage, message):
    data = safetensors.encode({"w": np.zeros((4, 4), np.float32)})
    with pytest.raises(CharagenError, match=message):
        safetensors.decode(damage(data), "weights.safetensors")


def test_safetensors_refuses_shape_that_lies():
    header = json.dumps({"w": {"dtype": "F32", "shape": [3, 3], "data_offsets": [0, 16]}}).encode()
    data = struct.pack("<Q", len(header)) + header + bytes(16)
    with pytest.raises(CharagenError, match="needs 36 bytes"):
        safetensors.decode(data, "w.safetensors")


def test_bundle_round_trip_checks_hash_and_refuses_overwrite(tmp_path):
    from charagen_train.checkpoint.bundle import model_card
    card = model_card("tiny", "sprite", FakeGenerator(), layer_groups={"pose": [0, 1]}, licence="CC-BY-SA 3.0")
    path = write_bundle(tmp_path / "tiny.json", card, {"w": np.ones((2, 2), np.float32)})
    read_card, tensors = read_bundle(path)
    assert read_card["weights"]["file"] == "tiny.safetensors"
    assert read_card["layer_groups"] == {"pose": [0, 1]}
    np.testing.assert_array_equal(tensors["w"], np.ones((2, 2)))
    with pytest.raises(CharagenError, match="already exists"):
        write_bundle(tmp_path / "tiny.json", card, {"w": np.zeros((2, 2), np.float32)})
    weights = tmp_path / "tiny.safetensors"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\x01")
    with pytest.raises(CharagenError, match="sha256 differs"):
        read_bundle(path)


@pytest.mark.parametrize("field, value, message", [
    ("kind", "monster", "field 'kind'"),
    ("surprise", 1, "unknown field 'surprise'"),
    ("layer_groups", {"pose": [99]}, "layer_groups.pose"),
    ("weights", {"file": "../x.safetensors", "sha256": "0" * 64}, "weights.file"),
])
def test_bundle_card_is_read_strictly(tmp_path, field, value, message):
    from charagen_train.checkpoint.bundle import model_card
    path = write_bundle(tmp_path / "m.json", model_card("m", "portrait", FakeGenerator()),
                        {"w": np.ones(1, np.float32)})
    card = json.loads(path.read_text())
    card[field] = value
    path.write_text(json.dumps(card))
    with pytest.raises(CharagenError, match=message.replace(".", r"\.")):
        read_bundle(path)


def test_seeds_match_numpy_and_ranges_parse():
    np.testing.assert_array_equal(z_for_seed(42, 4), np.random.RandomState(42).randn(1, 4))
    assert parse_seeds("--seeds", "3-6") == [3, 4, 5, 6]
    assert parse_seeds("--seed", "7") == [7]
    for bad, why in (("-3", "negative"), ("5-2", "before the start"), ("x", "expected a seed"),
                     ("4294967296", "below 2\\^32")):
        with pytest.raises(UsageError, match=why):
            parse_seeds("--seeds", bad)


def test_pixels_follow_the_reference_conversion():
    values = np.array([-1.0, -0.999, 0.0, 0.5, 0.99, 1.0, 2.0, np.nan], np.float32).reshape(1, 1, 1, 8)
    expected = [0, 0, 128, 191, 254, 255, 255, 0]  # v * 127.5 + 128, clamped, truncated; NaN -> 0
    assert to_uint8(values)[0, 0, :, 0].tolist() == expected
    tiles = np.stack([np.full((2, 2, 3), i, np.uint8) for i in range(1, 11)])
    g = grid(tiles, 8)
    assert g.shape == (4, 16, 3) and g[2, 0, 0] == 9 and g[2, 4, 0] == 0
