package io.fedrouter.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedrouter.embed.MiniLmEmbedder.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measurement program behind {@code docs/embeddings.md} (not a test): throughput of the MiniLM variants and
 * long-prompt modes for 1 and 2 worker threads, wordpieces per prompt, and distinct vectors per task for head, tail
 * and windows.
 *
 * <p>Input: JSON lines {@code {"task": ..., "text": ...}} with the prompt text already extracted from RouterBench's
 * Python-list literal. Arguments: {@code <prompts.jsonl> <speed sample size> <cache dir>
 * [tokens|speed|distinct|all|configs [rounds]]}. {@code configs} compares, interleaved so that changing machine load
 * hits all alike, the langchain4j one-piece-per-call path (the embedder before batching) with batched settings.
 */
public final class EmbeddingMeasurement {

    private EmbeddingMeasurement() {
    }

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args[0]);
        int sample = Integer.parseInt(args[1]);
        Path cacheDir = Path.of(args[2]);
        String what = args.length > 3 ? args[3] : "all";
        ObjectMapper json = new ObjectMapper();
        List<String> tasks = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(input)) {
            JsonNode n = json.readTree(line);
            tasks.add(n.get("task").asText());
            texts.add(n.get("text").asText());
        }
        System.out.printf(Locale.ROOT, "%d prompts from %s%n", texts.size(), input);
        if (what.equals("tokens") || what.equals("all")) {
            tokens(texts, tasks);
        }
        if (what.equals("speed") || what.equals("all")) {
            speed(texts, sample);
        }
        if (what.equals("configs")) {
            configs(texts, sample, args.length > 4 ? Integer.parseInt(args[4]) : 1);
        }
        if (what.equals("distinct") || what.equals("all")) {
            distinct(texts, tasks, cacheDir);
        }
    }

    /** Every k-th prompt, so each task is represented in proportion. */
    private static List<String> spread(List<String> texts, int n) {
        List<String> out = new ArrayList<>();
        double step = (double) texts.size() / n;
        for (int i = 0; i < n; i++) {
            out.add(texts.get((int) (i * step)));
        }
        return out;
    }

    private static void tokens(List<String> texts, List<String> tasks) {
        Map<String, List<Integer>> counts = new TreeMap<>();
        Map<String, Integer> windows = new TreeMap<>();
        try (MiniLmEmbedder e = new MiniLmEmbedder(Variant.QUANTIZED, LongPrompt.windows())) {
            for (int i = 0; i < texts.size(); i++) {
                counts.computeIfAbsent(tasks.get(i), t -> new ArrayList<>()).add(e.countWordpieces(texts.get(i)));
                windows.merge(tasks.get(i), e.pieces(texts.get(i)).size(), Integer::sum);
            }
        }
        System.out.println("| task | prompts | wordpieces min / median / max | > 126 | windows per prompt |");
        System.out.println("|---|---:|---:|---:|---:|");
        counts.forEach((task, c) -> {
            List<Integer> sorted = c.stream().sorted().toList();
            long over = c.stream().filter(n -> n > LongPrompt.MAX_WINDOW).count();
            System.out.printf(Locale.ROOT, "| %s | %d | %d / %d / %d | %d | %.2f |%n", task, c.size(), sorted.get(0),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), over,
                    (double) windows.get(task) / c.size());
        });
    }

    private static void speed(List<String> texts, int sample) {
        List<String> s = spread(texts, sample);
        System.out.println("| variant | long-prompt | threads | texts/s | pieces/text |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Variant variant : Variant.values()) {
            for (LongPrompt lp : List.of(LongPrompt.head(), LongPrompt.windows())) {
                for (int threads : new int[] {1, 2}) {
                    try (MiniLmEmbedder e = new MiniLmEmbedder(variant, lp, threads)) {
                        e.embed(s.subList(0, 8)); // load the model, warm up the session
                        long pieces = 0;
                        for (String t : s) {
                            pieces += e.pieces(t).size();
                        }
                        long t0 = System.nanoTime();
                        e.embed(s);
                        double sec = (System.nanoTime() - t0) / 1e9;
                        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.2f |%n", variant.label(), lp.id(),
                                threads, s.size() / sec, (double) pieces / s.size());
                    }
                }
            }
        }
    }

    /** The embedder before batching: langchain4j's model, one piece per ONNX call, on {@code threads} workers. */
    private static float[] legacyEmbed(dev.langchain4j.model.embedding.EmbeddingModel model, PromptPieces pp,
            LongPrompt lp, List<String> texts) {
        float[] last = null;
        for (String t : texts) {
            List<dev.langchain4j.data.segment.TextSegment> segs = pp.pieces(t, lp).stream()
                    .map(dev.langchain4j.data.segment.TextSegment::from).toList();
            last = model.embedAll(segs).content().get(0).vector();
        }
        return last;
    }

    private static void configs(List<String> texts, int sample, int rounds) {
        List<String> s = spread(texts, sample);
        record Config(String name, Variant variant, LongPrompt lp, int workers, int intra, int batch) { }
        List<Config> configs = new ArrayList<>();
        for (Variant v : Variant.values()) {
            for (LongPrompt lp : List.of(LongPrompt.head(), LongPrompt.windows())) {
                configs.add(new Config("langchain4j, 2 workers", v, lp, 2, 0, 1));
                if (v == Variant.FULL) {
                    configs.add(new Config("one per call", v, lp, 2, 1, 1));
                    configs.add(new Config("batched", v, lp, 1, 2, 32));
                    for (int batch : new int[] {8, 16, 32, 64}) {
                        configs.add(new Config("batched", v, lp, 2, 1, batch));
                    }
                } else {
                    configs.add(new Config("one per call", v, lp, 1, 2, 1));
                    configs.add(new Config("one per call", v, lp, 2, 1, 1));
                }
            }
        }
        System.out.println("| variant | long-prompt | path | workers x intra-op | batch | pieces/text | texts/s per round |");
        System.out.println("|---|---|---|---|---:|---:|---|");
        Map<Config, List<Double>> rates = new java.util.LinkedHashMap<>();
        Map<Config, Double> piecesPerText = new java.util.HashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Config c : configs) {
                double sec;
                if (c.intra() == 0) {
                    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
                    dev.langchain4j.model.embedding.EmbeddingModel m = c.variant() == Variant.FULL
                            ? new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel(pool)
                            : new dev.langchain4j.model.embedding.onnx.allminilml6v2q
                                    .AllMiniLmL6V2QuantizedEmbeddingModel(pool);
                    try (PromptPieces pp = new PromptPieces(c.variant().tokenizerResource())) {
                        legacyEmbed(m, pp, c.lp(), s.subList(0, 8));
                        long t0 = System.nanoTime();
                        legacyEmbed(m, pp, c.lp(), s);
                        sec = (System.nanoTime() - t0) / 1e9;
                    } finally {
                        pool.shutdown();
                    }
                } else {
                    try (MiniLmEmbedder e = new MiniLmEmbedder(c.variant(), c.lp(), c.workers(), c.intra(), c.batch())) {
                        e.embed(s.subList(0, 8));
                        long pieces = 0;
                        for (String t : s) {
                            pieces += e.pieces(t).size();
                        }
                        piecesPerText.put(c, (double) pieces / s.size());
                        long t0 = System.nanoTime();
                        e.embed(s);
                        sec = (System.nanoTime() - t0) / 1e9;
                    }
                }
                rates.computeIfAbsent(c, k -> new ArrayList<>()).add(s.size() / sec);
                System.err.printf(Locale.ROOT, "%s %s %s %dx%d b%d: %.1f texts/s, load %.2f%n", c.variant().label(),
                        c.lp().id(), c.name(), c.workers(), c.intra(), c.batch(), s.size() / sec,
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
        }
        rates.forEach((c, r) -> System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %d | %.2f | %s |%n",
                c.variant().label(), c.lp().id(), c.name(), c.intra() == 0 ? "2 x default" : c.workers() + " x " + c.intra(),
                c.batch(), piecesPerText.getOrDefault(c, Double.NaN),
                String.join(" / ", r.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList())));
    }

    private static void distinct(List<String> texts, List<String> tasks, Path cacheDir) throws IOException {
        Map<String, Integer> sizes = new TreeMap<>();
        for (String t : tasks) {
            sizes.merge(t, 1, Integer::sum);
        }
        Map<String, Map<String, Integer>> byMode = new TreeMap<>();
        for (LongPrompt lp : List.of(LongPrompt.head(), LongPrompt.tail(), LongPrompt.windows())) {
            MiniLmEmbedder e = new MiniLmEmbedder(Variant.QUANTIZED, lp);
            try (e; EmbeddingCache cache = EmbeddingCache.open(cacheDir, e.id(), e.dim())) {
                CachedEmbedder cached = new CachedEmbedder(e, cache);
                long t0 = System.nanoTime();
                List<float[]> v = cached.embed(texts, (done, total) -> {
                    if (done % 640 == 0 || done == total) {
                        System.err.printf(Locale.ROOT, "%s %d/%d%n", e.id(), done, total);
                    }
                });
                System.out.printf(Locale.ROOT, "%s: %d hits, %d misses, %.1f s%n", e.id(), cached.hits(),
                        cached.misses(), (System.nanoTime() - t0) / 1e9);
                byMode.put(lp.id(), DistinctVectors.countByGroup(v, tasks));
            }
        }
        System.out.println("| task | prompts | head | tail | windows-126s96 |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (String task : sizes.keySet()) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", task, sizes.get(task),
                    byMode.get("head").get(task), byMode.get("tail").get(task), byMode.get("windows-126s96").get(task));
        }
    }
}
