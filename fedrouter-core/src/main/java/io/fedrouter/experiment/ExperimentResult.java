package io.fedrouter.experiment;

import java.util.List;
import java.util.Map;

/**
 * Everything a study run reports: what it was run with, on what, and how each router did. Written as
 * {@code results.json} and rendered as tables, plots and HTML by the CLI.
 *
 * @param config   the run's settings (kebab-case keys, seed included), as given
 * @param dataset  the dataset the study ran on
 * @param embedder the embedder that produced the query embeddings
 * @param routers  one entry per trained router and per baseline
 * @param extras   further top-level values (e.g. timings, library versions), written beside the fixed fields
 */
public record ExperimentResult(Map<String, Object> config, DatasetInfo dataset, EmbedderInfo embedder,
                               List<RouterResult> routers, Map<String, Object> extras) {
}
