package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.ProductOutcome;
import org.stroma.trial.product.ProductKind;
import org.stroma.trial.subject.SubjectState;

/** The CONSORT diagram has a column per arm, side by side in the PDF as on the page. */
class ConsortLayoutTest {
    private static final LocalDate DAY = LocalDate.of(2026, 7, 1);

    @Test
    void thePdfsArmsSitSideBySideAsThePagesDo() throws Exception {
        List<LockedTrial.SubjectRow> subjects = new ArrayList<>();
        List<LockedTrial.ProductRow> products = new ArrayList<>();
        String[][] given = {{"S1", "A", "placebo"}, {"S2", "B", "cells"}, {"S3", "B", "cells"}};
        for (String[] g : given) {
            subjects.add(new LockedTrial.SubjectRow(g[0], "Toulouse", SubjectState.COMPLETED, g[1], g[2], DAY,
                    DAY.plusDays(20), 70.0, null, List.of(SubjectState.COMPLETED), DAY.plusDays(200), List.of()));
            products.add(new LockedTrial.ProductRow(g[0] + "-P1", g[0], g[1], 1, ProductKind.CELLS,
                    ProductOutcome.ADMINISTERED, null, null, 6e7, DAY.plusDays(20)));
        }
        LockedTrial trial = new LockedTrial("NCT0", "test", false, subjects, List.of(), List.of(), products, List.of());
        String html = TrialReport.html(trial, false, "test");
        String consort = html.substring(html.indexOf("<section id=\"consort\""), html.indexOf("</section>"));
        // the page: one row holding both arms' allocation boxes, each in its own cell
        assertThat(consort).contains("<table class=\"flow\">", "<td colspan=\"2\">").containsPattern(
                "<tr><td><div class=\"box\"><strong>Allocated: A: placebo</strong>[^\\n]*?</td><td><div class=\"box\">"
                + "<strong>Allocated: B: cells</strong>");

        Path pdf = Path.of("target", "consort-layout.pdf");
        Files.createDirectories(pdf.getParent());
        ReportPdf.write(html, pdf);
        try (PDDocument doc = PDDocument.load(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            List<String> lines = Arrays.asList(stripper.getText(doc).split("\\R"));
            // text on one line of the page is on one line of the text: the two arms' boxes are side by side
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Allocated: A: placebo", "Allocated: B:"
                    + " cells"));
            assertThat(lines).anySatisfy(line -> assertThat(line).containsPattern("Analysed \\(completed\\).*"
                    + "Analysed \\(completed\\)"));
        }
    }
}
