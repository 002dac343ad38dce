package org.latentledger.cli;

import org.latentledger.economy.EnergyModel;

/** The --memory option. */
final class Energy {

    private Energy() {
    }

    static EnergyModel of(String memory) {
        return switch (memory.toLowerCase(java.util.Locale.ROOT)) {
            case "sram" -> EnergyModel.SRAM;
            case "dram" -> EnergyModel.DRAM;
            default -> throw new IllegalArgumentException("--memory is sram or dram, not " + memory);
        };
    }
}
