"""A sprite model as `evaluate` sees it: a generator, and where it has one, its own inverse from
labels to W+ (the renderer's label encoder). The encoder comes from a renderer run's resume
point, or from the `<name>.labels.safetensors` file that `export` writes beside a renderer's
bundle (named and checked by sha256 in the card's training.label_encoder)."""

from pathlib import Path
from typing import List, Optional

import numpy as np
import torch

from .. import images, nets
from ..checkpoint import safetensors
from ..checkpoint.bundle import check_file_reference, read_bundle, read_referenced_file
from ..errors import CharagenError
from ..models import load_generator
from ..render.encoder import LabelEncoder
from ..render.labels import LabelMixer, Vocabulary
from ..train.resume import ResumePoint
from .projection import project

LABELS_SUFFIX = ".labels.safetensors"


class SpriteModel:
    def __init__(self, generator, catalogue, encoder: Optional[LabelEncoder] = None,
                 vocabulary: Optional[Vocabulary] = None, colour_from: Optional[int] = None, palette_head=None):
        self.G, self.encoder, self.vocabulary, self.colour_from = generator, encoder, vocabulary, colour_from
        self.palette_head = palette_head  # a renderer's palette output (render/palette.py), else None
        self.mixer = LabelMixer(catalogue)

    @property
    def has_inverse(self) -> bool:
        return self.encoder is not None

    @torch.no_grad()
    def inverse(self, labels_list: List[dict]) -> torch.Tensor:
        tokens = [self.vocabulary.encode(self.mixer.layers(labels["layers"])) for labels in labels_list]
        w = self.encoder([t[0] for t in tokens], [t[1] for t in tokens])
        return w.unsqueeze(1).repeat(1, self.G.num_ws, 1)

    def project(self, targets, figures, steps: int, log=None) -> torch.Tensor:
        if self.palette_head is not None:
            raise CharagenError("a palette-output model draws class maps, not RGB, so it has no W+ pixel "
                                "projection; score it through its own inverse")
        w_avg = self.G.mapping.w_avg
        if self.encoder is not None and not bool(w_avg.abs().sum() > 0):
            w_avg = self.encoder.w_avg  # a renderer whose mapping is not fitted yet
        return project(self.G.synthesis, w_avg, targets, figures, steps, log=log)

    def draw(self, ws: torch.Tensor, chunk: int = 16) -> np.ndarray:
        from ..render.model import draw_sheets
        return draw_sheets(self.G, self.palette_head, ws, chunk)


def load_sprite_model(path: Path, catalogue) -> SpriteModel:
    path = Path(path)
    if path.is_dir():
        point = ResumePoint.read(path)
        if point.state.get("method") == "renderer":
            return _from_renderer_point(point, catalogue)
        return SpriteModel(point.generator_ema().eval().requires_grad_(False), catalogue)
    generator = load_generator(path, torch.device("cpu"))
    if path.suffix == ".json":
        card, _ = read_bundle(path)
        spec = (card.get("training") or {}).get("label_encoder")
        if spec:
            encoder, vocabulary = read_label_encoder(path, spec, generator.w_dim)
            return SpriteModel(generator, catalogue, encoder, vocabulary, spec.get("colour_from"))
    return SpriteModel(generator, catalogue)


def _from_renderer_point(point: ResumePoint, catalogue) -> SpriteModel:
    from ..render.model import RendererModel
    model = RendererModel.from_point(point, "R_ema").eval().requires_grad_(False)
    return SpriteModel(model.G, catalogue, model.encoder, Vocabulary.from_json(point.state["vocabulary"]),
                       model.colour_from, model.palette)


def label_encoder_tensors(encoder: LabelEncoder) -> dict:
    return {name: value.detach().cpu().float().numpy() for name, value in encoder.state_dict().items()}


def read_label_encoder(card_path: Path, spec: dict, w_dim: int, vocabulary_class=Vocabulary):
    """The encoder of a bundle's sidecar file, which the card's training.label_encoder names: a plain
    file name beside the card, read only when its sha256 matches."""
    source = str(card_path)
    if not isinstance(spec, dict) or not {"file", "sha256"} <= set(spec):
        raise CharagenError(f"{source}: field 'training.label_encoder' must hold 'file' and 'sha256'")
    check_file_reference(spec, "training.label_encoder", source)
    folder = Path(card_path).parent
    data = read_referenced_file(folder, spec, "the label encoder's weights", source)
    file = folder / spec["file"]
    vocabulary = vocabulary_class.from_json(spec)
    tensors = safetensors.decode(data, str(file))
    encoder = LabelEncoder(len(vocabulary.shapes), len(vocabulary.colours), w_dim)
    nets.load_state_dict_strictly(encoder, {k: torch.from_numpy(v) for k, v in tensors.items()}, str(file))
    return encoder.eval().requires_grad_(False), vocabulary


class PortraitModel:
    """A portrait model as `evaluate` sees it: a generator and, for a renderer's model, its label
    encoder over DiceBear face tokens (render/faces.py)."""

    def __init__(self, generator, encoder: Optional[LabelEncoder] = None, vocabulary=None):
        self.G, self.encoder, self.vocabulary = generator, encoder, vocabulary

    @property
    def has_inverse(self) -> bool:
        return self.encoder is not None

    @torch.no_grad()
    def inverse(self, labels_list: List[dict]) -> torch.Tensor:
        tokens = [self.vocabulary.encode(label) for label in labels_list]
        w = self.encoder([t[0] for t in tokens], [t[1] for t in tokens])
        return w.unsqueeze(1).repeat(1, self.G.num_ws, 1)

    def project(self, targets, figures, steps: int, log=None) -> torch.Tensor:
        return project(self.G.synthesis, self.G.mapping.w_avg, targets, figures, steps, log=log)

    @torch.no_grad()
    def draw(self, ws: torch.Tensor, chunk: int = 16) -> np.ndarray:
        parts = [images.to_uint8(self.G.synthesis(ws[i:i + chunk], noise_mode="const").numpy())
                 for i in range(0, len(ws), chunk)]
        return np.concatenate(parts)


def load_portrait_model(path: Path) -> PortraitModel:
    """A bundle (.json, with its label encoder where it has one), a renderer run's resume folder, or
    any generator `load_generator` reads."""
    from ..render.faces import FaceVocabulary
    path = Path(path)
    if path.is_dir():
        point = ResumePoint.read(path)
        if point.state.get("method") == "renderer":
            from ..render.model import RendererModel
            model = RendererModel.from_point(point, "R_ema").eval().requires_grad_(False)
            return PortraitModel(model.G, model.encoder, FaceVocabulary.from_json(point.state["vocabulary"]))
        return PortraitModel(point.generator_ema().eval().requires_grad_(False))
    generator = load_generator(path, torch.device("cpu"))
    if path.suffix == ".json":
        card, _ = read_bundle(path)
        spec = (card.get("training") or {}).get("label_encoder")
        if spec:
            encoder, vocabulary = read_label_encoder(path, spec, generator.w_dim, FaceVocabulary)
            return PortraitModel(generator, encoder, vocabulary)
    return PortraitModel(generator)


def model_kind(path: Path) -> str:
    """'sprite' or 'portrait': what a bundle's card or a run's data says ('sprite' when neither says)."""
    import json
    path = Path(path)
    try:
        if path.suffix == ".json" and path.is_file():
            return json.loads(path.read_text(encoding="utf-8")).get("kind", "sprite")
        if path.is_dir() and (path / "state.json").is_file():
            state = json.loads((path / "state.json").read_text(encoding="utf-8"))
            return ((state.get("data") or {}).get("meta") or {}).get("kind") or "sprite"
    except (OSError, ValueError, AttributeError):
        pass  # the loaders below say what is wrong with the file
    return "sprite"
