import re

from charagen_train.data.lpc_palettes import PALETTES_JSON, compute_palettes, load_palettes

HEX = re.compile(r"^#[0-9a-f]{6}$")


def test_committed_palettes_match_the_lpc_art(lpc_dir):
    committed = load_palettes()
    recomputed = compute_palettes(lpc_dir)
    assert recomputed == committed, (
        f"{PALETTES_JSON} is out of date with {lpc_dir}; regenerate with "
        "`python3 -m charagen_train.data.lpc_palettes --lpc ../shared/lpc` in training/")


def test_palettes_use_lpc_file_names_and_hex_colours():
    palettes = load_palettes()
    assert {"light", "tanned", "tanned2", "dark", "dark2", "darkelf", "orc"} <= set(palettes["skin_tones"])
    assert {"black", "blonde", "brunette", "redhead", "white", "gray"} <= set(palettes["hair_colours"])
    # per-style extras are not colours shared by every style
    assert not any(n.startswith("shadows") or n == "scrunchies" for n in palettes["hair_colours"])
    for group in ("skin_tones", "hair_colours"):
        for name, entry in palettes[group].items():
            assert HEX.match(entry["hex"]), (group, name, entry["hex"])
            assert entry["hex"] in entry["ramp"], (group, name)
            assert all(HEX.match(c) for c in entry["ramp"]), (group, name)
    assert palettes["skin_tones"]["light"]["hex"] == "#fdd5b7"
    assert palettes["hair_colours"]["blonde"]["hex"] == "#cca000"
