"""The renderer's trainable whole: the label encoder E and the StyleGAN2 generator G whose synthesis
network draws a sheet from W+, and with the palette output (palette.py) the palette head. G (with the
mapping network fitted afterwards, see render/mapping_fit.py) and the palette head are exported; E
stays in the run, for held-out scoring and label presets."""

from typing import List, Optional, Sequence

import torch
from torch import nn

import numpy as np

from .. import images, nets
from .encoder import LabelEncoder
from .labels import Vocabulary
from .palette import PaletteHead, decode


class RendererModel(nn.Module):
    def __init__(self, generator_kwargs: dict, shape_tokens: int, colour_tokens: int, colour_from: int,
                 output: str = "rgb", b_rows: Optional[Sequence[int]] = None, c_rows: Sequence[int] = ()):
        """b_rows: the ws rows that take B's w (default: colour_from onwards, the sprite's colour
        group; a portrait's expression rows); c_rows: those that take C's w (a portrait's accessory
        rows; none for sprites)."""
        super().__init__()
        self.G = nets.build_generator("stylegan2", generator_kwargs)
        self.encoder = LabelEncoder(shape_tokens, colour_tokens, self.G.w_dim)
        self.colour_from = colour_from
        b_rows = range(colour_from, self.G.num_ws) if b_rows is None else b_rows
        self.b_mask = torch.zeros(self.G.num_ws, dtype=torch.bool)  # not a buffer: no state of its own
        self.b_mask[list(b_rows)] = True
        self.c_mask = torch.zeros(self.G.num_ws, dtype=torch.bool)
        self.c_mask[list(c_rows)] = True
        self.palette = PaletteHead(self.G.w_dim, colour_from) if output == "palette" else None

    def ws(self, shapes_a: Sequence[List[int]], colours_a: Sequence[List[int]],
           shapes_b: Optional[Sequence[List[int]]] = None, colours_b: Optional[Sequence[List[int]]] = None,
           psi: Optional[torch.Tensor] = None, update_w_avg: bool = False,
           blend: Optional[tuple] = None, edits: Optional[list] = None,
           shapes_c: Optional[Sequence[List[int]]] = None, colours_c: Optional[Sequence[List[int]]] = None
           ) -> torch.Tensor:
        """W+ [N, num_ws, w_dim]: A's w on the shape (portrait: identity) layers, B's (A's when not
        given) on the b_rows (the sprite's colour layers, a portrait's expression layers) and C's
        (A's when not given) on the c_rows (a portrait's accessory layers). psi [N] pulls each w
        towards the encoder's running w_avg; blend = (partner shapes, partner colours, alpha [N])
        moves each w by alpha towards a partner character's; edits (per sample None or (class
        tokens, colour token)) adds that colour's direction."""
        w_a = self.encoder(shapes_a, colours_a, update_w_avg=update_w_avg)
        ws = [w_a, w_a if shapes_b is None else self.encoder(shapes_b, colours_b),
              w_a if shapes_c is None else self.encoder(shapes_c, colours_c)]
        if blend is not None:
            w_p = self.encoder(blend[0], blend[1])
            ws = [w.lerp(w_p, blend[2][:, None]) for w in ws]
        if edits is not None and any(e is not None for e in edits):
            delta = torch.stack([torch.zeros(w_a.shape[1]) if e is None else self.encoder.direction(*e) for e in edits])
            ws = [w + delta for w in ws]
        if psi is not None:
            avg = self.encoder.w_avg.unsqueeze(0)
            ws = [avg.lerp(w, psi[:, None]) for w in ws]
        w_a, w_b, w_c = (w.unsqueeze(1) for w in ws)
        return torch.where(self.c_mask[None, :, None], w_c, torch.where(self.b_mask[None, :, None], w_b, w_a))

    def draw(self, ws: torch.Tensor) -> torch.Tensor:
        """The generator's output: RGB in [-1, 1], or the palette output's logits."""
        return self.G.synthesis(ws, noise_mode="const")

    @torch.no_grad()
    def draw_uint8(self, ws: torch.Tensor) -> np.ndarray:
        """uint8 [N, H, W, 3]: the sheets as the runtime shows them."""
        return draw_sheets(self.G, self.palette, ws)

    @classmethod
    def from_point(cls, point, prefix: str) -> "RendererModel":
        """The model a renderer run's resume point holds under `prefix` ('R' or 'R_ema')."""
        from .config import RendererConfig
        vocabulary = Vocabulary.from_json(point.state["vocabulary"])
        config = RendererConfig.from_json(point.state["config"])
        model = cls(point.state["generator"]["kwargs"], len(vocabulary.shapes), len(vocabulary.colours),
                    config.colour_from, config.output, config.b_rows(), config.c_rows())
        nets.load_state_dict_strictly(model, point.module_state(prefix), f"{point.source} ({prefix})")
        return model


@torch.no_grad()
def draw_sheets(G, palette_head, ws: torch.Tensor, chunk: int = 16) -> np.ndarray:
    """uint8 [N, H, W, 3] from W+: G's RGB, or with a palette head each pixel's most likely slot and
    shade looked up in the palette (palette.decode)."""
    parts = []
    for i in range(0, len(ws), chunk):
        out = G.synthesis(ws[i:i + chunk], noise_mode="const")
        parts.append(images.to_uint8(out.numpy()) if palette_head is None else decode(out, palette_head(ws[i:i + chunk])))
    return np.concatenate(parts)


def figure_weight(figure: torch.Tensor, background_weight: float) -> torch.Tensor:
    """[N, 1, H, W]: 1 on the figure and a one-pixel ring around it, `background_weight` elsewhere."""
    ring = torch.nn.functional.max_pool2d(figure, 3, stride=1, padding=1)
    return ring + background_weight * (1 - ring)


def figure_loss(image: torch.Tensor, target: torch.Tensor, figure: torch.Tensor,
                background_weight: float) -> torch.Tensor:
    """L1 + L2 per pixel, weighted 1 on the figure and a one-pixel ring around it and
    `background_weight` elsewhere, normalised by the total weight: the figure is about a fifth of
    the canvas, and an unnormalised loss is met first by painting everything background."""
    weight = figure_weight(figure, background_weight)
    d = image - target
    per_pixel = (d.abs() + d.square()).sum(dim=1, keepdim=True)
    return (per_pixel * weight).sum() / weight.sum()


def edge_loss(image: torch.Tensor, target: torch.Tensor, figure: torch.Tensor,
              background_weight: float) -> torch.Tensor:
    """The gradient difference loss of Mathieu et al. 2016 ("Deep multi-scale video prediction
    beyond mean square error"), which they add to a pixel loss to make its predictions sharp: the
    L1 difference between the drawn and the true absolute differences of neighbouring pixels,
    across and down, summed over channels. A blurred edge has smaller steps than the truth's and is
    penalised even where its mean colour is right. Weighted as figure_loss (a pair takes the larger
    weight of its two pixels) and normalised by the total weight."""
    weight = figure_weight(figure, background_weight)
    total, weights = image.new_zeros(()), image.new_zeros(())
    for dim in (2, 3):
        n = image.shape[dim] - 1
        drawn_step = (image.narrow(dim, 1, n) - image.narrow(dim, 0, n)).abs()
        true_step = (target.narrow(dim, 1, n) - target.narrow(dim, 0, n)).abs()
        pair_weight = torch.maximum(weight.narrow(dim, 1, n), weight.narrow(dim, 0, n))
        total = total + ((drawn_step - true_step).abs().sum(dim=1, keepdim=True) * pair_weight).sum()
        weights = weights + pair_weight.sum()
    return total / weights
