"""The StyleGAN2 synthesis network (Karras et al. 2020, "Analyzing and Improving the Image Quality
of StyleGAN"): a learned 4x4 constant, then one block per resolution up to the output, each with an
upsampling modulated convolution, a second modulated convolution and a to-RGB layer whose outputs
are summed over resolutions (the "skip" generator, Figure 7b).

Mixed precision: num_fp16_res is recorded and honoured under torch.autocast: blocks below the
fp16 resolutions run with autocast disabled (float32); the others let autocast pick float16 for
their convolutions, with weights and styles pre-normalised so that float16 cannot overflow (the
demodulation cancels that scale), demodulation computed in float32, and conv_clamp applied. The
image (sum of to-RGB outputs) is kept in float32. Without autocast everything runs in float32.
"""
import math

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

from .filters import resample_filter as make_resample_filter
from .layers import Conv2dLayer, FullyConnectedLayer
from .ops import ACTIVATION_GAINS, autocast_active, bias_act, demodulation, float32_region, upfirdn2d, upsample2d

NOISE_MODES = ('const', 'random', 'none')


class SynthesisLayer(nn.Module):
    """A modulated convolution (Section 2.2): the style s = A(w) scales the weights per input
    channel, demodulation rescales each output channel to unit expected variance, optional 2x
    upsampling, per-pixel noise scaled by a learned strength, bias, leaky ReLU."""

    def __init__(self,
                 in_channels, out_channels,
                 w_dim,                       # size of w
                 resolution,                  # output resolution
                 kernel_size=3,
                 up=1,                        # 2: upsample by a transposed convolution + FIR low-pass
                 use_noise=True,
                 activation='lrelu',
                 resample_filter=(1, 3, 3, 1),
                 conv_clamp=None,             # clamp outputs to +-conv_clamp; None: no clamping
                 channels_last=False):        # accepted for compatibility; memory format is left to torch
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.resolution, self.up, self.use_noise = resolution, up, use_noise
        self.activation, self.conv_clamp = activation, conv_clamp
        self.register_buffer('resample_filter', make_resample_filter(resample_filter))
        self.padding = kernel_size // 2
        self.act_gain = ACTIVATION_GAINS[activation]
        self.affine = FullyConnectedLayer(w_dim, in_channels, bias_init=1)
        self.weight = nn.Parameter(torch.randn([out_channels, in_channels, kernel_size, kernel_size]))
        if use_noise:
            self.register_buffer('noise_const', torch.randn([resolution, resolution]))
            self.noise_strength = nn.Parameter(torch.zeros([]))
        self.bias = nn.Parameter(torch.zeros([out_channels]))

    def forward(self, x, w, noise_mode='const', gain=1.0):
        """x [N, I, H, W], w [N, w_dim] -> [N, O, H * up, W * up]."""
        if noise_mode not in NOISE_MODES:
            raise ValueError(f"noise_mode must be one of {NOISE_MODES}, got {noise_mode!r}")
        styles = self.affine(w)                                       # [N, I]
        weight = self.weight                                          # [O, I, k, k]
        if autocast_active(x.device.type):
            # Scale weights and styles into float16's range; demodulation undoes it.
            weight = weight * (1 / math.sqrt(weight[0].numel())
                               / weight.abs().amax(dim=[1, 2, 3], keepdim=True))
            styles = styles / styles.abs().amax(dim=1, keepdim=True)
        dcoefs = demodulation(weight, styles)                         # [N, O]
        x = x * styles.to(x.dtype)[:, :, None, None]
        k = weight.shape[-1]
        if self.up > 1:
            f = self.resample_filter
            fw = f.shape[-1]
            p0 = self.padding + (fw + self.up - 1) // 2 - (k - 1)
            p1 = self.padding + (fw - self.up) // 2 - (k - self.up)
            x = F.conv_transpose2d(x, weight.to(x.dtype).transpose(0, 1), stride=self.up)  # [N, O, 2H+1, 2W+1]
            x = upfirdn2d(x, f, padding=(p0, p1, p0, p1), gain=self.up ** 2)              # [N, O, 2H, 2W]
        else:
            x = F.conv2d(x, weight.to(x.dtype), padding=self.padding)
        x = x * dcoefs.to(x.dtype)[:, :, None, None]
        if self.use_noise and noise_mode == 'random':
            noise = torch.randn([x.shape[0], 1, self.resolution, self.resolution], device=x.device)
            x = x + (noise * self.noise_strength).to(x.dtype)
        elif self.use_noise and noise_mode == 'const':
            x = x + (self.noise_const * self.noise_strength).to(x.dtype)
        clamp = None if self.conv_clamp is None else self.conv_clamp * gain
        return bias_act(x, self.bias, act=self.activation, gain=self.act_gain * gain, clamp=clamp)

    def extra_repr(self):
        return (f"in_channels={self.in_channels}, out_channels={self.out_channels}, resolution={self.resolution}, "
                f"up={self.up}")


class ToRGBLayer(nn.Module):
    """A modulated 1x1 convolution to the image channels, without demodulation (Figure 7)."""

    def __init__(self, in_channels, out_channels, w_dim, kernel_size=1, conv_clamp=None, channels_last=False):
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.conv_clamp = conv_clamp
        self.affine = FullyConnectedLayer(w_dim, in_channels, bias_init=1)
        self.weight = nn.Parameter(torch.randn([out_channels, in_channels, kernel_size, kernel_size]))
        self.bias = nn.Parameter(torch.zeros([out_channels]))
        self.weight_gain = 1 / math.sqrt(in_channels * kernel_size ** 2)
        self.padding = kernel_size // 2

    def forward(self, x, w):
        """x [N, I, H, W], w [N, w_dim] -> [N, img_channels, H, W]."""
        styles = self.affine(w) * self.weight_gain                    # [N, I]
        x = F.conv2d(x * styles.to(x.dtype)[:, :, None, None], self.weight.to(x.dtype), padding=self.padding)
        return bias_act(x, self.bias, clamp=self.conv_clamp)


class SynthesisBlock(nn.Module):
    """One resolution: the constant (first block) or an upsampling layer, a second layer, and a
    to-RGB output added to the upsampled image so far ('skip'); 'orig' has to-RGB only in the last
    block, 'resnet' adds a 1x1 upsampling skip connection around the two layers."""

    def __init__(self,
                 in_channels,                 # 0 for the first (4x4) block
                 out_channels,
                 w_dim,
                 resolution,
                 img_channels,
                 is_last,
                 architecture='skip',         # 'orig', 'skip' or 'resnet'
                 resample_filter=(1, 3, 3, 1),
                 conv_clamp=None,
                 use_fp16=False,              # whether autocast may run this block in float16
                 fp16_channels_last=False,    # accepted for compatibility
                 fused_modconv_default=True,  # accepted for compatibility (no effect on the numbers)
                 **layer_kwargs):             # kernel_size, use_noise, activation, channels_last
        super().__init__()
        if architecture not in ('orig', 'skip', 'resnet'):
            raise ValueError(f"StyleGAN2 synthesis architecture must be 'orig', 'skip' or 'resnet', got {architecture!r}")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.resolution, self.img_channels = resolution, img_channels
        self.is_last, self.architecture, self.use_fp16 = is_last, architecture, use_fp16
        self.register_buffer('resample_filter', make_resample_filter(resample_filter))
        self.num_conv = 0
        self.num_torgb = 0
        if in_channels == 0:
            self.const = nn.Parameter(torch.randn([out_channels, resolution, resolution]))
        else:
            self.conv0 = SynthesisLayer(in_channels, out_channels, w_dim=w_dim, resolution=resolution, up=2,
                                        resample_filter=resample_filter, conv_clamp=conv_clamp, **layer_kwargs)
            self.num_conv += 1
        self.conv1 = SynthesisLayer(out_channels, out_channels, w_dim=w_dim, resolution=resolution,
                                    conv_clamp=conv_clamp, **layer_kwargs)
        self.num_conv += 1
        if is_last or architecture == 'skip':
            self.torgb = ToRGBLayer(out_channels, img_channels, w_dim=w_dim, conv_clamp=conv_clamp)
            self.num_torgb += 1
        if in_channels != 0 and architecture == 'resnet':
            self.skip = Conv2dLayer(in_channels, out_channels, kernel_size=1, bias=False, up=2,
                                    resample_filter=resample_filter)

    def forward(self, x, img, ws, noise_mode='const', force_fp32=False):
        """x [N, I, H/2, W/2] (None in the first block), img [N, C, H/2, W/2] or None,
        ws [N, num_conv + num_torgb, w_dim] -> x [N, O, H, W], img [N, C, H, W]."""
        device = ws.device.type
        w_iter = iter(ws.unbind(dim=1))
        with float32_region(device, enabled=force_fp32 or not self.use_fp16):
            if self.in_channels == 0:
                x = self.const.unsqueeze(0).repeat([ws.shape[0], 1, 1, 1])
                x = self.conv1(x, next(w_iter), noise_mode=noise_mode)
            elif self.architecture == 'resnet':
                y = self.skip(x, gain=np.sqrt(0.5))
                x = self.conv0(x, next(w_iter), noise_mode=noise_mode)
                x = self.conv1(x, next(w_iter), noise_mode=noise_mode, gain=np.sqrt(0.5))
                x = y + x
            else:
                x = self.conv0(x, next(w_iter), noise_mode=noise_mode)
                x = self.conv1(x, next(w_iter), noise_mode=noise_mode)
            if self.num_torgb:
                y = self.torgb(x, next(w_iter)).float()
        with float32_region(device):
            if img is not None:
                img = upsample2d(img.float(), self.resample_filter)
            if self.num_torgb:
                img = y if img is None else img + y
        return x, img


class SynthesisNetwork(nn.Module):
    """g: W+ -> image. Blocks b4 .. b{img_resolution} with min(channel_base / res, channel_max)
    channels; block i reads its ws from where block i-1's convolutions stopped, so a to-RGB layer
    shares its w with the next block's first convolution. num_ws = 2 log2(res) - 2."""

    def __init__(self,
                 w_dim,
                 img_resolution,              # output resolution, a power of two >= 4
                 img_channels,
                 channel_base=32768,          # channels = min(channel_base / res, channel_max)
                 channel_max=512,
                 num_fp16_res=4,              # the highest resolutions that autocast may run in float16
                 **block_kwargs):             # architecture, resample_filter, conv_clamp, layer kwargs, ...
        super().__init__()
        log2 = int(np.log2(img_resolution)) if img_resolution >= 4 else 0
        if img_resolution < 4 or 2 ** log2 != img_resolution:
            raise ValueError(f"img_resolution {img_resolution} is not a power of two of at least 4, which StyleGAN2 needs")
        self.w_dim, self.img_resolution, self.img_channels = w_dim, img_resolution, img_channels
        self.num_fp16_res = num_fp16_res
        self.block_resolutions = [2 ** i for i in range(2, log2 + 1)]
        channels = {res: min(channel_base // res, channel_max) for res in self.block_resolutions}
        fp16_resolution = max(2 ** (log2 + 1 - num_fp16_res), 8)
        self.num_ws = 0
        for res in self.block_resolutions:
            block = SynthesisBlock(channels[res // 2] if res > 4 else 0, channels[res], w_dim=w_dim, resolution=res,
                                   img_channels=img_channels, is_last=res == img_resolution,
                                   use_fp16=res >= fp16_resolution, **block_kwargs)
            self.num_ws += block.num_conv
            if res == img_resolution:
                self.num_ws += block.num_torgb
            setattr(self, f'b{res}', block)

    def forward(self, ws, noise_mode='const', update_emas=False, force_fp32=False):
        """ws [N, num_ws, w_dim] -> img [N, img_channels, H, W] float32, not clamped.
        noise_mode: 'const' (the stored noise images), 'random' (fresh noise, for training) or 'none'.
        update_emas is accepted for symmetry with StyleGAN3; StyleGAN2 synthesis has no EMAs."""
        x = img = None
        w_idx = 0
        for res in self.block_resolutions:
            block = getattr(self, f'b{res}')
            block_ws = ws.narrow(1, w_idx, block.num_conv + block.num_torgb)
            x, img = block(x, img, block_ws, noise_mode=noise_mode, force_fp32=force_fp32)
            w_idx += block.num_conv
        return img

    def extra_repr(self):
        return f"w_dim={self.w_dim}, num_ws={self.num_ws}, img_resolution={self.img_resolution}"
