package org.stroma.export.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Resource ids made from Stroma's own ids, so that the same subject, form item or custody step has the same id in
 * every export of the trial — blinded or not, today or after more follow-up — and a server that receives a later
 * export updates its resources instead of adding copies. FHIR allows letters, digits, '-' and '.', at most 64 of
 * them: accents are dropped, other characters become '-', and a longer id keeps its start and ends in a digest of
 * the whole.
 */
final class FhirIds {
    private static final int MAX = 64;
    private static final int DIGEST_CHARS = 12;

    private FhirIds() {
    }

    /** The id of the parts joined by '-': the trial first, so that two trials' resources never share an id. */
    static String of(String... parts) {
        String joined = String.join("-", parts);
        // accents dropped first, so that "Pitié-Salpêtrière" reads "Pitie-Salpetriere" rather than "Piti-Salp-tri-re"
        String plain = Normalizer.normalize(joined, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String id = plain.replaceAll("[^A-Za-z0-9.\\-]+", "-").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (id.length() <= MAX && !id.isEmpty()) {
            return id;
        }
        String digest = digest(joined);
        String start = id.substring(0, Math.min(id.length(), MAX - DIGEST_CHARS - 1)).replaceAll("-$", "");
        return start.isEmpty() ? digest : start + "-" + digest;
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, DIGEST_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
