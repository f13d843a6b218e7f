"""W+ projection of sheets into a sprite model without its own inverse (Abdal et al. 2019,
Image2StyleGAN: optimise every row of W+ from w_avg with Adam). The loss is the renderer's
figure-weighted pixel loss, so a model is judged on its figures, not on the background. Runs in
chunks; deterministic for the same inputs (no noise is drawn)."""

from typing import Callable, Optional

import numpy as np
import torch

from ..render.model import figure_loss


def project(synthesis, w_avg: torch.Tensor, targets: torch.Tensor, figures: torch.Tensor, steps: int,
            lr: float = 0.05, chunk: int = 16, background_weight: float = 0.1,
            log: Optional[Callable[[str], None]] = None) -> torch.Tensor:
    """targets float [N, 3, H, W] in [-1, 1], figures [N, 1, H, W] -> ws [N, num_ws, w_dim]."""
    out = []
    for start in range(0, len(targets), chunk):
        t, f = targets[start:start + chunk], figures[start:start + chunk]
        ws = w_avg.detach().reshape(1, 1, -1).repeat(len(t), synthesis.num_ws, 1).clone().requires_grad_(True)
        opt = torch.optim.Adam([ws], lr=lr, betas=(0.9, 0.99))
        for step in range(steps):
            # Learning rate: a short warm-up, then a cosine ramp-down (as Image2StyleGAN's successors do).
            t_frac = step / max(steps - 1, 1)
            ramp = min(1.0, t_frac / 0.05) * 0.5 * (1 + np.cos(np.pi * min(1.0, max(0.0, (t_frac - 0.25) / 0.75))))
            for group in opt.param_groups:
                group["lr"] = lr * max(ramp, 0.01)
            loss = figure_loss(synthesis(ws, noise_mode="const"), t, f, background_weight)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            if log and (step % 50 == 0 or step == steps - 1):
                log(f"  projection {start + len(t)}/{len(targets)} step {step:4d} loss {float(loss):.4f}")
        out.append(ws.detach())
    return torch.cat(out)
