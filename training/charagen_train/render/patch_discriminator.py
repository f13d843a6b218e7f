"""A patch discriminator for the renderer's optional adversarial term (Isola et al. 2017,
"Image-to-Image Translation with Conditional Adversarial Networks": a pixel loss for content
plus a discriminator that judges local patches, which makes regressions crisp). Strided 4 x 4
convolutions with leaky ReLU 0.2 and no normalisation (batches are 4 sheets), ending in one
logit per patch; with three stride-2 layers each logit sees about a 46 x 46 pixel window, a
little less than a 64 x 64 cell of the sheet."""

import torch
from torch import nn
import torch.nn.functional as F


class PatchDiscriminator(nn.Module):
    def __init__(self, channels=(32, 64, 128), in_channels: int = 3):
        super().__init__()
        layers, previous = [], in_channels
        for c in channels:
            layers += [nn.Conv2d(previous, c, 4, stride=2, padding=1), nn.LeakyReLU(0.2)]
            previous = c
        layers += [nn.Conv2d(previous, previous, 4, stride=1, padding=1), nn.LeakyReLU(0.2),
                   nn.Conv2d(previous, 1, 4, stride=1, padding=1)]
        self.net = nn.Sequential(*layers)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        """[N, 3, H, W] in [-1, 1] -> patch logits [N, 1, h, w]."""
        return self.net(images)


def generator_term(logits: torch.Tensor) -> torch.Tensor:
    """The non-saturating loss of the renderer's sheets: softplus(-D(fake))."""
    return F.softplus(-logits).mean()


def discriminator_term(fake_logits: torch.Tensor, real_logits: torch.Tensor) -> torch.Tensor:
    return F.softplus(fake_logits).mean() + F.softplus(-real_logits).mean()
