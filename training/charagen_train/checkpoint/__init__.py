"""Reading reference snapshots (as data only) and writing charagen bundles."""
