package org.stroma.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF prints the report's own characters — the minus of a contrast, the arrow of a CONSORT step, a threshold's ≥
 * — in DejaVu Sans, as the page shows them, never as "#". `.ci/run` installs the font with Chromium.
 */
class ReportPdfTest {

    @Test
    void theReportsMinusArrowsAndThresholdsArePrintedAsThemselves() throws Exception {
        assertThat(ReportPdf.hasFonts()).as("DejaVu Sans under /usr/share/fonts/truetype/dejavu").isTrue();
        String text = "B − A at Month 3: −1.2; Period 1 → washout → period 2; LVEF ≥ 45 %; ↓ 3";
        String html = "<html><head><style>body{font-family:sans-serif}</style></head><body><p>" + text
                + "</p><p><b>bold − and → too</b></p></body></html>";
        Path pdf = Path.of("target", "report-characters.pdf");
        Files.createDirectories(pdf.getParent());
        ReportPdf.write(html, pdf);
        try (PDDocument doc = PDDocument.load(pdf.toFile())) {
            String printed = new PDFTextStripper().getText(doc);
            assertThat(printed).contains("B − A at Month 3: −1.2", "Period 1 → washout → period 2", "LVEF ≥ 45 %",
                    "↓ 3", "bold − and → too").doesNotContain("#");
        }
    }

    /** A table wider than the paper (the prespecified analyses: nine columns of long text) fits the page. */
    @Test
    void aWideTableIsFittedToThePageNotCutAtItsEdge() throws Exception {
        StringBuilder html = new StringBuilder("<html><head><style>body{font-family:sans-serif;max-width:60rem}"
                + "table{border-collapse:collapse}td{padding:.25rem .5rem}</style></head><body><table><tr>");
        for (int c = 0; c < 9; c++) {
            html.append("<th>column ").append(c).append(" heading</th>");
        }
        html.append("</tr><tr>");
        for (int c = 0; c < 9; c++) {
            html.append("<td>mixed model for repeated measures (unstructured covariance, REML) Autologous−Placebo"
                    + "_at_Month_3_without_a_space</td>");
        }
        html.append("</tr></table></body></html>");
        Path pdf = Path.of("target", "report-wide-table.pdf");
        ReportPdf.write(html.toString(), pdf);
        try (PDDocument doc = PDDocument.load(pdf.toFile())) {
            float width = doc.getPage(0).getMediaBox().getWidth();
            float[] right = {0};
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void writeString(String text, java.util.List<org.apache.pdfbox.text.TextPosition> positions) {
                    positions.forEach(p -> right[0] = Math.max(right[0], p.getXDirAdj() + p.getWidthDirAdj()));
                }
            };
            glyphs.getText(doc);
            assertThat(right[0]).as("the rightmost glyph, on a page %s wide", width).isLessThan(width);
            assertThat(new PDFTextStripper().getText(doc)).contains("column 8");
        }
    }
}
