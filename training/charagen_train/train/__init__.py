"""The trainer: losses, augmentation, EMA, schedule, checkpoints."""
