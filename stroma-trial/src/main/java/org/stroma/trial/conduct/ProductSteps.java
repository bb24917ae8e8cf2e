package org.stroma.trial.conduct;

import org.stroma.protocol.ScientificNotation;
import org.stroma.protocol.text.Words;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.ProductStage;

/**
 * How a product's chain reads in its view: its status, in the words every product shares whatever it holds, and each
 * step's details for those who may know what the product is.
 */
final class ProductSteps {
    private ProductSteps() {
    }

    /**
     * A product's status. Before it reaches the site every product is "in preparation", whatever the lab is doing;
     * those who know the arm also see the stage it is at.
     */
    static String status(ProductStage stage, boolean knowsArm) {
        if (!knowsArm) {
            return stage.sharedWords();
        }
        return switch (stage) {
            case REJECTED -> "rejected";
            case SHIPPED, VERIFIED, ADMINISTERED -> stage.sharedWords();
            default -> "in preparation (" + Words.of(stage) + ")";
        };
    }

    /** A step as it reads in a product's view: "culture started", "verified at the bedside". */
    static String name(CustodyEvent e) {
        return e instanceof CustodyEvent.BedsideVerified ? "verified at the bedside" : e.what();
    }

    static String detail(CustodyEvent e) {
        if (e instanceof CustodyEvent.Collected c) {
            return c.tissue() + ", " + ScientificNotation.plain(c.volumeMl()) + " mL from " + c.donor();
        }
        if (e instanceof CustodyEvent.IssuedFromLot i) {
            return i.vials() + " vials of lot " + i.lot();
        }
        if (e instanceof CustodyEvent.Harvested h) {
            return ScientificNotation.format(h.cells()) + " cells";
        }
        if (e instanceof CustodyEvent.PlaceboPrepared p) {
            return p.composition();
        }
        if (e instanceof CustodyEvent.Rejected r) {
            return r.reason();
        }
        if (e instanceof CustodyEvent.Labelled l) {
            return l.number().toString();
        }
        if (e instanceof CustodyEvent.Shipped s) {
            return "to " + s.to() + (s.temperatures().excursions().isEmpty() ? "" : "; "
                    + s.temperatures().describeExcursions());
        }
        return null;
    }
}
