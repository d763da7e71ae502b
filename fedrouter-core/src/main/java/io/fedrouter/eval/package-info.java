/**
 * Evaluation (SPEC §7): the λ sweep that turns a router's predictions into an accuracy-cost {@link
 * io.fedrouter.eval.Frontier}, the router-free baselines, and the metrics that summarise a frontier (normalized AUC,
 * AIQ, and APGR/CPT for two-model pools). Pure functions over in-memory values.
 */
package io.fedrouter.eval;
