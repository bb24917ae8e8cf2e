package org.stroma.trial.product;

/** How far a product has come along its chain. */
public enum ProductStage {
    ORDERED, COLLECTED, ISSUED, AT_LAB, IN_CULTURE, HARVESTED, PREPARED, TESTED, RELEASED, REJECTED, LABELLED, SHIPPED,
    VERIFIED, ADMINISTERED
}
