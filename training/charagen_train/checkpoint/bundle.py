"""charagen model bundles: `<name>.safetensors` (float32 weights under reference names) beside
`<name>.json` (the model card). The Java runtime reads the same files (ModelCardJson.java);
the field names, their order and the checks here follow it."""

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

import numpy as np

from . import safetensors
from ..errors import CharagenError
from ..safe_files import atomic_write_bytes, check_writable

FORMAT = "charagen-model/1"
KINDS = ("sprite", "portrait")
ARCHITECTURES = ("stylegan2", "stylegan3-t", "stylegan3-r")
FIELDS = ("format", "name", "kind", "architecture", "resolution", "z_dim", "w_dim", "num_ws", "img_channels",
          "generator_kwargs", "layer_groups", "layout", "training", "licence", "attribution", "weights", "output")
REQUIRED = ("format", "name", "kind", "architecture", "resolution", "z_dim", "w_dim", "num_ws", "img_channels",
            "generator_kwargs", "weights")


def model_card(name: str, kind: str, generator, layer_groups: Optional[Mapping[str, list]] = None,
               layout: Optional[dict] = None, training: Optional[dict] = None, licence: Optional[str] = None,
               attribution: Optional[str] = None) -> Dict[str, Any]:
    """The card of a generator built by nets.build_generator (weights are filled in on write)."""
    if kind not in KINDS:
        raise CharagenError(f"kind '{kind}': expected one of {', '.join(KINDS)}")
    card = {
        "format": FORMAT, "name": name, "kind": kind, "architecture": generator.architecture,
        "resolution": generator.img_resolution, "z_dim": generator.z_dim, "w_dim": generator.w_dim,
        "num_ws": generator.num_ws, "img_channels": generator.img_channels,
        "generator_kwargs": json.loads(json.dumps(generator.init_kwargs)),
    }
    optional = {"layer_groups": dict(layer_groups) if layer_groups else None, "layout": layout,
                "training": training, "licence": licence, "attribution": attribution}
    card.update({k: v for k, v in optional.items() if v is not None})
    _check_layer_groups(card, "model card '" + name + "'")
    return card


def write_bundle(card_path: Path, card: Dict[str, Any], state_dict: Mapping[str, Any], overwrite: bool = False) -> Path:
    """Writes <card_path stem>.safetensors and the card (atomically, weights first); returns the card path."""
    tensors = {name: _float32(value) for name, value in state_dict.items()}
    fields = {k: card[k] for k in FIELDS if k in card and k != "weights"}
    return write_card_with_weights(card_path, fields, tensors, "a model card", overwrite)


def write_card_with_weights(card_path: Path, card: Dict[str, Any], tensors: Mapping[str, np.ndarray], what: str,
                            overwrite: bool = False) -> Path:
    """Writes `tensors` as <card_path stem>.safetensors, then the card with a 'weights' field naming that
    file and its sha256 (both atomically, neither over an existing file unless `overwrite`); `what`
    names the card in errors ("a model card")."""
    card_path = Path(card_path)
    if card_path.suffix != ".json":
        raise CharagenError(f"{card_path}: {what}'s file name must end in .json")
    weights_path = card_path.with_suffix(".safetensors")
    check_writable(card_path, overwrite)
    check_writable(weights_path, overwrite)
    data = safetensors.write(weights_path, tensors, overwrite=overwrite)
    full = {**card, "weights": {"file": weights_path.name, "sha256": hashlib.sha256(data).hexdigest()}}
    atomic_write_bytes(card_path, (json.dumps(full, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), overwrite)
    return card_path


def read_bundle(path: Path) -> Tuple[Dict[str, Any], Dict[str, np.ndarray]]:
    """(card, state dict) of a bundle named by its .json card or its .safetensors weights."""
    path = Path(path)
    card_path = path.with_suffix(".json") if path.suffix == ".safetensors" else path
    source = str(card_path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"),
                          parse_constant=lambda c: _raise(CharagenError(f"{source}: {c} is not a number JSON allows")))
    except FileNotFoundError:
        raise CharagenError(f"{source}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise CharagenError(f"{source}: not a JSON model card: {e}") from None
    _check_card(card, source)
    weights = card_path.parent / card["weights"]["file"]
    data = read_referenced_file(card_path.parent, card["weights"], "the weights", source)
    tensors = safetensors.decode(data, str(weights))
    for name, array in tensors.items():
        if array.dtype != np.float32:
            raise CharagenError(f"{weights}: tensor '{name}' is {array.dtype}, a bundle holds float32")
    return card, tensors


def _check_card(card: Any, source: str) -> None:
    if not isinstance(card, dict):
        raise CharagenError(f"{source}: a model card is a JSON object")
    unknown = sorted(set(card) - set(FIELDS))
    if unknown:
        raise CharagenError(f"{source}: unknown field '{unknown[0]}' (allowed: {', '.join(sorted(FIELDS))})")
    for field in REQUIRED:
        if field not in card:
            raise CharagenError(f"{source}: missing required field '{field}'")
    if card["format"] != FORMAT:
        raise CharagenError(f"{source}: field 'format' is {card['format']!r}, expected '{FORMAT}'")
    if card["kind"] not in KINDS:
        raise CharagenError(f"{source}: field 'kind' is {card['kind']!r}, expected 'sprite' or 'portrait'")
    if card["architecture"] not in ARCHITECTURES:
        raise CharagenError(f"{source}: field 'architecture' is {card['architecture']!r}, "
                            f"expected one of {', '.join(ARCHITECTURES)}")
    for field in ("resolution", "z_dim", "w_dim", "num_ws", "img_channels"):
        if type(card[field]) is not int or card[field] < 1:
            raise CharagenError(f"{source}: field '{field}' must be a positive integer, got {card[field]!r}")
    kwargs = card["generator_kwargs"]
    if not isinstance(kwargs, dict):
        raise CharagenError(f"{source}: field 'generator_kwargs' must be an object")
    for field, kwarg in (("resolution", "img_resolution"), ("z_dim", "z_dim"), ("w_dim", "w_dim"),
                         ("img_channels", "img_channels")):
        if kwarg in kwargs and kwargs[kwarg] != card[field]:
            raise CharagenError(f"{source}: field '{field}' is {card[field]} but generator_kwargs.{kwarg} "
                                f"is {kwargs[kwarg]}")
    _check_layer_groups(card, source)
    weights = card["weights"]
    if not isinstance(weights, dict) or set(weights) != {"file", "sha256"}:
        raise CharagenError(f"{source}: field 'weights' must hold exactly 'file' and 'sha256'")
    check_file_reference(weights, "weights", source)
    if "output" in card:
        from ..render.palette_bundle import check_output_field
        check_output_field(card, source)


def check_file_reference(entry: Dict[str, Any], field: str, source: str) -> None:
    """A card's reference to a file beside it ({'file', 'sha256', ...}): a plain .safetensors name in
    the card's folder, never a path, and 64 lowercase hex digits."""
    file = entry["file"]
    if (not isinstance(file, str) or not file.endswith(".safetensors") or "/" in file or "\\" in file
            or ".." in file or any(ord(ch) < 0x20 or ch == ":" for ch in file)):
        raise CharagenError(f"{source}: field '{field}.file' is {file!r}; it must be a plain .safetensors "
                            "file name in the card's folder")
    sha = entry["sha256"]
    if not (isinstance(sha, str) and len(sha) == 64 and all(ch in "0123456789abcdef" for ch in sha)):
        raise CharagenError(f"{source}: field '{field}.sha256' must be 64 lowercase hex digits")


def read_referenced_file(folder: Path, entry: Dict[str, Any], what: str, source: str) -> bytes:
    """The bytes of the file a checked reference names, refused when missing or when its sha256 differs."""
    path = Path(folder) / entry["file"]
    if not path.is_file():
        raise CharagenError(f"{path}: {what} named by {source} are missing")
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise CharagenError(f"{path}: sha256 differs from the one recorded in {source} (changed or damaged)")
    return data


def _check_layer_groups(card: Dict[str, Any], source: str) -> None:
    groups = card.get("layer_groups", {})
    if not isinstance(groups, dict):
        raise CharagenError(f"{source}: field 'layer_groups' must be an object of name -> layer indices")
    for name, layers in groups.items():
        field = f"layer_groups.{name}"
        if not name.strip():
            raise CharagenError(f"{source}: field 'layer_groups' has a group with an empty name")
        if not isinstance(layers, list) or len(set(map(repr, layers))) != len(layers) or not all(
                type(i) is int and 0 <= i < card["num_ws"] for i in layers):
            raise CharagenError(f"{source}: field '{field}' must list distinct ws layer indices "
                                f"from 0 to {card['num_ws'] - 1}, got {layers!r}")


def _float32(value) -> np.ndarray:
    if hasattr(value, "detach"):
        value = value.detach().cpu().float().numpy()
    return np.asarray(value, dtype=np.float32)


def _raise(error: Exception):
    raise error
