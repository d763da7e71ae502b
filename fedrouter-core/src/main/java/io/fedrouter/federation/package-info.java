/** Federation: messages, strategies, client apps, grids and the one round loop; transport-free. */
package io.fedrouter.federation;
