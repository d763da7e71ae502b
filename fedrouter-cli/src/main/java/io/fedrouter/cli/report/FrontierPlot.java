package io.fedrouter.cli.report;

import io.fedrouter.eval.Frontier;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Accuracy-vs-cost frontier plots on a log cost axis (SPEC §7): per router family the federated router as a thick
 * line, the centralized one dashed, each client-local router as a faint line; the baselines as markers (oracle,
 * single models, random). Written as PNG ({@link BitmapEncoder}) and SVG ({@link VectorGraphicsEncoder}, backed by
 * VectorGraphics2D, which XChart 3.8.8 depends on). Points with zero cost cannot sit on a log axis and are left out.
 */
public final class FrontierPlot {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 650;

    private static final Color[] FAMILY_COLORS = {
            new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(148, 103, 189)};

    private FrontierPlot() {
    }

    /**
     * Writes {@code frontier.png} and {@code frontier.svg} with every router, and, when the result holds more than
     * one trained family, {@code frontier-<family>.png/.svg} with that family and the baselines.
     *
     * @return the files written
     */
    public static List<Path> write(ExperimentResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.addAll(write(chart(result, "Accuracy-cost frontier, global test set", r -> true), dir, "frontier"));
        List<String> families = FederatedVsLocal.learnedFamilies(result);
        if (families.size() > 1) {
            for (String family : families) {
                XYChart chart = chart(result, "Accuracy-cost frontier (" + family + "), global test set",
                        r -> family.equals(r.family()) || "baseline".equals(r.scheme()));
                written.addAll(write(chart, dir, "frontier-" + family));
            }
        }
        return written;
    }

    /** The chart of the routers {@code include} accepts, on the global test set. */
    public static XYChart chart(ExperimentResult result, String title, Predicate<RouterResult> include) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("mean cost per query (USD, log scale)").yAxisTitle("mean accuracy").build();
        XYStyler styler = chart.getStyler();
        styler.setXAxisLogarithmic(true);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setYAxisDecimalPattern("0.00");
        styler.setXAxisDecimalPattern("0.######");
        styler.setAntiAlias(true);

        List<String> families = FederatedVsLocal.learnedFamilies(result);
        for (String family : families) {
            Color color = FAMILY_COLORS[families.indexOf(family) % FAMILY_COLORS.length];
            Color faint = new Color(color.getRed(), color.getGreen(), color.getBlue(), 70);
            List<RouterResult> locals = FederatedVsLocal.locals(result, family).stream().filter(include).toList();
            for (int k = 0; k < locals.size(); k++) {
                RouterResult r = locals.get(k);
                String name = k == 0 ? family + " local (" + locals.size() + " clients)" : family + " local #" + r.client() + "/" + k;
                XYSeries s = line(chart, name, r, faint, new BasicStroke(1.2f));
                if (s != null && k > 0) {
                    s.setShowInLegend(false);
                }
            }
            FederatedVsLocal.find(result, family, "centralized").filter(include)
                    .ifPresent(r -> line(chart, family + " centralized", r, color, dashed(2f)));
            FederatedVsLocal.find(result, family, "federated").filter(include)
                    .ifPresent(r -> line(chart, family + " federated", r, color, new BasicStroke(3f)));
        }

        List<RouterResult> singles = result.routers().stream()
                .filter(r -> "single".equals(r.family()) && "baseline".equals(r.scheme())).filter(include).toList();
        markers(chart, "single models", singles, new Color(120, 120, 120), SeriesMarkers.CIRCLE);
        result.routers().stream().filter(r -> "random".equals(r.family())).filter(include).findFirst()
                .ifPresent(r -> markers(chart, "random", List.of(r), new Color(214, 39, 40), SeriesMarkers.CROSS));
        result.routers().stream().filter(r -> "oracle".equals(r.family())).filter(include).findFirst()
                .ifPresent(r -> markers(chart, "oracle", List.of(r), Color.BLACK, SeriesMarkers.DIAMOND));
        return chart;
    }

    /** The chart as PNG bytes. */
    public static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart as SVG bytes. */
    public static byte[] svg(XYChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<Path> write(XYChart chart, Path dir, String stem) throws IOException {
        Path png = dir.resolve(stem + ".png");
        Path svg = dir.resolve(stem + ".svg");
        Files.write(png, png(chart));
        Files.write(svg, svg(chart));
        return List.of(png, svg);
    }

    private static XYSeries line(XYChart chart, String name, RouterResult r, Color color, BasicStroke stroke) {
        if (r.global() == null) {
            return null;
        }
        List<Frontier.Point> pts = r.global().frontier().sortedByCost().stream().filter(p -> p.cost() > 0).toList();
        if (pts.isEmpty()) {
            return null;
        }
        XYSeries s = chart.addSeries(name, pts.stream().mapToDouble(Frontier.Point::cost).toArray(),
                pts.stream().mapToDouble(Frontier.Point::accuracy).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    private static void markers(XYChart chart, String name, List<RouterResult> routers, Color color, Marker marker) {
        List<Frontier.Point> pts = new ArrayList<>();
        for (RouterResult r : routers) {
            if (r.global() != null) {
                r.global().frontier().points().stream().filter(p -> p.cost() > 0).forEach(pts::add);
            }
        }
        if (pts.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, pts.stream().mapToDouble(Frontier.Point::cost).toArray(),
                pts.stream().mapToDouble(Frontier.Point::accuracy).toArray());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
    }
}
