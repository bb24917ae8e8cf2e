package org.stroma.server.app;

import org.stroma.trial.product.CustodyEvent;

/**
 * A step of a product's chain as a person records it: the product, the version of the product they saw (so a step
 * recorded over someone else's is refused, not lost), and the step. The step's recorder is the person signed in.
 */
public record RecordStep(String product, String version, CustodyEvent step) {
}
