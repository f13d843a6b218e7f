"""Fitting the mapping network f: z -> w of a trained renderer, so that seeds work as for any
StyleGAN: z = RandomState(seed).randn(1, z_dim), then f, then the synthesis network.

The targets are the w of composer characters, E(tokens), which the synthesis network was trained
to draw. f is fitted in w space only (no images, so it takes minutes) by minibatch optimal
transport (Fatras et al. 2020, "Learning with minibatch Wasserstein"): each round matches a batch
of f(z) one-to-one to a batch of characters, by the assignment of least total squared distance
(Hungarian algorithm), and pulls each f(z) to its partner. One-to-one matching keeps every kind of
character in the seeds. From halfway, a weaker term also pulls each f(z) to its nearest character
of all, so that seeds settle on characters rather than between them.

Measured on sprite-lpc (40 kimg): a symmetric Chamfer loss collapsed (most seeds drew one
brown-haired character); implicit maximum likelihood estimation (Li and Malik 2018) spread the
seeds but left them between characters, as did matching alone on well separated clusters
(tests/test_mapping_fit.py).

The fit starts from a fresh mapping network (seeded), not from the run's, so that refitting a
run does not inherit an earlier fit. w_avg is then the mean of f(z) over many z, as StyleGAN's
running average would be.
"""
from dataclasses import dataclass
from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
import torch
from scipy.optimize import linear_sum_assignment

from ..data.sprite_composer import SpriteComposer
from .labels import LabelMixer, Vocabulary


@dataclass
class MappingFit:
    steps: int
    precision: float   # median distance from f(z) to the nearest character w, over the typical distance between characters
    coverage: float    # median distance from a character w to the nearest f(z), on the same scale
    distinct: float    # share of 512 seeds whose nearest character w is theirs alone among those seeds


def character_tokens(composer: SpriteComposer, vocabulary: Vocabulary, seed: int, count: int) -> List[Tuple]:
    """(shape tokens, colour tokens) of composer characters 0..count-1 of `seed`."""
    mixer = LabelMixer(composer.catalogue)
    return [vocabulary.encode(mixer.layers(composer.plan(seed, i)["layers"])) for i in range(count)]


def character_ws(encoder, tokens: Sequence[Tuple]) -> torch.Tensor:
    """E(tokens) [count, w_dim] of characters (or faces) given as (shape tokens, colour tokens)."""
    shapes, colours = [t[0] for t in tokens], [t[1] for t in tokens]
    count = len(tokens)
    with torch.no_grad():
        return torch.cat([encoder(shapes[k:k + 1024], colours[k:k + 1024]) for k in range(0, count, 1024)])


def restart(mapping, generator: torch.Generator) -> None:
    """Draws the mapping's dense layers afresh, as at construction (unit normal weights in stored
    units, zero biases)."""
    with torch.no_grad():
        for i in range(mapping.num_layers):
            layer = getattr(mapping, f"fc{i}")
            lr_multiplier = layer.weight_gain * layer.in_features ** 0.5
            layer.weight.copy_(torch.randn(layer.weight.shape, generator=generator) / lr_multiplier)
            if layer.bias is not None:
                layer.bias.zero_()


def fit_mapping(mapping, targets: torch.Tensor, steps: int, batch: int = 512, lr: float = 1.0,
                precision_weight: float = 0.3, seed: int = 0, log: Optional[Callable[[str], None]] = None) -> MappingFit:
    """Fits `mapping` (a MappingNetwork, c_dim 0) to the character ws `targets` [M, w_dim]: `steps`
    rounds, each matching `batch` fresh f(z) one-to-one to `batch` characters (see above). The
    learning rate is large because the mapping's layers scale their weights by lr_multiplier 0.01
    (StyleGAN's slow mapping): a step of 1.0 moves a weight by 1% of its stored scale."""
    generator = torch.Generator().manual_seed(seed)
    restart(mapping, generator)
    mapping.requires_grad_(True)
    opt = torch.optim.Adam(mapping.parameters(), lr=lr, betas=(0.9, 0.99))
    scale = typical_spacing(targets)
    for step in range(steps):
        z = torch.randn(batch, mapping.z_dim, generator=generator)
        real = targets[torch.randint(len(targets), (batch,), generator=generator)]
        w = mapping(z, None)[:, 0]
        cost = torch.cdist(w.detach(), real).square()
        rows, cols = linear_sum_assignment(cost.numpy())
        transport = (w[rows] - real[cols]).square().sum(dim=1).mean()
        with torch.no_grad():
            landing = targets[torch.cdist(w, targets).argmin(dim=1)]
        settle = precision_weight * max(0.0, 2.0 * step / steps - 1.0)   # from halfway, rising to the weight
        loss = transport + settle * (w - landing).square().sum(dim=1).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if log and (step % 250 == 0 or step == steps - 1):
            log(f"  mapping step {step:5d}  loss {float(loss) / scale ** 2:.4f}")
    mapping.requires_grad_(False)
    with torch.no_grad():
        w = mapping(torch.randn(8192, mapping.z_dim, generator=generator), None)[:, 0]
        mapping.w_avg.copy_(w.mean(0))
    return MappingFit(steps, *spread(w[:2048], targets, scale))


def spread(seed_ws: torch.Tensor, targets: torch.Tensor, scale: float):
    """(precision, coverage, distinct) of seeds' w against character ws (see MappingFit)."""
    nearest = torch.cdist(seed_ws, targets).min(dim=1)
    coverage = torch.cdist(targets[:2048], seed_ws).min(dim=1).values.median()
    owners = nearest.indices[:512].tolist()
    distinct = sum(1 for i in owners if owners.count(i) == 1) / len(owners)
    return float(nearest.values.median()) / scale, float(coverage) / scale, distinct


def typical_spacing(targets: torch.Tensor) -> float:
    """The median distance from a character w to its nearest other character w (the scale on which
    'near a character' is judged)."""
    sample = targets[:2048]
    d = torch.cdist(sample, sample)
    d.fill_diagonal_(float("inf"))
    nearest = d.min(dim=1).values
    nearest = nearest[torch.isfinite(nearest) & (nearest > 0)]
    return float(nearest.median()) if len(nearest) else 1.0


def fit_run_mapping(model_ema, model, tokens: Sequence[Tuple], seed: int, steps: int, log=None) -> MappingFit:
    """Fits the EMA model's mapping (the exported one) to the w of the training characters (or
    faces) whose tokens are given, and copies it into the trained model, so that both carry it in
    the resume point."""
    targets = character_ws(model_ema.encoder, tokens)
    fit = fit_mapping(model_ema.G.mapping, targets, steps, seed=seed, log=log)
    model.G.mapping.load_state_dict(model_ema.G.mapping.state_dict())
    return fit


def seed_ws(mapping, seeds, psi: float = 1.0) -> torch.Tensor:
    """ws [N, num_ws, w_dim] of numpy-seeded z, as `sample` makes them."""
    from ..latent import z_for_seed
    z = torch.from_numpy(np.concatenate([z_for_seed(s, mapping.z_dim) for s in seeds])).float()
    with torch.no_grad():
        return mapping(z, None, truncation_psi=psi)
