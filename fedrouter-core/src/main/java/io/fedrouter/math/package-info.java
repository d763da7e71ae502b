/** Numeric kernels and random distributions used by the algorithms. */
package io.fedrouter.math;
