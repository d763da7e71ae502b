package io.fedrouter.experiment;

import java.util.List;

/**
 * What a study ran on.
 *
 * @param name       dataset name
 * @param queries    number of queries
 * @param models     number of models
 * @param tasks      number of task labels
 * @param sha256     hash of the source bytes
 * @param modelNames model ids, in column order
 * @param taskNames  task labels
 */
public record DatasetInfo(String name, int queries, int models, int tasks, String sha256, List<String> modelNames,
                          List<String> taskNames) {
}
