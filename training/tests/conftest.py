import os
import sys
from pathlib import Path

import pytest

TRAINING = Path(__file__).resolve().parents[1]
REPO = TRAINING.parent
sys.path.insert(0, str(TRAINING))


def shared_dir() -> Path:
    return Path(os.environ.get("CHARAGEN_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    path = shared_dir() / "fixtures" / "nvlabs"
    if not path.is_dir():
        pytest.fail(f"parity fixtures not found at {path} (set CHARAGEN_SHARED)")
    return path


@pytest.fixture(scope="session")
def composer(lpc_dir):
    """The LPC composer over the shared layers (pure: the same sheets in every test)."""
    from charagen_train.data.lpc_catalogue import load_catalogue
    from charagen_train.data.sprite_composer import SpriteComposer
    return SpriteComposer(lpc_dir, load_catalogue(lpc_dir))


@pytest.fixture(scope="session")
def lpc_dir() -> Path:
    path = shared_dir() / "lpc"
    if not path.is_dir():
        pytest.fail(f"LPC layers not found at {path} (set CHARAGEN_SHARED)")
    return path


@pytest.fixture(scope="session")
def palettes():
    """The LPC skin and hair palettes that sprites and portraits share."""
    from charagen_train.data.lpc_palettes import load_palettes
    return load_palettes()


@pytest.fixture(scope="session")
def face_worker():
    """A DiceBear worker drawing faces at RPG Maker's 144 x 144 face size."""
    from charagen_train.data.face_worker import FaceWorker
    from charagen_train.evaluate.face_checks import FACE
    with FaceWorker(FACE) as worker:
        yield worker
