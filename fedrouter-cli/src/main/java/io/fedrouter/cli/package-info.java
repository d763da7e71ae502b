/** The {@code fedrouter} command line: experiments, the demo, benchmarks, reports and plots. */
package io.fedrouter.cli;
