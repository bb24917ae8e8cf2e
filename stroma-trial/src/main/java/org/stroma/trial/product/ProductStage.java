package org.stroma.trial.product;

/** How far a product has come along its chain. */
public enum ProductStage {
    ORDERED, COLLECTED, ISSUED, AT_LAB, IN_CULTURE, HARVESTED, PREPARED, TESTED, RELEASED, REJECTED, LABELLED, SHIPPED,
    VERIFIED, ADMINISTERED;

    /**
     * The stage in the words every product shares, whatever it holds: before it reaches the site every product is "in
     * preparation" — the lab's stages (a culture, a lot, a placebo's preparation) would tell what it is.
     */
    public String sharedWords() {
        return switch (this) {
            case SHIPPED -> "ready at the site";
            case VERIFIED -> "verified at the bedside";
            case ADMINISTERED -> "administered";
            case REJECTED -> "not available";
            default -> "in preparation";
        };
    }
}
