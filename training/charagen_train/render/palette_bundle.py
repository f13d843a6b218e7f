"""The palette output in a model bundle: the card's `output` field and the palette head's weights
file beside the generator's (`<name>.palette.safetensors`), and a generator whose synthesis network
draws RGB again by decoding its logits (palette.decode), so that `sample`, `evaluate` and the
Java runtime see an ordinary image.

Card field (the Java runtime reads the same, checkpoint/PaletteOutputSpec.java):
    "output": {"kind": "palette", "file": ..., "sha256": ..., "slots": [slot names, 0 the background],
               "shades": K, "colour_from": first ws row of the colour group, "hidden": MLP width,
               "background": [r, g, b]}
The generator's img_channels is len(slots) + shades."""

import hashlib
from pathlib import Path
from typing import Any, Dict

import numpy as np
import torch
from torch import nn

from ..checkpoint import safetensors
from ..checkpoint.bundle import check_file_reference, read_referenced_file
from ..data import sheet_layout as sl
from ..errors import CharagenError
from .palette import SHADES, SLOT_NAMES, PaletteHead, decode_float

SUFFIX = ".palette.safetensors"


def write_palette_output(card_path: Path, head: PaletteHead, overwrite: bool) -> Dict[str, Any]:
    """Writes the head's weights beside the card; returns the card's `output` field."""
    card_path = Path(card_path)
    file = card_path.with_name(card_path.stem + SUFFIX)
    tensors = {name: value.detach().cpu().float().numpy() for name, value in head.state_dict().items()}
    data = safetensors.write(file, tensors, overwrite=overwrite)
    return {"kind": "palette", "file": file.name, "sha256": hashlib.sha256(data).hexdigest(),
            "slots": list(SLOT_NAMES), "shades": SHADES, "colour_from": head.colour_from,
            "hidden": head.net[0].out_features, "background": list(sl.BACKGROUND)}


def check_output_field(card: Dict[str, Any], source: str) -> None:
    """The `output` field's rules (a card without it is an RGB model)."""
    out = card["output"]
    fields = {"kind", "file", "sha256", "slots", "shades", "colour_from", "hidden", "background"}
    if not isinstance(out, dict) or set(out) != fields:
        raise CharagenError(f"{source}: field 'output' must hold exactly {', '.join(sorted(fields))}")
    if out["kind"] != "palette":
        raise CharagenError(f"{source}: field 'output.kind' is {out['kind']!r}, expected 'palette'")
    check_file_reference(out, "output", source)
    slots = out["slots"]
    if (not isinstance(slots, list) or not slots or not all(isinstance(s, str) and s.strip() for s in slots)
            or len(set(slots)) != len(slots)):
        raise CharagenError(f"{source}: field 'output.slots' must list distinct slot names")
    for field in ("shades", "hidden", "colour_from"):
        if type(out[field]) is not int or out[field] < 1:
            raise CharagenError(f"{source}: field 'output.{field}' must be a positive integer")
    if len(slots) + out["shades"] != card["img_channels"]:
        raise CharagenError(f"{source}: field 'output' has {len(slots)} slots + {out['shades']} shades, but the "
                            f"generator draws {card['img_channels']} channels")
    if out["colour_from"] >= card["num_ws"]:
        raise CharagenError(f"{source}: field 'output.colour_from' must be 1..{card['num_ws'] - 1}")
    bg = out["background"]
    if not (isinstance(bg, list) and len(bg) == 3 and all(type(c) is int and 0 <= c <= 255 for c in bg)):
        raise CharagenError(f"{source}: field 'output.background' must be three integers 0..255")


def attach_palette_output(generator: nn.Module, card: Dict[str, Any], card_path: Path) -> nn.Module:
    """Reads the palette head the card names (sha256 checked) and makes `generator.synthesis` draw RGB."""
    out = card["output"]
    if out["slots"] != list(SLOT_NAMES) or out["shades"] != SHADES or list(out["background"]) != list(sl.BACKGROUND):
        raise CharagenError(f"{card_path}: its palette output has slots, shades or background this toolkit "
                            "does not draw")
    file = Path(card_path).parent / out["file"]
    data = read_referenced_file(Path(card_path).parent, out, "the palette head's weights", str(card_path))
    head = PaletteHead(generator.w_dim, out["colour_from"], out["hidden"])
    from ..nets import load_state_dict_strictly
    tensors = {k: torch.from_numpy(np.asarray(v, np.float32)) for k, v in safetensors.decode(data, str(file)).items()}
    load_state_dict_strictly(head, tensors, str(file))
    generator.synthesis = PaletteSynthesis(generator.synthesis, head)
    generator.img_channels = 3
    return generator


class PaletteSynthesis(nn.Module):
    """A palette-output synthesis network that draws RGB in [-1, 1]: each pixel the palette colour of
    its most likely slot and shade (not differentiable; the raw logits are `.logits`)."""

    def __init__(self, synthesis: nn.Module, head: PaletteHead):
        super().__init__()
        self.logits, self.head = synthesis, head
        for name in ("w_dim", "num_ws", "img_resolution"):
            setattr(self, name, getattr(synthesis, name))
        self.img_channels = 3

    def forward(self, ws: torch.Tensor, **kwargs) -> torch.Tensor:
        return decode_float(self.logits(ws, **kwargs), self.head(ws))
