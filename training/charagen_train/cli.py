"""`charagen-train`: the training toolkit's command line. Exit codes as `./charagen`:
0 done, 1 failed (the reason on stderr), 2 bad usage."""

import argparse
import importlib
import os
import sys
from typing import List, Optional

from .errors import CharagenError, UsageError

# One module per subcommand under charagen_train.commands, each with add_parser() and run().
COMMANDS = ("sample", "build_sprites", "build_portraits", "train", "fit_mapping", "export", "evaluate", "curves",
            "sprite_presets", "portrait_presets", "mix_grid", "preset_grid", "check_sheets", "check_faces",
            "check_matching", "train_encoder", "export_encoder", "bench")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own usage errors: exit 2 like ours
        self.print_usage(sys.stderr)
        print(f"charagen-train: {message}", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="charagen-train",
                     description="charagen's training toolkit: data sets, StyleGAN training, export to bundles.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMANDS:
        module = importlib.import_module(f".commands.{name}", __package__)
        module.add_parser(subparsers).set_defaults(handler=module.run)
    return parser


def use_all_cores() -> None:
    """Debian's PyTorch starts with one OpenMP thread whatever the machine has; unless the user
    chose with OMP_NUM_THREADS, use every core this process may run on."""
    if "OMP_NUM_THREADS" not in os.environ:
        import torch
        torch.set_num_threads(len(os.sched_getaffinity(0)))


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)  # `train --processes` starts itself again
    use_all_cores()
    try:
        return args.handler(args) or 0
    except UsageError as e:
        print(f"charagen-train {args.command}: {e}", file=sys.stderr)
        return 2
    except CharagenError as e:
        print(f"charagen-train {args.command}: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"charagen-train {args.command}: cancelled", file=sys.stderr)
        return 1
