package io.fedrouter.experiment;

import java.util.List;

/**
 * One evaluated router or baseline.
 *
 * @param family       {@code mlp}, {@code kmeans}, {@code oracle}, {@code single}, {@code best-single},
 *                     {@code cheapest} or {@code random}
 * @param scheme       {@code federated}, {@code centralized}, {@code local} or {@code baseline}
 * @param client       the client a local router belongs to; {@code null} otherwise
 * @param model        the model of a single-model baseline; {@code null} otherwise
 * @param trainSeconds wall-clock training time (0 for baselines)
 * @param global       evaluation on the global test set
 * @param own          evaluation on clients' own test sets (for a local router usually just its client)
 */
public record RouterResult(String family, String scheme, Integer client, String model, double trainSeconds,
                           Evaluation global, List<ClientEval> own) {
}
