package io.fedrouter.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A dataset with the report of how it was read and, for long-format logs that name the client holding each
 * record (§3.2), the client label per query id.
 *
 * <p>The client label is kept beside the dataset rather than on {@link Query}: which client holds a query is a
 * property of a partition, not of the query, and simulated partitions (§4) are made separately from the data.
 * A real partition read from a log is handed to the simulator as this map.
 *
 * @param dataset the queries × models
 * @param report  counts, problems and warnings of the read
 * @param clients query id → client label; empty when the data carries no client labels
 */
public record ReadResult(Dataset dataset, ReadReport report, Map<String, String> clients) {

    public ReadResult {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(report, "report");
        clients = Collections.unmodifiableMap(new LinkedHashMap<>(clients)); // query order, for stable output
    }

    /** Whether the data names the client of its queries. */
    public boolean hasClients() {
        return !clients.isEmpty();
    }
}
