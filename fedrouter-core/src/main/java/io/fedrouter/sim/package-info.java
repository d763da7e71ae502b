/** Client simulation: Dirichlet partition of a dataset over clients and sparse train views. */
package io.fedrouter.sim;
