"""Pieces of the trainer that need no network: augmentation, blur schedule, EMA."""

import torch

from charagen_train.train.augment import mirror, sheet_mirror
from charagen_train.train.blur import blur_sigma, gaussian_blur
from charagen_train.train.ema import update_ema

LAYOUT = {"rows": ["down", "left", "right", "up"], "columns": [{}, {}, {}, {}]}



def test_sheet_mirror_flips_cells_in_place_and_swaps_left_and_right_rows():
    sheet = torch.randn(1, 3, 32, 32)
    flipped = None
    for seed in range(20):  # find a draw that flips the single sheet
        out = sheet_mirror(sheet, LAYOUT, torch.Generator().manual_seed(seed))
        if not torch.equal(out, sheet):
            flipped = out
            break
    assert flipped is not None
    cell = lambda img, r, c: img[0, :, r * 8:(r + 1) * 8, c * 8:(c + 1) * 8]
    for col in range(4):
        assert torch.equal(cell(flipped, 0, col), cell(sheet, 0, col).flip(-1)), "down row mirrored in place"
        assert torch.equal(cell(flipped, 1, col), cell(sheet, 2, col).flip(-1)), "left row <- mirrored right row"
        assert torch.equal(cell(flipped, 2, col), cell(sheet, 1, col).flip(-1)), "right row <- mirrored left row"
        assert torch.equal(cell(flipped, 3, col), cell(sheet, 3, col).flip(-1)), "up row mirrored in place"


def test_mirror_flips_about_half():
    images = torch.arange(64 * 4, dtype=torch.float32).reshape(64, 1, 1, 4)
    out = mirror(images, torch.Generator().manual_seed(1))
    flipped = sum(torch.equal(out[i], images[i].flip(-1)) for i in range(64))
    assert 16 < flipped < 48


def test_blur_fades_out_and_keeps_flat_images_flat():
    assert blur_sigma(0, 10, 100) == 10
    assert blur_sigma(50_000, 10, 100) == 5
    assert blur_sigma(200_000, 10, 100) == 0
    flat = torch.full((2, 3, 16, 16), 0.25)
    assert torch.allclose(gaussian_blur(flat, 4.0), flat)
    dot = torch.zeros(1, 1, 15, 15)
    dot[0, 0, 7, 7] = 1
    blurred = gaussian_blur(dot, 1.0)
    assert abs(blurred.sum().item() - 1) < 1e-5 and blurred[0, 0, 7, 7] < 0.2
    assert torch.equal(gaussian_blur(dot, 0.1), dot)


def test_ema_half_life():
    g, g_ema = torch.nn.Linear(1, 1, bias=False), torch.nn.Linear(1, 1, bias=False)
    with torch.no_grad():
        g.weight.fill_(1.0)
        g_ema.weight.fill_(0.0)
    beta = update_ema(g_ema, g, batch=32, cur_nimg=10**6, ema_kimg=0.032)  # half-life = one batch
    assert abs(beta - 0.5) < 1e-9 and abs(g_ema.weight.item() - 0.5) < 1e-6
