"""The portrait training set: cartoon faces drawn by DiceBear (style `adventurer`), coloured from
the LPC skin tones and hair colours so that a sprite and a portrait can agree.

Python decides everything: for sample i, numpy's RandomState([seed, i]) draws a skin tone (LPC
name; human tones twice as often as fantasy ones) and a hair colour (LPC name, uniformly), a hair style, an expression (uniformly over EXPRESSIONS)
and the mouth, eyes and eyebrows that carry it, and sometimes glasses, earrings or a feature.
A sample depends only on (seed, i), so a smaller set is a prefix of a larger one. The Node
script `training/portraits/render.mjs` then renders the whole batch in one run, with nothing
random left to it. RandomState, not Generator, because its streams are frozen across numpy
versions.

Labels per sample: index, style, skin_tone and hair_colour (LPC names, as the sprite builder
writes them) with skin_hex and hair_hex, hair (the variant) and hair_length, expression and the
raw mouth/eyes/eyebrows variants, glasses, earrings and features (null when absent). The style
has no sex or age and no head pose: every face is frontal.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from ..errors import CharagenError
from PIL import Image

from . import dataset_files as files
from .dicebear_styles import DEFAULT_STYLE, EXPRESSIONS, STYLES, style_credits
from .lpc_palettes import PALETTES_JSON, load_palettes

SCRIPT_DIR = Path(__file__).resolve().parents[2] / "portraits"  # training/portraits
NODE_PACKAGES = ("@dicebear/core", "@dicebear/collection", "@resvg/resvg-js")
NPM_CI = "npm ci --prefix training/portraits"

# A flat cyan: at least 190 (RGB distance) from every LPC skin and hair colour and every fixed
# colour of the style, so it keys out cleanly when a portrait is exported with transparency.
BACKGROUND = "#00ffff"

# LPC skin tones that are not a skin a face can wear.
EXCLUDED_SKIN_TONES = {"skeleton": "bone: the body is a skeleton, and the face styles draw no skull"}
# Draw weights of the skin tones: the human tones twice as often as the fantasy ones (dark elf
# lavender, orc green), which the style shows as plain flat colours; any tone not named: 1.
SKIN_TONE_WEIGHTS = {"light": 2, "tanned": 2, "tanned2": 2, "dark": 2, "dark2": 2}

# The fixed DiceBear seed: every option is given with one value and probability 0 or 100, so
# DiceBear's own PRNG decides nothing; the seed is set anyway so that nothing depends on it.
DICEBEAR_SEED = "charagen"


class PortraitRenderError(CharagenError):
    """Node, the DiceBear packages or the render script are missing or failed."""


@dataclass
class BuildResult:
    folder: Path
    count: int
    render_seconds: float  # the Node run: DiceBear SVG + resvg PNG for the whole batch
    total_seconds: float
    images_bytes: int  # size of images.npy.xz


def palette_choices(palettes: dict) -> tuple[dict[str, str], dict[str, str]]:
    skin = {n: e["hex"] for n, e in sorted(palettes["skin_tones"].items()) if n not in EXCLUDED_SKIN_TONES}
    hair = {n: e["hex"] for n, e in sorted(palettes["hair_colours"].items())}
    return skin, hair


def _pick(rng: np.random.RandomState, values) -> str:
    values = tuple(values)
    return values[rng.randint(len(values))]


def _pick_weighted(rng: np.random.RandomState, weights: dict[str, int]) -> str:
    names = tuple(weights)
    bounds = np.cumsum([weights[n] for n in names])
    return names[int(np.searchsorted(bounds, rng.randint(bounds[-1]), side="right"))]


def _maybe(rng: np.random.RandomState, choice: tuple[tuple[str, ...], int]) -> str | None:
    variants, percent = choice
    variant = _pick(rng, variants)  # drawn either way, so the draws after it never shift
    return variant if rng.randint(100) < percent else None


def draw_sample(seed: int, index: int, palettes: dict, style: str = DEFAULT_STYLE) -> dict:
    """The labels of sample `index` of the set made from `seed` (without the rendering)."""
    s = STYLES[style]
    skin, hair = palette_choices(palettes)
    rng = np.random.RandomState([seed, index])
    skin_tone = _pick_weighted(rng, {n: SKIN_TONE_WEIGHTS.get(n, 1) for n in skin})
    hair_colour = _pick(rng, hair)
    hair_variant = _pick(rng, s["hair"])
    expression = _pick(rng, EXPRESSIONS)
    parts = s["expressions"][expression]
    label = {
        "index": index,
        "style": style,
        "skin_tone": skin_tone,
        "skin_hex": skin[skin_tone],
        "hair_colour": hair_colour,
        "hair_hex": hair[hair_colour],
        "hair": hair_variant,
        "hair_length": "long" if hair_variant.startswith("long") else "short",
        "expression": expression,
        "mouth": _pick(rng, parts["mouth"]),
        "eyes": _pick(rng, parts["eyes"]),
        "eyebrows": _pick(rng, parts["eyebrows"]),
    }
    for extra in ("glasses", "earrings", "features"):
        label[extra] = _maybe(rng, s[extra])
    return label


def dicebear_options(label: dict, background: str = BACKGROUND) -> dict:
    """The createAvatar options that draw exactly `label` (adventurer's option names; a part that
    is None is left out, hair included)."""
    options = {
        "seed": DICEBEAR_SEED,
        "backgroundColor": [background.lstrip("#")],
        "skinColor": [label["skin_hex"].lstrip("#")],
        "hairColor": [label["hair_hex"].lstrip("#")],
        "hair": [label["hair"]] if label["hair"] is not None else [],
        "hairProbability": 100 if label["hair"] is not None else 0,
        "mouth": [label["mouth"]],
        "eyes": [label["eyes"]],
        "eyebrows": [label["eyebrows"]],
    }
    for extra in ("glasses", "earrings", "features"):
        if label[extra] is None:
            options[f"{extra}Probability"] = 0
        else:
            options[extra] = [label[extra]]
            options[f"{extra}Probability"] = 100
    return options


def check_node(node: str, script_dir: Path) -> None:
    script = script_dir / "render.mjs"
    if not script.is_file():
        raise PortraitRenderError(f"render script {script} not found")
    missing = [p for p in NODE_PACKAGES if not (script_dir / "node_modules" / p / "package.json").is_file()]
    if missing:
        raise PortraitRenderError(
            f"Node packages {', '.join(missing)} are not installed in {script_dir / 'node_modules'}: "
            f"run `{NPM_CI}` (from the repository root) first")
    if shutil.which(node) is None:
        raise PortraitRenderError(f"Node.js executable {node!r} not found: install Node 18 or newer, or pass node=PATH")


def _run_node(node: str, script_dir: Path, args: list[str], progress: Callable[[str], None] | None) -> str:
    """Run render.mjs with `args`; stderr lines go to `progress`; returns stdout."""
    cmd = [node, str(script_dir / "render.mjs"), *args]
    try:
        proc = subprocess.Popen(cmd, cwd=script_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise PortraitRenderError(f"cannot start {node!r}: {e}") from e
    errors = []
    assert proc.stderr is not None and proc.stdout is not None
    for line in proc.stderr:
        errors.append(line.rstrip("\n"))
        if progress is not None:
            progress(line.rstrip("\n"))
    out = proc.stdout.read()
    if proc.wait() != 0:
        tail = "\n".join(errors[-20:])
        raise PortraitRenderError(f"{' '.join(cmd[:2])} failed (exit {proc.returncode}):\n{tail}")
    return out


def installed_style_meta(style: str = DEFAULT_STYLE, node: str = "node", script_dir: Path = SCRIPT_DIR) -> dict:
    """What the installed DiceBear packages say about `style` (licence, creator, versions)."""
    script_dir = Path(script_dir)
    check_node(node, script_dir)
    return json.loads(_run_node(node, script_dir, ["--meta", style], None))


def check_credits(style: str, installed: dict) -> None:
    """Our STYLES table must agree with the installed package about licence and creator."""
    ours, theirs = STYLES[style], installed["styles"][style]
    pairs = [
        ("creator", ours["creator"], theirs["meta"]["creator"]),
        ("licence", ours["licence"], theirs["meta"]["license"]["name"]),
        ("source", ours["source"], theirs["meta"]["source"]),
        ("package_licence", ours["package_licence"], theirs["license"]),
    ]
    wrong = [f"{k}: table {a!r}, installed {b!r}" for k, a, b in pairs if a != b]
    if wrong:
        raise PortraitRenderError(
            f"charagen_train/data/dicebear_styles.py STYLES[{style!r}] disagrees with the installed "
            f"{theirs['package']} {theirs['version']} ({'; '.join(wrong)}): check the licence and update the table")


def _composite(png: Path, background: np.ndarray, size: int) -> np.ndarray:
    """PNG -> uint8 [size, size, 3] on the background colour."""
    with Image.open(png) as im:
        rgba = np.asarray(im.convert("RGBA"))
    if rgba.shape[:2] != (size, size):
        raise PortraitRenderError(f"{png}: rendered {rgba.shape[1]}x{rgba.shape[0]}, expected {size}x{size}")
    return on_background(rgba, background)


def on_background(rgba: np.ndarray, background: np.ndarray) -> np.ndarray:
    """uint8 [..., 4] with straight alpha -> uint8 [..., 3] over the background colour."""
    alpha = rgba[..., 3:4].astype(np.uint16)
    rgb = rgba[..., :3].astype(np.uint16) * alpha + background.astype(np.uint16) * (255 - alpha)
    return ((rgb + 127) // 255).astype(np.uint8)


def background_rgb() -> np.ndarray:
    return np.array([int(BACKGROUND[i:i + 2], 16) for i in (1, 3, 5)], np.uint8)


@contextlib.contextmanager
def _rendered(labels: list[dict], resolution: int, node: str, script_dir: Path,
              progress: Callable[[str], None] | None):
    """Render `labels` in one Node run into a temporary folder; yields (an iterator of uint8
    [resolution, resolution, 3] images on the background, in order; seconds the Node run took)."""
    background = background_rgb()
    with tempfile.TemporaryDirectory(prefix="charagen-portraits-") as tmp:
        tmp = Path(tmp)
        jobs = [{"style": label["style"], "options": dicebear_options(label), "out": str(tmp / f"{i:06d}.png"),
                 "size": resolution} for i, label in enumerate(labels)]
        (tmp / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
        start = time.perf_counter()
        _run_node(node, script_dir, [str(tmp / "jobs.json")], progress)
        seconds = time.perf_counter() - start
        yield (_composite(Path(job["out"]), background, resolution) for job in jobs), seconds


def render_portraits(labels: list[dict], resolution: int = 256, node: str = "node",
                     script_dir: str | os.PathLike = SCRIPT_DIR) -> np.ndarray:
    """Render the portraits that `labels` describe (as draw_sample makes them, or edited) in
    memory: uint8 [N, resolution, resolution, 3]. For small batches: tests, previews."""
    _check_args(len(labels) or 1, 0, resolution)
    script_dir = Path(script_dir)
    check_node(node, script_dir)
    with _rendered(list(labels), resolution, node, script_dir, None) as (images, _):
        return np.stack(list(images)) if labels else np.zeros((0, resolution, resolution, 3), np.uint8)


def _check_args(count, seed, resolution) -> None:
    if not isinstance(count, int) or count < 1:
        raise ValueError(f"count must be a positive integer, got {count!r}")
    if not isinstance(seed, int) or not 0 <= seed < 2 ** 32:
        raise ValueError(f"seed must be an integer from 0 to 2**32-1, got {seed!r}")
    if not isinstance(resolution, int) or resolution < 16 or resolution > 2048 or resolution & (resolution - 1):
        raise ValueError(f"resolution must be a power of two from 16 to 2048, got {resolution!r}")


def build_portraits(out_folder: str | os.PathLike, count: int, seed: int, resolution: int = 256,
                    overwrite: bool = False, node: str = "node", *, script_dir: str | os.PathLike = SCRIPT_DIR,
                    palettes_json: str | os.PathLike = PALETTES_JSON,
                    progress: Callable[[str], None] | None = None) -> BuildResult:
    """Draw `count` portraits from `seed` at `resolution` px and write the data set to `out_folder`
    (dataset.json, labels.jsonl, images.npy.xz, contact-sheet.png).

    Refuses a non-empty `out_folder` unless `overwrite`. `node` is the Node.js executable;
    `script_dir` holds render.mjs and its node_modules (`npm ci --prefix training/portraits`).
    `progress`, if given, receives one line now and then."""
    start = time.perf_counter()
    _check_args(count, seed, resolution)
    script_dir = Path(script_dir)
    check_node(node, script_dir)
    out = Path(out_folder)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not overwrite:
        raise files.DatasetError(f"{out} already exists and is not empty (use --force to overwrite)")
    style = DEFAULT_STYLE
    installed = installed_style_meta(style, node, script_dir)
    check_credits(style, installed)
    palettes = load_palettes(palettes_json)
    labels = [draw_sample(seed, i, palettes, style) for i in range(count)]
    if progress:
        progress(f"rendering {count} portraits at {resolution}x{resolution} with DiceBear {style}")

    def compressed(done: int, total: int) -> None:
        if progress and done % 1000 == 0:
            progress(f"compressed {done}/{total}")

    with _rendered(labels, resolution, node, script_dir, progress) as (images, render_seconds):
        meta = dataset_meta(count, seed, resolution, style, installed, palettes)
        files.write_dataset(out, meta, images, iter(labels), overwrite=overwrite, progress=compressed)
    return BuildResult(out, count, render_seconds, time.perf_counter() - start,
                       (out / files.IMAGES_NPY_XZ).stat().st_size)


def dataset_meta(count: int, seed: int, resolution: int, style: str, installed: dict, palettes: dict) -> dict:
    credits = style_credits(style)
    credits["version"] = installed["styles"][style]["version"]
    skin, hair = palette_choices(palettes)
    return {
        "kind": "portrait",
        "resolution": resolution,
        "count": count,
        "seed": seed,
        "background": [int(BACKGROUND[i:i + 2], 16) for i in (1, 3, 5)],
        "layout": None,
        "pose": "frontal (DiceBear draws no head pose)",
        "styles": [credits],
        "licence": f"{credits['licence']} ({credits['title']} design by {credits['creator']}); "
                   "DiceBear code MIT",
        "attribution": credits["attribution"],
        "sources": [
            {"name": f"DiceBear {style}", "package": f"{credits['package']}@{credits['version']}",
             "url": credits["source"], "licence": credits["licence"]},
            {"name": "LPC skin tone and hair colour values", "url": "https://github.com/makrohn/Universal-LPC-spritesheet",
             "note": "colour values only (charagen_train/data/lpc_palettes.json), measured from the LPC art "
                     "(CC-BY-SA 3.0 / GPL 3.0); no LPC pixels are in this data set"},
        ],
        "packages": installed["packages"],
        "sampling": "per sample: numpy RandomState([seed, index]); skin tone by skin_tone_weights; "
                    "hair colour, hair and expression uniform; mouth/eyes/eyebrows uniform among the "
                    "expression's variants; glasses, earrings, features by the style's probabilities",
        "skin_tone_weights": {n: SKIN_TONE_WEIGHTS.get(n, 1) for n in skin},
        "expressions": {e: {k: list(v) for k, v in STYLES[style]["expressions"][e].items()} for e in EXPRESSIONS},
        "skin_tones": skin,
        "excluded_skin_tones": EXCLUDED_SKIN_TONES,
        "hair_colours": hair,
        "label_fields": ["index", "style", "skin_tone", "skin_hex", "hair_colour", "hair_hex", "hair",
                         "hair_length", "expression", "mouth", "eyes", "eyebrows", "glasses", "earrings",
                         "features"],
    }

