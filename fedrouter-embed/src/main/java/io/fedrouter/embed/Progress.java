package io.fedrouter.embed;

/**
 * Progress of a long embedding job, so the CLI can draw a progress bar without this module depending on one.
 * Called from the thread that called {@link Embedder#embed}, with non-decreasing {@code done}.
 */
@FunctionalInterface
public interface Progress {

    /** Ignores all updates. */
    Progress NONE = (done, total) -> { };

    /**
     * @param done texts finished so far (0..total)
     * @param total texts in the job
     */
    void update(int done, int total);
}
