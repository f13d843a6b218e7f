"""The alias-free synthesis network of StyleGAN3 (Karras et al. 2021, "Alias-Free Generative
Adversarial Networks"): Fourier features whose rotation and translation come from w, then
num_layers layers that each modulate a convolution and apply a filtered nonlinearity (upsample,
leaky ReLU at the higher rate, low-pass and downsample), and a final to-RGB layer. Config T uses
3x3 convolutions; config R 1x1 convolutions and radially symmetric downsampling filters.

Mixed precision: num_fp16_res is recorded and honoured under torch.autocast: layers whose
sampling rate * 2^num_fp16_res does not exceed the output resolution, the Fourier input and the
modulation/demodulation arithmetic run in float32; the other layers' convolutions and filters
may run in float16 (weights and styles are normalised, activations clamped to conv_clamp).
Without autocast everything runs in float32.
"""
import math

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

from .filters import lowpass_filter
from .layers import FullyConnectedLayer
from .ops import bias_act, demodulation, float32_region, upfirdn2d, LRELU_SLOPE

LRELU_GAIN = math.sqrt(2)


def _next_power_of_two(v):
    p = 1
    while p < v:
        p *= 2
    return p


class FrequencySchedule:
    """The per-layer frequency plan (Section 3.2, Appendix F): cutoff f_c and stopband f_t rise
    geometrically from the first layer to the last num_critical layers, which are critically
    sampled at the output resolution; each layer's sampling rate is the smallest power of two above
    2 f_t (at most the output resolution), its transition half-width is max(f_t, s/2) - f_c, and its
    canvas carries margin_size samples per side. Index 0 is the Fourier input, 1..num_layers the
    layers (the last is to-RGB)."""

    def __init__(self, img_resolution, img_channels, channel_base, channel_max, num_layers, num_critical,
                 first_cutoff, first_stopband, last_stopband_rel, margin_size):
        last_cutoff = img_resolution / 2
        last_stopband = last_cutoff * last_stopband_rel
        exponents = np.minimum(np.arange(num_layers + 1) / (num_layers - num_critical), 1)
        self.cutoffs = first_cutoff * (last_cutoff / first_cutoff) ** exponents
        self.stopbands = first_stopband * (last_stopband / first_stopband) ** exponents
        self.sampling_rates = np.array([_next_power_of_two(min(2 * s, img_resolution)) for s in self.stopbands])
        self.half_widths = np.maximum(self.stopbands, self.sampling_rates / 2) - self.cutoffs
        self.sizes = (self.sampling_rates + margin_size * 2).astype(int)
        self.sizes[-2:] = img_resolution
        self.channels = np.rint(np.minimum((channel_base / 2) / self.cutoffs, channel_max)).astype(int)
        self.channels[-1] = img_channels


class SynthesisInput(nn.Module):
    """Fourier features sin(2 pi (f . x + phi)) on the first layer's canvas (Section 3.1,
    Appendix D). An affine layer maps w to (r_c, r_s, t_x, t_y); the rotation is normalised to
    unit length; frequencies and phases are transformed by the inverse of rotation, then
    translation, then the stored `transform`; frequencies pushed beyond the band fade out; a
    learned 1x1 mixing of the channels follows.

    `transform` is part of the network: the features of pixel position x are sampled at
    transform @ x, so a snapshot saved with a rotated or shifted framing draws it that way."""

    def __init__(self, w_dim, channels, size, sampling_rate, bandwidth):
        super().__init__()
        self.w_dim, self.channels = w_dim, channels
        self.size = np.broadcast_to(np.asarray(size), [2])    # canvas [width, height] with margins
        self.sampling_rate, self.bandwidth = sampling_rate, bandwidth
        # Frequencies uniform over the disc of radius `bandwidth`, phases uniform in [-1/2, 1/2).
        angle = torch.rand([channels]) * (2 * np.pi)
        radius = torch.rand([channels]).sqrt() * bandwidth
        self.weight = nn.Parameter(torch.randn([channels, channels]))
        # Starts at the identity transform whatever w is: weight 0, bias (1, 0, 0, 0).
        self.affine = FullyConnectedLayer(w_dim, 4, weight_init=0, bias_init=[1, 0, 0, 0])
        self.register_buffer('transform', torch.eye(3, 3))    # stored framing (inverse of a move), [3, 3]
        self.register_buffer('freqs', torch.stack([radius * angle.cos(), radius * angle.sin()], dim=1))  # [C, 2]
        self.register_buffer('phases', torch.rand([channels]) - 0.5)                                      # [C]

    @staticmethod
    def image_transform(translate=(0.0, 0.0), rotate_degrees=0.0, dtype=torch.float32):
        """The matrix for `transform` that moves the image by `translate` (in units of the canvas)
        after rotating it by `rotate_degrees`: the inverse of [[c, s, tx], [-s, c, ty], [0, 0, 1]]."""
        a = math.radians(rotate_degrees)
        c, s = math.cos(a), math.sin(a)
        tx, ty = translate
        return torch.tensor([[c, -s, s * ty - c * tx], [s, c, -s * tx - c * ty], [0, 0, 1]], dtype=dtype)

    def set_image_transform(self, translate=(0.0, 0.0), rotate_degrees=0.0):
        """Replaces the stored framing with the identity moved by (translate, rotate_degrees):
        the buffer gen_images.py writes, whatever the network stored."""
        with torch.no_grad():
            self.transform.copy_(self.image_transform(translate, rotate_degrees))

    def move_image(self, translate=(0.0, 0.0), rotate_degrees=0.0):
        """Moves the image from the framing the network stores. With S the stored `transform`,
        the network draws F(S x) at pixel x; that image moved by M (rotate, then translate) shows
        at x what it showed at M^-1 x, F(S M^-1 x). So `transform` becomes S @ M^-1, and with S
        the identity that is set_image_transform's M^-1. Moving by M1 and then by M2 is moving by
        M2 M1. Multiplied in float64, rounded to float32 once."""
        with torch.no_grad():
            inverse_move = self.image_transform(translate, rotate_degrees, dtype=torch.float64)
            moved = self.transform.detach().cpu().double() @ inverse_move
            self.transform.copy_(moved.to(self.transform.dtype))

    def forward(self, w):
        """w [N, w_dim] -> features [N, C, size[1], size[0]]."""
        with float32_region(w.device.type):
            n = w.shape[0]
            t = self.affine(w)                                            # [N, 4]: r_c, r_s, t_x, t_y
            t = t / t[:, :2].norm(dim=1, keepdim=True)
            c, s, tx, ty = t.unbind(dim=1)
            zero, one = torch.zeros_like(c), torch.ones_like(c)
            inv_rotation = torch.stack([c, -s, zero, s, c, zero, zero, zero, one], dim=1).reshape(n, 3, 3)
            inv_translation = torch.stack([one, zero, -tx, zero, one, -ty, zero, zero, one], dim=1).reshape(n, 3, 3)
            m = inv_rotation @ inv_translation @ self.transform.unsqueeze(0)  # [N, 3, 3]
            phases = self.phases + (self.freqs @ m[:, :2, 2:]).squeeze(2)     # [N, C]
            freqs = self.freqs @ m[:, :2, :2]                                  # [N, C, 2]
            amplitudes = (1 - (freqs.norm(dim=2) - self.bandwidth)
                          / (self.sampling_rate / 2 - self.bandwidth)).clamp(0, 1)  # [N, C]
            grid = self._grid(w.device)                                        # [H*W, 2]: (x, y)
            x = grid.unsqueeze(0) @ freqs.transpose(1, 2)                      # [N, H*W, C]
            x = torch.sin((x + phases.unsqueeze(1)) * (2 * np.pi)) * amplitudes.unsqueeze(1)
            x = x @ (self.weight / np.sqrt(self.channels)).t()                # [N, H*W, C] mixed
            return x.transpose(1, 2).reshape(n, self.channels, int(self.size[1]), int(self.size[0]))

    def _grid(self, device):
        """Sample positions centred on 0: sample i of a canvas of S sits at (i + 0.5 - S / 2) / rate."""
        xs = (torch.arange(int(self.size[0]), device=device) + 0.5 - self.size[0] / 2) / self.sampling_rate
        ys = (torch.arange(int(self.size[1]), device=device) + 0.5 - self.size[1] / 2) / self.sampling_rate
        gy, gx = torch.meshgrid(ys.float(), xs.float(), indexing='ij')
        return torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)

    def extra_repr(self):
        return (f"w_dim={self.w_dim}, channels={self.channels}, size={list(self.size)}, "
                f"sampling_rate={self.sampling_rate:g}, bandwidth={self.bandwidth:g}")


class SynthesisLayer(nn.Module):
    """One alias-free layer (Section 3.2): modulated convolution (weights normalised, styles
    normalised, demodulated; the input divided by the running RMS of its magnitude), then the
    filtered nonlinearity: bias, upsample by `up` with a low-pass at the input cutoff, leaky ReLU
    (gain sqrt 2, clamp conv_clamp), low-pass at the output cutoff and downsample by `down`. The
    to-RGB layer is a 1x1 modulated convolution without demodulation or nonlinearity."""

    def __init__(self,
                 w_dim,
                 is_torgb,                   # the last layer
                 is_critically_sampled,      # one of the last num_critical layers
                 use_fp16,                   # whether autocast may run this layer in float16
                 in_channels, out_channels,
                 in_size, out_size,          # canvas sides, margins included
                 in_sampling_rate, out_sampling_rate,
                 in_cutoff, out_cutoff,
                 in_half_width, out_half_width,
                 conv_kernel=3,              # 3 (config T) or 1 (config R)
                 filter_size=6,              # low-pass taps per unit of resampling factor
                 lrelu_upsampling=2,         # the nonlinearity runs at this multiple of the higher rate
                 use_radial_filters=False,   # radially symmetric downsampling filter (config R)
                 conv_clamp=256,
                 magnitude_ema_beta=0.999):  # decay of the running mean of the input's x^2
        super().__init__()
        self.w_dim, self.is_torgb, self.use_fp16 = w_dim, is_torgb, use_fp16
        self.in_channels, self.out_channels = in_channels, out_channels
        self.in_size = np.broadcast_to(np.asarray(in_size), [2])
        self.out_size = np.broadcast_to(np.asarray(out_size), [2])
        self.conv_kernel = 1 if is_torgb else conv_kernel
        self.conv_clamp = conv_clamp
        self.magnitude_ema_beta = magnitude_ema_beta
        self.tmp_sampling_rate = max(in_sampling_rate, out_sampling_rate) * (1 if is_torgb else lrelu_upsampling)
        self.up = int(np.rint(self.tmp_sampling_rate / in_sampling_rate))
        self.down = int(np.rint(self.tmp_sampling_rate / out_sampling_rate))
        up_taps = filter_size * self.up if self.up > 1 and not is_torgb else 1
        down_taps = filter_size * self.down if self.down > 1 and not is_torgb else 1
        self.down_radial = use_radial_filters and not is_critically_sampled
        self.affine = FullyConnectedLayer(w_dim, in_channels, bias_init=1)
        self.weight = nn.Parameter(torch.randn([out_channels, in_channels, self.conv_kernel, self.conv_kernel]))
        self.bias = nn.Parameter(torch.zeros([out_channels]))
        self.register_buffer('magnitude_ema', torch.ones([]))
        # Low-pass filters designed at the nonlinearity's rate; absent (None) when a factor is 1.
        self.register_buffer('up_filter', lowpass_filter(up_taps, in_cutoff, in_half_width * 2,
                                                         self.tmp_sampling_rate))
        self.register_buffer('down_filter', lowpass_filter(down_taps, out_cutoff, out_half_width * 2,
                                                           self.tmp_sampling_rate, radial=self.down_radial))
        # Padding that makes the output canvas exactly out_size, centred: the length wanted before
        # downsampling, minus what the convolution and upsampling give, plus what the filters eat.
        pad_total = (self.out_size - 1) * self.down + 1
        pad_total = pad_total - (self.in_size + self.conv_kernel - 1) * self.up
        pad_total = pad_total + up_taps + down_taps - 2
        pad_lo = (pad_total + self.up) // 2
        pad_hi = pad_total - pad_lo
        self.padding = (int(pad_lo[0]), int(pad_hi[0]), int(pad_lo[1]), int(pad_hi[1]))

    def forward(self, x, w, update_emas=False, force_fp32=False):
        """x [N, I, in_size, in_size], w [N, w_dim] -> [N, O, out_size, out_size]."""
        if update_emas:
            with torch.no_grad():
                magnitude = x.detach().float().square().mean()
                self.magnitude_ema.copy_(magnitude.lerp(self.magnitude_ema, self.magnitude_ema_beta))
        input_gain = self.magnitude_ema.rsqrt()
        with float32_region(x.device.type):
            styles = self.affine(w)                                             # [N, I]
            weight = self.weight                                                # [O, I, k, k]
            if self.is_torgb:
                styles = styles * (1 / np.sqrt(self.in_channels * self.conv_kernel ** 2))
            else:
                # Unit-RMS weights per output filter and styles over the batch, then demodulate.
                weight = weight * weight.square().mean(dim=[1, 2, 3], keepdim=True).rsqrt()
                styles = styles * styles.square().mean().rsqrt()
                dcoefs = demodulation(weight, styles)                           # [N, O]
            styles = styles * input_gain
        with float32_region(x.device.type, enabled=force_fp32 or not self.use_fp16):
            if force_fp32 or not self.use_fp16:
                x = x.float()
            x = x * styles.to(x.dtype)[:, :, None, None]
            x = F.conv2d(x, weight.to(x.dtype), padding=self.conv_kernel - 1)   # [N, O, in + k - 1, ...]
            if not self.is_torgb:
                x = x * dcoefs.to(x.dtype)[:, :, None, None]
            x = bias_act(x, self.bias)
            x = upfirdn2d(x, self.up_filter, up=self.up, padding=self.padding, gain=self.up ** 2)
            x = bias_act(x, act='linear' if self.is_torgb else 'lrelu', gain=1 if self.is_torgb else LRELU_GAIN,
                         clamp=self.conv_clamp, alpha=LRELU_SLOPE)
            x = upfirdn2d(x, self.down_filter, down=self.down)                  # [N, O, out_size, out_size]
        return x

    def extra_repr(self):
        return (f"in_channels={self.in_channels}, out_channels={self.out_channels}, in_size={list(self.in_size)}, "
                f"out_size={list(self.out_size)}, up={self.up}, down={self.down}, is_torgb={self.is_torgb}")


class SynthesisNetwork(nn.Module):
    """g: W+ -> image: the Fourier input (driven by ws[0]), layers L0 .. L{num_layers} (layer i
    driven by ws[i + 1]; the last is to-RGB), the output scaled by output_scale.
    num_ws = num_layers + 2."""

    def __init__(self,
                 w_dim,
                 img_resolution,
                 img_channels,
                 channel_base=32768,         # channels = rint(min((channel_base / 2) / f_c, channel_max))
                 channel_max=512,
                 num_layers=14,              # layers, to-RGB excluded
                 num_critical=2,             # critically sampled layers at the end
                 first_cutoff=2,             # f_c of the first layer
                 first_stopband=2 ** 2.1,    # f_t of the first layer
                 last_stopband_rel=2 ** 0.3,  # f_t of the last layer, relative to its f_c
                 margin_size=10,             # samples of margin on each side of the inner canvases
                 output_scale=0.25,
                 num_fp16_res=4,
                 **layer_kwargs):            # conv_kernel, filter_size, lrelu_upsampling, use_radial_filters,
        super().__init__()                   # conv_clamp, magnitude_ema_beta
        self.w_dim, self.img_resolution, self.img_channels = w_dim, img_resolution, img_channels
        self.num_ws = num_layers + 2
        self.num_layers, self.num_critical = num_layers, num_critical
        self.margin_size, self.output_scale, self.num_fp16_res = margin_size, output_scale, num_fp16_res
        s = FrequencySchedule(img_resolution, img_channels, channel_base, channel_max, num_layers, num_critical,
                              first_cutoff, first_stopband, last_stopband_rel, margin_size)
        self.schedule = s
        self.input = SynthesisInput(w_dim, channels=int(s.channels[0]), size=int(s.sizes[0]),
                                    sampling_rate=float(s.sampling_rates[0]), bandwidth=float(s.cutoffs[0]))
        self.layer_names = []
        for idx in range(num_layers + 1):
            prev = max(idx - 1, 0)
            layer = SynthesisLayer(
                w_dim=w_dim, is_torgb=idx == num_layers, is_critically_sampled=idx >= num_layers - num_critical,
                use_fp16=bool(s.sampling_rates[idx] * 2 ** num_fp16_res > img_resolution),
                in_channels=int(s.channels[prev]), out_channels=int(s.channels[idx]),
                in_size=int(s.sizes[prev]), out_size=int(s.sizes[idx]),
                in_sampling_rate=int(s.sampling_rates[prev]), out_sampling_rate=int(s.sampling_rates[idx]),
                in_cutoff=float(s.cutoffs[prev]), out_cutoff=float(s.cutoffs[idx]),
                in_half_width=float(s.half_widths[prev]), out_half_width=float(s.half_widths[idx]),
                **layer_kwargs)
            name = f'L{idx}_{layer.out_size[0]}_{layer.out_channels}'
            setattr(self, name, layer)
            self.layer_names.append(name)

    def forward(self, ws, noise_mode='const', update_emas=False, force_fp32=False):
        """ws [N, num_ws, w_dim] -> img [N, img_channels, H, W] float32, not clamped. StyleGAN3 has
        no noise inputs: noise_mode is accepted and ignored. update_emas updates each layer's
        magnitude_ema."""
        ws = ws.unbind(dim=1)
        x = self.input(ws[0])
        for name, w in zip(self.layer_names, ws[1:]):
            x = getattr(self, name)(x, w, update_emas=update_emas, force_fp32=force_fp32)
        x = x.float()
        if self.output_scale != 1:
            x = x * self.output_scale
        return x

    def extra_repr(self):
        return f"w_dim={self.w_dim}, num_ws={self.num_ws}, img_resolution={self.img_resolution}"
