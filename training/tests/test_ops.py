"""FIR resampling against its definition, and the filter designs."""
import numpy as np
import pytest
import torch

from charagen_train.nets.filters import lowpass_filter, resample_filter
from charagen_train.nets.ops import bias_act, upfirdn2d


def upfirdn_by_definition(x, f, up, down, padding, gain):
    """Insert up - 1 zeros after each sample, pad (negative crops), convolve, keep every down-th."""
    n, c, h, w = x.shape
    z = np.zeros((n, c, h * up, w * up))
    z[:, :, ::up, ::up] = x
    x0, x1, y0, y1 = padding
    z = np.pad(z, ((0, 0), (0, 0), (max(y0, 0), max(y1, 0)), (max(x0, 0), max(x1, 0))))
    z = z[:, :, max(-y0, 0):z.shape[2] - max(-y1, 0), max(-x0, 0):z.shape[3] - max(-x1, 0)]
    f2 = (np.outer(f, f) if f.ndim == 1 else f) * gain
    k = f2.shape[0]
    out = np.zeros((n, c, z.shape[2] - k + 1, z.shape[3] - k + 1))
    for i in range(k):                     # a true convolution: the filter flipped
        for j in range(k):
            out += f2[k - 1 - i, k - 1 - j] * z[:, :, i:i + out.shape[2], j:j + out.shape[3]]
    return out[:, :, ::down, ::down]


@pytest.mark.parametrize('taps', [(4,), (5,), (4, 4), (3, 3), (12,)])
def test_upfirdn2d_is_its_definition(taps):
    rng = np.random.RandomState(0)
    x, f = rng.randn(2, 3, 9, 7), rng.randn(*taps)
    for up, down in [(1, 1), (2, 1), (1, 2), (2, 2), (4, 1), (3, 2)]:
        for padding in [(0, 0, 0, 0), (2, 1, 2, 1), (1, -1, 3, 0), (5, 6, 4, 7)]:
            if min(9 * up + padding[2] + padding[3], 7 * up + padding[0] + padding[1]) < taps[0]:
                continue
            ours = upfirdn2d(torch.from_numpy(x), torch.from_numpy(f), up, down, padding, gain=2.5).numpy()
            expected = upfirdn_by_definition(x, f, up, down, padding, 2.5)
            assert ours.shape == expected.shape, (taps, up, down, padding)
            err = np.abs(ours - expected).max()
            assert err < 1e-9, f"filter {taps}, up {up}, down {down}, padding {padding}: error {err:.3g}"


def test_identity_filter_pads_and_subsamples():
    x = torch.randn(1, 2, 5, 5)
    assert torch.equal(upfirdn2d(x, None, padding=(1, -1, 0, 2))[:, :, :5, 1:5], x[:, :, :, :4])


def test_filter_designs():
    np.testing.assert_allclose(resample_filter([1, 3, 3, 1]).numpy(), np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64)
    f = lowpass_filter(12, cutoff=4, width=6, fs=32)
    assert f.shape == (12,) and abs(float(f.sum()) - 1) < 1e-6 and torch.allclose(f, f.flip(0))
    r = lowpass_filter(12, cutoff=4, width=6, fs=32, radial=True)
    assert r.shape == (12, 12) and abs(float(r.sum()) - 1) < 1e-6 and torch.allclose(r, r.t())
    assert lowpass_filter(1, cutoff=4, width=6, fs=32) is None


def test_bias_act_order_is_bias_activation_gain_clamp():
    x = torch.tensor([[-10.0, 1.0, 300.0]]).reshape(1, 3, 1, 1)
    y = bias_act(x, torch.tensor([1.0, 0.0, 0.0]), act='lrelu', clamp=256).flatten()
    expected = [-9 * 0.2 * 2 ** 0.5, 2 ** 0.5, 256]
    assert torch.allclose(y, torch.tensor(expected)), y
