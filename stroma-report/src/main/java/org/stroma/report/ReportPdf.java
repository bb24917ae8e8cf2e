package org.stroma.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
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
import java.util.Map;
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

    /**
     * The sans-serif the report is set in, when the machine has it: DejaVu Sans, which Debian's fontconfig installs (and
     * `.ci/run` with it), has the report's −, →, ≥ and ↓. The PDF's built-in Helvetica has none of them and would print
     * "#" for each: without DejaVu those characters are written as their nearest ASCII.
     */
    private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final Map<String, String> ASCII = Map.of("\u2212", "-", "\u2192", "->", "\u2190", "<-", "\u2193", "v",
            "\u2191", "^", "\u2265", ">=", "\u2264", "<=", "\u2248", "~", "\u2260", "!=");

    /** The paper's own rules, after the page's: tables as wide as the text, small type, long words broken. */
    private static final String PRINT = "@page{size:A4;margin:15mm}body{max-width:none;margin:0}"
            + "table{width:100%;table-layout:fixed;font-size:7.5pt}th,td{word-wrap:break-word;overflow-wrap:anywhere}"
            + "table.flow{table-layout:auto;font-size:inherit}";

    private ReportPdf() {
    }

    /** Whether the PDF is set in DejaVu Sans (else in the built-in fonts, the characters they lack replaced). */
    static boolean hasFonts() {
        return Files.isReadable(FONTS.resolve("DejaVuSans.ttf")) && Files.isReadable(FONTS.resolve(
                "DejaVuSans-Bold.ttf"));
    }

    /**
     * Writes the PDF of a report page. The same page gives the same bytes: the file carries no time of writing, and its
     * identifier is drawn from the page itself rather than from the clock, so a report can be checked against
     * another run of the same data.
     */
    public static void write(String html, Path pdf) throws IOException {
        boolean fonts = hasFonts();
        String page = html;
        if (!fonts) {
            for (Map.Entry<String, String> c : ASCII.entrySet()) {
                page = page.replace(c.getKey(), c.getValue());
            }
        }
        org.jsoup.nodes.Document parsed = Jsoup.parse(page);
        // a page of paper is narrower than a screen: a wide table (the prespecified analyses) is fitted to it, its
        // cells wrapping long words, rather than cut at the page's edge
        parsed.head().appendElement("style").text(PRINT);
        if (fonts) {
            // the renderer maps the generic sans-serif to its built-in Helvetica whatever is registered: name DejaVu
            parsed.head().appendElement("style").text("body{font-family:\"DejaVu Sans\",sans-serif}");
        }
        org.w3c.dom.Document document = new W3CDom().fromJsoup(parsed);
        ByteArrayOutputStream rendered = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        if (fonts) {
            builder.useFont(FONTS.resolve("DejaVuSans.ttf").toFile(), "DejaVu Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(FONTS.resolve("DejaVuSans-Bold.ttf").toFile(), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        }
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
