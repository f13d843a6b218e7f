"""Data set builders: LPC walk sheets for the sprite model, DiceBear faces for the portrait model."""
