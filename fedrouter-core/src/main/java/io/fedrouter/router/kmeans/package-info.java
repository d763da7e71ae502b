/**
 * The K-means router (SPEC §5.2) and its two-pass federated training (SPEC §6): the weighted K-means kernel,
 * the router, per-cell statistics, the family and the federated strategy.
 */
package io.fedrouter.router.kmeans;
