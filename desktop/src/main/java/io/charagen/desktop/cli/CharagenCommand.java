package io.charagen.desktop.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code charagen} command line. Exit codes scripts can rely on: 0 done, 1 failed (a model,
 * file or device problem, explained on stderr), 2 bad usage.
 */
@Command(name = "charagen", mixinStandardHelpOptions = true, version = "charagen 0.1.0",
        description = "Generates RPG Maker MV-style characters with StyleGAN2/3 networks.",
        subcommands = {GenerateCommand.class, EditorCommand.class, DemoCommand.class, PresetCommand.class, SampleCommand.class,
                ConvertCommand.class, CommandLine.HelpCommand.class})
public final class CharagenCommand implements Runnable {

    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a command (see --help)");
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new CharagenCommand());
        cli.setExitCodeExceptionMapper(e -> EXIT_FAILED);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("charagen: " + e.getMessage());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("charagen: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            if (System.getenv("CHARAGEN_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return EXIT_FAILED;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            e.getCommandLine().getErr().println("charagen: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return EXIT_USAGE;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
