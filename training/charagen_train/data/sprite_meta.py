"""What a sprite data set says about itself (dataset.json): kind, canvas layout, licence and
attribution of the LPC art. A built data set and the on-the-fly stream describe themselves
the same way, so a model card says the same whichever one trained it."""

from pathlib import Path
from typing import List, Optional

from . import sheet_layout
from .sprite_composer import COMPOSER_VERSION

LICENCE = "CC-BY-SA 3.0 / GPL 3.0"
ATTRIBUTION = ("Trained on Liberated Pixel Cup (LPC) character art from the Universal LPC Spritesheet "
               "(https://github.com/makrohn/Universal-LPC-spritesheet), dual-licensed CC-BY-SA 3.0 and "
               "GPL 3.0; the artists are credited in that repository's AUTHORS.txt. Data sets, models "
               "and sheets derived from it are shared under CC-BY-SA 3.0.")


def lpc_artists(lpc_root) -> List[str]:
    """The artists AUTHORS.txt credits: each name is a line underlined with dashes. The licence
    asks for their attribution, so the model card carries the names."""
    path = Path(lpc_root) / "AUTHORS.txt"
    if not path.is_file():
        return []
    lines = [line.strip().lstrip("\ufeff") for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    return [lines[i] for i in range(len(lines) - 1)
            if lines[i] and len(lines[i + 1]) >= 3 and set(lines[i + 1]) == {"-"}]


def sprite_dataset_meta(catalogue, count: Optional[int], seed: int) -> dict:
    summary = catalogue.summary()
    return {
        "kind": "sprite",
        "resolution": sheet_layout.CANVAS,
        "count": count,
        "seed": seed,
        "layout": sheet_layout.sheet_layout(),
        "background": list(sheet_layout.BACKGROUND),
        "licence": LICENCE,
        "attribution": ATTRIBUTION,
        "sources": [{
            "name": "Universal LPC Spritesheet (PNG layers)",
            "url": "https://github.com/makrohn/Universal-LPC-spritesheet",
            "licence": LICENCE,
            "authors_file": "AUTHORS.txt",
            "authors": lpc_artists(catalogue.root),
            "accepted_layers": len(catalogue.layers),
            "rejected_layers": len(catalogue.rejected),
            "hair_styles": summary["hair_styles"],
        }],
        "builder": {"command": "build-sprites", "composer_version": COMPOSER_VERSION},
    }
