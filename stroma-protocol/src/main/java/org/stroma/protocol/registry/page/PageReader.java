package org.stroma.protocol.registry.page;

import java.util.regex.Pattern;
import org.stroma.protocol.registry.RecordFormat;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RecordReader;

/** Recognises which registry page layout a text file is, and reads it. */
public final class PageReader {
    // "^\h*", not "^\s*": the space that leads a line is on that line; "\s*" would run on over every blank line
    // after it, from every line start, and a page of fifty thousand blank lines would take minutes
    private static final Pattern TABLE_LABEL = Pattern.compile("(?m)^\\h*Study Type\\h*:\\h*\\|");
    private static final Pattern PLAIN_LABEL = Pattern.compile("(?m)^\\h*(Study Type\\h*:|ClinicalTrials\\.gov Identifier\\h*:)");
    private static final Pattern BASIC_INFORMATION = Pattern.compile("(?m)^\\h*Basic Information\\h*$");
    private static final Pattern BASIC_LABELS = Pattern.compile(
            "(?m)^\\h*(Clinical Phase|Study Classification|Recruitment Status|NCT ID\\h*:)");

    private PageReader() {
    }

    public static RecordFormat layout(String page) {
        if (BASIC_INFORMATION.matcher(page).find() && BASIC_LABELS.matcher(page).find()) {
            return RecordFormat.PAGE_BASIC_INFORMATION;
        }
        if (TABLE_LABEL.matcher(page).find()) {
            return RecordFormat.PAGE_WITH_TABLES;
        }
        if (PLAIN_LABEL.matcher(page).find()) {
            return RecordFormat.PAGE_PLAIN_TEXT;
        }
        throw new RecordFormatException("line 1", "not a recognised registry record: expected API v2 JSON, classic API"
                + " JSON, <clinical_study> XML, or a ClinicalTrials.gov study page (with \"Study Type :\" or \"Basic"
                + " Information\")");
    }

    /** The reader for the page's layout. */
    public static RecordReader of(String page) {
        return switch (layout(page)) {
            case PAGE_BASIC_INFORMATION -> new BasicInformationPageReader(page);
            case PAGE_WITH_TABLES -> new ClassicPageReader(page, true);
            default -> new ClassicPageReader(page, false);
        };
    }
}
