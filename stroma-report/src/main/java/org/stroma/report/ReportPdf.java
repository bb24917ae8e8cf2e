package org.stroma.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * A report's PDF, laid out from the same HTML as the page (its plots are SVG, drawn as vectors), so the two never say
 * different things. The renderer knows CSS 2.1, not flex boxes: the CONSORT diagram is a table, its arms side by
 * side in both.
 */
public final class ReportPdf {
    static {
        // the renderer reports every CSS property it skips; the report is the same without them
        XRLog.setLoggingEnabled(false);
    }

    private ReportPdf() {
    }

    /**
     * Writes the PDF of a report page. The same page gives the same bytes: the file carries no time of writing, and its
     * identifier is drawn from the page itself rather than from the clock, so a report can be checked against
     * another run of the same data.
     */
    public static void write(String html, Path pdf) throws IOException {
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withW3cDocument(document, pdf.toUri().toString());
        builder.toStream(rendered);
        builder.run();
        try (PDDocument doc = PDDocument.load(rendered.toByteArray()); OutputStream out = Files.newOutputStream(pdf)) {
            doc.getDocumentInformation().setCreationDate(null);
            doc.getDocumentInformation().setModificationDate(null);
            byte[] id = Arrays.copyOf(sha256(html), 16);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
