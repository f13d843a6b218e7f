"""The head encoder's bundle: `<name>.safetensors` (float32 weights) beside `<name>.json` (its card).
The card says what the input is, the network's shape, each head's classes and the face token each
class stands for, and the two models the encoder pairs, by name and the sha256 of their weights
files: the sprite model whose frames it reads and the portrait model whose w it writes. The Java
runtime reads the same files (HeadEncoderCardJson.java, HeadEncoderBundle.java) and refuses an encoder paired with another
portrait model.

Tensors: convs.<i>.weight [out, in, 3, 3] and convs.<i>.bias, fc.0 and fc.1 (weight [out, in],
bias [out]), then ws.weight [classes, w_dim] and ws.bias [w_dim]: w = softmax per head of fc.1's
logits, times ws.weight, plus ws.bias.
"""
import hashlib
import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import torch

from ..checkpoint import safetensors
from ..checkpoint.bundle import check_file_reference, read_referenced_file, write_card_with_weights
from ..errors import CharagenError
from . import inputs
from .net import SLOPE, HeadEncoderNet

FORMAT = "charagen-head-encoder/1"
#: Where the pipeline looks for a portrait model's encoder: beside its card, named after it.
SUFFIX = ".encoder.json"


def card_path_for(portrait_card: Path) -> Path:
    """`<portrait>.encoder.json` beside `<portrait>.json`."""
    portrait_card = Path(portrait_card)
    return portrait_card.with_name(portrait_card.stem + SUFFIX)


def network_spec(net: HeadEncoderNet) -> Dict[str, Any]:
    return {"convs": [{"out": out, "stride": stride} for out, stride in net.conv_layers], "kernel": 3, "padding": 1,
            "hidden": net.hidden, "leaky_relu_slope": SLOPE}


def input_spec() -> Dict[str, Any]:
    return {"frames": list(inputs.FRAMES), "pattern": inputs.STANDING_COLUMN, "rows": inputs.ROWS,
            "width": inputs.WIDTH, "channels_per_frame": ["r", "g", "b", "mask"], "mask_alpha_at_least": 128,
            "rgb": "value / 127.5 - 1, times the mask"}


def write_encoder_bundle(card_path: Path, name: str, net: HeadEncoderNet, heads: List[Dict[str, Any]],
                         ws_weight: torch.Tensor, ws_bias: torch.Tensor, pairs: Dict[str, Dict[str, str]],
                         training: Optional[dict] = None, overwrite: bool = False) -> Path:
    """heads: [{'name', 'classes', 'tokens'}] in output order; pairs: {'sprite': {'name', 'sha256'},
    'portrait': {...}}."""
    tensors = {k: v.detach().float().numpy() for k, v in net.state_dict().items()}
    tensors["ws.weight"] = ws_weight.detach().float().numpy()
    tensors["ws.bias"] = ws_bias.detach().float().numpy()
    card = {"format": FORMAT, "name": name, "input": input_spec(), "network": network_spec(net), "heads": heads,
            "w_dim": int(ws_bias.shape[0]), "pairs": pairs}
    if training:
        card["training"] = training
    return write_card_with_weights(card_path, card, tensors, "an encoder card", overwrite)


def read_encoder_bundle(card_path: Path) -> Tuple[Dict[str, Any], HeadEncoderNet, torch.Tensor, torch.Tensor]:
    """(card, network, ws weight, ws bias); the weights are read only when their sha256 matches."""
    card_path = Path(card_path)
    source = str(card_path)
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise CharagenError(f"{source}: cannot read the encoder card: {e}") from None
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        raise CharagenError(f"{source}: field 'format' must be {FORMAT!r}")
    if card.get("input") != input_spec():
        raise CharagenError(f"{source}: field 'input' describes another input than this toolkit's encoder reads")
    network = card.get("network") or {}
    try:
        net = HeadEncoderNet([len(h["classes"]) for h in card["heads"]],
                             [(int(c["out"]), int(c["stride"])) for c in network["convs"]], int(network["hidden"]))
    except (KeyError, TypeError, ValueError) as e:
        raise CharagenError(f"{source}: fields 'network' and 'heads' do not describe an encoder ({e})") from None
    if card["network"] != network_spec(net):
        raise CharagenError(f"{source}: field 'network' describes another encoder than this toolkit's")
    check_file_reference(card["weights"], "weights", source)
    tensors = safetensors.decode(read_referenced_file(card_path.parent, card["weights"], "the encoder's weights", source),
                                 str(card_path.with_suffix(".safetensors")))
    state = {k: torch.from_numpy(v) for k, v in tensors.items() if not k.startswith("ws.")}
    from .. import nets
    nets.load_state_dict_strictly(net, state, source)
    return card, net.eval(), torch.from_numpy(tensors["ws.weight"]), torch.from_numpy(tensors["ws.bias"])


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
