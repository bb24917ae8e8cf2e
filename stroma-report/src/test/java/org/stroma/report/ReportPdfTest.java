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
}
