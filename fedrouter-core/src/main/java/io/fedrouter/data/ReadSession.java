package io.fedrouter.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * State shared by the files of one read: the bad-row policy, counts, problems, the running SHA-256 over all
 * bytes read and the embedding dimension every file must agree on.
 */
final class ReadSession {

    final BadRowPolicy policy;
    final MessageDigest digest;
    private final List<String> files = new ArrayList<>();
    private long rowsRead;
    private long rowsSkipped;
    private final List<RowProblem> problems = new ArrayList<>();
    private long warningCount;
    private final List<RowProblem> warnings = new ArrayList<>();
    private int dim = -1;
    private String dimSource;

    ReadSession(BadRowPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    void startFile(String file) {
        files.add(file);
    }

    void rowRead() {
        rowsRead++;
    }

    /** A bad row: thrown under FAIL, counted under SKIP. */
    void badRow(String file, long line, String message) {
        RowProblem p = new RowProblem(file, line, message);
        if (policy == BadRowPolicy.FAIL) {
            throw new DataFormatException(p);
        }
        rowsSkipped++;
        if (problems.size() < ReadReport.MAX_LISTED) {
            problems.add(p);
        }
    }

    void warn(String file, long line, String message) {
        warningCount++;
        if (warnings.size() < ReadReport.MAX_LISTED) {
            warnings.add(new RowProblem(file, line, message));
        }
    }

    /** Checks an embedding against the dimension of the first one accepted; call {@link #acceptDim} once the row is kept. */
    void checkDim(float[] e) throws BadRow {
        if (dim >= 0 && e.length != dim) {
            throw new BadRow("embedding has dimension " + e.length + ", expected " + dim + " as at " + dimSource);
        }
    }

    void acceptDim(float[] e, String file, long line) {
        if (e != null && dim < 0) {
            dim = e.length;
            dimSource = file + ":" + line;
        }
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    ReadReport report(Dataset d) {
        Map<String, Long> missing = new LinkedHashMap<>();
        int embedded = 0;
        for (Query q : d.queries()) {
            if (q.embedding() != null) {
                embedded++;
            }
        }
        for (int m = 0; m < d.models().size(); m++) {
            long n = 0;
            for (Query q : d.queries()) {
                if (!q.observed(m)) {
                    n++;
                }
            }
            missing.put(d.models().get(m), n);
        }
        return new ReadReport(files, rowsRead, rowsSkipped, problems, warningCount, warnings, missing, embedded);
    }
}
