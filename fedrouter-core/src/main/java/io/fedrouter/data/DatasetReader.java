package io.fedrouter.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a dataset from a file or a folder of files in the wide (§3.1) or long (§3.2) format. A folder is read
 * as one dataset: its files of the format (not recursing), in sorted name order. The dataset is named after the
 * file or folder, and its {@code sha256} covers the bytes of every file read, in that order, so a report can
 * say exactly which data it was made from. On any failure nothing is returned.
 */
public final class DatasetReader {

    /** The layout of the data. */
    public enum Format {
        /** One row per query, one score and one cost column per model (RouterBench); CSV. */
        WIDE,
        /** One record per (query, model) evaluation; JSONL or CSV. */
        LONG,
        /** {@code .jsonl} is long; a CSV with {@code model} and {@code score} columns is long, any other CSV wide. */
        AUTO
    }

    private DatasetReader() {
    }

    /** Reads {@code fileOrFolder}; see the class comment. */
    public static ReadResult read(Path fileOrFolder, Format format, BadRowPolicy policy) throws IOException {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(policy, "policy");
        boolean folder = Files.isDirectory(fileOrFolder);
        if (!folder && !Files.isRegularFile(fileOrFolder)) {
            throw new NoSuchFileException(fileOrFolder.toString());
        }
        List<Path> files = folder ? listFiles(fileOrFolder, format) : List.of(fileOrFolder);
        Format resolved = format == Format.AUTO ? detectAll(files) : format;
        String name = fileOrFolder.toAbsolutePath().normalize().getFileName().toString();
        ReadSession session = new ReadSession(policy);
        if (resolved == Format.WIDE) {
            WideCsvReader.Accumulator acc = new WideCsvReader.Accumulator();
            for (Path f : files) {
                WideCsvReader.readInto(f, session, acc, folder);
            }
            Dataset d = new Dataset(name, acc.models, acc.queries, session.sha256());
            return new ReadResult(d, session.report(d), Map.of());
        }
        LongReader.Accumulator acc = new LongReader.Accumulator();
        for (Path f : files) {
            LongReader.readInto(f, session, acc);
        }
        return acc.result(name, session);
    }

    /** The format of one file: {@link Format#LONG} or {@link Format#WIDE}, from its name and CSV header. */
    public static Format detect(Path file) throws IOException {
        if (LongReader.isJsonl(file)) {
            return Format.LONG;
        }
        List<String> header;
        try (CsvFile csv = CsvFile.open(file, new ReadSession(BadRowPolicy.FAIL).digest)) {
            header = csv.header();
        }
        return header.contains("model") && header.contains("score") ? Format.LONG : Format.WIDE;
    }

    private static Format detectAll(List<Path> files) throws IOException {
        Format first = null;
        Path firstFile = null;
        for (Path f : files) {
            Format ff = detect(f);
            if (first == null) {
                first = ff;
                firstFile = f;
            } else if (ff != first) {
                throw new DataFormatException(new RowProblem(f.getFileName().toString(), 1, "looks like the "
                        + ff.name().toLowerCase(Locale.ROOT) + " format but " + firstFile.getFileName() + " looks like the "
                        + first.name().toLowerCase(Locale.ROOT) + " format; a folder must hold one format"));
            }
        }
        return first;
    }

    private static List<Path> listFiles(Path folder, Format format) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean csv = n.endsWith(".csv");
                boolean jsonl = n.endsWith(".jsonl");
                if (csv || (jsonl && format != Format.WIDE)) {
                    out.add(p);
                }
            });
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no " + (format == Format.WIDE ? ".csv" : ".csv or .jsonl")
                    + " files in folder " + folder);
        }
        return out;
    }
}
