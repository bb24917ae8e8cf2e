package org.stroma.trial.conduct;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.stroma.trial.product.DonationNumber;
import org.stroma.trial.product.ProductKind;

/**
 * A product as one person sees it. Everyone sees what the bedside needs: its status (in preparation, ready at the
 * site, verified, administered, not available), the day its administration is planned (the same for every arm), its
 * label once it is at the site (and the donation number printed on it, which the bedside scans), and the bedside's
 * own steps. Those who may know the arm also see every step of the chain with its details, and what the product is;
 * the others never see the lab's steps, the cells, the tests, the culture or the placebo — nor when the lab did
 * anything, which in a masked trial could tell cells from placebo.
 */
public record ProductView(String product, String recipient, int period, String status,
        LocalDate plannedAdministration, String label, DonationNumber number, List<Step> steps, ProductKind kind,
        String administered, String version) {

    /** A step of the chain: what, when, by whom, and what it recorded (for those who may see it). */
    public record Step(String what, Instant at, String by, String detail) {
    }

    public ProductView {
        steps = List.copyOf(steps);
    }

    /**
     * The view with its version: a digest of what this person sees of the product, so that a step recorded from a
     * view that has changed since is refused. It is drawn from the view itself, not from the product's whole chain,
     * so that it moves only with what the person sees — a count of the lab's steps would tell cells from placebo.
     */
    static ProductView of(String product, String recipient, int period, String status, LocalDate planned,
            String label, DonationNumber number, List<Step> steps, ProductKind kind, String administered) {
        ProductView unversioned = new ProductView(product, recipient, period, status, planned, label, number, steps,
                kind, administered, null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(unversioned.toString().getBytes(
                    StandardCharsets.UTF_8));
            return new ProductView(product, recipient, period, status, planned, label, number, steps, kind,
                    administered, HexFormat.of().formatHex(digest, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The last step this person sees, or null: who changed the product last, as far as they can tell. */
    public Step lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }
}
