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

    /** Every argument names a file or folder that exists, and the first is not a command's name. */
    static boolean areFiles(String[] args) {
        if (LatentLedgerCli.commandLine().getSubcommands().containsKey(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.startsWith("-") || !java.nio.file.Files.exists(java.nio.file.Path.of(a))) {
                return false;
            }
        }
        return true;
    }

    /** When {@code main} began (wall clock and monotonic), so a benchmark can tell the JVM's own start from ours. */
    public static volatile long mainWallMillis;
    public static volatile long mainNanos;

    public static void main(String[] args) {
        mainWallMillis = System.currentTimeMillis();
        mainNanos = System.nanoTime();
        if (args.length == 0 || areFiles(args)) {
            // The window starts faster from an ahead-of-time cache, which only a new JVM can be given.
            java.util.Optional<Integer> relaunched = AotRelaunch.run(args);
            if (relaunched.isPresent()) {
                System.exit(relaunched.get());
            }
        }
        if (args.length == 0) {
            org.latentledger.ui.LatentLedgerApp.open(args);
            return;
        }
        if (areFiles(args)) {
            // What a desktop passes when a workspace or model is opened with the app (its file associations): open them.
            org.latentledger.ui.LatentLedgerApp.openFiles(java.util.Arrays.stream(args).map(java.nio.file.Path::of).toList());
            org.latentledger.ui.LatentLedgerApp.open(new String[0]);
            return;
        }
        System.exit(LatentLedgerCli.run(args));
    }
}
