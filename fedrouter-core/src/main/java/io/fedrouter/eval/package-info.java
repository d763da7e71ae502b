/** Evaluation: the lambda sweep, accuracy-cost frontiers, normalized AUC and AIQ. */
package io.fedrouter.eval;
