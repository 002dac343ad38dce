package org.latentledger;

import org.latentledger.cli.LatentLedgerCli;

/**
 * The one entry point of the jar: no arguments opens the window, anything else is a headless
 * command. It is deliberately not the JavaFX Application class, so that {@code java -jar} with
 * JavaFX on the class path works (see STACK.md).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.latentledger.ui.LatentLedgerApp.open(args);
            return;
        }
        System.exit(LatentLedgerCli.run(args));
    }
}
