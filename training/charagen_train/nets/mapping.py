"""The mapping network f: Z -> W (StyleGAN, Section 2; StyleGAN2 and StyleGAN3 use the same one
with different depths): z normalised to unit second moment, an optional class label embedded and
normalised the same way, a stack of dense leaky-ReLU layers with a reduced learning rate, and the
result broadcast to every synthesis layer. A running average of w (w_avg) serves the truncation
trick."""
import torch
from torch import nn

from .layers import FullyConnectedLayer
from .ops import normalize_2nd_moment


def truncate(ws, w_avg, psi=1.0, cutoff=None):
    """The truncation trick: w' = w_avg + psi (w - w_avg) on the first `cutoff` rows of W+
    (all when cutoff is None), with torch.lerp's rounding. ws [N, num_ws, w_dim]."""
    if psi == 1:
        return ws
    if cutoff is None or cutoff >= ws.shape[1]:
        return w_avg.lerp(ws, psi)
    cutoff = max(int(cutoff), 0)
    return torch.cat([w_avg.lerp(ws[:, :cutoff], psi), ws[:, cutoff:]], dim=1)


class MappingNetwork(nn.Module):
    def __init__(self,
                 z_dim,                   # latent z size; 0 for none (the discriminator's label mapping)
                 c_dim,                   # class label size; 0 for none
                 w_dim,                   # intermediate latent w size
                 num_ws,                  # rows of W+ to broadcast to; None returns [N, w_dim]
                 num_layers=8,            # dense layers (StyleGAN2 8, StyleGAN3 2)
                 embed_features=None,     # label embedding size; None: w_dim
                 layer_features=None,     # hidden layer size; None: w_dim
                 activation='lrelu',
                 lr_multiplier=0.01,      # learning rate of the mapping relative to synthesis
                 w_avg_beta=0.998):       # decay of the running average of w; None: no w_avg
        super().__init__()
        self.z_dim, self.c_dim, self.w_dim, self.num_ws = z_dim, c_dim, w_dim, num_ws
        self.num_layers = num_layers
        self.w_avg_beta = w_avg_beta
        embed_features = (w_dim if embed_features is None else embed_features) if c_dim > 0 else 0
        layer_features = w_dim if layer_features is None else layer_features
        features = [z_dim + embed_features] + [layer_features] * (num_layers - 1) + [w_dim]
        if c_dim > 0:
            self.embed = FullyConnectedLayer(c_dim, embed_features)
        for i in range(num_layers):
            setattr(self, f'fc{i}', FullyConnectedLayer(features[i], features[i + 1], activation=activation,
                                                        lr_multiplier=lr_multiplier))
        if num_ws is not None and w_avg_beta is not None:
            self.register_buffer('w_avg', torch.zeros([w_dim]))

    def forward(self, z, c, truncation_psi=1, truncation_cutoff=None, update_emas=False):
        """z [N, z_dim], c [N, c_dim] -> ws [N, num_ws, w_dim] (or [N, w_dim] when num_ws is None)."""
        x = None
        if self.z_dim > 0:
            x = normalize_2nd_moment(z.float())                   # [N, z_dim]
        if self.c_dim > 0:
            y = normalize_2nd_moment(self.embed(c.float()))       # [N, embed]
            x = y if x is None else torch.cat([x, y], dim=1)
        for i in range(self.num_layers):
            x = getattr(self, f'fc{i}')(x)                        # [N, w_dim] at the end
        if update_emas and hasattr(self, 'w_avg'):
            with torch.no_grad():
                self.w_avg.copy_(x.detach().mean(dim=0).lerp(self.w_avg, self.w_avg_beta))
        if self.num_ws is None:
            return x
        ws = x.unsqueeze(1).repeat([1, self.num_ws, 1])           # [N, num_ws, w_dim]
        if truncation_psi != 1:
            ws = truncate(ws, self.w_avg, truncation_psi, truncation_cutoff)
        return ws

    def extra_repr(self):
        return f"z_dim={self.z_dim}, c_dim={self.c_dim}, w_dim={self.w_dim}, num_ws={self.num_ws}"
