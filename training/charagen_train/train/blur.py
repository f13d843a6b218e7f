"""StyleGAN3's discriminator blur: both real and generated images are blurred with a Gaussian
whose sigma fades from blur_init_sigma to zero over the first blur_fade_kimg, so that early
on the discriminator cannot judge by high-frequency detail the generator cannot yet make."""

import math

import torch
import torch.nn.functional as F


def blur_sigma(cur_nimg: int, init_sigma: float, fade_kimg: float) -> float:
    if fade_kimg <= 0:
        return 0.0
    return max(1.0 - cur_nimg / (fade_kimg * 1e3), 0.0) * init_sigma


def gaussian_blur(images: torch.Tensor, sigma: float) -> torch.Tensor:
    """Separable Gaussian of radius floor(3 sigma), edges replicated; identity for sigma < 0.5 px."""
    radius = min(int(math.floor(sigma * 3)), images.shape[-1] - 1, images.shape[-2] - 1)
    if sigma < 0.5 or radius < 1:
        return images
    taps = torch.arange(-radius, radius + 1, device=images.device, dtype=torch.float32)
    kernel = torch.exp(-0.5 * (taps / sigma) ** 2)
    kernel = (kernel / kernel.sum()).to(images.dtype)
    c = images.shape[1]
    x = F.pad(images, [radius, radius, radius, radius], mode="replicate")
    x = F.conv2d(x, kernel.view(1, 1, 1, -1).repeat(c, 1, 1, 1), groups=c)
    return F.conv2d(x, kernel.view(1, 1, -1, 1).repeat(c, 1, 1, 1), groups=c)
