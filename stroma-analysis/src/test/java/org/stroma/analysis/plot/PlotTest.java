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

    /** A 60-character arm name: written whole, below the plot area, inside the picture. */
    @Test
    void aLongArmNameIsWrittenWholeBelowThePlotAreaNotOverIt() throws Exception {
        String longName = "B: Autologous MSC from bone marrow, 1×10^6 cells/kg, by vein";
        assertThat(longName).hasSize(60);
        String longerName = "C: Allogeneic umbilical cord mesenchymal stromal cells, intramyocardial injection in"
                + " twenty sites, with a second dose at six months";
        List<MeansPlot.Series> series = List.of(
                new MeansPlot.Series("A: Placebo comparator", List.of(new MeansPlot.Point(0, 35, 33, 37),
                        new MeansPlot.Point(3, 36, 34, 38))),
                new MeansPlot.Series(longName, List.of(new MeansPlot.Point(0, 35, 33, 37),
                        new MeansPlot.Point(3, 40, 38, 42))),
                new MeansPlot.Series(longerName, List.of(new MeansPlot.Point(0, 34, 30, 37),
                        new MeansPlot.Point(3, 41, 38, 45))));
        Document means = parse(MeansPlot.svg(series, "months from the first administration",
                "Minnesota Living with Heart Failure Questionnaire, total score (points), higher is worse", "Means"));
        assertThat(byClass(means, "text", "legend")).extracting(Element::getTextContent)
                .containsExactly("A: Placebo comparator", longName, longerName);
        legendBelowThePlotAreaInsideThePicture(means);

        SurvivalData data = new SurvivalData(new double[] {1, 2, 3, 4}, new boolean[] {true, false, true, true},
                new String[] {"A", "A", longName, longName});
        Document km = parse(KaplanMeierPlot.svg(List.of(KaplanMeier.estimate("A", data.of("A")),
                KaplanMeier.estimate(longName, data.of(longName))), 5, "days", null));
        assertThat(byClass(km, "text", "legend")).extracting(Element::getTextContent)
                .containsExactly("A (n = 2)", longName + " (n = 2)");
        legendBelowThePlotAreaInsideThePicture(km);
    }

    /** A trial's long name is broken onto lines in its column, left of the plot, its row growing with it. */
    @Test
    void aForestPlotsLongTrialNameStaysInItsColumn() throws Exception {
        String name = "MESAMI2 (autologous bone-marrow MSC, Toulouse, 2016–2021), intention to treat";
        Document d = parse(ForestPlot.svg(List.of(new ForestPlot.Row(name, 2.1, -0.45, 4.65, 0.3, false),
                new ForestPlot.Row("uc-MSC", 4.8, 1.08, 8.52, 0.2, false)), "LVEF change (points)", 0, null));
        Element label = byClass(d, "text", "study-label").get(0);
        assertThat(label.getTextContent()).isEqualTo(name);
        assertThat(children(label, "tspan")).hasSizeGreaterThan(1);
        double axisStart = Double.parseDouble(byClass(d, "line", "axis").get(0).getAttribute("x1"));
        assertThat(box(label)[2]).isLessThan(axisStart);
        // the second trial's row starts below the first one's last line
        Element second = byClass(d, "text", "study-label").get(1);
        assertThat(box(second)[1]).isGreaterThan(box(label)[3]);
        assertThat(picture(d)[0]).isEqualTo(720);
    }

    /** Tick labels sit inside the picture, apart from one another; the vertical axis's title too. */
    @Test
    void tickLabelsAndAxisTitlesFitThePicture() throws Exception {
        List<MeansPlot.Series> tiny = List.of(new MeansPlot.Series("all subjects", List.of(
                new MeansPlot.Point(0, 1e-15, 0, 2e-15), new MeansPlot.Point(1e7, 1e-15, 0, 2e-15))));
        List<MeansPlot.Series> equal = List.of(new MeansPlot.Series("all subjects", List.of(
                new MeansPlot.Point(3, 0, 0, 0), new MeansPlot.Point(3, 0, 0, 0))));
        for (List<MeansPlot.Series> series : List.of(tiny, equal)) {
            Document d = parse(MeansPlot.svg(series, "months", "a very long name of an outcome measure, with its unit"
                    + " and a long explanation of how it is derived from the forms (points)", null));
            double[] picture = picture(d);
            List<double[]> boxes = new ArrayList<>();
            for (Element label : byClass(d, "text", "tick-label")) {
                double[] box = box(label);
                assertThat(box[0]).as(label.getTextContent()).isGreaterThanOrEqualTo(0);
                assertThat(box[2]).as(label.getTextContent()).isLessThanOrEqualTo(picture[0]);
                assertThat(label.getTextContent()).doesNotContain("0.0000");
                boxes.add(box);
            }
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(intersect(boxes.get(i), boxes.get(j))).as("tick labels %d and %d", i, j).isFalse();
                }
            }
            Element yTitle = byClass(d, "text", "axis-label").get(1);
            double[] plot = plotArea(d);
            // turned a quarter, each line's length is its height: no longer than the plot area is high
            for (Element line : children(yTitle, "tspan")) {
                assertThat(TextWidth.of(line.getTextContent().strip(), 12)).isLessThanOrEqualTo(plot[3] - plot[1]);
            }
        }
    }

    private static void legendBelowThePlotAreaInsideThePicture(Document d) {
        double[] plot = plotArea(d);
        double[] picture = picture(d);
        for (Element legend : byClass(d, "text", "legend")) {
            double[] box = box(legend);
            assertThat(intersect(box, plot)).as(legend.getTextContent()).isFalse();
            assertThat(box[1]).as(legend.getTextContent()).isGreaterThan(plot[3]);
            assertThat(box[0]).isGreaterThanOrEqualTo(0);
            assertThat(box[2]).as(legend.getTextContent()).isLessThanOrEqualTo(picture[0]);
            assertThat(box[3]).as(legend.getTextContent()).isLessThanOrEqualTo(picture[1]);
        }
    }

    /** The picture's width and height. */
    private static double[] picture(Document d) {
        Element svg = d.getDocumentElement();
        return new double[] {Double.parseDouble(svg.getAttribute("width")), Double.parseDouble(svg.getAttribute(
                "height"))};
    }

    /** The plot area as left, top, right, bottom. */
    private static double[] plotArea(Document d) {
        Element r = byClass(d, "rect", "plot-area").get(0);
        double x = Double.parseDouble(r.getAttribute("x"));
        double y = Double.parseDouble(r.getAttribute("y"));
        return new double[] {x, y, x + Double.parseDouble(r.getAttribute("width")), y + Double.parseDouble(
                r.getAttribute("height"))};
    }

    /**
     * A horizontal text's box (left, top, right, bottom) by the widths {@link TextWidth} estimates, a line's height
     * being the font's ascent and descent (0.93 and 0.24 em in DejaVu Sans).
     */
    private static double[] box(Element text) {
        double size = Double.parseDouble(text.getAttribute("font-size"));
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        List<Element> lines = children(text, "tspan");
        double width = lines.isEmpty() ? TextWidth.of(text.getTextContent(), size) : lines.stream().mapToDouble(
                l -> TextWidth.of(l.getTextContent().strip(), size)).max().orElse(0);
        double below = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.getAttribute("dy"))).sum();
        double left = switch (text.getAttribute("text-anchor")) {
            case "middle" -> x - width / 2;
            case "end" -> x - width;
            default -> x;
        };
        return new double[] {left, y - 0.93 * size, left + width, y + below + 0.24 * size};
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList all = parent.getElementsByTagName(tag);
        for (int i = 0; i < all.getLength(); i++) {
            found.add((Element) all.item(i));
        }
        return found;
    }

    private static boolean intersect(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
}
