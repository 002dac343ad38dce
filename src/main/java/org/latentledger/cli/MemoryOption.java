package org.latentledger.cli;

import org.latentledger.economy.EnergyModel;
import picocli.CommandLine.Option;

/** {@code --memory}: where the ledger and the frontier read the weights from, which sets the energy of a read. */
final class MemoryOption {

    @Option(names = "--memory", paramLabel = "MEMORY", defaultValue = "sram", completionCandidates = Vocabulary.Memories.class,
            description = "Where weights are read from: ${COMPLETION-CANDIDATES} (SRAM 5 pJ/word, DRAM 640 pJ/word; "
                    + "default: ${DEFAULT-VALUE}).")
    EnergyModel energy;
}
