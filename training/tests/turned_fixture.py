"""The "turned" fixtures: sg3t-64 and sg3r-64 from the shared parity fixtures, with a framing
that is not the identity written into their snapshots' `synthesis.input.transform`, and the
images our Python networks draw from them (the parity fixtures pin those networks layer by
layer). They derive from ../shared, so they are made at test time into a temporary folder and
never committed. Python tests import this module; Java tests run it:

    /usr/bin/python3 training/tests/turned_fixture.py FIXTURES_DIR OUT_DIR

For NAME in sg3t-64 and sg3r-64 it writes OUT_DIR/NAME-turned.pkl (the reference snapshot, G and
G_ema turned, nothing else changed) and OUT_DIR/NAME-turned.npz:
    transform             [3, 3] float32, the stored buffer S
    undo                  [3] float64 (x, y, degrees): the --translate/--rotate that move the
                          turned image back to the unturned one (S @ inv(make_transform) = I)
    ws/SEED/PSI           the parity fixture's ws (the mapping does not see the transform)
    stored/SEED/PSI       the turned network's image of those ws, as stored
    moved/SEED/PSI        the turned network moved by MOVE from its stored framing
    plain-moved/SEED/PSI  the unturned network moved by MOVE: gen_images.py's buffer inv(m)

Definitions (facts of the reference gen_images.py): make_transform(t, a) is
[[c, s, tx], [-s, c, ty], [0, 0, 1]] with c, s the cosine and sine of a, and gen_images.py
writes inv(make_transform(translate, rotate)) into the buffer. The input samples the features
of pixel x at S x, so moving the stored image by m draws F(S inv(m) x): the buffer S @ inv(m).
"""
import sys
from pathlib import Path

import numpy as np
import torch

TRAINING = Path(__file__).resolve().parents[1]
if str(TRAINING) not in sys.path:
    sys.path.insert(0, str(TRAINING))

from charagen_train.checkpoint.reference_pickle import read_snapshot  # noqa: E402
from charagen_train.nets import generator_from_record  # noqa: E402

NAMES = ("sg3t-64", "sg3r-64")
TURN = ((0.13, -0.07), 17.0)   # the framing stored in the turned snapshots: translate, degrees
MOVE = ((0.1, 0.0), 10.0)      # what the tests pass as --translate 0.1,0 --rotate 10
CASES = ((1, "1.0"), (42, "0.7"))
KEY = "synthesis.input.transform"


def make_transform(translate, degrees) -> np.ndarray:
    """Rotate by `degrees`, then translate, as gen_images.py builds it (float64)."""
    a = np.radians(degrees)
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, s, translate[0]], [-s, c, translate[1]], [0, 0, 1]])


def stored_transform() -> np.ndarray:
    """S: the buffer of a network saved after moving its image by TURN."""
    return np.linalg.inv(make_transform(*TURN)).astype(np.float32)


def moved_buffer(stored: np.ndarray, translate, degrees) -> np.ndarray:
    """The buffer that draws the image of a network stored with `stored` moved by (translate, degrees)."""
    return (stored.astype(np.float64) @ np.linalg.inv(make_transform(translate, degrees))).astype(np.float32)


def undo_move(stored: np.ndarray) -> np.ndarray:
    """(x, y, degrees) with make_transform((x, y), degrees) = S, so S @ inv(that) is the identity."""
    s = stored.astype(np.float64)
    return np.array([s[0, 2], s[1, 2], np.degrees(np.arctan2(s[0, 1], s[0, 0]))])


def turned_pickle(source: Path, transform: np.ndarray) -> bytes:
    """The snapshot's bytes with every stored identity `transform` (G's and G_ema's) overwritten
    in place. A tensor's storage lies in the pickle as raw little-endian floats, so the bytes of
    the 3x3 identity are found and replaced; turned_snapshot checks that nothing else changed."""
    data = bytearray(source.read_bytes())
    identity = np.eye(3, dtype="<f4").tobytes()
    found, at = [], data.find(identity)
    while at >= 0:
        found.append(at)
        at = data.find(identity, at + 1)
    if len(found) != 2:
        raise AssertionError(f"{source}: expected the identity transform of G and G_ema, found {len(found)}")
    for at in found:
        data[at:at + len(identity)] = transform.astype("<f4").tobytes()
    return bytes(data)


def turned_snapshot(source: Path, out: Path, transform: np.ndarray) -> None:
    out.write_bytes(turned_pickle(source, transform))
    before, after = read_snapshot(source), read_snapshot(out)
    for net in ("G", "G_ema", "D"):
        for name, tensor in before[net].state_dict.items():
            expected = torch.from_numpy(transform) if net != "D" and name == KEY else tensor
            if not torch.equal(after[net].state_dict[name], expected):
                raise AssertionError(f"{out}: {net}.{name} is not what was meant to be written")


def synthesize(g, ws: np.ndarray, buffer=None) -> np.ndarray:
    """g's image of ws, drawn with `buffer` in place of its stored transform when one is given."""
    stored = g.synthesis.input.transform.clone()
    try:
        with torch.no_grad():
            if buffer is not None:
                g.synthesis.input.transform.copy_(torch.from_numpy(buffer))
            return g.synthesis(torch.from_numpy(ws), noise_mode="const").float().numpy()
    finally:
        g.synthesis.input.transform.copy_(stored)


def make(fixtures: Path, out: Path, name: str) -> Path:
    """Writes NAME-turned.pkl and NAME-turned.npz into `out`; returns the .npz."""
    stored = stored_transform()
    pkl = out / f"{name}-turned.pkl"
    turned_snapshot(fixtures / f"{name}.pkl", pkl, stored)
    turned = generator_from_record(read_snapshot(pkl)["G_ema"])
    plain = generator_from_record(read_snapshot(fixtures / f"{name}.pkl")["G_ema"])
    if not torch.equal(turned.synthesis.input.transform, torch.from_numpy(stored)):
        raise AssertionError(f"{pkl}: the network does not load the stored transform")
    arrays = {"transform": stored, "undo": undo_move(stored)}
    with np.load(fixtures / f"{name}.npz") as reference:
        for seed, psi in CASES:
            ws = reference[f"ws/{seed}/{psi}"]
            arrays[f"ws/{seed}/{psi}"] = ws
            arrays[f"stored/{seed}/{psi}"] = synthesize(turned, ws)
            arrays[f"plain-moved/{seed}/{psi}"] = synthesize(plain, ws, moved_buffer(np.eye(3), *MOVE))
            arrays[f"moved/{seed}/{psi}"] = synthesize(turned, ws, moved_buffer(stored, *MOVE))
    npz = out / f"{name}-turned.npz"
    np.savez(npz, **arrays)
    return npz


def main(argv) -> int:
    if len(argv) != 2:
        print("usage: turned_fixture.py FIXTURES_DIR OUT_DIR", file=sys.stderr)
        return 2
    fixtures, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        print(make(fixtures, out, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
