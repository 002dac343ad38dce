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
        subcommands = {TrainSamplesCommand.class, ShotCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class LatentLedgerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static int run(String... args) {
        return new CommandLine(new LatentLedgerCli()).execute(args);
    }
}
