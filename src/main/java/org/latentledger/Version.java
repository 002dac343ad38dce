package org.latentledger;

import picocli.CommandLine;

/** The app's version as the jar's manifest states it (or "dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Latent Ledger " + current()};
    }
}
