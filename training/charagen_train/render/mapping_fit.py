"""Fitting the mapping network f: z -> w of a trained renderer, so that seeds work as for any
StyleGAN: z = RandomState(seed).randn(1, z_dim), then f, then the synthesis network.

The targets are the w of composer characters, E(tokens), which the synthesis network was trained
to draw. f is trained, in w space only (no images, so it takes seconds), to make the set of f(z)
and the set of E(tokens) close in both directions (a symmetric Chamfer loss over each batch, in
the spirit of implicit maximum likelihood estimation, Li and Malik 2018):

- each f(z) moves towards its nearest character w, so that seeds land on characters the
  synthesis network knows, rather than between them;
- each character w pulls its nearest f(z), so that every kind of character keeps some seeds.

w_avg is then the mean of f(z) over many z, as StyleGAN's running average would be.
"""
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
import torch

from ..data.sprite_composer import SpriteComposer
from .labels import LabelMixer, Vocabulary


@dataclass
class MappingFit:
    steps: int
    precision: float   # mean distance from f(z) to the nearest character w, over the typical distance between characters
    coverage: float    # mean distance from a character w to the nearest f(z), on the same scale


def character_ws(encoder, composer: SpriteComposer, vocabulary: Vocabulary, seed: int, count: int) -> torch.Tensor:
    """E(tokens) [count, w_dim] of composer characters 0..count-1 of `seed`."""
    mixer = LabelMixer(composer.catalogue)
    shapes, colours = [], []
    for i in range(count):
        s, c = vocabulary.encode(mixer.layers(composer.plan(seed, i)["layers"]))
        shapes.append(s)
        colours.append(c)
    with torch.no_grad():
        return torch.cat([encoder(shapes[k:k + 1024], colours[k:k + 1024]) for k in range(0, count, 1024)])


def fit_mapping(mapping, targets: torch.Tensor, steps: int, batch: int = 512, lr: float = 1.0,
                seed: int = 0, log: Optional[Callable[[str], None]] = None) -> MappingFit:
    """Trains `mapping` (a MappingNetwork, c_dim 0) towards the character ws `targets` [M, w_dim]. The
    learning rate is large because the mapping's layers scale their weights by lr_multiplier 0.01
    (StyleGAN's slow mapping): a step of 1.0 moves a weight by 1% of its stored scale."""
    generator = torch.Generator().manual_seed(seed)
    mapping.requires_grad_(True)
    opt = torch.optim.Adam(mapping.parameters(), lr=lr, betas=(0.9, 0.99))
    scale = typical_spacing(targets)
    for step in range(steps):
        z = torch.randn(batch, mapping.z_dim, generator=generator)
        w = mapping(z, None)[:, 0]
        real = targets[torch.randint(len(targets), (batch,), generator=generator)]
        d = torch.cdist(w, real).square()
        loss = d.min(dim=1).values.mean() + d.min(dim=0).values.mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if log and (step % 500 == 0 or step == steps - 1):
            log(f"  mapping step {step:5d}  loss {float(loss) / scale ** 2:.4f}")
    mapping.requires_grad_(False)
    with torch.no_grad():
        w = mapping(torch.randn(8192, mapping.z_dim, generator=generator), None)[:, 0]
        mapping.w_avg.copy_(w.mean(0))
        precision, coverage = chamfer(w[:2048], targets[:2048])
    return MappingFit(steps, precision / scale, coverage / scale)


def chamfer(a: torch.Tensor, b: torch.Tensor):
    d = torch.cdist(a, b)
    return float(d.min(dim=1).values.mean()), float(d.min(dim=0).values.mean())


def typical_spacing(targets: torch.Tensor) -> float:
    """The median distance from a character w to its nearest other character w (the scale on which
    'near a character' is judged)."""
    sample = targets[:2048]
    d = torch.cdist(sample, sample)
    d.fill_diagonal_(float("inf"))
    nearest = d.min(dim=1).values
    nearest = nearest[torch.isfinite(nearest) & (nearest > 0)]
    return float(nearest.median()) if len(nearest) else 1.0


def fit_run_mapping(model_ema, model, composer: SpriteComposer, vocabulary: Vocabulary, seed: int, steps: int,
                    count: int = 20000, log=None) -> MappingFit:
    """Fits the EMA model's mapping (the exported one) to the w of `count` training characters and
    copies it into the trained model, so that both carry it in the resume point."""
    targets = character_ws(model_ema.encoder, composer, vocabulary, seed, count)
    fit = fit_mapping(model_ema.G.mapping, targets, steps, seed=seed, log=log)
    model.G.mapping.load_state_dict(model_ema.G.mapping.state_dict())
    return fit


def seed_ws(mapping, seeds, psi: float = 1.0) -> torch.Tensor:
    """ws [N, num_ws, w_dim] of numpy-seeded z, as `sample` makes them."""
    from ..latent import z_for_seed
    z = torch.from_numpy(np.concatenate([z_for_seed(s, mapping.z_dim) for s in seeds])).float()
    with torch.no_grad():
        return mapping(z, None, truncation_psi=psi)
