package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a registry page. On a page with pipe tables the line's table cells are kept apart ({@code cells}); on a
 * plain-text page the line is one cell. {@code text} is the line with the pipes taken out.
 */
record PageLine(int number, String raw, String text, List<String> cells) {

    /** Lines the registry's pages carry for navigation or screen readers, never data. */
    private static final java.util.regex.Pattern NOT_DATA = java.util.regex.Pattern.compile(
            "^\\s*(?:Layout table for .*|Go to\\s*(?:Top of Page|sections?)?.*|Hide (?:Study Locations|glossary)|Show"
                    + " (?:\\d+ )?(?:Study Locations|more)|Toggle navigation|Skip to main content)\\s*\\|?\\s*$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    static List<PageLine> of(String page, boolean tables) {
        List<PageLine> lines = new ArrayList<>();
        String[] raw = page.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = NOT_DATA.matcher(raw[i]).matches() ? "" : raw[i].replace('\u00a0', ' ');
            List<String> cells = new ArrayList<>();
            if (tables && line.contains("|")) {
                for (String cell : line.split("\\|")) {
                    if (!cell.isBlank()) {
                        cells.add(cell.trim());
                    }
                }
            } else if (!line.isBlank()) {
                cells.add(line.trim());
            }
            String text = String.join(" ", cells).replaceAll("\\s+", " ").trim();
            lines.add(new PageLine(i + 1, line, text, List.copyOf(cells)));
        }
        return lines;
    }

    boolean isBlank() {
        return text.isEmpty();
    }

    /** Where this line is, for provenance and error messages. */
    String place() {
        return "line " + number;
    }
}
