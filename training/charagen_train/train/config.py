"""Training configurations: the network sizes and hyper-parameters of a run, with named presets.

Hyper-parameter values are the published StyleGAN2/StyleGAN3 ones (Adam betas (0, 0.99),
learning rates 0.0025/0.002, lazy R1 every 16 D steps, G EMA half-life of 10 kimg per 32
images of batch, 2-layer mapping for StyleGAN3, R1 gamma from the ADA paper's heuristic
0.0002 * resolution^2 / batch). The presets choose small channel counts on purpose: the
sprite model runs on players' CPUs, and with the GPU time there is, fewer channels that train
to the end beat a larger model left unfinished.
"""

import dataclasses
import json
from typing import Any, Dict, Optional

from ..errors import UsageError
from .diffaugment import parse as parse_policies


@dataclasses.dataclass
class TrainingConfig:
    architecture: str = "stylegan3-t"   # stylegan3-t | stylegan3-r | stylegan2
    resolution: int = 256
    channel_base: int = 8192            # StyleGAN3's cbase (per-layer channels = min(cbase/2 / cutoff, cmax))
    channel_max: int = 256
    mapping_layers: int = 2
    z_dim: int = 512
    w_dim: int = 512
    batch: int = 32                     # images per step, over all processes
    g_lr: float = 0.0025
    d_lr: float = 0.002
    gamma: Optional[float] = None       # R1 weight; None: 0.0002 * resolution^2 / batch
    r1_interval: int = 16               # lazy regularisation: R1 every this many D steps
    ema_kimg: Optional[float] = None    # G EMA half-life; None: batch * 10 / 32
    ema_rampup: Optional[float] = 0.05  # EMA half-life at most this fraction of the images seen (None: off)
    blur_init_sigma: float = 10.0       # StyleGAN3's D blur: sigma at the start, in pixels
    blur_fade_kimg: Optional[float] = None  # fades to 0 over this many kimg; None: batch * 200 / 32
    style_mixing_prob: float = 0.0      # StyleGAN2 trains with 0.9; StyleGAN3 with 0
    d_channel_base: int = 8192
    d_channel_max: int = 256
    mbstd_group: int = 4
    augment: str = "none"               # none | mirror (faces) | sheet-mirror (walk sheets)
    diffaugment: str = ""               # DiffAugment policies for D's inputs, e.g. "color,translation,cutout"

    def resolved(self) -> "TrainingConfig":
        """A copy with the defaults that depend on the batch and resolution filled in."""
        c = dataclasses.replace(self)
        if c.gamma is None:
            c.gamma = 0.0002 * c.resolution ** 2 / c.batch
        if c.ema_kimg is None:
            c.ema_kimg = c.batch * 10 / 32
        if c.blur_fade_kimg is None:
            c.blur_fade_kimg = c.batch * 200 / 32
        return c

    def check(self) -> None:
        if self.architecture not in ("stylegan3-t", "stylegan3-r", "stylegan2"):
            raise UsageError(f"architecture '{self.architecture}': expected stylegan3-t, stylegan3-r or stylegan2")
        if self.resolution < 16 or self.resolution & (self.resolution - 1):
            raise UsageError(f"resolution {self.resolution}: expected a power of two, at least 16")
        if self.augment not in ("none", "mirror", "sheet-mirror"):
            raise UsageError(f"augment '{self.augment}': expected none, mirror or sheet-mirror")
        try:
            parse_policies(self.diffaugment)
        except ValueError as e:
            raise UsageError(str(e)) from None
        for name in ("channel_base", "channel_max", "mapping_layers", "z_dim", "w_dim", "batch", "r1_interval",
                     "d_channel_base", "d_channel_max", "mbstd_group"):
            if getattr(self, name) < 1:
                raise UsageError(f"{name} {getattr(self, name)}: expected at least 1")

    def generator_kwargs(self) -> Dict[str, Any]:
        """The reference Generator's constructor kwargs for this configuration."""
        kwargs: Dict[str, Any] = {
            "z_dim": self.z_dim, "c_dim": 0, "w_dim": self.w_dim, "img_resolution": self.resolution,
            "img_channels": 3, "mapping_kwargs": {"num_layers": self.mapping_layers},
            "channel_base": self.channel_base, "channel_max": self.channel_max,
        }
        if self.architecture == "stylegan2":
            kwargs.update(conv_clamp=256, num_fp16_res=0, architecture="skip")
        else:
            radial = self.architecture == "stylegan3-r"
            kwargs.update(conv_kernel=1 if radial else 3, use_radial_filters=radial, conv_clamp=256,
                          num_fp16_res=0, magnitude_ema_beta=0.5 ** (self.batch / (20 * 1e3)))
        return kwargs

    def discriminator_kwargs(self) -> Dict[str, Any]:
        return {"c_dim": 0, "img_resolution": self.resolution, "img_channels": 3, "architecture": "resnet",
                "channel_base": self.d_channel_base, "channel_max": self.d_channel_max, "conv_clamp": 256,
                "num_fp16_res": 0, "epilogue_kwargs": {"mbstd_group_size": self.mbstd_group}}

    def to_json(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, values: Dict[str, Any]) -> "TrainingConfig":
        check_fields(cls, values, "training config")
        return cls(**values)


def check_fields(config_class, values: Dict[str, Any], what: str) -> None:
    """Refuses a stored configuration with a field the dataclass does not have, naming it."""
    unknown = sorted(set(values) - {f.name for f in dataclasses.fields(config_class)})
    if unknown:
        raise UsageError(f"unknown {what} field '{unknown[0]}'")


# Named presets. `sprite`: 256x256 walk sheets (4 directions x 4 frames of 64x64 cells), kept
# small for players' CPUs. `portrait`: 256x256 faces (shown at 144x144 in RPG Maker). `tiny`:
# a few-second configuration for tests and round trips.
PRESETS: Dict[str, TrainingConfig] = {
    "sprite": TrainingConfig(architecture="stylegan3-t", resolution=256, channel_base=8192, channel_max=128,
                             z_dim=256, w_dim=256, batch=32, augment="sheet-mirror",
                             d_channel_base=8192, d_channel_max=256),
    "portrait": TrainingConfig(architecture="stylegan3-t", resolution=256, channel_base=16384, channel_max=256,
                               z_dim=512, w_dim=512, batch=32, augment="mirror",
                               d_channel_base=16384, d_channel_max=256),
    "tiny": TrainingConfig(architecture="stylegan3-t", resolution=32, channel_base=512, channel_max=32,
                           z_dim=32, w_dim=32, batch=4, ema_kimg=0.01, blur_fade_kimg=0.1,
                           d_channel_base=512, d_channel_max=32, mbstd_group=2),
}


def preset(name: str) -> TrainingConfig:
    if name not in PRESETS:
        raise UsageError(f"--config '{name}': expected one of {', '.join(PRESETS)}")
    return dataclasses.replace(PRESETS[name])


def dumps(config: TrainingConfig) -> str:
    return json.dumps(config.to_json(), indent=2)
