package org.stroma.protocol.registry;

import java.util.List;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.Protocol;

/**
 * How large a registry file may be, and its parts. The registry's own limits are far lower (a title of 300
 * characters, a detailed description of 32,000, criteria of 20,000; the records at hand nest 15 levels deep), so no
 * real record comes near these; a file beyond them is refused before any reader spends time or memory on it, with a
 * message that says which limit and where.
 */
public final class RecordLimits {
    /** A whole file: an export of a few hundred studies. */
    public static final int MAX_FILE_BYTES = 32 * 1024 * 1024;
    /** One text: a JSON string, an XML element's text, a line of a page. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** Objects and lists in JSON, elements in XML. */
    public static final int MAX_NESTING = 64;
    /** Individual criteria of a study, nested ones counted; the criteria text's lines too. */
    public static final int MAX_CRITERIA = 2_000;
    /** Elements of one list: the largest trials have a few thousand sites. */
    public static final int MAX_LIST_ELEMENTS = 10_000;

    private RecordLimits() {
    }

    static void checkFileSize(int bytes) {
        if (bytes > MAX_FILE_BYTES) {
            throw new RecordFormatException(null, "the file has " + bytes + " bytes; a registry file may have at most "
                    + MAX_FILE_BYTES + " (" + MAX_FILE_BYTES / (1024 * 1024) + " MB)");
        }
    }

    /** A page's lines, each at most {@link #MAX_TEXT_CHARS} long. */
    static void checkLines(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_TEXT_CHARS) {
                    throw new RecordFormatException("line " + line, "the line has " + (i - start)
                            + " characters; a line may have at most " + MAX_TEXT_CHARS);
                }
                line++;
                start = i + 1;
            }
        }
    }

    /** The criteria text's lines, counted before it is split: each criterion takes a line at least. */
    static void checkCriteriaLines(Protocol raw) {
        String text = raw.eligibility() == null ? null : raw.eligibility().criteriaText();
        if (text == null) {
            return;
        }
        long lines = text.lines().filter(l -> !l.isBlank()).count();
        if (lines > MAX_CRITERIA) {
            throw new RecordFormatException("eligibility criteria", "the text has " + lines
                    + " lines; the criteria of a study may take at most " + MAX_CRITERIA);
        }
    }

    /** A list's size. */
    static void checkListSize(String place, int size) {
        if (size > MAX_LIST_ELEMENTS) {
            throw new RecordFormatException(place, "the list has " + size + " elements; a list may have at most "
                    + MAX_LIST_ELEMENTS);
        }
    }

    /** The number of criteria the free text was split into. */
    static void checkCriteria(Protocol protocol) {
        if (protocol.eligibility() == null) {
            return;
        }
        int count = count(protocol.eligibility().inclusion()) + count(protocol.eligibility().exclusion());
        if (count > MAX_CRITERIA) {
            throw new RecordFormatException("eligibility criteria", "the text splits into " + count
                    + " criteria; a study may have at most " + MAX_CRITERIA);
        }
    }

    private static int count(List<Criterion> criteria) {
        // the splitter bounds how deep criteria nest, so this recursion is shallow
        int n = 0;
        for (Criterion c : criteria == null ? List.<Criterion>of() : criteria) {
            n += 1 + count(c.children());
        }
        return n;
    }
}
