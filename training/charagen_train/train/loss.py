"""The StyleGAN losses: the non-saturating logistic loss for G and D, and D's R1 penalty on
real images applied lazily (every r1_interval D steps, scaled by the interval). From
Goodfellow et al. 2014 (non-saturating loss), Mescheder et al. 2018 (R1) and StyleGAN2 s. 3.2
(lazy regularisation)."""

import contextlib

import torch
import torch.nn.functional as F

from .blur import gaussian_blur
from .diffaugment import diff_augment, parse


class TrainingGenerator(torch.nn.Module):
    """G as trained: z -> ws -> image with random noise, and StyleGAN2's mixing regularisation
    (with style_mixing_prob, the ws from a cutoff layer on come from a second z)."""

    def __init__(self, G: torch.nn.Module, style_mixing_prob: float):
        super().__init__()
        self.G = G
        self.style_mixing_prob = style_mixing_prob

    def forward(self, z, c, update_emas: bool = False):
        ws = self.G.mapping(z, c, update_emas=update_emas)
        if self.style_mixing_prob > 0 and torch.rand([]).item() < self.style_mixing_prob:
            cutoff = int(torch.randint(1, ws.shape[1], []).item())
            ws = ws.clone()
            ws[:, cutoff:] = self.G.mapping(torch.randn_like(z), c, update_emas=False)[:, cutoff:]
        return self.G.synthesis(ws, update_emas=update_emas, noise_mode="random")


class StyleGanLoss:
    """G and D are the modules that gradients flow through (DistributedDataParallel wrappers in
    a multi-process run); g_plain and d_plain are the same modules unwrapped."""

    def __init__(self, G, D, g_plain, d_plain, config, autocast=contextlib.nullcontext):
        self.G, self.D, self.g_plain, self.d_plain = G, D, g_plain, d_plain
        self.config = config
        self.autocast = autocast
        self.policies = parse(config.diffaugment)

    def _view(self, images, blur_sigma: float):
        """What D sees: the blurred image (StyleGAN3's schedule), differentiably augmented."""
        return diff_augment(gaussian_blur(images, blur_sigma), self.policies)

    def generator_loss(self, z, c, blur_sigma: float) -> torch.Tensor:
        """softplus(-D(G(z))). D's parameters are frozen in this phase, so D runs unwrapped."""
        with self.autocast():
            fake = self.G(z, c)
            logits = self.d_plain(self._view(fake, blur_sigma), c)
        return F.softplus(-logits.float()).mean()

    def discriminator_losses(self, z, c, real, blur_sigma: float, backward):
        """softplus(D(G(z))) and softplus(-D(x)), each passed to backward() right after its own
        forward pass (DDP reduces per backward; the sum of the two averages is still right).
        Returns (loss on generated, loss on real, their logits). This pass also moves G's
        running averages (w_avg, magnitude EMAs)."""
        with torch.no_grad(), self.autocast():
            fake = self.g_plain(z, c, update_emas=True)
        with self.autocast():
            fake_logits = self.D(self._view(fake, blur_sigma), c)
        loss_fake = F.softplus(fake_logits.float()).mean()
        backward(loss_fake)
        with self.autocast():
            real_logits = self.D(self._view(real, blur_sigma), c)
        loss_real = F.softplus(-real_logits.float()).mean()
        backward(loss_real)
        return loss_fake.detach(), loss_real.detach(), fake_logits.detach().float(), real_logits.detach().float()

    def r1_loss(self, real, c, blur_sigma: float):
        """(loss, mean penalty): gamma/2 * |grad_x D(x)|^2 * r1_interval, in float32.
        The `logits * 0` term makes every D parameter part of the backward, as DDP requires."""
        real = real.detach().requires_grad_(True)
        logits = self.D(self._view(real, blur_sigma), c)
        (grad,) = torch.autograd.grad(logits.sum(), real, create_graph=True)
        penalty = grad.square().sum(dim=[1, 2, 3])
        loss = (penalty * (self.config.gamma / 2) + logits.squeeze(1) * 0).mean() * self.config.r1_interval
        return loss, penalty.mean().detach()
