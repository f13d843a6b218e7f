"""The generator's exponential moving average (G_ema), the network that gets exported."""

import torch


@torch.no_grad()
def update_ema(g_ema: torch.nn.Module, g: torch.nn.Module, batch: int, cur_nimg: int, ema_kimg: float,
               rampup: float = None) -> float:
    """Moves G_ema's parameters towards G's with a half-life of ema_kimg thousand images
    (at most rampup * images seen, early on); buffers (w_avg, magnitude EMAs) are copied.
    Returns the beta used."""
    ema_nimg = ema_kimg * 1000
    if rampup is not None:
        ema_nimg = min(ema_nimg, cur_nimg * rampup)
    beta = 0.5 ** (batch / max(ema_nimg, 1e-8))
    for p_ema, p in zip(g_ema.parameters(), g.parameters()):
        p_ema.copy_(p.detach().lerp(p_ema, beta))
    for b_ema, b in zip(g_ema.buffers(), g.buffers()):
        b_ema.copy_(b.detach())
    return beta
