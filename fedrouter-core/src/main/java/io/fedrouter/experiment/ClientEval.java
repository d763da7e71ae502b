package io.fedrouter.experiment;

/**
 * A router's summaries on one client's own test set.
 *
 * @param client the client index
 * @param auc    normalized AUC
 * @param aiq    AIQ
 */
public record ClientEval(int client, double auc, double aiq) {
}
