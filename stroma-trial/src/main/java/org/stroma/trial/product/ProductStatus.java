package org.stroma.trial.product;

import java.time.Duration;
import java.time.Instant;

/**
 * A product's state, folded from its accepted events: its stage, and the facts later steps check — when its culture
 * started and how many passages it has had, its harvest, its test results, its label, and its shipment.
 */
public record ProductStatus(ProductOrder order, ProductStage stage, String donor, Instant cultureStarted, int passages,
        Double cultureDays, Double cells, ReleaseTests tests, DonationNumber number, TemperatureLog shipment) {

    static ProductStatus of(ProductOrder order) {
        return new ProductStatus(order, ProductStage.ORDERED, null, null, 0, null, null, null, null, null);
    }

    /** The status after one more accepted event. */
    ProductStatus after(CustodyEvent e) {
        if (e instanceof CustodyEvent.Collected c) {
            return with(ProductStage.COLLECTED, c.donor(), cultureStarted, passages, cultureDays, cells, tests, number,
                    shipment);
        } else if (e instanceof CustodyEvent.IssuedFromLot) {
            return stage(ProductStage.ISSUED);
        } else if (e instanceof CustodyEvent.ReceivedAtLab) {
            return stage(ProductStage.AT_LAB);
        } else if (e instanceof CustodyEvent.CultureStarted c) {
            return with(ProductStage.IN_CULTURE, donor, c.at(), 0, null, cells, tests, number, shipment);
        } else if (e instanceof CustodyEvent.Passaged p) {
            return with(ProductStage.IN_CULTURE, donor, cultureStarted, p.passage(), cultureDays, cells, tests, number,
                    shipment);
        } else if (e instanceof CustodyEvent.Harvested h) {
            double days = Duration.between(cultureStarted, h.at()).toHours() / 24.0;
            return with(ProductStage.HARVESTED, donor, cultureStarted, passages, days, h.cells(), tests, number, shipment);
        } else if (e instanceof CustodyEvent.PlaceboPrepared) {
            return stage(ProductStage.PREPARED);
        } else if (e instanceof CustodyEvent.Tested t) {
            return with(ProductStage.TESTED, donor, cultureStarted, passages, cultureDays, cells, t.results(), number,
                    shipment);
        } else if (e instanceof CustodyEvent.Released) {
            return stage(ProductStage.RELEASED);
        } else if (e instanceof CustodyEvent.Rejected) {
            return stage(ProductStage.REJECTED);
        } else if (e instanceof CustodyEvent.Labelled l) {
            return with(ProductStage.LABELLED, donor, cultureStarted, passages, cultureDays, cells, tests, l.number(),
                    shipment);
        } else if (e instanceof CustodyEvent.Shipped s) {
            return with(ProductStage.SHIPPED, donor, cultureStarted, passages, cultureDays, cells, tests, number,
                    s.temperatures());
        } else if (e instanceof CustodyEvent.BedsideVerified) {
            return stage(ProductStage.VERIFIED);
        } else if (e instanceof CustodyEvent.Administered) {
            return stage(ProductStage.ADMINISTERED);
        }
        throw new IllegalArgumentException("a custody event of an unknown kind: " + e);
    }

    private ProductStatus stage(ProductStage s) {
        return with(s, donor, cultureStarted, passages, cultureDays, cells, tests, number, shipment);
    }

    private ProductStatus with(ProductStage s, String donor, Instant cultureStarted, int passages, Double cultureDays,
            Double cells, ReleaseTests tests, DonationNumber number, TemperatureLog shipment) {
        return new ProductStatus(order, s, donor, cultureStarted, passages, cultureDays, cells, tests, number, shipment);
    }
}
