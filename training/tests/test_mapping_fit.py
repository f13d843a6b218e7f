"""The renderer's mapping fit spreads seeds over all the kinds of character instead of collapsing
onto a typical one (a symmetric Chamfer fit put 73% of the seeds on one of these 12 kinds)."""
import torch

from charagen_train.nets.mapping import MappingNetwork
from charagen_train.render.mapping_fit import fit_mapping


def test_seeds_reach_every_cluster_of_characters():
    g = torch.Generator().manual_seed(3)
    centres = torch.randn(12, 16, generator=g) * 4               # 12 kinds of character, far apart
    targets = centres.repeat_interleave(50, dim=0) + 0.05 * torch.randn(600, 16, generator=g)
    torch.manual_seed(0)
    mapping = MappingNetwork(z_dim=16, c_dim=0, w_dim=16, num_ws=2, num_layers=3)
    fit = fit_mapping(mapping, targets, steps=1000, batch=128, seed=1)

    with torch.no_grad():
        w = mapping(torch.randn(2000, 16, generator=g), None)[:, 0]
    owner = torch.cdist(w, centres).argmin(dim=1)
    shares = torch.bincount(owner, minlength=12).float() / len(w)
    assert shares.min() > 0.02, f"some kinds of character get almost no seeds: {shares.tolist()}"
    assert shares.max() < 0.2, f"seeds pile onto one kind of character: {shares.tolist()}"
    spacing = torch.pdist(centres).min()
    assert torch.cdist(w, centres).min(dim=1).values.median() < 0.85 * spacing, "seeds stay near the mean"
    assert fit.steps == 1000 and torch.allclose(mapping.w_avg, w.mean(0), atol=0.5)
