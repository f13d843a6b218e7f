"""Writing a preset (`charagen-preset/1`, presets/README.md): its w values as `<name>.npy` and the
JSON beside them, both atomically. The w of a label preset is one w_dim vector, the same on every
row; the preset's layer group says which rows it touches."""

import io
import json
from pathlib import Path

import numpy as np

from ..safe_files import atomic_write_bytes

FORMAT = "charagen-preset/1"


def write_preset(folder: Path, name: str, kind: str, card: dict, layer_group: str, mode: str, strength: float,
                 w: np.ndarray, description: str, source: dict, overwrite: bool) -> Path:
    """Writes folder/name.npy ([num_ws, w_dim] float32, w on every row) and folder/name.json."""
    values = np.tile(np.asarray(w, np.float32)[None], (card["num_ws"], 1))
    buffer = io.BytesIO()
    np.save(buffer, values)
    atomic_write_bytes(folder / f"{name}.npy", buffer.getvalue(), overwrite)
    document = {"format": FORMAT, "name": name, "kind": kind,
                "model": {"name": card["name"], "sha256": card["weights"]["sha256"]},
                "layer_group": layer_group, "mode": mode, "strength": strength,
                "num_ws": card["num_ws"], "w_dim": card["w_dim"], "w": f"{name}.npy",
                "description": description, "source": source}
    path = folder / f"{name}.json"
    atomic_write_bytes(path, (json.dumps(document, indent=2) + "\n").encode("utf-8"), overwrite)
    return path
