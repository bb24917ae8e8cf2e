package org.stroma.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An export made: the study, the format, whether it was blinded, when, and its files — the last of them a manifest
 * ({@value #MANIFEST}) that says what the export is, what the masking withheld, and each file's size and SHA-256, so
 * that a recipient can check that what arrived is what was sent.
 */
public record Export(String study, ExportFormat format, boolean blinded, Instant at, List<ExportedFile> files) {
    public static final String MANIFEST = "MANIFEST.txt";

    public Export {
        List<ExportedFile> all = new ArrayList<>(files);
        all.removeIf(f -> f.name().equals(MANIFEST));
        all.add(ExportedFile.text(MANIFEST, manifest(study, format, blinded, at, all)));
        files = List.copyOf(all);
    }

    /** The file of this name, if the export has one. */
    public ExportedFile file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("the " + format.formatName() + " export of " + study + " has no " + name));
    }

    /** Writes every file under a folder, making the folders its names ask for. */
    public void writeTo(Path folder) throws IOException {
        for (ExportedFile f : files) {
            Path target = folder.resolve(f.name());
            Files.createDirectories(target.getParent());
            Files.write(target, f.content());
        }
    }

    /** The files as one ZIP archive, in the export's order, dated as the export. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (ExportedFile f : files) {
                ZipEntry entry = new ZipEntry(f.name());
                entry.setTime(at.toEpochMilli());
                zip.putNextEntry(entry);
                zip.write(f.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String manifest(String study, ExportFormat format, boolean blinded, Instant at,
            List<ExportedFile> files) {
        StringBuilder s = new StringBuilder();
        s.append("Stroma export\n\nStudy: ").append(study).append("\nFormat: ").append(format.formatName())
                .append("\nMade: ").append(at).append("\nMasking: ").append(blinded
                        ? "blinded — no subject's arm or sequence, no product's kind or cell content, and no step of"
                                + " the cell lab's; the arms appear only as the protocol describes them"
                        : "unblinded — every subject's arm is given; share it only with those who may know the arms")
                .append("\n\nFiles (bytes, SHA-256):\n");
        for (ExportedFile f : files) {
            s.append(f.name()).append('\t').append(f.content().length).append('\t').append(sha256(f.content()))
                    .append('\n');
        }
        return s.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
