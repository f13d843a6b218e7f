"""Resume points: everything a run needs to continue (G, D, G_ema, the Adam moments, the image
count, the configuration and the data set's description), as plain data: a `state.json` and
safetensors parts, each under a size limit so that they fit the GPU machine's 16 MiB transfer
limit. Nothing in a resume point is pickled, so reading one can never run code.

With dtype float16 the weights are halved (the Adam second moment is stored as its square
root, which fp16 holds without underflowing); buffers always stay float32."""

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Dict, Optional

import numpy as np
import torch

from ..checkpoint import safetensors
from ..errors import CharagenError
from ..safe_files import default_file_mode

FORMAT = "charagen-resume/1"
STATE = "state.json"
DEFAULT_PART_BYTES = 15 << 20


class ResumePoint:
    def __init__(self, state: dict, tensors: Dict[str, np.ndarray], source: str = "resume point"):
        self.state = state
        self.tensors = tensors
        self.source = source

    # ---- writing -------------------------------------------------------------------------
    @classmethod
    def capture(cls, state: dict, G, D, G_ema, opt_G, opt_D, dtype: str = "float32") -> "ResumePoint":
        return cls.capture_modules(state, {"G": G, "D": D, "G_ema": G_ema}, {"opt_G": opt_G, "opt_D": opt_D}, dtype)

    @classmethod
    def capture_modules(cls, state: dict, modules: Dict[str, torch.nn.Module],
                        optimizers: Dict[str, torch.optim.Optimizer], dtype: str = "float32") -> "ResumePoint":
        """Named modules (state dicts) and Adam optimisers (moments of every parameter of every group)."""
        if dtype not in ("float32", "float16"):
            raise CharagenError(f"resume dtype '{dtype}': expected float32 or float16")
        half = dtype == "float16"
        tensors = {}
        for prefix, module in modules.items():
            params = {name for name, _ in module.named_parameters()}
            for name, value in module.state_dict().items():
                array = value.detach().cpu().float().numpy()
                tensors[f"{prefix}/{name}"] = array.astype(np.float16) if half and name in params else array
        for prefix, optimizer in optimizers.items():
            for index, param in enumerate(_parameters(optimizer)):
                moments = optimizer.state.get(param, {})
                if "exp_avg" not in moments:
                    continue
                avg = moments["exp_avg"].detach().cpu().float().numpy()
                root = moments["exp_avg_sq"].detach().cpu().float().sqrt().numpy()
                tensors[f"{prefix}/{index}/exp_avg"] = avg.astype(np.float16) if half else avg
                tensors[f"{prefix}/{index}/exp_avg_sq_root"] = root.astype(np.float16) if half else root
        state = dict(state, format=FORMAT, dtype=dtype,
                     optimizer_steps={p: _adam_step(o) for p, o in optimizers.items()})
        return cls(state, tensors)

    def write(self, folder: Path, part_bytes: int = DEFAULT_PART_BYTES) -> None:
        """Writes into a fresh folder beside `folder`, then swaps it in: the previous point is
        replaced only once the new one is complete."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="." + folder.name + ".", dir=folder.parent))
        os.chmod(staging, default_file_mode() | 0o111)  # mkdtemp makes 0700; the user's umask decides
        try:
            parts = []
            for index, names in enumerate(_split(self.tensors, part_bytes)):
                file = f"part-{index:03d}.safetensors"
                data = safetensors.write(staging / file, {n: self.tensors[n] for n in names})
                parts.append({"file": file, "sha256": hashlib.sha256(data).hexdigest()})
            state = dict(self.state, parts=parts)
            (staging / STATE).write_text(json.dumps(state, indent=2) + "\n", encoding="utf-8")
            old = folder.with_name("." + folder.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            if folder.exists():
                os.replace(folder, old)
            os.replace(staging, folder)
            if old.exists():
                shutil.rmtree(old)
        finally:
            if staging.exists():
                shutil.rmtree(staging)

    # ---- reading -------------------------------------------------------------------------
    @classmethod
    def read(cls, folder: Path) -> "ResumePoint":
        folder = Path(folder)
        state_file = folder / STATE
        try:
            state = json.loads(state_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise CharagenError(f"{folder}: not a resume point (no {STATE})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise CharagenError(f"{state_file}: not JSON: {e}") from None
        if not isinstance(state, dict) or state.get("format") != FORMAT:
            raise CharagenError(f"{state_file}: field 'format' is not '{FORMAT}'")
        required = ("generator", "config", "cur_nimg", "parts", "dtype") + (
            ("discriminator",) if state.get("method", "gan") == "gan" else ())
        for field in required:
            if field not in state:
                raise CharagenError(f"{state_file}: missing field '{field}'")
        tensors = {}
        for part in state["parts"]:
            file = part.get("file", "") if isinstance(part, dict) else ""
            if not file.startswith("part-") or "/" in file or "\\" in file or ".." in file:
                raise CharagenError(f"{state_file}: part {file!r} is not a plain part file name")
            data = (folder / file).read_bytes() if (folder / file).is_file() else None
            if data is None:
                raise CharagenError(f"{folder / file}: missing part of the resume point")
            if hashlib.sha256(data).hexdigest() != part.get("sha256"):
                raise CharagenError(f"{folder / file}: sha256 differs from {state_file} (changed or damaged)")
            tensors.update(safetensors.decode(data, str(folder / file)))
        return cls(state, tensors, str(folder))

    def module_state(self, prefix: str) -> Dict[str, torch.Tensor]:
        start = prefix + "/"
        return {k[len(start):]: torch.from_numpy(v.astype(np.float32)) for k, v in self.tensors.items()
                if k.startswith(start)}

    def generator_ema(self) -> torch.nn.Module:
        from ..nets import generator_from_kwargs, load_state_dict_strictly
        spec = self.state["generator"]
        G = generator_from_kwargs(spec["architecture"], spec["kwargs"], self.source)
        load_state_dict_strictly(G, self.module_state("G_ema"), self.source)
        return G

    def restore(self, G, D, G_ema, opt_G, opt_D) -> None:
        self.restore_modules({"G": G, "D": D, "G_ema": G_ema}, {"opt_G": opt_G, "opt_D": opt_D})

    def restore_modules(self, modules: Dict[str, torch.nn.Module],
                        optimizers: Dict[str, torch.optim.Optimizer]) -> None:
        from ..nets import load_state_dict_strictly
        for prefix, module in modules.items():
            load_state_dict_strictly(module, self.module_state(prefix), f"{self.source} ({prefix})")
        tensor_steps = _tensor_steps()
        for prefix, optimizer in optimizers.items():
            steps = self.state.get("optimizer_steps", {}).get(prefix)
            for index, param in enumerate(_parameters(optimizer)):
                avg = self.tensors.get(f"{prefix}/{index}/exp_avg")
                root = self.tensors.get(f"{prefix}/{index}/exp_avg_sq_root")
                if avg is None or root is None or steps is None:
                    continue
                if avg.shape != tuple(param.shape):
                    raise CharagenError(f"{self.source}: {prefix} moment {index} has shape {avg.shape}, "
                                        f"the parameter {tuple(param.shape)}")
                optimizer.state[param] = {
                    "step": torch.tensor(float(steps)) if tensor_steps else steps,
                    "exp_avg": torch.from_numpy(avg.astype(np.float32)).to(param.device),
                    "exp_avg_sq": torch.from_numpy(root.astype(np.float32)).square().to(param.device),
                }


def _parameters(optimizer):
    """Every parameter the optimiser holds, group after group (the order the moments are stored in)."""
    return [p for group in optimizer.param_groups for p in group["params"]]


def _adam_step(optimizer) -> Optional[int]:
    for moments in optimizer.state.values():
        step = moments.get("step")
        if step is not None:
            return int(step.item() if torch.is_tensor(step) else step)
    return None


def _tensor_steps() -> bool:
    """Adam keeps its step count as a tensor since torch 1.12."""
    probe = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.Adam([probe])
    probe.grad = torch.zeros(1)
    optimizer.step()
    return torch.is_tensor(optimizer.state[probe]["step"])


def _split(tensors: Dict[str, np.ndarray], part_bytes: int):
    """Names grouped into parts of at most part_bytes (a single larger tensor gets a part of its own)."""
    part, size = [], 0
    for name in sorted(tensors):
        nbytes = tensors[name].nbytes + 256
        if part and size + nbytes > part_bytes:
            yield part
            part, size = [], 0
        part.append(name)
        size += nbytes
    if part:
        yield part
