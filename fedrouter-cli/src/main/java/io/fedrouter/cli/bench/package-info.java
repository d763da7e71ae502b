/** Throughput benchmarks of the numeric core: JMH benchmarks and plain measurements the {@code bench} command runs. */
package io.fedrouter.cli.bench;
