"""Filter design: the binomial resampling filter of StyleGAN2 (Appendix B) and the windowed
low-pass filters of StyleGAN3 (Section 3.2, Appendix C): the ideal low-pass response (sinc, or jinc
for a radially symmetric 2-D filter) truncated by a Kaiser window whose beta follows from Kaiser's
formulas for the given length and transition width, normalised to unit DC gain."""
import numpy as np
import scipy.signal
import scipy.special
import torch


def resample_filter(taps=(1, 3, 3, 1)) -> torch.Tensor:
    """A 1-D list of taps as the normalised 2-D filter outer(f, f) / sum^2 StyleGAN2 stores [K, K]."""
    f = torch.as_tensor(taps, dtype=torch.float32)
    if f.ndim == 0:
        f = f[None]
    if f.ndim == 1:
        f = torch.outer(f, f)
    if f.ndim != 2 or f.shape[0] != f.shape[1]:
        raise ValueError(f"resample_filter must be a list of taps or a square 2-D filter, got shape {list(f.shape)}")
    return f / f.sum()


def lowpass_filter(numtaps: int, cutoff: float, width: float, fs: float, radial: bool = False):
    """A Kaiser-windowed low-pass of `numtaps` taps: [numtaps] (separable), [numtaps, numtaps]
    (radial), or None for a single tap (no filter). `cutoff` and the full transition `width` are in
    the unit of the sampling rate `fs`."""
    if numtaps == 1:
        return None
    if not radial:
        # firwin is exactly this design: sinc, Kaiser window from kaiser_atten/kaiser_beta, DC gain 1.
        f = scipy.signal.firwin(numtaps=numtaps, cutoff=cutoff, width=width, fs=fs)
        return torch.as_tensor(f, dtype=torch.float32)
    position = (np.arange(numtaps) - (numtaps - 1) / 2) / fs
    r = np.hypot(*np.meshgrid(position, position))
    # Impulse response of the ideal disc low-pass of radius fc: fc J1(2 pi fc r) / r (pi fc^2 at r = 0).
    with np.errstate(divide='ignore', invalid='ignore'):
        f = np.where(r > 0, cutoff * scipy.special.j1(2 * np.pi * cutoff * r) / np.where(r > 0, r, 1),
                     np.pi * cutoff ** 2)
    beta = scipy.signal.kaiser_beta(scipy.signal.kaiser_atten(numtaps, width / (fs / 2)))
    window = np.kaiser(numtaps, beta)
    f = f * np.outer(window, window)
    return torch.as_tensor(f / f.sum(), dtype=torch.float32)
