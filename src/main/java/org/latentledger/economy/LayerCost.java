package org.latentledger.economy;

/**
 * The cost of one layer in one inference.
 *
 * @param kind               "dense", "conv", "pool", ...
 * @param activeIn           inputs that are not zero after the previous layer's policy
 * @param denseMacs          n_in x n_out (conv: H_out W_out C_out k_h k_w C_in)
 * @param effectiveMacs      MACs actually performed (conv: dense x input density, an estimate)
 * @param denseReads         weights read when every connection fires
 * @param weightsRead        weights actually read
 * @param activationsWritten outputs written (units that are not forced off)
 * @param estimate           true where the effective figures are estimated (conv layers)
 */
public record LayerCost(String name, String kind, int nIn, int nOut, int activeIn, long denseMacs, long effectiveMacs,
                        long denseReads, long weightsRead, long activationsWritten, boolean estimate) {

    public double energyPj(EnergyModel e) {
        return e.arithmeticPj(effectiveMacs) + e.memoryPj(weightsRead);
    }

    public double denseEnergyPj(EnergyModel e) {
        return e.arithmeticPj(denseMacs) + e.memoryPj(denseReads);
    }
}
