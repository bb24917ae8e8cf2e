package org.stroma.analysis.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.survival.KaplanMeier;
import org.stroma.analysis.survival.SurvivalData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The plots are well-formed SVG whose shapes follow the numbers they draw. */
class PlotTest {
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> byClass(Document d, String tag, String cssClass) {
        NodeList all = d.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    @Test
    void kaplanMeierCurvesStepDownAndNameTheirGroups() throws Exception {
        SurvivalData data = new SurvivalData(new double[] {1, 2, 3, 4, 5, 2, 6, 8}, new boolean[] {true, true, false,
            true, true, true, false, true}, new String[] {"A", "A", "A", "A", "A", "B <&>", "B <&>", "B <&>"});
        List<KaplanMeier.Curve> curves = List.of(KaplanMeier.estimate("A", data.of("A")),
                KaplanMeier.estimate("B <&>", data.of("B <&>")));
        Document d = parse(KaplanMeierPlot.svg(curves, 10, "weeks", "Time to relapse"));
        List<Element> paths = byClass(d, "path", "km-curve");
        assertThat(paths).hasSize(2);
        // in SVG y grows downwards: a survival curve's V commands never go up
        double previous = -1;
        for (String part : paths.get(0).getAttribute("d").split(" ")) {
            if (part.startsWith("V")) {
                double y = Double.parseDouble(part.substring(1));
                assertThat(y).isGreaterThanOrEqualTo(previous);
                previous = y;
            }
        }
        assertThat(byClass(d, "text", "legend")).extracting(Element::getTextContent)
                .containsExactly("A (n = 5)", "B <&> (n = 3)");
    }

    @Test
    void aForestPlotHasASquarePerTrialAndADiamondPerPooledEstimate() throws Exception {
        List<ForestPlot.Row> rows = List.of(new ForestPlot.Row("MESAMI2", 2.1, -0.45, 4.65, 0.3, false),
                new ForestPlot.Row("uc-MSC", 4.8, 1.08, 8.52, 0.2, false),
                new ForestPlot.Row("MESAMI1", 0.6, -1.56, 2.76, 0.5, false),
                new ForestPlot.Row("random effects", 2.09, -0.06, 4.23, 1, true));
        Document d = parse(ForestPlot.svg(rows, "LVEF change, cells − placebo (points)", 0, null));
        List<Element> squares = byClass(d, "rect", "square");
        assertThat(squares).hasSize(3);
        // the heaviest trial has the largest square
        assertThat(Double.parseDouble(squares.get(2).getAttribute("width")))
                .isGreaterThan(Double.parseDouble(squares.get(1).getAttribute("width")));
        assertThat(byClass(d, "path", "diamond")).hasSize(1);
        assertThat(byClass(d, "text", "estimate")).extracting(Element::getTextContent)
                .contains("2.09 [-0.06, 4.23]");
        assertThat(byClass(d, "line", "no-effect")).hasSize(1);
    }

    @Test
    void meansOverTimeWithErrorBars() throws Exception {
        List<MeansPlot.Series> series = List.of(
                new MeansPlot.Series("placebo", List.of(new MeansPlot.Point(0, 35, 33, 37),
                        new MeansPlot.Point(3, 36, 34, 38))),
                new MeansPlot.Series("cells", List.of(new MeansPlot.Point(0, 35, 33, 37),
                        new MeansPlot.Point(3, 40, 38, 42))));
        Document d = parse(MeansPlot.svg(series, "months", "LVEF (%)", null));
        assertThat(byClass(d, "circle", "mean")).hasSize(4);
        assertThat(byClass(d, "line", "error-bar")).hasSize(4);
        List<Element> means = byClass(d, "circle", "mean");
        // the cells' month-3 mean (40) sits higher on the page (smaller y) than placebo's (36)
        assertThat(Double.parseDouble(means.get(3).getAttribute("cy")))
                .isLessThan(Double.parseDouble(means.get(1).getAttribute("cy")));
    }
}
