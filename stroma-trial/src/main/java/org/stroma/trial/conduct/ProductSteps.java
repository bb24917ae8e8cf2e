package org.stroma.trial.conduct;

import org.stroma.protocol.ScientificNotation;
import org.stroma.trial.product.CustodyEvent;

/**
 * How custody events read in a product's view: in full for those who know the arm; reduced, for the others, to the
 * steps every product takes — a culture, a lot and a placebo's preparation all read "prepared", and what only the lab
 * does (collection, receipt, passages, tests) is left out.
 */
final class ProductSteps {
    private ProductSteps() {
    }

    /**
     * The common step an event is, or null when those blinded do not see it. The collection is left out too: in a
     * crossover only the cell product is collected for, and it would show which period gives cells.
     */
    static String common(CustodyEvent e) {
        if (e instanceof CustodyEvent.Harvested || e instanceof CustodyEvent.PlaceboPrepared
                || e instanceof CustodyEvent.IssuedFromLot) {
            return "prepared";
        }
        if (e instanceof CustodyEvent.Released) {
            return "released";
        }
        if (e instanceof CustodyEvent.Rejected) {
            return "rejected";
        }
        if (e instanceof CustodyEvent.Labelled) {
            return "labelled";
        }
        if (e instanceof CustodyEvent.Shipped) {
            return "shipped";
        }
        if (e instanceof CustodyEvent.BedsideVerified) {
            return "verified at the bedside";
        }
        if (e instanceof CustodyEvent.Administered) {
            return "administered";
        }
        return null;
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
