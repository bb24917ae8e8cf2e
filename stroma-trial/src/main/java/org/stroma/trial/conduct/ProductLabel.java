package org.stroma.trial.conduct;

import org.stroma.protocol.ScientificNotation;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.product.DonationNumber;
import org.stroma.trial.product.ProductOrder;

/**
 * The text of a product's label. In a masked trial every product's label reads alike — the trial, the subject, the
 * period, the donation number, the volume, the storage — so that a placebo cannot be told from cells; an open trial's
 * label also names the product.
 */
final class ProductLabel {
    private ProductLabel() {
    }

    static String text(TrialDesign design, ProductOrder order, DonationNumber number) {
        StringBuilder s = new StringBuilder("Investigational product, for clinical trial use only · trial ")
                .append(design.trial()).append(" · subject ").append(order.recipient()).append(" · period ")
                .append(order.period()).append(" · DIN ").append(number);
        if (order.dose() != null && order.dose().volumeMl() != null) {
            s.append(" · ").append(ScientificNotation.plain(order.dose().volumeMl())).append(" mL");
        }
        s.append(" · store at 2–8 °C, do not irradiate");
        if (!design.isMasked() && design.product() != null) {
            s.append(" · ").append(design.product().source() == null ? "" : design.product().source().label() + " ")
                    .append(design.product().cellType() == null ? "cells" : design.product().cellType().label());
        }
        return s.toString();
    }
}
