"""Networks from reference snapshot records: built from their kwargs, loaded strictly (the same
names and shapes, nothing missing, nothing left over)."""
import torch

from ..checkpoint.errors import CheckpointError
from ..checkpoint.reference_pickle import NetworkRecord, architecture_of


def load_state_dict_strictly(module: torch.nn.Module, state_dict: dict, source: str) -> None:
    """Copies state_dict into module; CheckpointError naming the tensors when names or shapes differ."""
    own = module.state_dict()
    missing = sorted(set(own) - set(state_dict))
    unexpected = sorted(set(state_dict) - set(own))
    wrong = sorted(f"'{k}' {list(state_dict[k].shape)} (expected {list(own[k].shape)})"
                   for k in set(own) & set(state_dict) if tuple(own[k].shape) != tuple(state_dict[k].shape))
    problems = []
    if missing:
        problems.append(f"missing tensors {_few(missing)}")
    if unexpected:
        problems.append(f"unexpected tensors {_few(unexpected)}")
    if wrong:
        problems.append(f"tensors of the wrong shape {_few(wrong)}")
    if problems:
        raise CheckpointError(source, "its kwargs and tensors disagree: " + "; ".join(problems))
    module.load_state_dict({k: v.float() if v.is_floating_point() else v for k, v in state_dict.items()})


def _few(items, limit=8):
    shown = ', '.join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else '')


def generator_from_kwargs(architecture: str, kwargs: dict, source: str):
    """build_generator, with kwargs it cannot use reported as a CheckpointError naming `source`."""
    from .generator import build_generator
    try:
        return build_generator(architecture, kwargs)
    except (TypeError, ValueError) as e:
        raise CheckpointError(source, f"cannot build a {architecture} generator from its kwargs: {e}") from e


def generator_from_record(record: NetworkRecord):
    """The generator of a snapshot record (G_ema or G), with its weights, in eval mode."""
    g = generator_from_kwargs(architecture_of(record), record.init_kwargs, record.source)
    load_state_dict_strictly(g, record.state_dict, record.source)
    return g.eval().requires_grad_(False)


def discriminator_from_record(record: NetworkRecord):
    """The discriminator of a snapshot record (D), with its weights, in eval mode."""
    from .discriminator import build_discriminator
    if 'b4.out.weight' not in record.state_dict:
        raise CheckpointError(record.source, f"'{record.class_name}' is not a StyleGAN2 discriminator "
                                             "(it has no b4.out.weight)")
    try:
        d = build_discriminator(record.init_kwargs)
    except (TypeError, ValueError) as e:
        raise CheckpointError(record.source, f"cannot build a discriminator from its kwargs: {e}") from e
    load_state_dict_strictly(d, record.state_dict, record.source)
    return d.eval().requires_grad_(False)
