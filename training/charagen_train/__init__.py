"""charagen training toolkit: our own StyleGAN2/StyleGAN3 in PyTorch, data set builders,
trainer and export to charagen bundles (see training/README.md)."""
