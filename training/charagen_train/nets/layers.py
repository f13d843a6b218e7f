"""Layers with StyleGAN's equalized learning rate (Karras et al. 2018, Section 4.1): weights are
stored as N(0, 1) / lr_multiplier and scaled at run time by lr_multiplier / sqrt(fan_in), so every
weight learns at the same speed whatever its layer's size."""
import math

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

from .filters import resample_filter as make_resample_filter
from .ops import ACTIVATION_GAINS, bias_act, downsample2d, float32_region, upfirdn2d


class FullyConnectedLayer(nn.Module):
    """y = act(x W^T g_w + b g_b): a dense layer with equalized learning rate. Runs in float32 even
    under autocast (mapping networks and style affines are small and sensitive)."""

    def __init__(self, in_features, out_features, bias=True, activation='linear', lr_multiplier=1.0,
                 bias_init=0.0, weight_init=1.0):
        super().__init__()
        self.in_features = in_features          # fan-in
        self.out_features = out_features
        self.activation = activation            # 'linear', 'lrelu', ...
        self.weight = nn.Parameter(torch.randn([out_features, in_features]) * (weight_init / lr_multiplier))
        init = np.broadcast_to(np.asarray(bias_init, dtype=np.float32), [out_features])
        self.bias = nn.Parameter(torch.from_numpy(init / lr_multiplier)) if bias else None
        self.weight_gain = lr_multiplier / math.sqrt(in_features)
        self.bias_gain = lr_multiplier

    def forward(self, x):
        """x [N, in] -> [N, out]."""
        with float32_region(x.device.type):
            x = x.float()
            w = self.weight * self.weight_gain
            b = None if self.bias is None else self.bias * self.bias_gain
            if self.activation == 'linear' and b is not None:
                return torch.addmm(b.unsqueeze(0), x, w.t())
            return bias_act(x @ w.t(), b, act=self.activation)

    def extra_repr(self):
        return f"in_features={self.in_features}, out_features={self.out_features}, activation={self.activation}"


class Conv2dLayer(nn.Module):
    """A convolution with equalized learning rate, optionally with 2x FIR up- or downsampling
    (StyleGAN2 Appendix B), then bias, activation, gain and clamp."""

    def __init__(self, in_channels, out_channels, kernel_size, bias=True, activation='linear', up=1, down=1,
                 resample_filter=(1, 3, 3, 1), conv_clamp=None, channels_last=False, trainable=True):
        super().__init__()
        if up > 1 and down > 1:
            raise ValueError("Conv2dLayer resamples up or down, not both")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.activation = activation
        self.up, self.down = up, down
        self.conv_clamp = conv_clamp            # None: no clamping
        self.register_buffer('resample_filter', make_resample_filter(resample_filter))
        self.padding = kernel_size // 2
        self.weight_gain = 1 / math.sqrt(in_channels * kernel_size ** 2)
        self.act_gain = ACTIVATION_GAINS[activation]
        self.weight = nn.Parameter(torch.randn([out_channels, in_channels, kernel_size, kernel_size]))
        self.bias = nn.Parameter(torch.zeros([out_channels])) if bias else None
        self.requires_grad_(trainable)

    def forward(self, x, gain=1.0):
        """x [N, I, H, W] -> [N, O, H * up / down, W * up / down]."""
        w = self.weight * self.weight_gain                       # [O, I, k, k]
        k = w.shape[-1]
        f = self.resample_filter
        if self.down > 1 and k == 1:
            x = downsample2d(x, f, self.down, padding=self.padding)
            x = F.conv2d(x, w.to(x.dtype))
        elif self.down > 1:
            # Low-pass, then a strided convolution: the filter's centring padding plus the conv's own.
            fw = f.shape[-1]
            p0 = self.padding + (fw - self.down + 1) // 2
            p1 = self.padding + (fw - self.down) // 2
            x = upfirdn2d(x, f, padding=(p0, p1, p0, p1))
            x = F.conv2d(x, w.to(x.dtype), stride=self.down)
        elif self.up > 1:
            # Transposed convolution (the zero-inserted input convolved with w), then the low-pass
            # with the padding that centres the result, gain up^2.
            fw = f.shape[-1]
            p0 = self.padding + (fw + self.up - 1) // 2 - (k - 1)
            p1 = self.padding + (fw - self.up) // 2 - (k - self.up)
            x = F.conv_transpose2d(x, w.to(x.dtype).transpose(0, 1), stride=self.up)
            x = upfirdn2d(x, f, padding=(p0, p1, p0, p1), gain=self.up ** 2)
        else:
            x = F.conv2d(x, w.to(x.dtype), padding=self.padding)
        clamp = None if self.conv_clamp is None else self.conv_clamp * gain
        return bias_act(x, self.bias, act=self.activation, gain=self.act_gain * gain, clamp=clamp)

    def extra_repr(self):
        return (f"in_channels={self.in_channels}, out_channels={self.out_channels}, activation={self.activation}, "
                f"up={self.up}, down={self.down}")
