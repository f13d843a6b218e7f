"""One module per `charagen-train` subcommand; each has add_parser(subparsers) and run(args)."""
