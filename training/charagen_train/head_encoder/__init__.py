"""The head encoder: a small network that maps a sprite's standing frames to the portrait model's
identity w in one forward pass (amortised projection; see pairing.py for what it is trained on)."""
