"""Elementary operations of the StyleGAN networks: bias + activation with gain and clamp, FIR
resampling (upfirdn2d), the second-moment normalisation, demodulation, and autocast helpers.

All of it is plain torch (conv2d, grouped conv2d for the depthwise filters, conv_transpose2d,
F.pad), so it runs on CPU and CUDA, under torch 1.13 and 2.x, and under torch.autocast.
"""
import contextlib
import math

import torch
import torch.nn.functional as F

# Gain after each activation that keeps the signal's magnitude (He et al.), as StyleGAN uses them.
ACTIVATION_GAINS = {
    'linear': 1.0, 'relu': math.sqrt(2), 'lrelu': math.sqrt(2), 'tanh': 1.0, 'sigmoid': 1.0,
    'elu': 1.0, 'selu': 1.0, 'softplus': 1.0, 'swish': math.sqrt(2),
}
LRELU_SLOPE = 0.2


# ---- autocast ----

def autocast_active(device_type: str) -> bool:
    """Whether torch.autocast is on for this device type (torch 1.13 and 2.x spell it differently)."""
    try:
        return bool(torch.is_autocast_enabled(device_type))  # torch >= 2.4
    except TypeError:
        if device_type == 'cuda':
            return torch.is_autocast_enabled()
        if device_type == 'cpu':
            return torch.is_autocast_cpu_enabled()
        return False


def float32_region(device_type: str, enabled: bool = True):
    """A context in which autocast is off (so ops run in the dtype of their inputs, float32 here);
    a no-op when autocast is not on or `enabled` is False."""
    if enabled and autocast_active(device_type):
        return torch.autocast(device_type=device_type, enabled=False)
    return contextlib.nullcontext()


# ---- bias, activation, gain, clamp ----

def bias_act(x, b=None, act='linear', gain=None, clamp=None, alpha=LRELU_SLOPE):
    """y = clamp(act(x + b) * gain, -clamp, clamp), with b [C] added along dim 1 of x.
    gain None means the activation's own gain (sqrt 2 for (leaky) ReLU); clamp None, none."""
    if act not in ACTIVATION_GAINS:
        raise ValueError(f"activation '{act}' is not one of {sorted(ACTIVATION_GAINS)}")
    if b is not None:
        x = x + b.to(x.dtype).reshape([1, -1] + [1] * (x.ndim - 2))
    if act == 'lrelu':
        x = F.leaky_relu(x, alpha)
    elif act == 'relu':
        x = F.relu(x)
    elif act == 'tanh':
        x = torch.tanh(x)
    elif act == 'sigmoid':
        x = torch.sigmoid(x)
    elif act == 'elu':
        x = F.elu(x)
    elif act == 'selu':
        x = F.selu(x)
    elif act == 'softplus':
        x = F.softplus(x)
    elif act == 'swish':
        x = torch.sigmoid(x) * x
    gain = ACTIVATION_GAINS[act] if gain is None else gain
    if gain != 1:
        x = x * gain
    if clamp is not None and clamp >= 0:
        x = x.clamp(-clamp, clamp)
    return x


def normalize_2nd_moment(x, dim=1, eps=1e-8):
    """x / sqrt(mean(x^2) + eps) over `dim` (StyleGAN's pixel norm of z and of the class embedding)."""
    return x * (x.square().mean(dim=dim, keepdim=True) + eps).rsqrt()


def demodulation(weight, styles, eps=1e-8):
    """StyleGAN2 eq. 3: per sample and output channel, 1 / sqrt(sum_{i,k} (s_i w_ijk)^2 + eps).
    weight [O, I, kh, kw], styles [N, I] -> [N, O], computed in float32."""
    with float32_region(styles.device.type):
        squares = weight.float().square().sum(dim=[2, 3])             # [O, I]
        return (styles.float().square() @ squares.t() + eps).rsqrt()  # [N, O]


# ---- FIR resampling ----

def _depthwise(f, channels, axis):
    """A 1-D filter [K] as a depthwise kernel along x (axis 3) or y (axis 2), or a 2-D [K, K] one."""
    if f.ndim == 2:
        return f[None, None].expand(channels, 1, *f.shape)
    shape = (channels, 1, 1, f.numel()) if axis == 3 else (channels, 1, f.numel(), 1)
    return f.reshape(shape[1:]).expand(shape)


def _pad(x, axis, before, after):
    """Zero padding (negative crops) of axis 2 (y), 3 (x), or both (axis None)."""
    if axis == 3:
        pads = [before, after]
    elif axis == 2:
        pads = [0, 0, before, after]
    else:
        pads = [before[0], after[0], before[1], after[1]]
    return F.pad(x, pads) if any(pads) else x


def _phase_kernels(f, up):
    """The polyphase components of f, each flipped for conv2d: phase r of a 1-D filter holds
    f[t up + r] (t = 0 .. Kp - 1, zero past the end); a 2-D filter has phases (ry, rx)."""
    size = f.shape[-1]
    kp = -(-size // up)
    if f.ndim == 1:
        g = F.pad(f, [0, kp * up - size]).reshape(kp, up).t().flip(1)          # [up, Kp]
        return list(g.unbind(0))
    g = F.pad(f, [0, kp * up - size, 0, kp * up - size]).reshape(kp, up, kp, up)
    g = g.permute(1, 3, 0, 2).flip([2, 3])                                    # [up, up, Kp, Kp]
    return [list(row.unbind(0)) for row in g.unbind(0)]


def _upfirdn(x, f, up, down, pad, axis):
    """One upfirdn pass with a 1-D filter along `axis`, or with a 2-D filter (axis None, pads as
    ((x0, y0), (x1, y1)) pairs)."""
    n, channels = x.shape[:2]
    size = f.shape[-1]
    f = f.to(x.dtype)
    if axis == 3:
        stride = (1, down)
    elif axis == 2:
        stride = (down, 1)
    else:
        stride = (down, down)
    (p0, p1) = pad
    if up == 1:
        x = _pad(x, axis, p0, p1)
        return F.conv2d(x, _depthwise(f, channels, axis).flip([2, 3]), stride=stride, groups=channels)
    # Polyphase upsampling: each phase is a short filter run at the input rate (no multiplications
    # by inserted zeros); interleaving the phases gives the zero-inserted input fully convolved
    # with f, (L + Kp - 1) up samples, of which the padded window starts K - 1 - p0 samples in.
    # (One depthwise conv per phase: much faster on CPU than one conv with `up` outputs per group.)
    kp = -(-size // up)
    phases = _phase_kernels(f, up)
    if axis == 3:
        x = torch.stack([F.conv2d(x, _depthwise(g, channels, 3), padding=(0, kp - 1), groups=channels)
                         for g in phases], dim=4)                                # [N, C, H, Lq, up]
        x = x.reshape(n, channels, x.shape[2], -1)
    elif axis == 2:
        x = torch.stack([F.conv2d(x, _depthwise(g, channels, 2), padding=(kp - 1, 0), groups=channels)
                         for g in phases], dim=3)                                # [N, C, Lq, up, W]
        x = x.reshape(n, channels, -1, x.shape[4])
    else:
        x = torch.stack([torch.stack([F.conv2d(x, _depthwise(g, channels, None), padding=kp - 1, groups=channels)
                                      for g in row], dim=4)                     # [N, C, Hq, Wq, up]
                         for row in phases], dim=3)                              # [N, C, Hq, up, Wq, up]
        x = x.reshape(n, channels, x.shape[2] * up, -1)
    x = _pad(x, axis, _sub(p0, size - 1), _sub(p1, (kp - 1) * up))
    if down > 1:
        x = x[:, :, ::stride[0], ::stride[1]]
    return x


def _sub(p, k):
    return tuple(v - k for v in p) if isinstance(p, tuple) else p - k


def upfirdn2d(x, f, up=1, down=1, padding=(0, 0, 0, 0), gain=1.0):
    """FIR resampling of images x [N, C, H, W] (StyleGAN2 Appendix B, StyleGAN3 Section 3.2):
    upsample by inserting `up - 1` zeros after every sample, pad by padding = (x0, x1, y0, y1)
    (negative values crop), convolve with f (a true convolution) and keep every `down`-th sample.
    f is [K] (separable, applied along x then y) or [K, K] (rows along y), or None (identity);
    the overall gain is `gain` (sqrt(gain) per pass for a separable filter).
    Output [N, C, (H up + y0 + y1 - K + 1) / down, (W up + x0 + x1 - K + 1) / down] (rounded up)."""
    x0, x1, y0, y1 = padding
    if f is None and up == 1:
        x = _pad(x, None, (x0, y0), (x1, y1))
        return x[:, :, ::down, ::down] if down > 1 else x
    if f is None:
        f = torch.ones([1], dtype=torch.float32, device=x.device)
    if f.ndim == 1:
        g = math.sqrt(gain)
        fx = f * g if g != 1 else f
        x = _upfirdn(x, fx, up, down, (x0, x1), axis=3)
        return _upfirdn(x, fx, up, down, (y0, y1), axis=2)
    f = f * gain if gain != 1 else f
    return _upfirdn(x, f, up, down, ((x0, y0), (x1, y1)), axis=None)


def upsample2d(x, f, up=2, padding=0, gain=None):
    """2x (or `up`x) upsampling with the centring padding for an even filter of K taps:
    ((K + up - 1) // 2, (K - up) // 2) per side, plus `padding`; gain up^2 keeps the DC level."""
    k = f.shape[-1]
    p0, p1 = (k + up - 1) // 2 + padding, (k - up) // 2 + padding
    return upfirdn2d(x, f, up=up, padding=(p0, p1, p0, p1), gain=up * up if gain is None else gain)


def downsample2d(x, f, down=2, padding=0, gain=1.0):
    """Low-pass and keep every `down`-th sample, centred: ((K - down + 1) // 2, (K - down) // 2) per side."""
    k = f.shape[-1]
    p0, p1 = (k - down + 1) // 2 + padding, (k - down) // 2 + padding
    return upfirdn2d(x, f, down=down, padding=(p0, p1, p0, p1), gain=gain)
