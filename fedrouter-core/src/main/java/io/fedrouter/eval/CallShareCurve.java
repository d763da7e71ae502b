package io.fedrouter.eval;

/**
 * A two-model router's performance as a function of the share of calls it sends to the strong model, the axis
 * RouteLLM (Ong et al., "RouteLLM: Learning to Route LLMs with Preference Data", 2024) measures APGR and CPT on.
 *
 * @param weakAccuracy   mean true score of always calling the weak model
 * @param strongAccuracy mean true score of always calling the strong model
 * @param strongShare    per operating point, the fraction of queries routed to the strong model, in [0,1]
 * @param accuracy       per operating point, the mean true score
 */
public record CallShareCurve(double weakAccuracy, double strongAccuracy, double[] strongShare, double[] accuracy) {

    public CallShareCurve {
        if (strongShare.length != accuracy.length) {
            throw new IllegalArgumentException("lengths differ: share " + strongShare.length + " != accuracy " + accuracy.length);
        }
        for (double s : strongShare) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("strong share must be in [0,1]: " + s);
            }
        }
        strongShare = strongShare.clone();
        accuracy = accuracy.clone();
    }
}
