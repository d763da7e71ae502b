/**
 * The parametric MLP router of SPEC §5.1 and its federated training (SPEC §6): parameters, hand-written
 * forward/backward, the AdamW trainer, the FedAvg strategy with its server optimizers, and the family that ties
 * them to the router registry.
 */
package io.fedrouter.router.mlp;
