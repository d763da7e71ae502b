package io.fedrouter.cli.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontierPlotTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void writesPngAndSvgForAllAndPerFamily(@TempDir Path dir) throws Exception {
        List<Path> files = FrontierPlot.write(SampleResults.study(), dir);
        assertEquals(List.of("frontier.png", "frontier.svg", "frontier-mlp.png", "frontier-mlp.svg",
                "frontier-kmeans.png", "frontier-kmeans.svg"), files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            if (f.toString().endsWith(".png")) {
                assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(f), 8), f + " is not a PNG");
            } else {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                // never fetch the SVG DTD from the network
                factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                Document svg = factory.newDocumentBuilder().parse(f.toFile());
                assertEquals("svg", svg.getDocumentElement().getNodeName());
                assertTrue(svg.getElementsByTagName("path").getLength() > 0, f + " has no path");
            }
        }
    }

    @Test
    void oneFamilyGivesOnlyTheCombinedPlot(@TempDir Path dir) throws Exception {
        List<Path> files = FrontierPlot.write(SampleResults.tiny(), dir);
        assertEquals(2, files.size());
    }
}
