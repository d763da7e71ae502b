package io.fedrouter.router.mlp;

import java.util.List;

/**
 * How the coordinator applies the aggregated client update (the mean of {@code w_local − w_global}) to the global
 * parameters: the "server optimizer" of Reddi et al., "Adaptive Federated Optimization", ICLR 2021. Implementations
 * hold their own state (momentum, second moments) across rounds; one instance serves one federated run.
 */
public interface ServerOptimizer {

    /** Names accepted by {@link #create}. */
    List<String> NAMES = List.of("fedavg", "fedavgm", "fedadam", "fedyogi");

    /** Registry name, e.g. {@code fedadam}. */
    String name();

    /** Updates {@code global} in place from the aggregated client delta. */
    void apply(double[] global, double[] delta);

    /** The default server learning rate of an optimizer: 1 for FedAvg and FedAvgM, 1e-2 for the adaptive ones. */
    static double defaultLearningRate(String name) {
        return switch (name) {
            case "fedavg", "fedavgm" -> 1.0;
            case "fedadam", "fedyogi" -> 1e-2;
            default -> throw new IllegalArgumentException("unknown server optimizer '" + name + "'; known: " + NAMES);
        };
    }

    /** A fresh optimizer by name. */
    static ServerOptimizer create(String name, double lr, double momentum) {
        return switch (name) {
            case "fedavg" -> new ServerSgd(lr);
            case "fedavgm" -> new FedAvgM(lr, momentum);
            case "fedadam" -> new FedAdam(lr);
            case "fedyogi" -> new FedYogi(lr);
            default -> throw new IllegalArgumentException("unknown server optimizer '" + name + "'; known: " + NAMES);
        };
    }
}
