"""The renderer's trainable whole: the label encoder E and the StyleGAN2 generator G whose synthesis
network draws a sheet from W+. Only G (with the mapping network fitted afterwards, see
render/mapping_fit.py) is exported; E stays in the run, for held-out scoring and label presets."""

from typing import List, Optional, Sequence

import torch
from torch import nn

from .. import nets
from .encoder import LabelEncoder
from .labels import Vocabulary


class RendererModel(nn.Module):
    def __init__(self, generator_kwargs: dict, shape_tokens: int, colour_tokens: int, colour_from: int):
        super().__init__()
        self.G = nets.build_generator("stylegan2", generator_kwargs)
        self.encoder = LabelEncoder(shape_tokens, colour_tokens, self.G.w_dim)
        self.colour_from = colour_from

    def ws(self, shapes_a: Sequence[List[int]], colours_a: Sequence[List[int]],
           shapes_b: Optional[Sequence[List[int]]] = None, colours_b: Optional[Sequence[List[int]]] = None,
           psi: Optional[torch.Tensor] = None, update_w_avg: bool = False,
           blend: Optional[tuple] = None, edits: Optional[list] = None) -> torch.Tensor:
        """W+ [N, num_ws, w_dim]: A's w on the shape layers, B's (A's when not given) on the colour
        layers; psi [N] pulls each w towards the encoder's running w_avg; blend = (partner shapes,
        partner colours, alpha [N]) moves A's and B's w by alpha towards a partner character's;
        edits (per sample None or (class tokens, colour token)) adds that colour's direction."""
        w_a = self.encoder(shapes_a, colours_a, update_w_avg=update_w_avg)
        w_b = w_a if shapes_b is None else self.encoder(shapes_b, colours_b)
        if blend is not None:
            w_p = self.encoder(blend[0], blend[1])
            alpha = blend[2][:, None]
            w_a, w_b = w_a.lerp(w_p, alpha), w_b.lerp(w_p, alpha)
        if edits is not None and any(e is not None for e in edits):
            delta = torch.stack([torch.zeros(w_a.shape[1]) if e is None else self.encoder.direction(*e) for e in edits])
            w_a, w_b = w_a + delta, w_b + delta
        if psi is not None:
            avg = self.encoder.w_avg.unsqueeze(0)
            w_a = avg.lerp(w_a, psi[:, None])
            w_b = avg.lerp(w_b, psi[:, None])
        n = self.G.num_ws
        return torch.cat([w_a.unsqueeze(1).expand(-1, self.colour_from, -1),
                          w_b.unsqueeze(1).expand(-1, n - self.colour_from, -1)], dim=1)

    def draw(self, ws: torch.Tensor) -> torch.Tensor:
        return self.G.synthesis(ws, noise_mode="const")

    @classmethod
    def from_point(cls, point, prefix: str) -> "RendererModel":
        """The model a renderer run's resume point holds under `prefix` ('R' or 'R_ema')."""
        vocabulary = Vocabulary.from_json(point.state["vocabulary"])
        model = cls(point.state["generator"]["kwargs"], len(vocabulary.shapes), len(vocabulary.colours),
                    point.state["config"]["colour_from"])
        nets.load_state_dict_strictly(model, point.module_state(prefix), f"{point.source} ({prefix})")
        return model


def figure_loss(image: torch.Tensor, target: torch.Tensor, figure: torch.Tensor,
                background_weight: float) -> torch.Tensor:
    """L1 + L2 per pixel, weighted 1 on the figure and a one-pixel ring around it and
    `background_weight` elsewhere, normalised by the total weight: the figure is about a fifth of
    the canvas, and an unnormalised loss is met first by painting everything background."""
    ring = torch.nn.functional.max_pool2d(figure, 3, stride=1, padding=1)
    weight = ring + background_weight * (1 - ring)
    d = image - target
    per_pixel = (d.abs() + d.square()).sum(dim=1, keepdim=True)
    return (per_pixel * weight).sum() / weight.sum()
