package org.stroma.export;

import java.nio.charset.StandardCharsets;

/** One file of an export: its path inside the export's folder (forward slashes) and its bytes. */
public record ExportedFile(String name, byte[] content) {
    public ExportedFile {
        if (name == null || name.isBlank() || name.startsWith("/") || name.contains("..") || name.contains("\\")) {
            throw new IllegalArgumentException("an exported file's name is a relative path: '" + name + "'");
        }
        content = content.clone();
    }

    public static ExportedFile text(String name, String text) {
        return new ExportedFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content read as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
