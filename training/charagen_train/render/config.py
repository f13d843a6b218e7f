"""Configuration of the label-supervised renderer (`train --method renderer`): the StyleGAN2
generator it trains, where its layer groups split, and the loss and optimiser settings.

Why these numbers (training/README.md has the measurements): StyleGAN2 rather than StyleGAN3,
since on a 2-core CPU a StyleGAN3-T step costs about 15 times a StyleGAN2 step of the same
width; channel_base 4096 with channel_max 256 keeps the 256 px block at 16 channels (pixel art
needs few) while the 4-32 px blocks, which must remember every LPC item in every frame, get 256.
"""

import dataclasses
import json
from typing import Any, Dict

from ..errors import UsageError
from ..train.config import check_fields


OUTPUTS = ("rgb", "palette")
SUBJECTS = ("sprite", "portrait")


def output_channels(output: str) -> int:
    """The generator's image channels: RGB, or the palette output's slot and shade logits."""
    from .palette import SHADES, SLOTS
    return 3 if output == "rgb" else SLOTS + SHADES


@dataclasses.dataclass
class RendererConfig:
    subject: str = "sprite"             # 'sprite': LPC walk sheets; 'portrait': DiceBear faces (render/faces.py)
    resolution: int = 256
    channel_base: int = 4096
    channel_max: int = 256
    z_dim: int = 256
    w_dim: int = 256
    mapping_layers: int = 4
    batch: int = 4
    g_lr: float = 0.003                 # synthesis network (equalized learning rate)
    embed_lr: float = 0.01              # token vectors
    betas: tuple = (0.9, 0.99)
    colour_from: int = 7                # ws 0..colour_from-1 are the shape group, the rest colour
    expression_rows: tuple = ()         # portraits: ws [start, stop) are the expression group ...
    accessory_rows: tuple = ()          # ... these the accessories group (may be empty); the rest is identity
    mix_prob: float = 0.5               # share of samples drawn as A's shapes in B's colours
    psi_prob: float = 0.3               # share of samples whose w is pulled towards w_avg ...
    psi_min: float = 0.5                # ... by a psi drawn from [psi_min, 1]
    blend_prob: float = 0.0             # share of samples whose w moves towards a partner character's ...
    blend_max: float = 0.35             # ... by up to this much, the target staying the character itself
    edit_prob: float = 0.0              # share of unmixed samples drawn as a recolour edit (A's w + a direction)
    background_weight: float = 0.1      # loss weight of background pixels relative to the figure
    edge_weight: float = 0.0            # weight of the gradient difference term (render/model.py edge_loss)
    adv_weight: float = 0.0             # weight of a patch discriminator's term (0: pixel loss only)
    d_lr: float = 0.0002                # the patch discriminator's Adam learning rate
    ema_kimg: float = 1.0               # half-life of the weights' moving average
    learned_noise_from: int = 0         # noise maps at this resolution and above are learned (0: fixed; noise_maps.py)
    noise_lr: float = 0.01              # the learned noise maps' Adam learning rate
    output: str = "rgb"                 # 'rgb', or 'palette': slot and shade maps plus a palette (palette.py)
    palette_lr: float = 0.001           # the palette head's Adam learning rate
    palette_steps: int = 4              # steps of the palette head alone per training step ...
    palette_batch: int = 256            # ... on this many characters of its pool (labels and palettes only) ...
    palette_pool: int = 8192            # ... of this many characters
    shade_weight: float = 1.0           # weight of the shade map's cross-entropy against the slot map's

    def check(self) -> None:
        if self.subject not in SUBJECTS:
            raise UsageError(f"subject '{self.subject}': expected one of {', '.join(SUBJECTS)}")
        if self.subject == "sprite" and self.resolution != 256:
            raise UsageError(f"resolution {self.resolution}: the sprite canvas is 256 x 256")
        if not (64 <= self.resolution <= 1024 and self.resolution & (self.resolution - 1) == 0):
            raise UsageError(f"resolution {self.resolution}: expected a power of two 64..1024")
        if self.subject == "portrait":
            for name, may_be_empty in (("expression_rows", False), ("accessory_rows", True)):
                rows = tuple(getattr(self, name))
                if not (may_be_empty and not rows) and not self._is_row_range(rows):
                    raise UsageError(f"{name} {list(rows)}: expected [start, stop) within 0..{self.num_ws()}")
            if set(self.b_rows()) & set(self.c_rows()) or not self.layer_groups()["identity"]:
                raise UsageError(f"expression_rows {list(self.expression_rows)} and accessory_rows "
                                 f"{list(self.accessory_rows)} must not overlap and must leave identity rows")
            if self.output != "rgb":
                raise UsageError("a portrait model draws RGB (the pipeline projects into it, and the palette "
                                 "output has no gradient)")
        for name in ("channel_base", "channel_max", "z_dim", "w_dim", "mapping_layers", "batch"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} {getattr(self, name)}: expected at least 1")
        if not 0 < self.colour_from < self.num_ws():
            raise UsageError(f"colour_from {self.colour_from}: expected 1..{self.num_ws() - 1}")
        if self.edge_weight < 0:
            raise UsageError(f"edge_weight {self.edge_weight}: expected >= 0")
        if self.adv_weight < 0 or self.d_lr <= 0:
            raise UsageError(f"adv_weight {self.adv_weight} and d_lr {self.d_lr}: expected >= 0 and > 0")
        res = self.learned_noise_from
        if res != 0 and not (4 <= res <= self.resolution and res & (res - 1) == 0):
            raise UsageError(f"learned_noise_from {res}: expected 0 (off) or a power of two 4..{self.resolution}")
        if self.output not in OUTPUTS:
            raise UsageError(f"output '{self.output}': expected one of {', '.join(OUTPUTS)}")
        for name in ("palette_steps", "palette_batch", "palette_pool"):
            if getattr(self, name) < (0 if name == "palette_steps" else 1):
                raise UsageError(f"{name} {getattr(self, name)}: expected at least {0 if name == 'palette_steps' else 1}")
        if self.palette_lr <= 0:
            raise UsageError(f"palette_lr {self.palette_lr}: expected > 0")
        if self.shade_weight <= 0:
            raise UsageError(f"shade_weight {self.shade_weight}: expected > 0")
        if self.noise_lr <= 0:
            raise UsageError(f"noise_lr {self.noise_lr}: expected > 0")
        for name in ("mix_prob", "psi_prob", "psi_min", "blend_prob", "blend_max", "edit_prob"):
            if not 0 <= getattr(self, name) <= 1:
                raise UsageError(f"{name} {getattr(self, name)}: expected 0..1")

    def _is_row_range(self, rows: tuple) -> bool:
        return len(rows) == 2 and 0 <= rows[0] < rows[1] <= self.num_ws()

    def num_ws(self) -> int:
        return 2 * (self.resolution.bit_length() - 1) - 2

    def b_rows(self) -> list:
        """The ws rows that take the second face's or character's w in a mix (render/model.py)."""
        if self.subject == "portrait":
            return list(range(*self.expression_rows))
        return list(range(self.colour_from, self.num_ws()))

    def c_rows(self) -> list:
        """The ws rows that take a third face's w in a mix (a portrait's accessories)."""
        return list(range(*self.accessory_rows)) if self.subject == "portrait" and self.accessory_rows else []

    def layer_groups(self) -> Dict[str, list]:
        """The model card's layer groups: for sprites the ws that draw the figure's shape and the ws
        that colour it; for portraits the expression ws, the accessory ws where there are any, and
        the identity ws (all the others)."""
        b, c = self.b_rows(), self.c_rows()
        a = [i for i in range(self.num_ws()) if i not in b and i not in c]
        if self.subject != "portrait":
            return {"shape": a, "colour": b}
        return {"identity": a, "expression": b, **({"accessories": c} if c else {})}

    def generator_kwargs(self) -> Dict[str, Any]:
        return {"z_dim": self.z_dim, "c_dim": 0, "w_dim": self.w_dim, "img_resolution": self.resolution,
                "img_channels": output_channels(self.output), "mapping_kwargs": {"num_layers": self.mapping_layers},
                "channel_base": self.channel_base, "channel_max": self.channel_max,
                "conv_clamp": 256, "num_fp16_res": 0, "architecture": "skip"}

    def to_json(self) -> Dict[str, Any]:
        values = dataclasses.asdict(self)
        values["betas"] = list(self.betas)
        values["expression_rows"] = list(self.expression_rows)
        values["accessory_rows"] = list(self.accessory_rows)
        return values

    @classmethod
    def from_json(cls, values: Dict[str, Any]) -> "RendererConfig":
        check_fields(cls, values, "renderer config")
        values = dict(values)
        for name in ("betas", "expression_rows", "accessory_rows"):
            if name in values:
                values[name] = tuple(values[name])
        return cls(**values)


#: What a resumed run may change: how samples are drawn and the learning rates, not the networks'
#: shapes; learned noise maps may be switched on (noise_maps.py), not changed once on; the output
#: may go from rgb to palette (the trainer then starts the new output layers and Adam afresh).
RESUMABLE_CHANGES = ("mix_prob", "psi_prob", "psi_min", "blend_prob", "blend_max", "edit_prob", "background_weight",
                     "edge_weight", "adv_weight", "d_lr", "g_lr", "embed_lr", "ema_kimg",
                     "learned_noise_from", "noise_lr", "output", "palette_lr", "palette_steps",
                     "palette_batch", "palette_pool", "shade_weight")

PRESETS: Dict[str, RendererConfig] = {
    "sprite": RendererConfig(blend_prob=0.25, edit_prob=0.15),
    # Seconds per step, for tests and round trips: the real canvas with very few channels.
    "tiny": RendererConfig(channel_base=256, channel_max=16, z_dim=16, w_dim=16, mapping_layers=2, batch=2,
                           ema_kimg=0.01, blend_prob=0.25, edit_prob=0.5),
    # DiceBear faces at 256 px: at channel_base 4096 every block from 16 to 256 px costs about the
    # same, so 128 px would save only a fifth of a step and 256 px shrinks sharply to RPG Maker's
    # 144. Expression on ws 5-8 (the 32 px block and the 64 px convolutions: an eye is about 40 px
    # across at 256), accessories on ws 3-4 (the 16 px block: whether there are glasses, earrings
    # or a moustache, and where), identity on the coarse layout (ws 0-2) and the fine layers
    # (9-13). A first choice, to be checked by the pilot runs.
    "portrait": RendererConfig(subject="portrait", expression_rows=(5, 9), accessory_rows=(3, 5), blend_prob=0.25,
                               edit_prob=0.15),
    "tiny-portrait": RendererConfig(subject="portrait", resolution=64, expression_rows=(3, 6), accessory_rows=(6, 8),
                                    channel_base=256, channel_max=16, z_dim=16, w_dim=16, mapping_layers=2, batch=2,
                                    ema_kimg=0.01, blend_prob=0.25, edit_prob=0.5),
}


def dumps(config: RendererConfig) -> str:
    return json.dumps(config.to_json(), indent=2)
