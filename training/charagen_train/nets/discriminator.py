"""The StyleGAN2 discriminator (Karras et al. 2020, Figure 7c: the residual "resnet" D; also 'orig'
and 'skip'), with the reference names: blocks b{res} from the image resolution down to 8
(fromrgb, conv0, conv1 with 2x FIR downsampling, skip), and the 4x4 epilogue b4 (minibatch
standard deviation, conv, fc, out, and a projection onto the class embedding when conditional).

Mixed precision: num_fp16_res is recorded and honoured under torch.autocast: blocks below the
fp16 resolutions and the epilogue run with autocast disabled (float32), the others may run their
convolutions in float16 (activations clamped to conv_clamp). Without autocast all is float32.
"""
import numpy as np
import torch
from torch import nn

from .filters import resample_filter as make_resample_filter
from .layers import Conv2dLayer, FullyConnectedLayer
from .mapping import MappingNetwork
from .ops import downsample2d, float32_region


class DiscriminatorBlock(nn.Module):
    """One resolution: from-RGB (first block, or every block for 'skip'), a 3x3 convolution, a 3x3
    convolution with 2x downsampling, and for 'resnet' a 1x1 downsampling skip connection, the
    two branches summed with gain sqrt(1/2) each."""

    def __init__(self,
                 in_channels,                 # 0 for the first block (it reads the image)
                 tmp_channels,
                 out_channels,
                 resolution,                  # input resolution of the block
                 img_channels,
                 first_layer_idx,             # index of its first layer, for freeze_layers
                 architecture='resnet',       # 'orig', 'skip' or 'resnet'
                 activation='lrelu',
                 resample_filter=(1, 3, 3, 1),
                 conv_clamp=None,
                 use_fp16=False,
                 fp16_channels_last=False,    # accepted for compatibility
                 freeze_layers=0):            # layers with index below this are not trained
        super().__init__()
        if architecture not in ('orig', 'skip', 'resnet'):
            raise ValueError(f"discriminator architecture must be 'orig', 'skip' or 'resnet', got {architecture!r}")
        self.in_channels, self.resolution, self.img_channels = in_channels, resolution, img_channels
        self.architecture, self.use_fp16 = architecture, use_fp16
        self.register_buffer('resample_filter', make_resample_filter(resample_filter))
        self.num_layers = 0

        def trainable():
            idx = first_layer_idx + self.num_layers
            self.num_layers += 1
            return idx >= freeze_layers

        if in_channels == 0 or architecture == 'skip':
            self.fromrgb = Conv2dLayer(img_channels, tmp_channels, kernel_size=1, activation=activation,
                                       conv_clamp=conv_clamp, trainable=trainable())
        self.conv0 = Conv2dLayer(tmp_channels, tmp_channels, kernel_size=3, activation=activation,
                                 conv_clamp=conv_clamp, trainable=trainable())
        self.conv1 = Conv2dLayer(tmp_channels, out_channels, kernel_size=3, activation=activation, down=2,
                                 resample_filter=resample_filter, conv_clamp=conv_clamp, trainable=trainable())
        if architecture == 'resnet':
            self.skip = Conv2dLayer(tmp_channels, out_channels, kernel_size=1, bias=False, down=2,
                                    resample_filter=resample_filter, trainable=trainable())

    def forward(self, x, img, force_fp32=False):
        """x [N, I, R, R] (None in the first block), img [N, C, R, R] -> x [N, O, R/2, R/2], img or None."""
        with float32_region(img.device.type if x is None else x.device.type, enabled=force_fp32 or not self.use_fp16):
            if self.in_channels == 0 or self.architecture == 'skip':
                y = self.fromrgb(img)
                x = y if x is None else x + y
                img = downsample2d(img, self.resample_filter) if self.architecture == 'skip' else None
            if self.architecture == 'resnet':
                y = self.skip(x, gain=np.sqrt(0.5))
                x = self.conv0(x)
                x = self.conv1(x, gain=np.sqrt(0.5))
                x = y + x
            else:
                x = self.conv1(self.conv0(x))
        return x, img


class MinibatchStdLayer(nn.Module):
    """Minibatch standard deviation (Karras et al. 2018, Section 3): samples are split into groups
    of group_size (sample i in group column i mod N/G); the standard deviation over each group,
    averaged over channels (in num_channels parts) and pixels, is appended as extra feature maps."""

    def __init__(self, group_size, num_channels=1):
        super().__init__()
        self.group_size, self.num_channels = group_size, num_channels

    def forward(self, x):
        """x [N, C, H, W] -> [N, C + num_channels, H, W]."""
        n, c, h, w = x.shape
        g = min(self.group_size, n) if self.group_size is not None else n
        if n % g:
            raise ValueError(f"minibatch std: batch size {n} is not a multiple of the group size {g}")
        f = self.num_channels
        y = x.float().reshape(g, -1, f, c // f, h, w)       # [G, N/G, F, C/F, H, W]
        y = y - y.mean(dim=0)
        y = (y.square().mean(dim=0) + 1e-8).sqrt()          # [N/G, F, C/F, H, W]
        y = y.mean(dim=[2, 3, 4])                            # [N/G, F]
        y = y.reshape(-1, f, 1, 1).repeat(g, 1, h, w)        # [N, F, H, W]
        return torch.cat([x, y.to(x.dtype)], dim=1)

    def extra_repr(self):
        return f"group_size={self.group_size}, num_channels={self.num_channels}"


class DiscriminatorEpilogue(nn.Module):
    """The 4x4 end: minibatch std, 3x3 conv, dense layer, output layer; when conditional the output
    is projected onto the class embedding cmap (Miyato & Koyama 2018)."""

    def __init__(self, in_channels, cmap_dim, resolution, img_channels, architecture='resnet',
                 mbstd_group_size=4, mbstd_num_channels=1, activation='lrelu', conv_clamp=None):
        super().__init__()
        self.in_channels, self.cmap_dim, self.resolution = in_channels, cmap_dim, resolution
        self.architecture = architecture
        if architecture == 'skip':
            self.fromrgb = Conv2dLayer(img_channels, in_channels, kernel_size=1, activation=activation)
        self.mbstd = MinibatchStdLayer(mbstd_group_size, mbstd_num_channels) if mbstd_num_channels > 0 else None
        self.conv = Conv2dLayer(in_channels + mbstd_num_channels, in_channels, kernel_size=3, activation=activation,
                                conv_clamp=conv_clamp)
        self.fc = FullyConnectedLayer(in_channels * resolution ** 2, in_channels, activation=activation)
        self.out = FullyConnectedLayer(in_channels, 1 if cmap_dim == 0 else cmap_dim)

    def forward(self, x, img, cmap):
        """x [N, C, 4, 4] -> logits [N, 1]."""
        x = x.float()
        if self.architecture == 'skip':
            x = x + self.fromrgb(img.float())
        if self.mbstd is not None:
            x = self.mbstd(x)
        x = self.conv(x)
        x = self.fc(x.flatten(1))
        x = self.out(x)                                      # [N, 1] or [N, cmap_dim]
        if self.cmap_dim > 0:
            x = (x * cmap).sum(dim=1, keepdim=True) * (1 / np.sqrt(self.cmap_dim))
        return x


class Discriminator(nn.Module):
    def __init__(self,
                 c_dim,                       # class label size, 0 for none
                 img_resolution,
                 img_channels,
                 architecture='resnet',
                 channel_base=32768,          # channels = min(channel_base / res, channel_max)
                 channel_max=512,
                 num_fp16_res=4,
                 conv_clamp=None,
                 cmap_dim=None,               # class embedding size; None: the 4x4 channels
                 block_kwargs=None,           # activation, resample_filter, freeze_layers, ...
                 mapping_kwargs=None,
                 epilogue_kwargs=None):       # mbstd_group_size, mbstd_num_channels, activation
        super().__init__()
        log2 = int(np.log2(img_resolution)) if img_resolution >= 4 else 0
        if img_resolution < 4 or 2 ** log2 != img_resolution:
            raise ValueError(f"img_resolution {img_resolution} is not a power of two of at least 4")
        self.c_dim, self.img_resolution, self.img_channels = c_dim, img_resolution, img_channels
        self.block_resolutions = [2 ** i for i in range(log2, 2, -1)]
        channels = {res: min(channel_base // res, channel_max) for res in self.block_resolutions + [4]}
        fp16_resolution = max(2 ** (log2 + 1 - num_fp16_res), 8)
        if cmap_dim is None:
            cmap_dim = channels[4]
        if c_dim == 0:
            cmap_dim = 0
        common = dict(img_channels=img_channels, architecture=architecture, conv_clamp=conv_clamp)
        layer_idx = 0
        for res in self.block_resolutions:
            block = DiscriminatorBlock(channels[res] if res < img_resolution else 0, channels[res], channels[res // 2],
                                       resolution=res, first_layer_idx=layer_idx, use_fp16=res >= fp16_resolution,
                                       **(block_kwargs or {}), **common)
            setattr(self, f'b{res}', block)
            layer_idx += block.num_layers
        if c_dim > 0:
            self.mapping = MappingNetwork(z_dim=0, c_dim=c_dim, w_dim=cmap_dim, num_ws=None, w_avg_beta=None,
                                          **(mapping_kwargs or {}))
        self.b4 = DiscriminatorEpilogue(channels[4], cmap_dim=cmap_dim, resolution=4, **(epilogue_kwargs or {}),
                                        **common)

    def forward(self, img, c, update_emas=False, force_fp32=False):
        """img [N, img_channels, R, R], c [N, c_dim] -> logits [N, 1]. update_emas is accepted for
        symmetry with the generator (the discriminator has no EMAs)."""
        x = None
        for res in self.block_resolutions:
            x, img = getattr(self, f'b{res}')(x, img, force_fp32=force_fp32)
        cmap = self.mapping(None, c) if self.c_dim > 0 else None
        with float32_region(x.device.type):
            return self.b4(x, img, cmap)


def build_discriminator(kwargs: dict) -> Discriminator:
    """A freshly initialised discriminator from the reference Discriminator's kwargs; missing ones
    take the reference defaults, unknown ones raise TypeError as the reference does. The kwargs are
    kept, as plain JSON data, in `.init_kwargs`."""
    from .generator import _plain_json
    given = _plain_json(kwargs)
    for key in ('c_dim', 'img_resolution', 'img_channels'):
        if key not in given:
            raise TypeError(f"discriminator kwargs lack '{key}'")
    d = Discriminator(**given)
    d.init_kwargs = given
    return d
