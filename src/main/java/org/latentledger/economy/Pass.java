package org.latentledger.economy;

import java.util.List;

/**
 * One inference under a policy: each layer's activations as they leave it (after the policy),
 * each layer's cost, and the output.
 */
public record Pass(SparsityPolicy policy, List<float[]> activations, List<LayerCost> costs, float[] output) {

    public Pass {
        activations = List.copyOf(activations);
        costs = List.copyOf(costs);
    }

    public long denseMacs() {
        return costs.stream().mapToLong(LayerCost::denseMacs).sum();
    }

    public long effectiveMacs() {
        return costs.stream().mapToLong(LayerCost::effectiveMacs).sum();
    }

    public long weightsRead() {
        return costs.stream().mapToLong(LayerCost::weightsRead).sum();
    }

    public long denseReads() {
        return costs.stream().mapToLong(LayerCost::denseReads).sum();
    }

    public double energyPj(EnergyModel e) {
        return costs.stream().mapToDouble(c -> c.energyPj(e)).sum();
    }

    public double denseEnergyPj(EnergyModel e) {
        return costs.stream().mapToDouble(c -> c.denseEnergyPj(e)).sum();
    }
}
