/**
 * Study reports: {@code results.json} (the machine-readable record other tools read) and its CSV summary, the
 * accuracy-cost frontier plots (PNG and SVG), the self-contained HTML report and the terminal table. Everything here
 * renders an {@link io.fedrouter.experiment.ExperimentResult}; nothing computes metrics.
 */
package io.fedrouter.cli.report;
