"""Finds and builds a generator from whatever a user points at: a reference snapshot (.pkl, read
as data only), a charagen bundle (.json or .safetensors), or a training run's resume folder."""

from pathlib import Path

import torch

from .errors import CharagenError, UsageError


def load_generator(path: Path, device: torch.device) -> torch.nn.Module:
    """G_ema in eval mode on `device`, with its weights loaded strictly."""
    from . import nets
    path = Path(path)
    if not path.exists():
        raise CharagenError(f"{path}: no such file")
    if path.is_dir():
        from .train.resume import ResumePoint
        generator = ResumePoint.read(path).generator_ema()
    elif path.suffix == ".pkl":
        from .checkpoint.reference_pickle import read_snapshot
        generator = nets.generator_from_record(read_snapshot(path)["G_ema"])
    elif path.suffix in (".json", ".safetensors"):
        from .checkpoint.bundle import read_bundle
        card, tensors = read_bundle(path)
        generator = nets.generator_from_kwargs(card["architecture"], card["generator_kwargs"], str(path))
        nets.load_state_dict_strictly(generator, {k: torch.from_numpy(v) for k, v in tensors.items()}, str(path))
        if "output" in card:
            from .render.palette_bundle import attach_palette_output
            attach_palette_output(generator, card, path.with_suffix(".json"))
    else:
        raise UsageError(f"--model {path}: expected a .pkl snapshot, a .json/.safetensors bundle or a resume folder")
    return generator.eval().requires_grad_(False).to(device)


def device_for(name: str) -> torch.device:
    if name == "cpu":
        return torch.device("cpu")
    if name == "gpu":
        if not torch.cuda.is_available():
            raise CharagenError("--device gpu: no CUDA GPU is available to PyTorch here")
        return torch.device("cuda")
    raise UsageError(f"--device '{name}': expected cpu or gpu")
