package io.fedrouter.cli.report;

import io.fedrouter.experiment.ClientEval;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The paper's per-client question (SPEC §7; Askin et al., arXiv 2601.22318): on each client's own test set, does the
 * federated router beat that client's local router? Read from the {@code own} entries of an {@link
 * ExperimentResult}: the local router of client c contributes its entry for c, the federated router its entry for c.
 */
public final class FederatedVsLocal {

    /** Schemes of trained routers, as opposed to baselines. */
    static final List<String> LEARNED_SCHEMES = List.of("federated", "centralized", "local");

    /** One client's comparison; {@code federatedAuc} is NaN when the federated router has no entry for it. */
    public record ClientRow(int client, double localAuc, double federatedAuc) {

        /** Strictly better AUC wins; equal AUCs are a tie and do not count for the federated router. */
        public boolean federatedWins() {
            return federatedAuc > localAuc;
        }

        /** {@code federated}, {@code local}, {@code tie} or {@code n/a}. */
        public String winner() {
            if (Double.isNaN(federatedAuc) || Double.isNaN(localAuc)) {
                return "n/a";
            }
            return federatedAuc > localAuc ? "federated" : federatedAuc < localAuc ? "local" : "tie";
        }
    }

    private FederatedVsLocal() {
    }

    /** Families with at least one trained (federated, centralized or local) router, in first-seen order. */
    public static List<String> learnedFamilies(ExperimentResult result) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (RouterResult r : result.routers()) {
            if (LEARNED_SCHEMES.contains(r.scheme())) {
                out.add(r.family());
            }
        }
        return new ArrayList<>(out);
    }

    /** The first router of {@code family} trained with {@code scheme}. */
    public static Optional<RouterResult> find(ExperimentResult result, String family, String scheme) {
        return result.routers().stream().filter(r -> family.equals(r.family()) && scheme.equals(r.scheme())).findFirst();
    }

    /** Local routers of {@code family}, in result order. */
    public static List<RouterResult> locals(ExperimentResult result, String family) {
        return result.routers().stream().filter(r -> family.equals(r.family()) && "local".equals(r.scheme())).toList();
    }

    /** One row per local router of {@code family} that reports an AUC on its own client's test set. */
    public static List<ClientRow> rows(ExperimentResult result, String family) {
        Optional<RouterResult> federated = find(result, family, "federated");
        List<ClientRow> rows = new ArrayList<>();
        for (RouterResult local : locals(result, family)) {
            if (local.client() == null) {
                continue;
            }
            int c = local.client();
            Optional<ClientEval> own = ownEntry(local, c);
            if (own.isEmpty()) {
                continue;
            }
            double fed = federated.flatMap(f -> ownEntry(f, c)).map(ClientEval::auc).orElse(Double.NaN);
            rows.add(new ClientRow(c, own.get().auc(), fed));
        }
        return rows;
    }

    /** Number of rows the federated router wins. */
    public static long wins(List<ClientRow> rows) {
        return rows.stream().filter(ClientRow::federatedWins).count();
    }

    /** Rows where both routers have an AUC. */
    public static long compared(List<ClientRow> rows) {
        return rows.stream().filter(r -> !Double.isNaN(r.federatedAuc()) && !Double.isNaN(r.localAuc())).count();
    }

    /** "mlp: federated beats local on 8 of 10 clients (own test sets)". */
    public static String summary(String family, List<ClientRow> rows) {
        return family + ": federated beats local on " + wins(rows) + " of " + compared(rows) + " clients (own test sets)";
    }

    /** A short human label for a router row, e.g. {@code mlp federated}, {@code single gpt-4}, {@code oracle}. */
    public static String label(RouterResult r) {
        StringBuilder s = new StringBuilder(r.family());
        if (!"baseline".equals(r.scheme())) {
            s.append(' ').append(r.scheme());
        }
        if (r.client() != null) {
            s.append(" #").append(r.client());
        }
        if (r.model() != null) {
            s.append(' ').append(r.model());
        }
        return s.toString();
    }

    private static Optional<ClientEval> ownEntry(RouterResult r, int client) {
        return r.own() == null ? Optional.empty() : r.own().stream().filter(e -> e.client() == client).findFirst();
    }
}
