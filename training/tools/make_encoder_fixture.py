"""Writes the head encoder parity fixture that the Java tests read
(generator/src/test/resources/head-encoder/): a small encoder bundle with random weights, paired
with the parity fixtures' sg3t-64 (portrait) and sg2-64 (sprite) networks, four synthetic 48 x 48
RGBA frames, and what this toolkit computes from them (the input tensor's sum, the logits and w).
tests/test_head_encoder.py checks that the committed fixture still agrees with the toolkit.

    PYTHONPATH=training /usr/bin/python3 training/tools/make_encoder_fixture.py ../shared/fixtures/nvlabs
"""
import json
import sys
from pathlib import Path

import numpy as np
import torch

from charagen_train import images
from charagen_train.head_encoder import inputs
from charagen_train.head_encoder.bundle import file_sha256, write_encoder_bundle
from charagen_train.head_encoder.net import HeadEncoderNet, encode_w

OUT = Path(__file__).resolve().parents[2] / "generator/src/test/resources/head-encoder"
HEADS = [{"name": "skin_tone", "classes": ["dark", "light", "tanned"],
          "tokens": ["skin:dark", "skin:light", "skin:tanned"]},
         {"name": "hair_colour", "classes": ["black", "blonde", "redhead"],
          "tokens": ["hair_colour:black", "hair_colour:blonde", "hair_colour:redhead"]},
         {"name": "hair_style", "classes": ["loose", "pixie"], "tokens": ["hair:long05", "hair:short09"]},
         {"name": "beard", "classes": ["none", "moustache"], "tokens": [None, "features:mustache"]}]
W_DIM = 64


def synthetic_frames(rng: np.random.RandomState) -> np.ndarray:
    """uint8 [4, 48, 48, 4]: an ellipse 'head' of random colours per frame, binary alpha."""
    frames = np.zeros((4, 48, 48, 4), dtype=np.uint8)
    yy, xx = np.mgrid[:48, :48]
    for f in range(4):
        inside = ((yy - 16) / 12.0) ** 2 + ((xx - 24 + f) / 10.0) ** 2 <= 1
        colours = rng.randint(0, 256, size=(48, 48, 3))
        frames[f, inside, :3] = colours[inside]
        frames[f, inside, 3] = 255
        frames[f, ~inside, :3] = rng.randint(0, 256, size=(int((~inside).sum()), 3))  # hidden by alpha 0
    return frames


def main(fixtures: Path) -> None:
    torch.manual_seed(7)
    rng = np.random.RandomState(7)
    net = HeadEncoderNet([len(h["classes"]) for h in HEADS], [(8, 1), (8, 2), (8, 2), (8, 2)], 16).eval()
    ws_weight = torch.randn(sum(len(h["classes"]) for h in HEADS), W_DIM)
    ws_bias = torch.randn(W_DIM)
    pairs = {"sprite": {"name": "sg2-64", "sha256": file_sha256(fixtures / "sg2-64.pkl")},
             "portrait": {"name": "sg3t-64", "sha256": file_sha256(fixtures / "sg3t-64.pkl")}}
    OUT.mkdir(parents=True, exist_ok=True)
    write_encoder_bundle(OUT / "tiny.encoder.json", "tiny", net, HEADS, ws_weight, ws_bias, pairs,
                         training={"note": "random weights: a parity fixture, not a trained encoder"}, overwrite=True)
    frames = synthetic_frames(rng)
    images.save_png(OUT / "frames.png", np.concatenate(list(frames), axis=1), overwrite=True)
    x = torch.from_numpy(inputs.encoder_input(frames))[None]
    with torch.no_grad():
        logits = net(x)[0]
        w = encode_w(net, ws_weight, ws_bias, x)[0]
    expected = {"frames": "frames.png: the four 48 x 48 frames left to right, in the card's input.frames order",
                "input_sum": float(x.double().sum()), "input_abs_sum": float(x.double().abs().sum()),
                "logits": [round(float(v), 7) for v in logits], "w": [round(float(v), 7) for v in w]}
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
