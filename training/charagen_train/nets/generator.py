"""The generator G = g o f (mapping then synthesis), built from the reference Generator's
constructor kwargs, with the reference parameter and buffer names.

Noise: forward() and synthesis() default to noise_mode='const' (the stored noise images, what
inference and the parity fixtures use). The reference's own training default is 'random':
a trainer must pass noise_mode='random' to G and to G during regularisation.
"""
import copy
import json

from torch import nn

from . import stylegan2, stylegan3
from .mapping import MappingNetwork

ARCHITECTURES = ('stylegan2', 'stylegan3-t', 'stylegan3-r')

# The kwargs each reference constructor takes (the reference raises TypeError on any other).
GENERATOR_KWARGS = {'z_dim', 'c_dim', 'w_dim', 'img_resolution', 'img_channels', 'mapping_kwargs'}
STYLEGAN2_SYNTHESIS_KWARGS = {
    'channel_base', 'channel_max', 'num_fp16_res', 'architecture', 'resample_filter', 'conv_clamp',
    'fp16_channels_last', 'fused_modconv_default', 'kernel_size', 'use_noise', 'activation', 'channels_last'}
STYLEGAN3_SYNTHESIS_KWARGS = {
    'channel_base', 'channel_max', 'num_layers', 'num_critical', 'first_cutoff', 'first_stopband',
    'last_stopband_rel', 'margin_size', 'output_scale', 'num_fp16_res', 'conv_kernel', 'filter_size',
    'lrelu_upsampling', 'use_radial_filters', 'conv_clamp', 'magnitude_ema_beta'}
STYLEGAN2_MAPPING_KWARGS = {'num_layers', 'embed_features', 'layer_features', 'activation', 'lr_multiplier',
                            'w_avg_beta'}
STYLEGAN3_MAPPING_KWARGS = {'num_layers', 'lr_multiplier', 'w_avg_beta'}
# StyleGAN3's config R as the reference training script records it.
STYLEGAN3_R = {'conv_kernel': 1, 'use_radial_filters': True}


class Generator(nn.Module):
    """z [N, z_dim], c [N, c_dim] -> image [N, img_channels, img_resolution, img_resolution]."""

    def __init__(self, architecture, z_dim, c_dim, w_dim, img_resolution, img_channels, mapping_kwargs, synthesis_kwargs,
                 init_kwargs):
        super().__init__()
        self.architecture = architecture        # card name: 'stylegan2', 'stylegan3-t' or 'stylegan3-r'
        self.init_kwargs = init_kwargs          # the kwargs it was built with, as plain JSON data
        self.z_dim, self.c_dim, self.w_dim = z_dim, c_dim, w_dim
        self.img_resolution, self.img_channels = img_resolution, img_channels
        if architecture == 'stylegan2':
            self.synthesis = stylegan2.SynthesisNetwork(w_dim=w_dim, img_resolution=img_resolution,
                                                        img_channels=img_channels, **synthesis_kwargs)
            mapping_defaults = {'num_layers': 8}
        else:
            self.synthesis = stylegan3.SynthesisNetwork(w_dim=w_dim, img_resolution=img_resolution,
                                                        img_channels=img_channels, **synthesis_kwargs)
            mapping_defaults = {'num_layers': 2}
        self.num_ws = self.synthesis.num_ws
        self.mapping = MappingNetwork(z_dim=z_dim, c_dim=c_dim, w_dim=w_dim, num_ws=self.num_ws,
                                      **{**mapping_defaults, **mapping_kwargs})

    def forward(self, z, c, truncation_psi=1, truncation_cutoff=None, noise_mode='const', update_emas=False,
                force_fp32=False):
        ws = self.mapping(z, c, truncation_psi=truncation_psi, truncation_cutoff=truncation_cutoff,
                          update_emas=update_emas)                     # [N, num_ws, w_dim]
        return self.synthesis(ws, noise_mode=noise_mode, update_emas=update_emas, force_fp32=force_fp32)

    def extra_repr(self):
        return f"architecture={self.architecture!r}, z_dim={self.z_dim}, w_dim={self.w_dim}, num_ws={self.num_ws}"


def build_generator(architecture: str, kwargs: dict) -> Generator:
    """A freshly initialised generator from the reference Generator's kwargs (z_dim, c_dim, w_dim,
    img_resolution, img_channels, mapping_kwargs and the synthesis kwargs, flat as in StyleGAN3's
    code or nested under synthesis_kwargs as in StyleGAN2-ADA's). Missing kwargs take the reference
    defaults; unknown ones raise TypeError as the reference's constructors do. For 'stylegan3-r' the
    config R kwargs (conv_kernel 1, use_radial_filters True) are filled in when absent, as the
    reference training script records them."""
    if architecture not in ARCHITECTURES:
        raise ValueError(f"architecture must be one of {ARCHITECTURES}, got {architecture!r}")
    given = _plain_json(kwargs)
    if architecture == 'stylegan3-r':
        for key, value in STYLEGAN3_R.items():
            given.setdefault(key, value)
    k = copy.deepcopy(given)
    synthesis_kwargs = k.pop('synthesis_kwargs', None) or {}
    for key in ('z_dim', 'w_dim', 'img_resolution'):
        if key not in k:
            raise TypeError(f"generator kwargs lack '{key}'")
    mapping_kwargs = k.pop('mapping_kwargs', None) or {}
    top = {key: k.pop(key) for key in list(k) if key in GENERATOR_KWARGS}
    both = sorted(set(synthesis_kwargs) & set(k))
    if both:
        raise TypeError(f"kwargs {both} are given both flat and under synthesis_kwargs")
    synthesis_kwargs = {**synthesis_kwargs, **k}
    sg3 = architecture != 'stylegan2'
    _check_known(synthesis_kwargs, STYLEGAN3_SYNTHESIS_KWARGS if sg3 else STYLEGAN2_SYNTHESIS_KWARGS,
                 f"{architecture} synthesis")
    _check_known(mapping_kwargs, STYLEGAN3_MAPPING_KWARGS if sg3 else STYLEGAN2_MAPPING_KWARGS,
                 f"{architecture} mapping_kwargs")
    if sg3:
        radial = synthesis_kwargs.get('conv_kernel', 3) == 1 or synthesis_kwargs.get('use_radial_filters', False)
        if radial != (architecture == 'stylegan3-r'):
            raise ValueError(f"kwargs conv_kernel={synthesis_kwargs.get('conv_kernel', 3)}, use_radial_filters="
                             f"{synthesis_kwargs.get('use_radial_filters', False)} do not describe {architecture}")
    return Generator(architecture, z_dim=top['z_dim'], c_dim=top.get('c_dim', 0), w_dim=top['w_dim'],
                     img_resolution=top['img_resolution'], img_channels=top.get('img_channels', 3),
                     mapping_kwargs=mapping_kwargs, synthesis_kwargs=synthesis_kwargs, init_kwargs=given)


def _check_known(kwargs, known, what):
    unknown = sorted(set(kwargs) - known)
    if unknown:
        raise TypeError(f"unknown {what} kwargs {unknown}; known: {sorted(known)}")


def _plain_json(kwargs):
    """A deep copy as plain JSON data (tuples become lists); raises TypeError for anything else."""
    if not isinstance(kwargs, dict):
        raise TypeError(f"kwargs must be a dict, got {type(kwargs).__name__}")
    try:
        return json.loads(json.dumps(kwargs))
    except (TypeError, ValueError) as e:
        raise TypeError(f"kwargs must be plain JSON data: {e}") from e
