"""Networks written from the StyleGAN2 and StyleGAN3 papers, with the reference parameter and
buffer names so that reference snapshots load into them and their weights load into the Java
runtime.

    build_generator(architecture, kwargs) -> Generator      # 'stylegan2', 'stylegan3-t', 'stylegan3-r'
    build_discriminator(kwargs) -> Discriminator
    generator_from_record(record) / discriminator_from_record(record)   # from checkpoint.reference_pickle
"""
from .discriminator import Discriminator, build_discriminator
from .generator import ARCHITECTURES, Generator, build_generator
from .loading import discriminator_from_record, generator_from_kwargs, generator_from_record, load_state_dict_strictly
from .mapping import MappingNetwork, truncate

__all__ = ['ARCHITECTURES', 'Discriminator', 'Generator', 'MappingNetwork', 'build_discriminator',
           'build_generator', 'discriminator_from_record', 'generator_from_kwargs', 'generator_from_record', 'load_state_dict_strictly',
           'truncate']
