package org.latentledger.economy;

/**
 * Energy of one inference: MACs x E_mac + words read x E_read.
 *
 * <p>Constants (45 nm, 32-bit): a multiply 3.7 pJ plus an add 0.9 pJ, so E_mac = 4.6 pJ; reading a
 * 32-bit word costs 5 pJ from on-chip SRAM or 640 pJ from DRAM. M. Horowitz, "Computing's energy
 * problem (and what we can do about it)", ISSCC 2014; as used for 32-bit figures in S. Han et
 * al., "EIE: Efficient Inference Engine on Compressed Deep Neural Network", ISCA 2016.
 *
 * @param macPj  energy of one multiply-accumulate, pJ
 * @param readPj energy of reading one 32-bit word, pJ
 * @param memory where the words come from ("SRAM", "DRAM" or "custom")
 */
public record EnergyModel(double macPj, double readPj, String memory) {

    public static final String SOURCE = "Horowitz, ISSCC 2014 (45 nm); Han et al., ISCA 2016 (32-bit)";
    public static final EnergyModel SRAM = new EnergyModel(4.6, 5, "SRAM");
    public static final EnergyModel DRAM = new EnergyModel(4.6, 640, "DRAM");

    public EnergyModel {
        if (macPj < 0 || readPj < 0) {
            throw new IllegalArgumentException("energies are not negative");
        }
    }

    public double arithmeticPj(long macs) {
        return macs * macPj;
    }

    public double memoryPj(long words) {
        return words * readPj;
    }
}
