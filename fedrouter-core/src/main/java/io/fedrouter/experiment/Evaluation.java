package io.fedrouter.experiment;

import io.fedrouter.eval.Frontier;

/**
 * A router's frontier on one test set and its summaries.
 *
 * @param auc      normalized AUC ({@link io.fedrouter.eval.Metrics#normalizedAuc})
 * @param aiq      AIQ ({@link io.fedrouter.eval.Metrics#aiq})
 * @param frontier the accuracy-cost points, in λ order
 */
public record Evaluation(double auc, double aiq, Frontier frontier) {
}
