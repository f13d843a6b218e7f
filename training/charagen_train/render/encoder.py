"""The label encoder E: a character's shape and colour tokens to one w, the sum of one learned
vector per token (with a bias). Summing keeps E compositional, so a combination of items never
seen together during training still has a w. It also keeps the running mean of its outputs,
which stands in for w_avg while the mapping network is not trained yet."""

from typing import List, Sequence

import torch
from torch import nn


class LabelEncoder(nn.Module):
    def __init__(self, shape_tokens: int, colour_tokens: int, w_dim: int, w_avg_beta: float = 0.995):
        super().__init__()
        self.w_dim, self.w_avg_beta = w_dim, w_avg_beta
        # About six tokens of each kind per character: rows of scale 1/sqrt(12) give w of unit scale.
        self.shape = nn.Parameter(torch.randn(shape_tokens, w_dim) / 12 ** 0.5)
        self.colour = nn.Parameter(torch.randn(colour_tokens, w_dim) / 12 ** 0.5)
        self.bias = nn.Parameter(torch.zeros(w_dim))
        self.register_buffer("w_avg", torch.zeros(w_dim))

    def direction(self, class_tokens: List[int], token: int) -> torch.Tensor:
        """A colour's direction: its vector minus the mean vector of its class's colours."""
        members = self.colour[torch.as_tensor(class_tokens, dtype=torch.long, device=self.colour.device)]
        return self.colour[token] - members.mean(0)

    def forward(self, shapes: Sequence[List[int]], colours: Sequence[List[int]], update_w_avg: bool = False):
        """Token index lists, one per character -> w [N, w_dim]."""
        device = self.shape.device
        rows = []
        for s, c in zip(shapes, colours):
            rows.append(self.shape[torch.as_tensor(s, device=device, dtype=torch.long)].sum(0)
                        + self.colour[torch.as_tensor(c, device=device, dtype=torch.long)].sum(0))
        w = torch.stack(rows) + self.bias
        if update_w_avg:
            with torch.no_grad():
                self.w_avg.copy_(w.detach().mean(0).lerp(self.w_avg, self.w_avg_beta))
        return w
