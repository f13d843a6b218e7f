"""`charagen-train fit-mapping`: fits a renderer run's mapping network (z -> w) to the w of its
training characters, composer sheets or DiceBear faces (render/mapping_fit.py), and writes the
resume point back with it, so that `export` gives a model whose seeds draw characters."""

import argparse
import sys
from pathlib import Path

from ..data.lpc_catalogue import load_catalogue
from ..data.sprite_composer import SpriteComposer
from ..errors import CharagenError, UsageError
from ..render.labels import Vocabulary
from ..render.mapping_fit import character_tokens, fit_run_mapping
from ..render.model import RendererModel
from ..train.resume import ResumePoint


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser("fit-mapping", help="fit a renderer run's mapping network to its characters",
                              description=__doc__)
    p.add_argument("--run", required=True, type=Path, metavar="DIR", help="a renderer run's resume point")
    p.add_argument("--lpc", type=Path, default=Path("../shared/lpc"),
                   help="the LPC layers, for a sprite run (default ../shared/lpc)")
    p.add_argument("--steps", type=int, default=1500, help="rounds of matching seeds to characters (default 1500, about 10 minutes on one core)")
    p.add_argument("--count", type=int, default=20000, help="training characters or faces whose w are the targets")
    return p


def run(args) -> int:
    if args.steps < 1 or args.count < 16:
        raise UsageError("--steps must be at least 1 and --count at least 16")
    point = ResumePoint.read(args.run)
    if point.state.get("method") != "renderer":
        raise CharagenError(f"{args.run}: not a renderer run; only a renderer's mapping is fitted this way")
    models = {prefix: RendererModel.from_point(point, prefix) for prefix in ("R", "R_ema")}
    seed = int(point.state["seed"])
    if point.state["config"].get("subject", "sprite") == "portrait":
        from ..render.faces import face_tokens
        tokens = face_tokens(point.state["vocabulary"], seed, args.count)
    else:
        composer = SpriteComposer(args.lpc, load_catalogue(args.lpc))
        tokens = character_tokens(composer, Vocabulary.from_json(point.state["vocabulary"]), seed, args.count)
    log = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    fit = fit_run_mapping(models["R_ema"], models["R"], tokens, seed, args.steps, log=log)
    print(f"mapping: {fit.steps} rounds; distance from a seed's w to the nearest character w {fit.precision:.3f}, from a "
          f"character w to the nearest seed's w {fit.coverage:.3f} (medians, in units of the typical spacing of characters); "
          f"{fit.distinct:.0%} of 512 seeds have a nearest character of their own")
    for prefix, model in models.items():
        for name, value in model.state_dict().items():
            key = f"{prefix}/{name}"
            point.tensors[key] = value.numpy().astype(point.tensors[key].dtype)
    point.state["mapping_fit"] = {"steps": fit.steps, "count": args.count, "precision": round(fit.precision, 4),
                                  "coverage": round(fit.coverage, 4),
                                  "distinct": round(fit.distinct, 4), "method": "minibatch-ot", "at_kimg": point.state["cur_nimg"] / 1e3}
    point.write(args.run)
    return 0

