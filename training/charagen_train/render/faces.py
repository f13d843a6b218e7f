"""The renderer's portrait subject: DiceBear faces (style `adventurer`, LPC skin and hair colours)
drawn on request from their labels, as tokens of the label encoder.

A face's labels fix every pixel (portrait_builder.draw_sample), and any combination of them can be
drawn, so the layer groups are trained by construction, as the sprite model's are: half of the
training faces are face A wearing face B's expression (B's mouth, eyes and eyebrows), drawn from
A's w on the identity layers and B's w on the expression layers; where the model has accessory
layers, half wear face C's accessories (glasses, earrings, features) from C's w on those.

Tokens: the parts are shape tokens ('hair:long03', 'hair:none', 'mouth:variant09', 'eyes:...',
'eyebrows:...', 'glasses:...', 'earrings:...', 'features:...'; a missing accessory has no token),
the colours are colour tokens ('skin:light', 'hair_colour:blonde').
"""

from __future__ import annotations

import dataclasses
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
from PIL import Image

from .. import images
from ..data.dicebear_styles import DEFAULT_STYLE, STYLES
from ..data.face_worker import FaceWorker
from ..data.lpc_palettes import load_palettes
from ..data.portrait_builder import (background_rgb, check_credits, dataset_meta, draw_sample, installed_style_meta,
                                     palette_choices)
from ..evaluate import face_checks
from ..evaluate.heldout import HELDOUT_SEED
from .labels import Vocabulary
from .samples import Batch, chance

#: The parts that carry an expression, and the accessories; everything else is identity.
EXPRESSION_PARTS = ("mouth", "eyes", "eyebrows")
ACCESSORY_PARTS = ("glasses", "earrings", "features")
SHAPE_PARTS = ("hair",) + EXPRESSION_PARTS + ACCESSORY_PARTS
#: Colour classes and the label fields that hold their colour names.
COLOUR_FIELDS = {"skin": ("skin_tone", "skin_hex"), "hair_colour": ("hair_colour", "hair_hex")}
#: RPG Maker's face size (that of a face sheet's slot): held-out redraws are also scored after
#: scaling to it.
FACE_SIZE = face_checks.FACE


class FaceVocabulary(Vocabulary):
    """Tokens of every part variant of the style and every colour of the palettes."""

    @classmethod
    def of_style(cls, palettes: dict, style: str = DEFAULT_STYLE) -> "FaceVocabulary":
        s = STYLES[style]
        shapes = {"hair:none"} | {f"hair:{v}" for v in s["hair"]}
        for parts in s["expressions"].values():
            for part in EXPRESSION_PARTS:
                shapes |= {f"{part}:{v}" for v in parts[part]}
        for extra in ACCESSORY_PARTS:
            shapes |= {f"{extra}:{v}" for v in s[extra][0]}
        skin, hair = palette_choices(palettes)
        colours = {f"skin:{n}" for n in skin} | {f"hair_colour:{n}" for n in hair}
        return cls(sorted(shapes), sorted(colours))

    def encode(self, label: dict) -> Tuple[List[int], List[int]]:
        """(shape indices, colour indices) of a face's labels; a part this vocabulary does not know
        raises KeyError naming it."""
        shapes = []
        for part in SHAPE_PARTS:
            value = label[part]
            if value is None and part != "hair":
                continue
            shapes.append(self._index(self.shape_index, f"{part}:{value or 'none'}"))
        colours = [self._index(self.colour_index, f"{cls}:{label[field]}")
                   for cls, (field, _) in COLOUR_FIELDS.items()]
        return shapes, colours

    @staticmethod
    def _index(table: Dict[str, int], token: str) -> int:
        if token not in table:
            raise KeyError(f"face part {token} is not in the model's vocabulary")
        return table[token]


def with_expression(identity: dict, expression: dict) -> dict:
    """Face `identity` wearing the expression of face `expression` (its mouth, eyes, eyebrows)."""
    return {**identity, "expression": expression["expression"], **{p: expression[p] for p in EXPRESSION_PARTS}}


def with_accessories(face: dict, accessories: dict) -> dict:
    """The face wearing the glasses, earrings and features of face `accessories` (or none of them)."""
    return {**face, **{p: accessories[p] for p in ACCESSORY_PARTS}}


def recoloured(label: dict, colour_class: str, name: str, palettes: dict) -> dict:
    """The face with one colour class (skin or hair_colour) set to another palette colour."""
    field, hex_field = COLOUR_FIELDS[colour_class]
    skin, hair = palette_choices(palettes)
    table = skin if colour_class == "skin" else hair
    return {**label, field: name, hex_field: table[name]}


def figure_of(faces: np.ndarray) -> np.ndarray:
    """bool [N, H, W]: the pixels that are not the data set's background."""
    return (faces != background_rgb()).any(axis=-1)


class FaceDrawer:
    """Training faces of a seed: sample k is faces 3k (A), 3k + 1 (the partner P, and B when the
    sample wears another face's expression) and 3k + 2 (C, when it wears another face's
    accessories; only with `accessories`, the model having layers for them)."""

    def __init__(self, worker: FaceWorker, vocabulary: FaceVocabulary, palettes: dict, seed: int,
                 mix_prob: float, edit_prob: float = 0.0, accessories: bool = False):
        self.worker, self.vocabulary, self.palettes, self.seed = worker, vocabulary, palettes, seed
        self.mix_prob, self.edit_prob, self.accessories = mix_prob, edit_prob, accessories

    def labels(self, index: int) -> dict:
        return draw_sample(self.seed, index, self.palettes)

    def batch(self, start: int, n: int) -> Batch:
        drawn, sa, ca, sb, cb, sp, cp, sc, cc, flags, edits = [], [], [], [], [], [], [], [], [], [], []
        for k in range(start, start + n):
            a, partner = self.labels(3 * k), self.labels(3 * k + 1)
            mixed = chance(self.seed, k) < self.mix_prob
            b = partner if mixed else a
            face = with_expression(a, b) if mixed else a
            c = a
            if self.accessories and chance(self.seed, k, 81) < self.mix_prob:
                c = self.labels(3 * k + 2)
                face = with_accessories(face, c)
            edit = None
            if not mixed and c is a and chance(self.seed, k, 78) < self.edit_prob:
                face, edit = self._edit(a, k)
            drawn.append(face)
            flags.append(mixed or c is not a)
            edits.append(edit)
            for label, shapes, colours in ((a, sa, ca), (b, sb, cb), (partner, sp, cp), (c, sc, cc)):
                shape_tokens, colour_tokens = self.vocabulary.encode(label)
                shapes.append(shape_tokens)
                colours.append(colour_tokens)
        faces = self.worker.render(drawn)
        target = torch.from_numpy(faces).permute(0, 3, 1, 2).float() / 127.5 - 1
        figure = torch.from_numpy(figure_of(faces)).unsqueeze(1).float()
        return Batch(target, figure, sa, ca, sb, cb, sp, cp, torch.tensor(flags), edits,
                     shapes_c=sc if self.accessories else None, colours_c=cc if self.accessories else None)

    def _edit(self, label: dict, k: int):
        """A recolouring of the skin or the hair, and its (class tokens, colour token)."""
        cls = tuple(COLOUR_FIELDS)[int(chance(self.seed, k, 79) * len(COLOUR_FIELDS))]
        tokens = self.vocabulary.colour_class(cls)
        token = tokens[int(chance(self.seed, k, 80) * len(tokens))]
        name = self.vocabulary.colours[token].split(":", 1)[1]
        return recoloured(label, cls, name, self.palettes), (tokens, token)


@dataclasses.dataclass
class HeldOutFaces:
    rgb: np.ndarray       # uint8 [N, R, R, 3]
    labels: List[dict]


def heldout_faces(worker: FaceWorker, palettes: dict, count: int, seed: int = HELDOUT_SEED) -> HeldOutFaces:
    labels = [draw_sample(seed, i, palettes) for i in range(count)]
    return HeldOutFaces(worker.render(labels), labels)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    """Peak signal-to-noise ratio of two uint8 images, in dB (capped at 100 for equal images)."""
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 100.0 if mse == 0 else float(10 * np.log10(255.0 ** 2 / mse))


def at_face_size(image: np.ndarray) -> np.ndarray:
    """uint8 [R, R, 3] scaled to RPG Maker's 144 x 144 face (box filter when shrinking, as the
    runtime does)."""
    return np.asarray(Image.fromarray(image).resize((FACE_SIZE, FACE_SIZE), Image.BOX))


def score_faces(redrawn: np.ndarray, truth: HeldOutFaces) -> Dict[str, object]:
    """PSNR of each redraw against its truth, at the model's resolution and at 144 px; medians,
    means and worst values."""
    full = np.array([psnr(r, t) for r, t in zip(redrawn, truth.rgb)])
    face = np.array([psnr(at_face_size(r), at_face_size(t)) for r, t in zip(redrawn, truth.rgb)])
    return {"count": int(len(full)),
            "psnr_median": float(np.median(full)), "psnr_mean": float(full.mean()), "psnr_worst": float(full.min()),
            "psnr144_median": float(np.median(face)), "psnr144_worst": float(face.min()),
            "psnr": [round(float(x), 2) for x in full], "psnr144": [round(float(x), 2) for x in face]}


def mixed_faces(identities: Sequence[dict], expressions: Sequence[dict]) -> List[dict]:
    return [with_expression(a, b) for a, b in zip(identities, expressions)]


def encode_all(vocabulary: FaceVocabulary, labels: Sequence[dict]):
    """([shape tokens], [colour tokens]) of each face."""
    pairs = [vocabulary.encode(label) for label in labels]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def face_tokens(vocabulary: dict, seed: int, count: int) -> List[Tuple[List[int], List[int]]]:
    """(shape tokens, colour tokens) of training faces 0..count-1 of `seed` (for the mapping fit)."""
    palettes = load_palettes()
    words = FaceVocabulary.from_json(vocabulary)
    return [words.encode(draw_sample(seed, i, palettes)) for i in range(count)]


class FaceSubject:
    """What the trainer (trainer.py) asks of its subject, for DiceBear faces drawn by a Node worker."""
    kind = "portrait"

    def __init__(self, config, seed: int, vocabulary: Optional[dict], heldout_count: int, node: str = "node"):
        self.palettes = load_palettes()
        installed = installed_style_meta(DEFAULT_STYLE, node)
        check_credits(DEFAULT_STYLE, installed)
        self.meta = dataset_meta(None, seed, config.resolution, DEFAULT_STYLE, installed, self.palettes)
        self.vocabulary = (FaceVocabulary.from_json(vocabulary) if vocabulary
                           else FaceVocabulary.of_style(self.palettes))
        self.worker = FaceWorker(config.resolution, node)
        self.drawer = FaceDrawer(self.worker, self.vocabulary, self.palettes, seed, config.mix_prob, config.edit_prob,
                                 accessories=bool(config.c_rows()))
        self.heldout = heldout_faces(self.worker, self.palettes, heldout_count)

    def data(self) -> dict:
        return {"source": f"dicebear:{DEFAULT_STYLE}", "meta": self.meta}

    def follow(self, model_ema) -> None:
        self.model_ema = model_ema

    @torch.no_grad()
    def redraw(self, labels: Sequence[dict], expressions: Optional[Sequence[dict]] = None) -> np.ndarray:
        """uint8 [N, R, R, 3]: the faces drawn by the EMA model from their tokens; with `expressions`,
        each face's identity ws with the expression ws of the matching face there."""
        m = self.model_ema
        sa, ca = encode_all(self.vocabulary, labels)
        sb, cb = encode_all(self.vocabulary, expressions) if expressions is not None else (None, None)
        return m.draw_uint8(m.ws(sa, ca, sb, cb))

    def evaluate(self, count: int) -> dict:
        truth = HeldOutFaces(self.heldout.rgb[:count], self.heldout.labels[:count])
        s = score_faces(self.redraw(truth.labels), truth)
        return {"psnr_median": round(s["psnr_median"], 3), "psnr144_median": round(s["psnr144_median"], 3)}

    @staticmethod
    def describe(entry: dict) -> str:
        return (f"  held-out PSNR {entry['psnr_median']:.2f} dB ({entry['psnr144_median']:.2f} at 144 px)"
                if "psnr_median" in entry else "")

    def grid(self, path) -> None:
        """Rows of 8: held-out truths; their redraws; faces A and B; the model's A with B's expression
        (identity ws from A, expression ws from B) beside DiceBear's drawing of that mix."""
        labels = self.heldout.labels
        a, b = labels[8:12], labels[12:16]
        rows = np.concatenate([self.heldout.rgb[:8], self.redraw(labels[:8]), self.heldout.rgb[8:16],
                               self.redraw(a, b), self.worker.render(mixed_faces(a, b))])
        images.save_png(path, images.grid(rows, 8), overwrite=True)

    def close(self) -> None:
        self.worker.close()
