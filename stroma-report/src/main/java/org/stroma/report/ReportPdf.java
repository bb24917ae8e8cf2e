package org.stroma.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A report's PDF, laid out from the same HTML as the page (its plots are SVG, drawn as vectors), so the two never say
 * different things. The renderer knows CSS 2.1: the CONSORT boxes stack rather than sit side by side.
 */
public final class ReportPdf {
    static {
        // the renderer reports every CSS property it skips (flex, gap); the report is the same without them
        XRLog.setLoggingEnabled(false);
    }

    private ReportPdf() {
    }

    public static void write(String html, Path pdf) throws IOException {
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.withW3cDocument(document, pdf.toUri().toString());
            builder.toStream(out);
            builder.run();
        }
    }
}
