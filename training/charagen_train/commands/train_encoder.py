"""`charagen-train train-encoder`: trains the head encoder (head_encoder/) on LPC characters as the
composer and as a sprite model draw them and on sheets the sprite model draws from seeds, and writes
it to a run folder for `export-encoder`."""
import argparse
import json
import time
from pathlib import Path

import numpy as np
import torch

from ..errors import UsageError
from ..evaluate.heldout import HELDOUT_SEED
from ..safe_files import atomic_write_bytes
from ..checkpoint import safetensors
from ..head_encoder import pairing, samples, targets
from ..head_encoder.bundle import file_sha256
from ..head_encoder.net import HeadEncoderNet
from ..head_encoder.trainer import train

DATA_FILE = "data.npz"
SEEDED_FILE = "seeded.npz"
#: The first seed of the seeded training and held-out samples: far from the seeds a user starts at.
SEEDED_FROM = 100_000
SEEDED_HELDOUT_FROM = 200_000
STATE_FILE = "encoder.json"
WEIGHTS_FILE = "encoder.safetensors"


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("train-encoder", help="train the head encoder that maps a sprite's frames to portrait labels")
    p.add_argument("--sprite-model", required=True, type=Path, metavar="CARD",
                   help="the sprite model whose drawings the encoder must read (a renderer's bundle, with its label encoder)")
    p.add_argument("--lpc", type=Path, default=Path("../shared/lpc"), metavar="DIR")
    p.add_argument("--out", required=True, type=Path, metavar="DIR", help="run folder (data cache, weights, log)")
    p.add_argument("--composed", type=int, default=6000, help="composed training samples")
    p.add_argument("--drawn", type=int, default=2000, help="training samples drawn by the sprite model")
    p.add_argument("--seeded", type=int, default=5000,
                   help=f"training sheets the sprite model draws from seeds {SEEDED_FROM} on, as generate does")
    p.add_argument("--psi", type=_psi_range, default=(0.4, 1.0), metavar="LO,HI",
                   help="the range of truncation psi the seeded sheets are drawn with (default 0.4,1.0)")
    p.add_argument("--heldout", type=int, default=256,
                   help=f"held-out samples of each labelled kind (composer seed {HELDOUT_SEED}); twice as many seeded "
                        f"ones (seeds {SEEDED_HELDOUT_FROM} on)")
    p.add_argument("--seed", type=int, default=11, help="composer seed of the training samples")
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--minutes", type=float, help="stop after this long (the learning rate still follows --steps)")
    p.add_argument("--eval-every", type=int, default=250)
    return p


def run(args) -> int:
    from ..data.lpc_catalogue import load_catalogue
    from ..data.sprite_composer import SpriteComposer
    from ..evaluate.inverse import load_sprite_model
    if args.seed in (HELDOUT_SEED, HELDOUT_SEED + 1):
        raise UsageError(f"--seed {args.seed}: composer seeds {HELDOUT_SEED} and {HELDOUT_SEED + 1} are held out")
    catalogue = load_catalogue(args.lpc)
    composer = SpriteComposer(args.lpc, catalogue)
    classes = pairing.head_classes(catalogue.tones("male"), catalogue.hair_colours("male"))
    model = load_sprite_model(args.sprite_model, catalogue)
    if not model.has_inverse:
        raise UsageError(f"--sprite-model {args.sprite_model}: no label encoder, so it cannot draw labelled characters")
    args.out.mkdir(parents=True, exist_ok=True)
    sprite_sha = file_sha256(args.sprite_model.with_suffix(".safetensors"))
    key = {"sprite_sha256": sprite_sha, "seed": args.seed, "composed": args.composed, "drawn": args.drawn,
           "heldout": args.heldout, "classes": classes}
    data, held = _data(args, key, composer, model, classes)
    seeded, seeded_held = _seeded(args, sprite_sha, model)
    data, held = samples.Samples.concat([data, seeded]), samples.Samples.concat([held, seeded_held])
    t0 = time.time()
    data_targets, held_targets = targets.build(data, classes), targets.build(held, classes)
    print(f"charagen-train: read the colours of {int((data.kind != samples.COMPOSED).sum() + (held.kind != samples.COMPOSED).sum())} "
          f"drawn sheets in {time.time() - t0:.0f} s", flush=True)
    torch.manual_seed(args.seed)
    net = HeadEncoderNet([len(classes[h]) for h in pairing.HEADS])
    print(f"charagen-train: head encoder, {sum(p.numel() for p in net.parameters())} parameters, "
          f"{len(data.y)} training samples ({int((data.kind == samples.DRAWN).sum())} drawn from labels and "
          f"{int((data.kind == samples.SEEDED).sum())} from seeds by the sprite model)", flush=True)

    def log(entry):
        print(json.dumps(entry), flush=True)
        with open(args.out / "log.jsonl", "a") as f:
            f.write(json.dumps(entry) + "\n")

    history = train(net, data, data_targets, held, held_targets, classes, args.steps, args.batch, args.lr, args.seed,
                    args.eval_every, log, args.minutes)
    safetensors.write(args.out / WEIGHTS_FILE, {k: v.detach().numpy() for k, v in net.state_dict().items()},
                      overwrite=True)
    state = {"heads": list(pairing.HEADS), "classes": classes, "conv_layers": net.conv_layers, "hidden": net.hidden,
             "data": {**{k: v for k, v in key.items() if k != "classes"}, "seeded": args.seeded,
                      "seeded_from": SEEDED_FROM, "psi": list(args.psi)},
             "sprite_model": {"name": args.sprite_model.stem, "sha256": sprite_sha},
             "steps": history[-1]["step"], "batch": args.batch, "lr": args.lr,
             "training_cpu_seconds": history[-1]["cpu_seconds"], "history": history}
    atomic_write_bytes(args.out / STATE_FILE, (json.dumps(state, indent=1) + "\n").encode(), overwrite=True)
    print(f"charagen-train: wrote {args.out / WEIGHTS_FILE}; held-out accuracy {history[-1]['heldout']}")
    return 0


def _data(args, key, composer, model, classes):
    """The training and held-out samples, from the run's cache when it was made with the same settings."""
    cache = args.out / DATA_FILE
    z = _cached(cache, key)
    if z is not None:
        return (samples.Samples(z["tops"], z["y"], z["kind"]),
                samples.Samples(z["held_tops"], z["held_y"], z["held_kind"]))
    t0 = time.time()
    rng = np.random.RandomState(args.seed)
    say = lambda n: print(f"  drawn {n}", flush=True) if n % 200 < 8 else None  # noqa: E731
    data = samples.Samples.concat([samples.composed(composer, args.seed, range(args.composed), classes),
                                   samples.drawn(model, composer, args.seed, range(args.drawn), classes, rng, progress=say)])
    held = samples.Samples.concat([
        samples.composed(composer, HELDOUT_SEED, range(args.heldout), classes),
        samples.drawn(model, composer, HELDOUT_SEED, range(args.heldout), classes, np.random.RandomState(HELDOUT_SEED))])
    np.savez(cache, key=json.dumps(key), tops=data.tops, y=data.y, kind=data.kind,
             held_tops=held.tops, held_y=held.y, held_kind=held.kind)
    print(f"charagen-train: made {len(data.y)} + {len(held.y)} samples in {time.time() - t0:.0f} s", flush=True)
    return data, held


def _seeded(args, sprite_sha, model):
    """The seeded training and held-out samples, from the run's cache when it was made with the same settings."""
    cache = args.out / SEEDED_FILE
    key = {"sprite_sha256": sprite_sha, "from": SEEDED_FROM, "count": args.seeded,
           "heldout_from": SEEDED_HELDOUT_FROM, "heldout": 2 * args.heldout, "psi": list(args.psi)}
    z = _cached(cache, key)
    if z is not None:
        return samples.Samples.unlabelled(z["tops"]), samples.Samples.unlabelled(z["held_tops"])
    t0 = time.time()
    say = lambda n: print(f"  drawn {n} from seeds", flush=True) if n % 200 < 8 else None  # noqa: E731
    tops = samples.seeded(model, range(SEEDED_FROM, SEEDED_FROM + args.seeded), args.psi, progress=say)
    held_tops = samples.seeded(model, range(SEEDED_HELDOUT_FROM, SEEDED_HELDOUT_FROM + 2 * args.heldout), args.psi)
    np.savez(cache, key=json.dumps(key), tops=tops, held_tops=held_tops)
    print(f"charagen-train: drew {len(tops)} + {len(held_tops)} sheets from seeds in {time.time() - t0:.0f} s", flush=True)
    return samples.Samples.unlabelled(tops), samples.Samples.unlabelled(held_tops)


def _cached(cache, key):
    """The arrays of a sample cache made with the same settings (its stored key equal to key), else None."""
    if not cache.is_file():
        return None
    with np.load(cache, allow_pickle=False) as z:
        if json.loads(str(z["key"])) != key:
            return None
        print(f"charagen-train: samples from {cache}", flush=True)
        return {name: z[name] for name in z.files if name != "key"}


def _psi_range(text: str):
    try:
        lo, hi = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected LO,HI, two numbers") from None
    if not (0 <= lo <= hi <= 2):
        raise argparse.ArgumentTypeError(f"{text!r}: expected 0 <= LO <= HI <= 2")
    return lo, hi
