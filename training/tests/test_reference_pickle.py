"""The restricted snapshot reader: good files read exactly, bad files give CheckpointError and
never run code."""
import json
from pathlib import Path

import numpy as np
import pytest

from charagen_train.checkpoint.errors import CheckpointError
from charagen_train.checkpoint.reference_pickle import NetworkRecord, architecture_of, read_snapshot

RESOURCES = Path(__file__).resolve().parents[2] / 'generator' / 'src' / 'test' / 'resources'
BAD = sorted((RESOURCES / 'bad-checkpoints').glob('*.pkl'))
MARKER = 'CHARAGEN_PICKLE_RAN_CODE'


def test_bad_corpus_is_there():
    assert len(BAD) >= 20, f"expected the bad-checkpoint corpus in {RESOURCES / 'bad-checkpoints'}"


@pytest.mark.parametrize('path', BAD, ids=[p.name for p in BAD])
def test_bad_checkpoint_is_refused(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CheckpointError) as info:
        snapshot = read_snapshot(path)
        architecture_of(snapshot['G_ema'])
    assert str(path) in str(info.value), f"{path.name}: the message does not name the file: {info.value}"
    assert not (tmp_path / MARKER).exists(), f"{path.name}: the pickle ran code"


def test_handmade_snapshot_reads_offsets_strides_and_dtypes():
    folder = RESOURCES / 'handmade-checkpoints'
    expected = json.loads((folder / 'tiny-sg2.expected.json').read_text())
    snapshot = read_snapshot(folder / 'tiny-sg2.pkl')
    g = snapshot['G_ema']
    assert isinstance(g, NetworkRecord) and g.class_name == 'Generator'
    assert list(g.state_dict) == expected['names']
    for name, t in expected['tensors'].items():
        v = g.state_dict[name]
        assert list(v.shape) == t['shape'] and str(v.dtype) == 'torch.' + t['dtype'], name
        np.testing.assert_array_equal(v.numpy().reshape(-1).astype(np.float64), np.array(t['values']), err_msg=name)
    assert g.init_kwargs['mapping_kwargs'] == {'num_layers': 1}
    assert g.init_kwargs['fortran'] == [[1.5, 2.5], [3.5, 4.5]]
    assert g.init_kwargs['lr_multiplier'] == 0.01 and g.init_kwargs['use_noise'] is True
    json.dumps(g.init_kwargs)
    assert snapshot['training_set_kwargs']['resolution'] == 4


@pytest.mark.parametrize('name,architecture', [('sg2-64', 'stylegan2'), ('sg3t-64', 'stylegan3-t'),
                                               ('sg3r-64', 'stylegan3-r')])
def test_fixture_snapshot_matches_its_npz(fixtures_dir, name, architecture):
    snapshot = read_snapshot(fixtures_dir / f'{name}.pkl')
    g = snapshot['G_ema']
    assert architecture_of(g) == architecture
    with np.load(fixtures_dir / f'{name}.npz') as npz:
        params = {k[len('param/'):]: npz[k] for k in npz.files if k.startswith('param/')}
    assert set(g.state_dict) == set(params), f"{name}: state dict names differ from the npz"
    for k, v in params.items():
        np.testing.assert_array_equal(g.state_dict[k].numpy(), v, err_msg=f"{name}: {k}")
    assert {'G', 'D', 'G_ema'} <= set(snapshot)
