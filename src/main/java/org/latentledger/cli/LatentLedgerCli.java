package org.latentledger.cli;

import org.latentledger.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless face of the app: the same core as the window, driven from a terminal or script. */
@Command(name = "latent-ledger",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Latent Ledger: a neural network's latent space and its activation economy.",
                "Without a command, opens the window on the bundled digits model."},
        subcommands = {OpenCommand.class, InspectCommand.class, ProjectCommand.class, JourneyCommand.class, LedgerCommand.class,
                FrontierCommand.class, EconomizeCommand.class, DecodeCommand.class, ActivationsCommand.class, TrainSamplesCommand.class, ShotCommand.class, LessonCommand.class, ExportGifCommand.class, ScreenshotsCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class LatentLedgerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On errors, print the full stack trace.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The command line with our vocabulary and error policy: every option that takes one of the
     * app's words is typed, and an unknown word is a usage error; bad input (a file that cannot be
     * read, data that does not fit) prints one message naming the file and exits with status 1;
     * {@code --debug} adds the stack trace. Usage errors exit with 2, as picocli does.
     */
    public static CommandLine commandLine() {
        CommandLine cli = Vocabulary.register(new CommandLine(new LatentLedgerCli()));
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug")
                    || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
            commandLine.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (debug) {
                e.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cli;
    }
}
